"""The proper-noun table builder: reads the nlp-id wheel's tagged corpus, writes a reproducible table."""
from __future__ import annotations

import gzip
import zipfile

from kg.train.propernouns import MEMBER, build, main

CORPUS = "Garuda\tNNP\nterbang\tVB\nke\tIN\nBali\tNNP\n\nburung\tNN\ngaruda\tNN\nterbang\tVB\n"


def _wheel(path, text=CORPUS):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MEMBER, text)
    return path


def test_the_table_counts_words_proper_noun_uses_and_the_usual_tag(tmp_path):
    out = tmp_path / "pn.tsv.gz"
    assert build(_wheel(tmp_path / "nlp_id.whl"), out) == 5
    lines = gzip.open(out, "rt", encoding="utf-8").read().splitlines()
    assert lines[0].startswith("# ") and "nlp-id" in lines[0] + lines[1] and "MIT" in lines[1]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows == [["bali", "1", "1", "NNP"], ["burung", "1", "0", "NN"], ["garuda", "2", "1", "NN"],
                    ["ke", "1", "0", "IN"], ["terbang", "2", "0", "VB"]]


def test_the_same_wheel_gives_the_same_bytes(tmp_path):
    wheel = _wheel(tmp_path / "nlp_id.whl")
    build(wheel, tmp_path / "a.tsv.gz")
    build(wheel, tmp_path / "b.tsv.gz")
    assert (tmp_path / "a.tsv.gz").read_bytes() == (tmp_path / "b.tsv.gz").read_bytes()


def test_a_file_that_is_not_the_wheel_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "not-a-wheel.whl"
    bad.write_text("hello", encoding="utf-8")
    assert main([str(bad), "--out", str(tmp_path / "x.tsv.gz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: cannot read the nlp-id corpus") and err.count("\n") == 1
    assert not (tmp_path / "x.tsv.gz").exists()
