"""The annotated data sets the project keeps are well formed: PLOVER sentences (offsets, types,
actors, splits disjoint by article) and the Indonesian TimeML set (readable, DCT as listed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLOVER_DIR = ROOT / "tests" / "data" / "plover-annotated"
TYPES = set(yaml.safe_load((ROOT / "kg" / "data" / "plover.yaml").read_text(encoding="utf-8"))["types"])
MODALITY = {"asserted", "future", "negated", "hypothetical"}


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_plover_sentences_are_well_formed_and_split_by_article(lang):
    docs_by_split = {}
    total = 0
    for split in ("train", "dev", "test"):
        data = rows(PLOVER_DIR / f"{lang}-{split}.jsonl")
        docs_by_split[split] = {r["doc"] for r in data}
        total += len(data)
        for r in data:
            assert r["lang"] == lang and isinstance(r["events"], list)
            for e in r["events"]:
                assert r["text"][e["start"]:e["start"] + len(e["trigger"])] == e["trigger"]
                assert e["type"] in TYPES and e.get("modality", "asserted") in MODALITY
                assert all(a in r["text"] for a in e["source"] + e["target"])
    assert not (docs_by_split["train"] & docs_by_split["dev"]) and not (docs_by_split["train"] & docs_by_split["test"])
    assert not (docs_by_split["dev"] & docs_by_split["test"])
    assert total >= {"id": 3000, "en": 2000}[lang]


@pytest.mark.parametrize("folder", ["tests/data/timeml/indosum-dev", "benchmarks/blind/timeml-id"])
def test_indonesian_timeml_files_read_with_their_dct(folder):
    from kg.read.timeml import read_annotated

    manifest = {m["name"]: m for m in json.loads((ROOT / folder / "manifest.json").read_text(encoding="utf-8"))}
    files = sorted((ROOT / folder).glob("*.tml"))
    assert len(files) == len(manifest) == 44
    for path in files:
        doc = read_annotated(path, "id")
        assert doc.dct == manifest[path.stem]["published"] and doc.text.strip()
        assert all(doc.text[a:b].strip() for a, b, _, _ in doc.timexes)
