"""TempEval-3 style scoring of time expressions against TimeML (``.tml``) or CAT XML files.

Per language: strict span F1 (exact offsets), relaxed span F1 (overlap), value F1 (relaxed match
with the right TIMEX3 value; a time of day may follow a gold day) and type accuracy over
relaxed matches — the figures TempEval-3 reports.

>>> from kg.read.timeml import AnnotatedText
>>> doc = AnnotatedText("d", "He came yesterday.", "2025-07-12", "en", [(8, 17, "DATE", "2025-07-11")])
>>> score_documents([doc])["en"]["value_f1"]
1.0
"""
from __future__ import annotations

from typing import Any

from kg.evaluate import prf
from kg.extract.pipeline import extract_document
from kg.model import TimeMention
from kg.read import document_from_text
from kg.read.timeml import AnnotatedText, read_annotated


def _value_ok(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and (predicted == gold or predicted.startswith(gold + "T"))


def _count(doc: AnnotatedText, predicted: list[TimeMention], counts: dict[str, int]) -> None:
    counts["gold"] += len(doc.timexes)
    counts["pred"] += len(predicted)
    exact = {(t.start, t.end) for t in predicted}
    counts["strict"] += sum((g[0], g[1]) in exact for g in doc.timexes)
    used: set[int] = set()
    for start, end, kind, value in doc.timexes:
        hit = next((j for j, t in enumerate(predicted) if j not in used and t.start < end and start < t.end), None)
        if hit is None:
            continue
        used.add(hit)
        counts["relaxed"] += 1
        counts["value"] += _value_ok(predicted[hit].value.value, value)
        counts["type"] += predicted[hit].type == kind


def score_documents(docs: list[AnnotatedText]) -> dict[str, dict[str, Any]]:
    """Figures per language over already-read annotated documents."""
    by_lang: dict[str, dict[str, int]] = {}
    for doc in docs:
        counts = by_lang.setdefault(doc.lang, dict.fromkeys(("docs", "gold", "pred", "strict", "relaxed", "value", "type"), 0))
        counts["docs"] += 1
        document = document_from_text(doc.text, doc_id=doc.id, lang=doc.lang, published=doc.dct)
        _count(doc, extract_document(document).times, counts)
    result = {}
    for lang, c in sorted(by_lang.items()):
        result[lang] = {
            "documents": c["docs"], "gold": c["gold"], "predicted": c["pred"],
            "strict_span_f1": prf(c["strict"], c["pred"], c["gold"])[2],
            "relaxed_span_f1": prf(c["relaxed"], c["pred"], c["gold"])[2],
            "value_p": prf(c["value"], c["pred"], c["gold"])[0],
            "value_r": prf(c["value"], c["pred"], c["gold"])[1],
            "value_f1": prf(c["value"], c["pred"], c["gold"])[2],
            "type_accuracy": round(c["type"] / c["relaxed"], 3) if c["relaxed"] else 0.0,
        }
    return result


def evaluate_timeml(paths: list[str], lang: str = "en") -> dict[str, dict[str, Any]]:
    """Read ``.tml``/CAT files and score them (``lang`` for TimeML files, which carry none)."""
    return score_documents([read_annotated(p, lang) for p in paths])


def format_timeml(result: dict[str, dict[str, Any]]) -> str:
    """A small table of :func:`evaluate_timeml` figures."""
    lines = [f"{'lang':<5}{'docs':>5}{'gold':>6}{'pred':>6}{'strict':>8}{'relaxed':>8}{'value P':>9}{'value R':>9}"
             f"{'value F1':>9}{'type':>7}"]
    for lang, r in result.items():
        lines.append(f"{lang:<5}{r['documents']:>5}{r['gold']:>6}{r['predicted']:>6}{r['strict_span_f1']:>8.3f}"
                     f"{r['relaxed_span_f1']:>8.3f}{r['value_p']:>9.3f}{r['value_r']:>9.3f}{r['value_f1']:>9.3f}"
                     f"{r['type_accuracy']:>7.3f}")
    return "\n".join(lines)
