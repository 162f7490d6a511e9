"""The statistical name tagger: training is deterministic, the shipped model finds names the
gazetteer does not know, in cased and lower-cased text, and carries its data's attribution."""
from __future__ import annotations

from pathlib import Path

from kg.extract.actors import find_actors
from kg.extract.tagger import PerceptronTagger, bio_spans, load_tagger, token_features
from kg.extract.train_tagger import LABELS

DATA = Path(__file__).resolve().parents[2] / "kg" / "data"


def test_bio_spans():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_training_is_deterministic_and_learns():
    words = ["Budi", "tinggal", "di", "Bandung"]
    sentence = (words, token_features(words, ["O"] * 4), ["B-PER", "O", "O", "B-LOC"])
    first, second = PerceptronTagger(LABELS), PerceptronTagger(LABELS)
    first.train([sentence] * 5, iterations=3)
    second.train([sentence] * 5, iterations=3)
    assert first.weights == second.weights
    assert first.tag(words, sentence[1]) == ["B-PER", "O", "O", "B-LOC"]


def test_shipped_model_and_notice():
    assert load_tagger("id") is not None and load_tagger("xx") is None
    notice = (DATA / "tagger-id.NOTICE.md").read_text(encoding="utf-8")
    assert "MIT License" in notice and "Apache License 2.0" in notice


def _names(text):
    found = find_actors(text, "id", [(0, len(text))])
    return {m.text: (m.actor.kind if hasattr(m, "actor") else "place") for m in found.actors + found.places}


def test_unknown_names_in_cased_and_lower_cased_text():
    cased = _names("Direktur Utama PT Sinar Abadi, Hendra Wijaya, ditahan polisi di Semarang.")
    assert cased.get("Hendra Wijaya") == "person"
    lower = _names("gubernur jawa barat ridwan kamil meninjau banjir di bekasi bersama warga rusia .")
    assert lower.get("ridwan kamil") == "person" and lower.get("bekasi") == "place" and lower.get("rusia") == "country"
