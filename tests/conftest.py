"""Shared fixtures: the sample article, stores of every backend."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.samples import sample_documents
from kg.store import open_store

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_doc():
    return sample_documents()[0]


@pytest.fixture(scope="session")
def sample_extraction(sample_doc):
    return api.extract(sample_doc)


@pytest.fixture(scope="session")
def sample_record(sample_extraction):
    return api.extraction_record(sample_extraction)


@pytest.fixture(scope="session")
def sample_store():
    store = open_store("memory")
    api.ingest_documents(store, sample_documents())
    return store


@pytest.fixture(params=["memory", "oxigraph-memory", "oxigraph-disk"])
def any_store(request, tmp_path):
    """A fresh empty store of each registered backend."""
    location = str(tmp_path / "store") if request.param == "oxigraph-disk" else request.param
    store = open_store(location)
    yield store
    store.close()
