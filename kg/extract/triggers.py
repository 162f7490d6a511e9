"""Event triggers from the per-language lexicons (``kg/lang/<code>/triggers.yaml``).

A lexicon word matches a token whose surface form or lemma equals the word's surface form or
lemma; multi-word entries match word by word; the longest match wins.

>>> from kg.nlp.tokens import tokenize
>>> [(t.type, t.mode) for t in find_triggers(tokenize("Lavrov bertemu dengan Kim", "id"), "id")]
[('CONSULT', 'meet')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import load
from kg.model import Token
from kg.nlp.tokens import lemma, tokenize


@dataclass(frozen=True)
class Trigger:
    first: int  # token index
    last: int  # token index, inclusive
    type: str
    mode: str | None


@dataclass(frozen=True)
class _Lexicon:
    entries: dict[tuple[str, ...], tuple[str, str | None]]
    max_len: int
    object_rules: tuple[tuple[frozenset[str], frozenset[str], int, str, str | None], ...] = ()
    lemma_blocked: re.Pattern[str] | None = None


@lru_cache(maxsize=None)
def lexicon(lang: str) -> _Lexicon:
    """Index of trigger words by surface and by lemma sequences."""
    entries: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for block in load(lang, "triggers")["triggers"]:
        for phrase in block["words"]:
            words = [t.lower for t in tokenize(str(phrase), lang)]
            sense = (block["type"], block.get("mode"))
            entries.setdefault(("s",) + tuple(words), sense)
            lemmas = tuple(lemma(w, lang) for w in words)
            entries.setdefault(("l",) + lemmas, sense)
            if lemmas == tuple(words):
                entries.setdefault(("r",) + lemmas, sense)
    data = load(lang, "triggers")
    for block in data.get("exact_triggers", []) or []:
        for phrase in block["words"]:
            words = [t.lower for t in tokenize(str(phrase), lang)]
            entries.setdefault(("s",) + tuple(words), (block["type"], block.get("mode")))
    longest = max((len(k) - 1 for k in entries), default=1)
    rules = tuple(
        (frozenset(str(v).lower() for v in rule["verbs"]),
         frozenset(str(o).lower().split()[-1] for o in rule["objects"]),
         int(rule.get("window", 5)), rule["type"], rule.get("mode"))
        for rule in load(lang, "triggers").get("object_triggers", []) or []
    )
    blocked = data.get("lemma_blocked") or []
    return _Lexicon(entries, longest, rules, re.compile("|".join(blocked)) if blocked else None)


def find_triggers(tokens: list[Token], lang: str) -> list[Trigger]:
    """Non-overlapping triggers in a token list, left to right, longest match first."""
    lex = lexicon(lang)
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(lex.max_len, len(tokens) - i), 0, -1):
            window = tokens[i:i + n]
            sense = lex.entries.get(("s",) + tuple(t.lower for t in window))
            if sense is None and lex.lemma_blocked and any(lex.lemma_blocked.match(t.lower) for t in window):
                pass  # an agent noun ("penyidik") only matches by its own form
            elif sense is None and any(t.lower != t.lemma for t in window):
                # an inflected token may match any entry of the same lemma ...
                sense = lex.entries.get(("l",) + tuple(t.lemma for t in window))
            if sense is None and not (lex.lemma_blocked and any(lex.lemma_blocked.match(t.lower) for t in window)):
                # ... but a bare root ("perang") only matches a bare-root entry, not "berperang"
                sense = lex.entries.get(("r",) + tuple(t.lemma for t in window))
            if sense:
                hit = Trigger(i, i + n - 1, sense[0], sense[1])
                break
        if hit is None:
            hit = _object_trigger(tokens, i, lex)
        if hit:
            found.append(hit)
            i = hit.last + 1
        else:
            i += 1
    return found


def _object_trigger(tokens: list[Token], i: int, lex: _Lexicon) -> Trigger | None:
    for verbs, objects, window, type_, mode in lex.object_rules:
        if tokens[i].lower in verbs and any(t.lower in objects for t in tokens[i + 1:i + 1 + window]):
            return Trigger(i, i, type_, mode)
    return None
