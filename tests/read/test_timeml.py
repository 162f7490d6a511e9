"""TimeML and CAT readers, and TempEval-3 style scoring through the whole pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate_times import evaluate_timeml
from kg.read.timeml import parse_timeml_text, read_annotated

DATA = Path(__file__).resolve().parents[1] / "data"


def test_cat_reader_rebuilds_text_and_stops_after_annotated_sentences():
    doc = read_annotated(DATA / "cat" / "mini.xml")
    assert doc.text == "Apple cuts prices\nJanuary 09, 2008\nPrices fell on Monday."
    assert doc.dct == "2008-01-09" and doc.lang == "en"
    assert [(doc.text[s:e], v) for s, e, _, v in doc.timexes] == [("January 09, 2008", "2008-01-09"), ("Monday", "2008-01-07")]


def test_timeml_reader_unescapes_and_keeps_offsets():
    doc = parse_timeml_text('<TimeML><DCT><TIMEX3 value="2024-03-09">x</TIMEX3></DCT><TEXT>A &amp; B met '
                            '<TIMEX3 tid="t1" type="DATE" value="2024-03-08">Friday</TIMEX3>.</TEXT></TimeML>', "a.tml")
    assert doc.text == "A & B met Friday." and doc.text[10:16] == "Friday"


def test_not_timeml(tmp_path):
    bad = tmp_path / "x.tml"
    bad.write_text("<TimeML>no text</TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="no <TEXT>"):
        read_annotated(bad)


def test_scores_through_the_pipeline():
    result = evaluate_timeml([str(DATA / "cat" / "mini.xml")])["en"]
    assert result["gold"] == 2 and result["value_f1"] == 1.0 and result["strict_span_f1"] >= 0.5
