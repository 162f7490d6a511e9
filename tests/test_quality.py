"""Quality floors on data (not timings): the sample gold and the handwritten TimeML dev files.
A change that drops a figure below its floor fails here; the README quotes the actual figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate_gold
from kg.evaluate_times import evaluate_timeml

DATA = Path(__file__).resolve().parent / "data"


def test_sample_gold_floors():
    figures = evaluate_gold([str(DATA / "gold" / "lavrov-kim-id.json")])
    assert figures["event_typed"]["f1"] >= 0.9
    assert figures["event_dated"]["f1"] >= 0.85
    assert figures["time_value"]["f"] >= 0.95


@pytest.mark.parametrize("lang, floor", [("id", 0.9), ("en", 0.9)])
def test_timeml_dev_floors(lang, floor):
    paths = sorted(str(p) for p in (DATA / "timeml" / lang).glob("*.tml"))
    result = evaluate_timeml(paths, lang)[lang]
    assert result["gold"] > 80 and result["value_f1"] >= floor and result["relaxed_span_f1"] >= 0.9


def test_every_sample_gold_actor_is_one_node_with_its_country():
    import json

    from kg.api import extract_text
    from kg.evaluate import norm
    gold = json.loads((DATA / "gold" / "lavrov-kim-id.json").read_text(encoding="utf-8"))
    text = (DATA / "gold" / "lavrov-kim-id.txt").read_text(encoding="utf-8")
    record = extract_text(text, doc_id="s", lang="id", published="2025-07-12")
    for key, actor in gold["actors"].items():
        names = {norm(actor["name"])} | {norm(a) for a in actor["aliases"]}
        nodes = {(m["id"], m["country"]) for m in record["actors"] if norm(m["text"]) in names or norm(m["name"]) in names}
        assert len({n[0] for n in nodes}) == 1, (key, nodes)
        assert all(country == actor["country"] for _, country in nodes), (key, nodes)


@pytest.mark.parametrize("pattern", ["*-id.json", "*-en.json"])
def test_handwritten_event_gold_floors(pattern):
    figures = evaluate_gold(sorted(str(p) for p in (DATA / "gold").glob(pattern)))
    assert figures["event_typed"]["f1"] >= 0.65 and figures["time_value"]["f"] >= 0.9
