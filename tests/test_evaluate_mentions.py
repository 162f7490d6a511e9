"""kg evaluate --ner (CoNLL files) and --plover (PLOVER records): figures and bad input."""
from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.evaluate_mentions import evaluate_ner, evaluate_plover, spans_of

CONLL = """Presiden B-PER
Joko I-PER
Widodo I-PER
tiba O
di O
Surabaya B-LOC
. O

Menteri O
Luar O
Negeri O
Rusia B-LOC
Sergey B-PER
Lavrov I-PER
bertemu O
Kim B-PER
Jong I-PER
Un I-PER
. O
"""


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_spans_follow_bio_and_map_labels():
    text, spans = spans_of([("PT", "B-IND"), ("Pertamina", "I-IND"), ("di", "O"), ("Bali", "B-PLC"), ("x", "B-EVT")])
    assert text == "PT Pertamina di Bali x" and spans == [(0, 12, "ORG"), (16, 20, "LOC")]


def test_ner_figures_per_type(tmp_path, capsys):
    path = tmp_path / "dev.txt"
    path.write_text(CONLL, encoding="utf-8")
    result = evaluate_ner([str(path)], "id")
    assert result["sentences"] == 2 and result["gold"] == 5
    assert result["PER"]["gold"] == 3 and 0 < result["typed"]["f1"] <= 1
    # Lavrov and Kim Jong Un are found exactly; "Rusia" too
    assert result["PER"]["r"] >= 0.66 and result["LOC"]["r"] >= 0.5
    code, out, _ = run(capsys, "evaluate", "--ner", str(path), "--lang", "id")
    assert code == 0 and out.splitlines()[1].split() == ["type", "P", "R", "F1", "gold"]
    code, out, _ = run(capsys, "evaluate", "--ner", str(path), "--format", "json")
    assert json.loads(out)["typed"] == result["typed"]
    assert evaluate_ner([str(path)], "id", names_only=True)["pred"] <= result["pred"]


def test_plover_accuracy_by_code(tmp_path, capsys):
    records = [
        {"id": "a", "event": "ASSAULT", "text": "Russia attacked Ukraine on Monday.",
         "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}]},
        {"id": "b", "event": "FIGHT", "text": "Israel bombed Gaza.", "source": [{"code": "ISR"}]},
        {"id": "c", "event": "PROTEST", "text": "Nothing happened here.", "source": [{"code": "FRA"}]},
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = evaluate_plover([str(path)])
    assert result["records"] == 3 and result["type_acc"] == round(2 / 3, 3)
    assert result["source_acc"] == round(2 / 3, 3) and result["target_acc"] == 1.0
    assert result["source_by_code"]["FRA"] == {"n": 1, "acc": 0.0}
    code, out, _ = run(capsys, "evaluate", "--plover", str(path))
    assert code == 0 and out.startswith("records 3  type accuracy 0.667")


@pytest.mark.parametrize("flag, content, message", [
    ("--ner", "Joko B-PER\nWidodo\n", "line 2"),
    ("--ner", "Joko PERSON\n", "BIO"),
    ("--ner", "\n\n", "no sentences"),
    ("--plover", '{"id": "a", "text": "x", "event": "AID"}\n{oops\n', "line 2: not JSON"),
    ("--plover", '{"id": "a", "text": "x"}\n', "needs string fields"),
])
def test_bad_evaluation_files_give_one_line_errors(tmp_path, capsys, flag, content, message):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "evaluate", flag, str(path))
    assert code != 0 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_ner_and_plover_together_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "x.txt"
    path.write_text("a O\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", "--ner", "--plover", str(path))
    assert code != 0 and "one of --ner and --plover" in err
