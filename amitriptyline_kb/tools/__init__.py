"""Not extensions: what tests, audits and benchmarks use to serve and read the built site."""
