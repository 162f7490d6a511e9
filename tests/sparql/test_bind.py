"""``--bind`` values are data: a string literal unless the query declares another kind, never
query text, on both engines (rdflib memory store and Oxigraph)."""
from __future__ import annotations

import pytest

from kg import api
from kg.cli import main
from kg.errors import QueryError
from kg.samples import sample_documents
from kg.sparql import bind, bind_declarations, bound_term, resolve_query
from kg.store import open_store

ECHO = "SELECT ?v WHERE { }"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    """An on-disk Oxigraph store holding the sample article, for the command line."""
    location = str(tmp_path_factory.mktemp("bind") / "kg-data")
    with open_store(location, create=True) as store:
        api.ingest_documents(store, sample_documents())
    return location


@pytest.fixture(params=["memory", "oxigraph-memory"])
def echo_store(request):
    store = open_store(request.param)
    yield store
    store.close()


def _rows(capsys, store, name, *binds):
    code, out, err = run(capsys, "query", name, "--store", store, "--format", "csv",
                         *[x for b in binds for x in ("--bind", b)])
    assert code == 0, err
    return out.splitlines()[1:]


def test_an_iri_shaped_value_cannot_rewrite_the_query(disk_store, capsys):
    assert _rows(capsys, disk_store, "actor-timeline", "name=Sergey Lavrov")
    assert _rows(capsys, disk_store, "actor-timeline", "name=<urn:x>)(UNDEF)}#>") == []
    assert _rows(capsys, disk_store, "actor-timeline", 'name=x") (UNDEF) } #') == []


def test_readme_examples_still_work(disk_store, capsys):
    assert _rows(capsys, disk_store, "events-by-type-period", "type=ASSAULT", "from=2025-07", "to=2025-07-31")
    assert _rows(capsys, disk_store, "events-by-type-period", "type=ASSAULT", "from=2025", "to=2025")


@pytest.mark.parametrize("value", [
    'quote " and \' and \\ backslash', "line\nbreak\r\n and\ttab", "\x1b[2J\x07\x08\x00\x7f\x9b\u202e",
    "\\u0041 stays six characters", "\\U0001F600 too", "'''", '"""', "} UNION { ?s ?p ?o }", "<urn:x>", "# not a comment",
    "Сергей Лавров 🇷🇺",
])
def test_string_values_round_trip_exactly(echo_store, value):
    result = echo_store.query(bind(ECHO, {"v": value}))
    assert [str(row[0]) for row in result.rows] == [value]


def test_undeclared_iri_shaped_value_is_a_string(echo_store):
    [(term,)] = echo_store.query(bind(ECHO, {"v": "<urn:x>"})).rows
    assert str(term) == "<urn:x>" and term.__class__.__name__ == "Literal"


def test_declared_iri_binds_an_iri(disk_store, capsys):
    iri = next(line.rsplit(",", 1)[1] for line in run(capsys, "actors", "--format", "csv", "--store", disk_store)[1]
               .splitlines() if line.startswith("Sergey Lavrov,"))
    by_iri = _rows(capsys, disk_store, "actor-timeline", f"actor={iri}")
    assert by_iri and by_iri == _rows(capsys, disk_store, "actor-timeline", f"actor=<{iri}>") \
        == _rows(capsys, disk_store, "actor-timeline", "name=Sergey Lavrov")
    [(term,)] = open_store("memory").query(bind("# bind ?v: iri\n" + ECHO, {"v": iri})).rows
    assert term.__class__.__name__ == "URIRef" and str(term) == iri


@pytest.mark.parametrize("value", [
    "urn:x> } #", "urn:a b", "urn:a{b}", "urn:a|b", "urn:a^b", "urn:a`b", "urn:a\\b", 'urn:a"b', "urn:a\x1bb",
    "urn:a\x85b", "urn:a\u202eb", "urn:a\nb", "relative/path", "", "<>", "<urn:a><urn:b>",
])
def test_declared_iri_refuses_what_iriref_forbids(value):
    with pytest.raises(QueryError, match="is not an IRI"):
        bind("# bind ?actor: iri\nSELECT * WHERE { ?actor ?p ?o }", {"actor": value})


def test_declared_dates_are_checked_and_padded(disk_store, capsys):
    assert bound_term("from", "2025-7-1", "date") == '"2025-07-01"' and bound_term("to", " 2025 ", "date") == '"2025"'
    code, out, err = run(capsys, "query", "events-by-type-period", "--store", disk_store, "--bind", "type=ASSAULT",
                         "--bind", "from=July", "--bind", "to=2025")
    assert code != 0 and "is not a date" in err and err.count("\n") == 1 and not out
    with pytest.raises(QueryError, match="not a real date"):
        bound_term("from", "2025-02-30", "date")


def test_declarations_of_the_shipped_queries():
    assert bind_declarations(resolve_query("events-by-type-period")) == {"type": "string", "from": "date", "to": "date"}
    assert bind_declarations(resolve_query("actor-timeline")) == {"name": "string", "actor": "iri"}
    with pytest.raises(QueryError, match="unknown kind 'number'"):
        bind("# bind ?v: number\n" + ECHO, {"v": "1"})


def test_comments_and_strings_are_not_query_text():
    with pytest.raises(QueryError, match="no variable [?]x"):
        bind("# ?x\nSELECT ?v WHERE { ?v ?p '?x' }", {"x": "1"})
    query = "# WHERE { is only a comment\nSELECT ?v WHERE { ?v ?p ?o }"
    assert bind(query, {"v": "a"}).startswith("# WHERE { is only a comment\nSELECT ?v WHERE {\n  VALUES")


def test_undecodable_bytes_are_one_clear_error():
    with pytest.raises(QueryError, match="not valid text"):
        bind(ECHO, {"v": "caf\udce9"})


def test_bind_name_may_carry_question_mark_and_spaces(disk_store, capsys):
    assert _rows(capsys, disk_store, "actor-timeline", " ?name =Sergey Lavrov")
