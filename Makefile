# The two commands: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint gazetteer evaluate bench clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

gazetteer: $(STAMP)
	$(PY) -m geomap gazetteer build

run: gazetteer
	$(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port 8501

test: gazetteer
	$(VENV)/bin/ruff check geomap tests benchmarks streamlit_app.py
	$(PY) -m pytest -q

evaluate: gazetteer
	$(PY) -m geomap evaluate ../shared/corpora/geovirus/GeoVirus.xml
	$(PY) -m geomap evaluate data/eval/us_local
	$(PY) -m geomap evaluate data/eval/world
	$(PY) -m geomap evaluate data/eval/mixed
	$(PY) -m geomap evaluate data/eval/commonwealth
	$(PY) -m geomap evaluate data/eval/web
	$(PY) -m geomap evaluate data/eval/regional
	$(PY) -m geomap evaluate data/eval/wire
	$(PY) -m geomap evaluate data/eval/dispatch
	$(PY) -m geomap evaluate data/eval/bulletin
	$(PY) -m geomap evaluate data/eval/gazette
	$(PY) -m geomap evaluate data/eval/courier
	$(PY) -m geomap evaluate data/eval/ledger
	$(PY) -m geomap evaluate data/eval/tribune
	$(PY) -m geomap evaluate data/eval/herald
	$(PY) -m geomap evaluate data/eval/chronicle
	$(PY) -m geomap evaluate data/eval/sentinel
	$(PY) -m geomap evaluate data/eval/examiner
	$(PY) -m geomap evaluate data/eval/observer
	$(PY) -m geomap evaluate data/eval/journal
	$(PY) -m geomap evaluate data/eval/record
	$(PY) -m geomap evaluate data/eval/leader
	$(PY) -m geomap evaluate data/eval/argus

bench: gazetteer
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_store.py

clean:
	rm -rf $(VENV) .pytest_cache
