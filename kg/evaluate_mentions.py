"""Score actor and place mentions against CoNLL NER files, and events against PLOVER records.

NER: each sentence of a CoNLL file (token, optional columns, BIO tag; blank line between
sentences) is joined with single spaces and extracted as its own document; a predicted mention
counts when its span and type equal a gold name's. PER/PPL -> person, ORG/IND -> organization,
LOC/PLC/GPE -> location; other labels are ignored. Mentions map by kind: person -> PER,
organization and group -> ORG, country and place -> LOC.

PLOVER: each record (JSON Lines, the PLOVER gold-standard format) is extracted as an English
document; the type is right when an extracted event has the record's type (old names mapped:
DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT); the source (target) is
right when such an event has a source (target) whose country is one of the record's codes, or an
organisation without a country when the record says IGO/NGO.

>>> spans_of([("Joko", "B-PER"), ("Widodo", "I-PER"), ("tiba", "O"), ("di", "O"), ("Solo", "B-LOC")])
('Joko Widodo tiba di Solo', [(0, 11, 'PER'), (20, 24, 'LOC')])
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluate import prf
from kg.extract.pipeline import extract_document, mention_type
from kg.read import document_from_text

NER_LABELS = {"PER": "PER", "PPL": "PER", "PERSON": "PER", "ORG": "ORG", "IND": "ORG", "ORGANIZATION": "ORG",
              "LOC": "LOC", "PLC": "LOC", "GPE": "LOC", "LOCATION": "LOC"}
KIND_LABELS = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC"}
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NON_STATE = ("IGO", "NGO")


def read_conll(path: str) -> list[list[tuple[str, str]]]:
    """Sentences of (token, BIO tag); a line with one column or a tag that is not BIO is an error."""
    try:
        lines = Path(path).read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read CoNLL file: {exc}") from None
    sentences, current = [], []
    for number, line in enumerate(lines + [""], 1):
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        tag = parts[-1]
        if len(parts) < 2 or not (tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2)):
            raise InputError(path, f"line {number}: expected 'token [columns] BIO-tag', got {line.strip()[:60]!r}")
        current.append((parts[0], tag))
    if not sentences:
        raise InputError(path, "no sentences in CoNLL file")
    return sentences


def spans_of(sentence: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence's text (tokens joined by spaces) and its gold names as (start, end, PER/ORG/LOC)."""
    text, spans, pos, current = [], [], 0, None
    for token, tag in sentence:
        start = pos + (1 if text else 0)
        text.append(token)
        pos = start + len(token)
        label = tag[2:]
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != label)):
            if current:
                spans.append(tuple(current))
            current = [start, pos, label]
        elif tag.startswith("I-"):
            current[1] = pos
        else:
            if current:
                spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return " ".join(text), [(s, e, NER_LABELS[label]) for s, e, label in spans if label in NER_LABELS]


def evaluate_ner(paths: list[str], lang: str = "id", names_only: bool = False) -> dict[str, Any]:
    """Typed span P/R/F1 per type and overall, and untyped span F1, over CoNLL files. Every actor
    and place mention counts, as ``kg extract`` lists them; with ``names_only`` the nominal
    ("polisi") and anaphoric ("negara itu") mentions, which NER sets do not annotate, are left out."""
    gold_n: Counter = Counter()
    pred_n: Counter = Counter()
    hits: Counter = Counter()
    untyped = sentences = 0
    for path in paths:
        for index, sentence in enumerate(read_conll(path)):
            text, gold = spans_of(sentence)
            if not text.strip():
                continue
            sentences += 1
            extraction = extract_document(document_from_text(text, doc_id=f"{path}:{index}", lang=lang))
            predicted = {(m.start, m.end, KIND_LABELS.get(m.actor.kind, "ORG")) for m in extraction.actors
                         if not names_only or mention_type(m) == "name"}
            predicted |= {(m.start, m.end, "LOC") for m in extraction.places}
            truth = set(gold)
            gold_n.update(label for _, _, label in truth)
            pred_n.update(label for _, _, label in predicted)
            hits.update(label for _, _, label in predicted & truth)
            untyped += len({p[:2] for p in predicted} & {g[:2] for g in truth})
    result: dict[str, Any] = {"sentences": sentences, "gold": sum(gold_n.values()), "pred": sum(pred_n.values())}
    for label in ("PER", "ORG", "LOC"):
        p, r, f = prf(hits[label], pred_n[label], gold_n[label])
        result[label] = {"p": p, "r": r, "f1": f, "gold": gold_n[label]}
    p, r, f = prf(sum(hits.values()), result["pred"], result["gold"])
    result["typed"] = {"p": p, "r": r, "f1": f}
    result["untyped_f1"] = prf(untyped, result["pred"], result["gold"])[2]
    return result


def format_ner(result: dict[str, Any]) -> str:
    """Human-readable table of :func:`evaluate_ner` figures."""
    lines = [f"sentences {result['sentences']}  names gold {result['gold']}  predicted {result['pred']}",
             f"{'type':<10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for label in ("PER", "ORG", "LOC"):
        m = result[label]
        lines.append(f"{label:<10}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}{m['gold']:>7}")
    m = result["typed"]
    lines.append(f"{'all':<10}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}{result['gold']:>7}")
    lines.append(f"untyped span F1 {result['untyped_f1']:.3f}")
    return "\n".join(lines)


def read_plover(path: str) -> list[dict[str, Any]]:
    """PLOVER records from a JSON Lines file (each needs id, text and event)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read PLOVER file: {exc}") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in ("id", "text", "event")):
            raise InputError(path, f"line {number}: a PLOVER record needs string fields id, text and event")
        records.append(record)
    if not records:
        raise InputError(path, "no PLOVER records")
    return records


def _codes(actors: Any) -> set[str]:
    return {str(a.get("code", ""))[:3] for a in actors if isinstance(a, dict)} if isinstance(actors, list) else set()


def _code_ok(actor: Any, wanted: set[str]) -> bool:
    if actor.country in wanted:
        return True
    return bool(wanted & set(NON_STATE)) and actor.kind == "organization" and not actor.country


def evaluate_plover(paths: list[str]) -> dict[str, Any]:
    """Type accuracy, and source/target country accuracy overall and per gold country code."""
    typed = 0
    sides = {"source": Counter(), "target": Counter()}
    right = {"source": Counter(), "target": Counter()}
    records = [r for path in paths for r in read_plover(path)]
    for record in records:
        extraction = extract_document(document_from_text(record["text"], doc_id=record["id"],
                                                          lang=str(record.get("language") or "en")[:2]))
        gold_type = OLD_PLOVER.get(record["event"], record["event"])
        events = [e for e in extraction.events if e.type == gold_type]
        typed += bool(events)
        for side in ("source", "target"):
            wanted = _codes(record.get(side))
            if not wanted:
                continue
            ok = any(_code_ok(a, wanted) for e in events for a in getattr(e, side))
            for code in sorted(wanted) or ["?"]:
                sides[side][code] += 1
                right[side][code] += ok
            sides[side]["*"] += 1
            right[side]["*"] += ok
    result: dict[str, Any] = {"records": len(records), "type_acc": round(typed / len(records), 3)}
    for side in ("source", "target"):
        total = sides[side].pop("*", 0)
        hits = right[side].pop("*", 0)
        result[f"{side}_acc"] = round(hits / total, 3) if total else None
        result[f"{side}_n"] = total
        result[f"{side}_by_code"] = {code: {"n": n, "acc": round(right[side][code] / n, 3)}
                                     for code, n in sorted(sides[side].items(), key=lambda kv: (-kv[1], kv[0]))}
    return result


def format_plover(result: dict[str, Any], top: int = 12) -> str:
    """Human-readable summary of :func:`evaluate_plover` (the most frequent codes per side)."""
    lines = [f"records {result['records']}  type accuracy {result['type_acc']:.3f}  "
             f"source accuracy {result['source_acc'] or 0:.3f} (n={result['source_n']})  "
             f"target accuracy {result['target_acc'] or 0:.3f} (n={result['target_n']})"]
    for side in ("source", "target"):
        codes = list(result[f"{side}_by_code"].items())
        shown = ", ".join(f"{code} {m['acc']:.2f} ({m['n']})" for code, m in codes[:top])
        lines.append(f"{side} by code: {shown}" + (f", … {len(codes) - top} more" if len(codes) > top else ""))
    return "\n".join(lines)
