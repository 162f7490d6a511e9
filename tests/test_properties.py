"""Property tests (Hypothesis): hostile and realistic text never crashes the library.

Five properties, each a plain ``check_*`` function with its strategies beside it, so that
``benchmarks/fuzz.py`` runs the same checks for minutes:

1. :func:`kg.api.extract_text` raises nothing but :class:`~kg.errors.KGError`, and every offset
   in its record points into the text (or the repaired ``"text"`` it returns) at the mention it
   names;
2. ``kg extract --format jsonl`` exits 0 or 2 and writes one JSON line per input record;
3. ingest into a memory store, export in every RDF format and parse the export back;
4. the JSON Lines reader turns any JSON value (deeply nested too) into per-record errors;
5. :func:`kg.extract.time.recognizer.find_times` on any mix of time words, at any publication date
   (0001-01-01 and 9999-12-31 included), never raises and keeps its spans and bounds ordered.

The runs are deterministic (``derandomize=True``) and sized for CI; set ``KG_FUZZ_EXAMPLES``
to run more examples per property (``KG_FUZZ_EXAMPLES=2000 pytest tests/test_properties.py``).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kg import api, cli
from kg.errors import KGError
from kg.export import export_text
from kg.extract.time.recognizer import find_times
from kg.extract.time.patterns import time_patterns
from kg.read import read_inputs

# ---------------------------------------------------------------- strategies
SPECIAL_CHARS = ["\u2028", "\u2029", "\u0085", "\ufffd", "\ufeff", "\u200b", "\u200d", "\u202e", "\u00a0",
                 "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\r", "\t", "\n", "\r\n", "\u0301", "\u0130",
                 "\u0131", "\u017f", "\u212a", "\U0001f600", "\ufdd0", "\U0010ffff"]
NEWS_FRAGMENTS = [
    "Menteri Luar Negeri Rusia Sergey Lavrov bertemu Kim Jong Un di Pyongyang pada hari Sabtu.",
    "Keesokan harinya, Lavrov terbang ke Wonsan.", "Diplomat tinggi Rusia itu tiba pada Jumat (11/7/2025).",
    "Korea Utara berencana mengerahkan 6.000 tentara ke Kursk, menurut intelijen Ukraina.",
    "Rusia meluncurkan 26 rudal jelajah dan 597 pesawat nirawak pekan lalu.", "tahun lalu, tentara",
    "pada 12 Juli 2025", "(8/7/2025)", "pukul 14.00 WIB", "sekitar 00 WIB", "awal Juli", "pertengahan 2024",
    "beberapa pekan terakhir", "Mei Ling", "Juni", "kemarin", "besok", "tahun depan", "abad ke-21", "1 tahun lalu",
    "detik ini", "kuartal ii 2024", "dua pekan mendatang", "Senin lalu", "akhir pekan ini", "Baca juga:",
    "Baca juga: Putin dan Kim Teken Pakta Pertahanan", "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT",
    "Russian Foreign Minister Sergey Lavrov met Kim Jong Un in Pyongyang on Saturday.",
    "The next day they met.", "December 31, 9999.", "January 1, 0001", "two weeks later", "yesterday",
    "next year", "this second", "this minute", "this hour", "the last hour", "last weekend", "in March 2020",
    "The United States imposed sanctions on North Korea on Monday, officials said.",
    "Ukraine accused Russia of attacking Kyiv with 40 drones.", "Dr. Jl. No. pk.", "10,000 troops",
    "<p>", "</p>", "<div class=\"x\">", "<script>alert(1)</script>", "&amp;", "&#x2028;", "<br/>",
    "Prabowo Subianto", "Joko Widodo", "Presiden AS Donald Trump", "PBB", "NATO", "Moskow", "Kyiv",
    "9999-12-31", "0001-01-01", "31/12/9999", "00/00/0000", "2024-13-45", "Q4 9999", "the 9990s",
]
WORDS = ["dan", "yang", "di", "ke", "pada", "the", "and", "of", "said", "menurut", "akan", "will", "tidak"]


def _long_word() -> st.SearchStrategy[str]:
    """One "word" of 200-3000 characters with no space."""
    return st.builds(lambda char, n: char * n, st.sampled_from(["a", "x", "9", "ب", "中", "-"]), st.integers(200, 3000))


def text_piece() -> st.SearchStrategy[str]:
    """One piece of an article: news text, time words, markup or exotic characters."""
    return st.one_of(
        st.sampled_from(NEWS_FRAGMENTS),
        st.sampled_from(WORDS),
        st.sampled_from(SPECIAL_CHARS),
        st.integers(-10, 10**12).map(str),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
        st.text(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=20),
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=20),
        st.text(st.characters(max_codepoint=0x1F), max_size=5),
        _long_word(),
    )


def article_text() -> st.SearchStrategy[str]:
    """Pieces joined by spaces, nothing, new lines or odd separators."""
    separators = st.sampled_from([" ", " ", ". ", "", "\n", "\n\n", "\u2028", "\u0085", "\t", ", "])
    return st.lists(st.tuples(text_piece(), separators), min_size=1, max_size=14).map(
        lambda parts: "".join(piece + sep for piece, sep in parts))


EDGE_DATES = [dt.date.min, dt.date.max, dt.date(2025, 7, 12), dt.date(2000, 2, 29), dt.date(1, 12, 31),
              dt.date(9999, 1, 1)]


def valid_date() -> st.SearchStrategy[dt.date | None]:
    """None, a date at an end of the calendar or a random one."""
    return st.one_of(st.none(), st.sampled_from(EDGE_DATES), st.dates())


def published_date() -> st.SearchStrategy[Any]:
    """A valid date (as a date or a string), or an impossible date string."""
    return st.one_of(valid_date(), valid_date().map(_jsonable),
                     st.sampled_from(["2025-02-30", "0000-01-01", "10000-01-01", "yesterday", ""]))


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def doc_id() -> st.SearchStrategy[str | None]:
    """No id, an id with characters that IRIs and file names dislike, or any short text."""
    return st.one_of(st.none(), st.sampled_from(["d1", "a b", "x/y", "<>", "é", "a#b?c", "%zz", "../x", "\u2028"]),
                     st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12))


def json_value() -> st.SearchStrategy[Any]:
    """Any JSON value, nested a few levels."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.text(max_size=5), inner, max_size=4)),
                        max_leaves=12)


def _nested(depth: int, kind: str) -> str:
    opening, closing = {"list": ("[", "]"), "dict": ('{"text":', "}"), "mixed": ('[{"a":', "}]")}[kind]
    return opening * depth + "0" + closing * depth


def json_value_line() -> st.SearchStrategy[str]:
    """A JSON text on one line: any value, a value nested thousands deep, or a huge number."""
    return st.one_of(
        json_value().map(lambda v: json.dumps(v, ensure_ascii=False)),
        st.builds(_nested, st.integers(1, 5000), st.sampled_from(["list", "dict", "mixed"])),
        st.integers(4300, 6000).map(lambda n: "9" * n),
        st.integers(4300, 6000).map(lambda n: '{"id": ' + "9" * n + ', "text": "Lavrov bertemu Kim."}'),
        st.sampled_from(["1e999", "-1e999", "NaN", "Infinity", '{"text": "a", "text": 1}', '"\\ud800"',
                         '{"text": "\\ud800 Lavrov"}', '{"text": "Lavrov", "lang": "id", "published": "9999-12-31"}']),
    )


LANGS = st.sampled_from(["id", "en"])


def examples(default: int) -> int:
    """Examples per property: ``default``, or ``KG_FUZZ_EXAMPLES`` when set."""
    return int(os.environ.get("KG_FUZZ_EXAMPLES") or default)


def ci_settings(default: int, **extra: Any) -> settings:
    """Deterministic, no deadline, no example database: the same examples on every CI run. No
    "explain" phase: it re-runs a failure under coverage tracing, slowly, to say little more."""
    return settings(max_examples=examples(default), deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture], **extra)


# ---------------------------------------------------------------- 1. extract_text
def check_spans(text: str, items: list[dict], field: str = "") -> None:
    """Each item's ``start``/``end`` lies in ``text`` and cuts out its ``text``."""
    for item in items:
        span = item[field] if field else item
        if span.get("start") is None and span.get("end") is None:
            continue
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span


def check_record(text: str, record: dict) -> None:
    """Offsets, sentence indices and date bounds of one ``kg extract`` record."""
    sentences = record["sentences"]
    for s in sentences:
        assert 0 <= s["start"] <= s["end"] <= len(text), s
    indices = range(len(sentences))
    for kind in ("times", "actors", "places"):
        check_spans(text, record[kind])
        assert all(m["sentence"] in indices for m in record[kind]), kind
    check_spans(text, record["events"], "trigger")
    for event in record["events"]:
        assert event["sentence"] in indices
        for role in ("source", "target", "according_to"):
            check_spans(text, event[role])
    for t in record["times"]:
        assert (t["earliest"] is None) == (t["latest"] is None) and (t["earliest"] or "") <= (t["latest"] or ""), t


def check_extract_text(text: str, lang: str | None, published: Any) -> None:
    """Property 1: only :class:`KGError` escapes, and the record is consistent with the text:
    its offsets are code points of the text as given or, when cleaning had to change its length
    (markup, a BOM), of the repaired ``"text"`` the record then carries."""
    try:
        record = api.extract_text(text, lang=lang, published=published)
    except KGError:
        return
    check_record(record.get("text", text), record)


@ci_settings(250)
@given(text=article_text(), lang=st.one_of(LANGS, st.none()), published=published_date())
def test_extract_text_never_crashes_and_offsets_hold(text, lang, published):
    check_extract_text(text, lang, published)


# ---------------------------------------------------------------- 2. the CLI on JSON Lines
def jsonl_line() -> st.SearchStrategy[str]:
    """One non-blank JSON Lines line: a good record, a record with bad fields, or not a record."""
    good = st.fixed_dictionaries({"id": doc_id(), "text": article_text()},
                                 optional={"lang": LANGS, "published": valid_date().map(_jsonable),
                                           "title": st.text(max_size=20), "url": st.text(max_size=20)})
    bad_fields = st.fixed_dictionaries({"text": st.one_of(st.none(), st.integers(), st.lists(st.text(), max_size=2),
                                                          st.just(""), st.just("   "))},
                                       optional={"lang": st.one_of(st.integers(), st.just("xx"), st.just("")),
                                                 "published": st.one_of(st.integers(), st.just("2025-13-01")),
                                                 "id": st.one_of(st.integers(), st.floats(), st.lists(st.integers()))})
    records = st.one_of(good, good, good, bad_fields).map(lambda r: json.dumps(r, ensure_ascii=False))
    broken = st.sampled_from(['{"text": "x"', "[1, 2]", "null", "42", '"text"', "{'text': 'x'}", "{]", "\u2028{}",
                              '{"text": "Lavrov"} trailing', "NaN", "\ufeff{}", "{}" * 3])
    return st.one_of(records, records, broken, json_value_line())


def run_cli_extract(path: Path) -> tuple[int, str]:
    """``kg extract --format jsonl PATH``: exit code and standard output (error lines go to a
    discarded standard error)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(["extract", "--format", "jsonl", str(path)])
    return code, out.getvalue()


def check_cli_extract(lines: list[str], path: Path) -> None:
    """Property 2: exit 0 or 2 (never 70) and one JSON object line per input record."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run_cli_extract(path)
    assert code in (0, 2), code
    written = out.split("\n")
    assert written[-1] == "", "output must end with a new line"
    assert len(written) - 1 == len(lines), (len(written) - 1, len(lines))
    for line in written[:-1]:
        assert isinstance(json.loads(line), dict)


@ci_settings(80)
@given(lines=st.lists(jsonl_line(), min_size=2, max_size=6))
def test_cli_extract_writes_one_line_per_record(lines, tmp_path):
    check_cli_extract(lines, tmp_path / "input.jsonl")


# ---------------------------------------------------------------- 3. ingest, export, parse back
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads", "jsonld": "json-ld"}
OXIGRAPH_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG,
                    "nt": pyoxigraph.RdfFormat.N_TRIPLES, "nquads": pyoxigraph.RdfFormat.N_QUADS}
TRIPLE_FORMATS = ("turtle", "nt")  # the union of the graphs; the others keep each named graph


def parsed_counts(exported: str, fmt: str) -> list[int]:
    """Statements in ``exported`` as rdflib (and Oxigraph, for all but JSON-LD) parse it."""
    dataset = rdflib.Dataset()
    dataset.parse(data=exported, format=RDFLIB_FORMATS[fmt])
    counts = [len(set(dataset.quads((None, None, None, None))))]
    if fmt in OXIGRAPH_FORMATS:
        counts.append(len(set(pyoxigraph.parse(exported, format=OXIGRAPH_FORMATS[fmt]))))
    return counts


def check_ingest_export(text: str, doc: str | None, lang: str, published: Any) -> None:
    """Property 3: every export of an ingested text parses back (rdflib, and Oxigraph for all
    but JSON-LD) to as many triples (Turtle, N-Triples) or quads as the store holds."""
    store = api.open_store("memory")
    try:
        api.ingest_text(store, text, doc_id=doc, lang=lang, published=published)
    except KGError:
        return
    quads = set(store.quads())
    expected = {"triples": len({(s, p, o) for s, p, o, _ in quads}), "quads": len(quads)}
    for fmt in RDFLIB_FORMATS:
        counts = parsed_counts(export_text(store, fmt), fmt)
        want = expected["triples" if fmt in TRIPLE_FORMATS else "quads"]
        assert all(n == want for n in counts), (fmt, counts, want)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers
@ci_settings(100)
@given(text=article_text(), doc=doc_id(), lang=LANGS, published=published_date())
def test_ingest_then_export_parses_back(text, doc, lang, published):
    check_ingest_export(text, doc, lang, published)


# ---------------------------------------------------------------- 4. the JSON Lines reader
def check_read_inputs(lines: list[str], path: Path) -> None:
    """Property 4: one :class:`ReadResult` per line, each a document or a one-line error."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_inputs([str(path)])
    assert len(results) == len(lines), (len(results), len(lines))
    for result in results:
        assert (result.document is None) != (result.error is None), result
        if result.error:
            assert "\n" not in result.error


@ci_settings(250)
@given(lines=st.lists(json_value_line(), min_size=1, max_size=5))
def test_jsonl_reader_gives_per_record_errors(lines, tmp_path):
    check_read_inputs(lines, tmp_path / "values.jsonl")


# ---------------------------------------------------------------- 5. time expressions alone
CONFUSABLES = {"i": "\u0131", "s": "\u017f", "k": "\u212a"}  # re's IGNORECASE pairs these with i, s, k


def time_vocabulary(lang: str) -> list[str]:
    """Every word and phrase of a language's time data (keys of its tables, items of its lists)."""
    words: set[str] = set()
    for value in time_patterns(lang).data.values():
        if isinstance(value, (dict, list)):
            words.update(str(w) for w in value)
    return sorted(words)


def _spelled(word: str, how: str) -> str:
    if how == "confusable":
        return "".join(CONFUSABLES.get(ch, ch) for ch in word)
    return {"upper": word.upper(), "title": word.title(), "same": word}[how]


def time_text(lang: str) -> st.SearchStrategy[str]:
    """Time words of ``lang`` in any order and case, with numbers, dates and punctuation."""
    word = st.builds(_spelled, st.sampled_from(time_vocabulary(lang)),
                     st.sampled_from(["same", "same", "title", "upper", "confusable"]))
    other = st.one_of(st.integers(0, 10**6).map(str), st.sampled_from([".", ",", "(", ")", "/", "-", "ke-21", "\n"]),
                      st.dates().map(lambda d: d.strftime("%d/%m/%Y")), st.sampled_from(NEWS_FRAGMENTS))
    return st.lists(st.one_of(word, word, other), min_size=1, max_size=10).map(" ".join)


def check_find_times(lang: str, text: str, published: dt.date | None) -> None:
    """Property 5: :func:`find_times` never raises; spans cut out their text; bounds are ordered."""
    for t in find_times(text, lang, published):
        assert text[t.start:t.end] == t.text, t
        assert (t.value.earliest is None) == (t.value.latest is None), t
        assert t.value.earliest is None or t.value.earliest <= t.value.latest, t


@ci_settings(500)
@given(data=st.data(), lang=LANGS, published=valid_date())
def test_find_times_on_any_time_words(data, lang, published):
    check_find_times(lang, data.draw(time_text(lang), label="text"), published)
