"""The statistical name tagger: training is deterministic, the shipped model finds names the
gazetteer does not know, in cased and lower-cased text, and carries its data's attribution."""
from __future__ import annotations

import gzip
import random
from pathlib import Path

from kg.extract.actors.recognizer import find_actors
from kg.extract.actors.tagger import PerceptronTagger, allowed, bio_spans, load_tagger, token_features
from kg.train.tagger import LABELS, main

DATA = Path(__file__).resolve().parents[3] / "kg" / "data"


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


def test_features_have_a_cased_copy_only_in_cased_text():
    cased = token_features(["Budi", "tinggal"], ["B-person", "O"])
    lower = token_features(["budi", "tinggal"], ["B-person", "O"])
    assert "uc|w=budi" in cased[0] and "w=budi" in cased[0] and "g=B-person" in cased[0]
    assert not any(f.startswith("uc|") for f in lower[0]) and "w=budi" in lower[0]
    assert "w-1=budi" in lower[1] and "g-1=B-person" in lower[1] and "s3=gal" in lower[1]


def test_bio_constraints():
    assert allowed("B-PER", "I-PER") and allowed("I-PER", "I-PER") and allowed("O", "B-ORG")
    assert not allowed("O", "I-PER") and not allowed("B-LOC", "I-PER") and not allowed("<s>", "I-ORG")


def test_viterbi_never_starts_a_name_inside():
    """Even with weights that push hard for inside tags, I-X only follows B-X or I-X."""
    rng = random.Random(0)
    weights = {f"f{k}": {label: rng.uniform(-1, 1) + (3 if label.startswith("I-") else 0) for label in LABELS}
               for k in range(20)}
    weights["t-1=O"] = {"I-PER": 5.0, "I-LOC": 5.0}
    tagger = PerceptronTagger(LABELS, weights)
    for _ in range(200):
        n = rng.randint(1, 8)
        tags = tagger.tag(["x"] * n, [[f"f{rng.randrange(20)}" for _ in range(3)] for _ in range(n)])
        assert len(tags) == n
        for prev, tag in zip(["<s>"] + tags, tags):
            assert allowed(prev, tag), tags
    assert tagger.tag([], []) == []


def test_model_file_is_byte_stable(tmp_path):
    train = tmp_path / "train.conll"
    train.write_text("Budi B-PER\ntinggal O\ndi O\nBandung B-LOC\n\nkpk B-IND\nmemeriksa O\nandi B-PPL\n\n",
                     encoding="utf-8")
    outs = [tmp_path / "a.json.gz", tmp_path / "b.json.gz"]
    for out in outs:
        assert main([str(train), "--iterations", "2", "--models", "2", "--min-count", "1", "--out", str(out)]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert outs[0].read_bytes()[4:8] == b"\0\0\0\0"  # gzip mtime 0
    assert gzip.decompress(outs[0].read_bytes()).startswith(b'{"gazetteer":')  # sorted keys, digest first


def test_shipped_model_and_notice():
    assert load_tagger("id") is not None and load_tagger("xx") is None
    assert load_tagger("id").weights.get("t-1=O")  # a model with transition weights (Viterbi)
    notice = (DATA / "tagger-id.NOTICE.md").read_text(encoding="utf-8")
    assert "MIT License" in notice and "Apache License 2.0" in notice


def _names(text):
    found = find_actors(text, "id", [(0, len(text))])
    return {m.text: (m.actor.kind if hasattr(m, "actor") else "place") for m in found.actors + found.places}


def test_unknown_names_in_cased_and_lower_cased_text():
    cased = _names("Direktur Utama PT Sinar Abadi, Hendra Wijaya, ditahan polisi di Semarang.")
    assert cased.get("Hendra Wijaya") == "person"
    lower = _names("bupati ade yasin meninjau banjir di bekasi bersama warga rusia .")
    assert lower.get("ade yasin") == "person" and lower.get("bekasi") == "place" and lower.get("rusia") == "country"


def test_the_shipped_model_was_trained_on_the_current_gazetteer():
    from kg.extract.actors.gazetteer import gazetteer
    from kg.extract.actors.tagger import load_tagger

    tagger = load_tagger("id")
    assert tagger.gazetteer_digest == gazetteer("id").feature_digest("id"), (
        "the gazetteers changed: retrain with python -m kg.train.tagger --lang id "
        "../shared/data/dev/idner-news-2k/train.txt ../shared/data/dev/nerp/train_preprocess.txt")
