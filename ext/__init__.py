"""Small Sphinx extensions of the knowledge base, one module per concern."""
