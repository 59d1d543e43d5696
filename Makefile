# Leeswijzer — `make run` launches the app, `make test` runs every test (see README.md).
# Both set everything up on a fresh machine: a virtual environment in .venv, the Dutch spaCy
# pipeline and the dictionary built from its open sources.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

# The Dutch spaCy pipeline to install (a package name, found in PIP_FIND_LINKS or on an index,
# or a wheel path/URL). The official nl_core_news_sm comes from its release wheel, pinned by
# URL and SHA-256 in packaging/pipeline-requirements.txt (never by name from an index).
LEESWIJZER_PIPELINE ?= nl_core_news_sm
# Folder with the dictionary sources (FreeDict, OMW, WordNet); empty = download them.
LEESWIJZER_SOURCES ?=
export LEESWIJZER_PIPELINE LEESWIJZER_SOURCES

DICTIONARY := resources/dictionary.sqlite
PLACES := resources/places.json
LANGUAGE_MODEL := resources/languages.npz
SIMPLEMMA_TABLE := resources/simplemma-nl.tsv.z
INSTALLED := $(VENV)/.installed
PIPELINE_STAMP := $(VENV)/.pipeline-$(subst /,_,$(subst :,_,$(LEESWIJZER_PIPELINE)))

.PHONY: run test setup lint bench bundle package clean kb-report

run: setup
	$(PY) main.py resources/sample_article.txt

# The suite runs on TEST_JOBS pytest-xdist workers (0, the default: in one process; two workers
# gave no gain on this 2-core machine and let focus tests see another test's window). A module
# whose tests share a module-scoped fixture stays on one worker (tests/conftest.py marks it
# xdist_group).
# Its hundred-odd Python processes keep their compiled modules in $(PYCACHE), outside the source
# tree, even where PYTHONDONTWRITEBYTECODE is set: compiling the project and the tests again in
# each of them cost more CPU than many tests.
TEST_JOBS ?= 0
PYCACHE := $(abspath $(VENV))/pycache
TEST_ENV := QT_QPA_PLATFORM=offscreen LEESWIJZER_OFFLINE=1 PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(PYCACHE)
test: setup
	$(TEST_ENV) $(PY) -m pytest -q -n $(TEST_JOBS) --dist loadgroup

setup: $(INSTALLED) $(PIPELINE_STAMP) $(DICTIONARY) $(PLACES) $(LANGUAGE_MODEL) $(SIMPLEMMA_TABLE)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev,bundle]"
	touch $@

$(PIPELINE_STAMP): $(INSTALLED)
	if [ "$(LEESWIJZER_PIPELINE)" = nl_core_news_sm ]; then \
	  $(PIP) install --quiet --no-deps --require-hashes -r packaging/pipeline-requirements.txt; \
	else $(PIP) install --quiet "$(LEESWIJZER_PIPELINE)"; fi
	touch $@

# The build reads the strong-verb table too (principal parts, past forms), through assistant/lexicon/verbs.py,
# and the place names (their adjectives: Oostendse).
$(DICTIONARY): scripts/build_dictionary.py resources/dictionary_supplement.tsv \
               resources/compound_glosses.tsv \
               resources/strong_verbs.tsv assistant/lexicon/verbs.py assistant/lexicon/keys.py \
               assistant/lexicon/alpino.py assistant/lexicon/senses.py \
               assistant/lexicon/cognates.py assistant/lexicon/english.py \
               resources/region_adjectives.tsv $(PLACES) $(INSTALLED)
	$(PY) scripts/build_dictionary.py --output $@ $(if $(LEESWIJZER_SOURCES),--sources "$(LEESWIJZER_SOURCES)")

$(PLACES): scripts/build_places.py assistant/knowledge/places.py $(INSTALLED)
	$(PY) scripts/build_places.py --output $@

# py3langid's model cut down to the languages assistant/reading/language.py tells apart, and
# simplemma's Dutch table unpacked: each loads in a third of the time or less.
$(LANGUAGE_MODEL): scripts/build_tables.py assistant/reading/language.py $(INSTALLED)
	$(PY) scripts/build_tables.py languages --output $@

$(SIMPLEMMA_TABLE): scripts/build_tables.py assistant/lexicon/lemmas.py $(INSTALLED)
	$(PY) scripts/build_tables.py simplemma --output $@

lint: setup
	$(VENV)/bin/mypy --strict assistant
	$(VENV)/bin/ruff check .

bench: setup
	LEESWIJZER_OFFLINE=1 $(PY) bench/analyse.py
	LEESWIJZER_OFFLINE=1 $(PY) bench/gloss.py
	LEESWIJZER_OFFLINE=1 $(PY) bench/lexicon.py
	LEESWIJZER_OFFLINE=1 $(PY) bench/notes.py
	LEESWIJZER_OFFLINE=1 $(PY) bench/learner.py
	QT_QPA_PLATFORM=offscreen LEESWIJZER_OFFLINE=1 $(PY) bench/ui.py

# Coverage of the offline knowledge base and the entries that may be out of date.
kb-report: $(INSTALLED)
	$(PY) scripts/kb_report.py

clean:
	rm -rf build dist mutants $(DICTIONARY) $(PLACES)

# Mutation testing (README, "Tests that bite"): mutmut mutates the rule modules listed in
# pyproject.toml [tool.mutmut], runs the unit tests that cover each mutant, and prints the score
# per module. `make mutate MODULES=assistant/reading/separable.py` mutates only those files;
# JOBS=n workers (default: the cores); FRESH=1 forgets earlier runs (the test coverage map).
MODULES ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
.PHONY: mutate
mutate: setup
	$(PY) scripts/mutation_report.py --run --jobs $(JOBS) $(if $(FRESH),--fresh) $(MODULES)

# Installer for learners (docs/packaging.md): the one-folder bundle dist/leeswijzer/, the .deb,
# and the check CI runs: self-test and offscreen GUI from outside the source tree, then the .deb.
.PHONY: bundle-check

bundle: setup
	$(PY) packaging/build_bundle.py

package: setup
	$(PY) packaging/build_bundle.py --if-stale
	$(PY) packaging/linux/build_deb.py

bundle-check: setup
	$(PY) packaging/build_bundle.py --if-stale --no-archive
	$(PY) packaging/linux/build_deb.py
	$(PY) packaging/check_bundle.py --sample ../shared/samples/000_979833dae2dbd21b.txt --deb auto
