"""The parse itself: one tree per pipeline sentence over the pipeline's tokens, as CoNLL-U from
``kg parse`` and ``api.parse``; bad input is one line and a non-zero exit."""
from __future__ import annotations

import pytest

from kg import api
from kg.cli import main
from kg.extract.syntax.trees import MAX_TOKENS, has_parser, parse_tokens
from kg.nlp.sentences import split_sentences
from kg.nlp.tokens import tokenize
from kg.read import document_from_text
from kg.samples import SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "lavrov-kim-id.txt"


def conllu_blocks(text):
    return [b for b in text.split("\n\n") if b.strip() and "\n1\t" in "\n" + b]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_parser_ships_for_each_language(lang):
    assert has_parser(lang)


@pytest.mark.parametrize("lang, text", [
    ("id", "Menteri Luar Negeri Rusia Sergey Lavrov bertemu Kim Jong Un di Pyongyang pada hari Sabtu."),
    ("en", "Russia's foreign minister Sergey Lavrov met Kim Jong Un in Pyongyang on Saturday."),
])
def test_every_token_has_one_head_and_one_root(lang, text):
    tokens = tokenize(text, lang)
    (tree,) = parse_tokens([tokens], lang)
    assert [t.text for t in tree.tokens] == [t.text for t in tokens]  # one tokenisation
    assert sum(h == -1 for h in tree.head) == 1  # the parser may not split the sentence
    for i in range(len(tree)):
        assert -1 <= tree.head[i] < len(tree) and tree.head[i] != i
        assert len(list(tree.ancestors(i))) < len(tree)  # no cycle


def test_conllu_of_the_sample_has_one_block_per_pipeline_sentence(capsys):
    code = main(["parse", str(SAMPLE), "--lang", "id"])
    out = capsys.readouterr().out
    assert code == 0
    text = SAMPLE.read_text(encoding="utf-8")
    assert len(conllu_blocks(out)) == len(split_sentences(text, "id"))
    for block in conllu_blocks(out):
        rows = [line.split("\t") for line in block.splitlines() if not line.startswith("#")]
        assert all(len(r) == 10 for r in rows)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        assert sum(r[6] == "0" for r in rows) == 1 and all(0 <= int(r[6]) <= len(rows) for r in rows)
        for r in rows:  # offsets point into the article
            start, end = map(int, r[9].split("|")[0].removeprefix("TokenRange=").split(":"))
            assert text[start:end] == r[1]


def test_api_parse_gives_trees_and_conllu():
    doc = document_from_text("Polisi menangkap Budi. Dia ditahan di Jakarta.", doc_id="d", lang="id")
    trees = api.parse(doc, format="trees")
    assert [len(t) for t in trees] == [4, 5]
    assert api.parse(doc).startswith("# newdoc id = d\n# sent_id = d-1\n")


def test_an_over_long_sentence_is_not_parsed_but_still_listed():
    words = ", ".join(["a"] * (MAX_TOKENS // 2 + 5))  # a list run together: short, but many tokens
    doc = document_from_text(words + ".", doc_id="long", lang="id")
    assert api.parse(doc, format="trees") == [None]
    assert len(conllu_blocks(api.parse(doc))) == 1


@pytest.mark.parametrize("argv, message", [
    (["--lang", "xx"], "unknown language code"),
])
def test_bad_input_is_one_line(tmp_path, capsys, argv, message):
    code = main(["parse", str(SAMPLE), *argv])
    err = capsys.readouterr().err
    assert code != 0 and message in err and len(err.strip().splitlines()) == 1


def test_empty_and_binary_files_are_one_line_each(tmp_path, capsys):
    empty, binary = tmp_path / "empty.txt", tmp_path / "bin.txt"
    empty.write_text("")
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    code = main(["parse", str(empty), str(binary), "--lang", "id"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 2
