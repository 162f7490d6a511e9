"""Score extraction against gold files (``shared/data/gold`` format).

Matching follows the gold README: an event matches a gold event in the same sentence whose type
set holds the predicted type (one-to-one, best assignment); actors match by name, alias or
mention text (case- and accent-insensitive) or, for a gold country, by ISO code on a country
actor; dates match when the prediction cut to the gold's precision equals it; time
expressions match by span overlap and then by exact value.

>>> prf(3, 4, 6)
(0.75, 0.5, 0.6)
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract.pipeline import extract_document, extraction_record
from kg.read import document_from_text

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
METRICS = ("typed", "roles", "roles_country", "dated", "strict")


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0


def norm(text: str | None) -> str:
    """Case- and accent-insensitive form."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    tgold: int = 0
    tpred: int = 0
    tspan: int = 0
    tval: int = 0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"events_gold": self.gold, "events_pred": self.pred}
        for key in METRICS:
            p, r, f = prf(self.hits[key], self.pred, self.gold)
            out[f"event_{key}"] = {"p": p, "r": r, "f1": f}
        out["time_span"] = dict(zip("prf", prf(self.tspan, self.tpred, self.tgold)))
        out["time_value"] = dict(zip("prf", prf(self.tval, self.tpred, self.tgold)))
        out["times_gold"], out["times_pred"] = self.tgold, self.tpred
        return out


def _actor_ok(pred: dict, gold: dict, country_level: bool) -> bool:
    names = {norm(gold["name"])} | {norm(a) for a in gold.get("aliases", [])}
    if any(norm(pred.get(k)) in names for k in ("name", "text") if pred.get(k)):
        return True
    if gold.get("country") and pred.get("country") == gold["country"]:
        return country_level or (gold.get("kind") == "country" and pred.get("kind") == "country")
    return False


def _side(pe: dict, ge: dict, key: str, actors: dict, country_level: bool) -> bool:
    keys = ge.get(key, [])
    if not keys or (key == "target" and ge.get("target_implicit") and not pe.get(key)):
        return True
    return any(_actor_ok(p, actors[k], country_level) for p in pe.get(key, []) for k in keys)


def _date_ok(pe: dict, gold: str | None, published: str) -> bool:
    value = (pe.get("date") or {}).get("value")
    if gold is None:
        return not value or str(value)[:10] <= published
    return bool(value) and str(value)[:len(gold)] == gold


def _types(ge: dict) -> set[str]:
    return set(ge["type"]) if isinstance(ge["type"], list) else {ge["type"]}


def _flags(pe: dict, ge: dict, actors: dict, published: str) -> tuple[bool, bool, bool]:
    roles = _side(pe, ge, "source", actors, False) and _side(pe, ge, "target", actors, False)
    roles_c = _side(pe, ge, "source", actors, True) and _side(pe, ge, "target", actors, True)
    return roles, roles_c, _date_ok(pe, ge.get("date"), published)


def _weight(ge: dict, flags: tuple[bool, bool, bool]) -> int:
    roles, roles_c, dated = flags
    return (1000 if ge.get("required", True) else 100) + 8 * (roles and dated) + 4 * roles + 2 * dated + roles_c


def _assign(golds: list[dict], cand: list[int], pairs: dict) -> dict[int, int]:
    """Best one-to-one assignment of gold events to predictions in one sentence."""
    best: dict[int, int] = {}
    best_total = -1
    options = [[None] + [j for j in cand if (gi, j) in pairs] for gi in range(len(golds))]
    for choice in itertools.islice(itertools.product(*options), 200_000):
        used = [j for j in choice if j is not None]
        if len(used) != len(set(used)):
            continue
        total = sum(_weight(golds[gi], pairs[gi, j]) for gi, j in enumerate(choice) if j is not None)
        if total > best_total:
            best_total, best = total, {gi: j for gi, j in enumerate(choice) if j is not None}
    return best


def _sentence_of(record: dict, pos: int) -> int | None:
    return next((i for i, s in enumerate(record["sentences"]) if s["start"] <= pos < s["end"]), None)


def score_gold(gold: dict, text: str, record: dict, counts: Counts) -> None:
    """Add one document's comparison to ``counts``."""
    actors, published = gold["actors"], gold["published"]
    preds = record["events"]
    by_sentence: dict[int | None, list[dict]] = {}
    for ge in gold["events"]:
        pos = text.find(ge["evidence"])
        if pos < 0:
            raise InputError(gold.get("document", "gold"), f"evidence not in text: {ge['evidence'][:50]!r}")
        by_sentence.setdefault(_sentence_of(record, pos), []).append(ge)
    optional = 0
    for sentence, golds in by_sentence.items():
        cand = [j for j, pe in enumerate(preds) if pe["sentence"] == sentence]
        pairs = {(gi, j): _flags(preds[j], ge, actors, published)
                 for gi, ge in enumerate(golds) for j in cand if preds[j]["type"] in _types(ge)}
        for gi, j in _assign(golds, cand, pairs).items():
            if not golds[gi].get("required", True):
                optional += 1
                continue
            roles, roles_c, dated = pairs[gi, j]
            for key, ok in zip(METRICS, (True, roles, roles_c, dated, roles and dated)):
                counts.hits[key] += ok
    counts.gold += sum(ge.get("required", True) for ge in gold["events"])
    counts.pred += len(preds) - optional
    _score_times(gold, text, record, counts)


def _score_times(gold: dict, text: str, record: dict, counts: Counts) -> None:
    preds = [(t["start"], t["end"], t["value"]) for t in record["times"]]
    used: set[int] = set()
    optional = 0
    for gt in gold.get("times", []):
        start = text.find(gt["text"], text.find(gt["evidence"]))
        span = (start, start + len(gt["text"]))
        required = gt.get("required", True)
        hit = next((j for j, p in enumerate(preds) if j not in used and p[0] < span[1] and span[0] < p[1]), None)
        if hit is None:
            counts.tgold += required
            continue
        used.add(hit)
        if not required:
            optional += 1
            continue
        counts.tgold += 1
        counts.tspan += 1
        value = preds[hit][2] or ""
        counts.tval += value == gt["value"] or value.startswith(gt["value"] + "T")
    counts.tpred += len(preds) - optional


def find_text(gold_path: Path, document: str, texts_dir: str | None = None) -> Path:
    """Locate the gold's text: --texts dir, beside the gold, ../samples, or the bundled samples."""
    candidates = [Path(texts_dir) / document] if texts_dir else []
    candidates += [gold_path.parent / document, gold_path.parent.parent / "samples" / document, SAMPLES / document]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise InputError(str(gold_path), f"text {document!r} not found (use --texts DIR)")


def evaluate_gold(paths: list[str], texts_dir: str | None = None) -> dict[str, Any]:
    """Run extraction on each gold file's text and return the figures over all of them."""
    counts = Counts()
    for name in paths:
        path = Path(name)
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(name, f"cannot read gold file ({exc})") from None
        except json.JSONDecodeError as exc:
            raise InputError(name, f"malformed gold JSON ({exc.msg} at line {exc.lineno})") from None
        if not isinstance(gold, dict) or "events" not in gold:
            raise InputError(name, "not a gold file (no \"events\")")
        text = find_text(path, gold["document"], texts_dir).read_text(encoding="utf-8")
        doc = document_from_text(text, doc_id=path.stem, lang=gold.get("lang"), published=gold.get("published"))
        score_gold(gold, text, extraction_record(extract_document(doc)), counts)
    result = counts.figures()
    result["documents"] = len(paths)
    return result


def format_figures(result: dict[str, Any]) -> str:
    """Human-readable table of :func:`evaluate_gold` figures."""
    lines = [f"documents {result['documents']}  events gold {result['events_gold']}  predicted {result['events_pred']}",
             f"{'figure':<22}{'P':>7}{'R':>7}{'F1':>7}"]
    for key in METRICS:
        m = result[f"event_{key}"]
        lines.append(f"{'event ' + key:<22}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}")
    for key in ("time_span", "time_value"):
        m = result[key]
        lines.append(f"{key.replace('_', ' '):<22}{m['p']:>7.3f}{m['r']:>7.3f}{m['f']:>7.3f}")
    return "\n".join(lines)
