# Build, test and preview the knowledge base. `make` alone lists the targets.
#
# The first target you run creates .venv and installs the exact versions in
# requirements.lock; it reinstalls whenever the lock changes.

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed-lock
BUILDDIR    ?= _build
SOURCEDIR   := source
EPUB_NAME   := amitriptyline-nerve-damage
# -W: a warning fails the build. --keep-going: report every warning, not just
# the first. -n: a reference to a missing target is a warning too. These three
# are SPHINXFLAGS, which `make sphinx-flags` prints for the tests and the
# benchmark. -c .: the configuration lives at the root, the pages in source/.
# Doctrees go outside each output folder, or the ePub builder would pack them
# into the book.
SPHINXOPTS  ?=
SPHINXFLAGS := -W --keep-going -n
SPHINXBUILD := $(BIN)/sphinx-build $(SPHINXFLAGS) -c . $(SPHINXOPTS)
# The Spanish edition: the same pages, read through locales/es/LC_MESSAGES/.
SPHINXBUILD_ES := $(SPHINXBUILD) -D language=es
EPUB_NAME_ES := amitriptilina-dano-de-los-nervios

.DEFAULT_GOAL := help
.PHONY: help html epub gettext translations epub-pictures lint test test-js audit screenshots serve bench clean lock sphinx-flags

help: ## List the targets
	@echo "Usage: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	# Our own package (amitriptyline_kb/), editable: its dependencies are the
	# lock's, and it builds with the lock's setuptools, so nothing is fetched.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The website offers the ePub of the same build for download, so html builds
# the ePub first (Sphinx rereads only changed pages) and copies it in. The
# English site is the root; the Spanish edition, built from the same pages
# and locales/es/LC_MESSAGES/, is es/ inside it, with its own ePub.
html: epub ## Build the website into _build/html (English) and _build/html/es (Spanish), each with its ePub
	$(SPHINXBUILD) -b html -d $(BUILDDIR)/doctrees/html $(SOURCEDIR) $(BUILDDIR)/html
	cp $(BUILDDIR)/epub/$(EPUB_NAME).epub $(BUILDDIR)/html/
	$(SPHINXBUILD_ES) -b html -d $(BUILDDIR)/doctrees/html-es $(SOURCEDIR) $(BUILDDIR)/html/es
	cp $(BUILDDIR)/epub-es/$(EPUB_NAME_ES).epub $(BUILDDIR)/html/es/
	@echo "Open $(BUILDDIR)/html/index.html in a browser."

epub: $(STAMP) ## Build the ePubs into _build/epub/ (English) and _build/epub-es/ (Spanish)
	$(SPHINXBUILD) -b epub -d $(BUILDDIR)/doctrees/epub $(SOURCEDIR) $(BUILDDIR)/epub
	$(SPHINXBUILD_ES) -b epub -d $(BUILDDIR)/doctrees/epub-es $(SOURCEDIR) $(BUILDDIR)/epub-es
	@echo "The ePubs are $(BUILDDIR)/epub/$(EPUB_NAME).epub and $(BUILDDIR)/epub-es/$(EPUB_NAME_ES).epub"

# The message catalogues of the English pages (.pot), one per page, with
# sphinx.pot for the words of the templates.
gettext: $(STAMP) ## Write the English pages' message catalogues into _build/gettext
	$(SPHINXBUILD) -b gettext -d $(BUILDDIR)/doctrees/gettext $(SOURCEDIR) $(BUILDDIR)/gettext

# sphinx-intl adds new English messages to each .po file, marks a changed one
# fuzzy (its old translation kept for the translator, but not published) and
# keeps a removed one commented out at the end (docs/translating.md).
translations: gettext ## Bring locales/es/LC_MESSAGES/*.po up to date with the English pages
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locales -l es

# SPHINXFLAGS, for the tests and the benchmark, which must build with the same
# options: `make -s --no-print-directory sphinx-flags`.
sphinx-flags:
	@echo $(SPHINXFLAGS)

# pre-commit runs the tools from .venv, on every file git tracks; the hooks
# are in .pre-commit-config.yaml.
lint: $(STAMP) node_modules/.installed-lock ## Lint Python and Markdown, check spelling and whitespace
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

test: lint test-js ## Run every check: lint, then the tests (which build the site in a temporary folder)
	$(BIN)/python -m pytest

# The tests run the scripts with Sphinx's own searchtools.js, stop words and
# stemmer, read from the Sphinx in .venv that builds the site.
test-js: $(STAMP) ## Unit-test the browser scripts with node's test runner
	node --test tests/js/

audit: html node_modules/.installed-lock ## Lighthouse scores of every reader page (all must be 100)
	$(BIN)/python -m amitriptyline_kb.tools.lighthouse $(BUILDDIR)/html

# Lighthouse and Ace by DAISY are pinned in package.json and package-lock.json.
# Lighthouse's trace engine asks for two packages as "latest", which would make
# `npm ci` reject the lock whenever they publish; package.json's "overrides"
# pin them too. Both drive Debian's Chromium: PUPPETEER_SKIP_DOWNLOAD stops
# Ace's puppeteer from downloading a browser of its own (which fails offline).
node_modules/.installed-lock: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

screenshots: html ## Save PNGs of key pages to _build/screenshots/
	$(BIN)/python -m amitriptyline_kb.tools.screenshots $(BUILDDIR)/html $(BUILDDIR)/screenshots

# The book as a reader sees it on a small e-reader or a phone: calibre lays it
# out on 360 x 640 px pages (Debian: apt install calibre poppler-utils), and
# pdftoppm saves each page as a PNG, to look at every page after a change.
EPUB_PAGES  := $(BUILDDIR)/epub-pictures
# calibre lays pages out with QtWebEngine (Chromium), which will not run
# sandboxed as root, as in a container.
AS_ROOT     := $(if $(filter 0,$(shell id -u)),QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox)
epub-pictures: epub ## Save every page of the ePub, as a small e-reader shows it, to _build/epub-pictures/
	rm -rf $(EPUB_PAGES) && mkdir -p $(EPUB_PAGES)
	$(AS_ROOT) ebook-convert $(BUILDDIR)/epub/$(EPUB_NAME).epub $(EPUB_PAGES)/book.pdf \
		--custom-size 360x640 --unit devicepixel --pdf-default-font-size 16 \
		--pdf-page-margin-left 12 --pdf-page-margin-right 12 \
		--pdf-page-margin-top 16 --pdf-page-margin-bottom 16 > $(EPUB_PAGES)/convert.log
	pdftoppm -r 96 -png $(EPUB_PAGES)/book.pdf $(EPUB_PAGES)/page
	@echo "The pages are $(EPUB_PAGES)/page-*.png"

serve: $(STAMP) ## Live preview on http://127.0.0.1:8000, rebuilt on every save
	$(BIN)/sphinx-autobuild --host 127.0.0.1 --port 8000 $(SPHINXFLAGS) -c . \
		-d $(BUILDDIR)/doctrees/serve --watch amitriptyline_kb --watch conf.py $(SOURCEDIR) $(BUILDDIR)/serve

# Each figure is measured RUNS times; the table shows the median, fastest and
# slowest run. BENCHOPTS passes options on, e.g. BENCHOPTS=--quick (one run,
# 100 pages: checks that the benchmark works) or BENCHOPTS=--sizes=100,300.
RUNS        ?= 5
BENCHOPTS   ?=
bench: $(STAMP) ## Time builds, weigh pages, time searches, today and at 1,000 pages (docs/maintaining.md)
	$(BIN)/python -m amitriptyline_kb.tools.bench --runs $(RUNS) --output $(BUILDDIR)/bench $(BENCHOPTS)

# Every pin carries the hashes of its files on PyPI, and make installs with
# --require-hashes: a file that differs from the one locked is refused.
# --allow-unsafe pins setuptools too, which hash checking needs.
lock: $(STAMP) ## Re-pin requirements.lock, with hashes, from the ranges in pyproject.toml
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --all-extras --strip-extras --no-emit-find-links \
		--no-emit-index-url --generate-hashes --allow-unsafe -o requirements.lock pyproject.toml

clean: ## Remove build output (keeps .venv)
	rm -rf $(BUILDDIR)
