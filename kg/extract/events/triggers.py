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
    by_object: bool = False  # read from an object rule ("cut aid"): needs a counterpart to stand


@dataclass(frozen=True)
class _Lexicon:
    entries: dict[tuple[str, ...], tuple[str, str | None]]
    max_len: int
    object_rules: tuple[tuple[frozenset[str], frozenset[str], int, str, str | None, frozenset[str]], ...] = ()
    lemma_blocked: re.Pattern[str] | None = None
    first_words: frozenset[str] = frozenset()
    object_verbs: frozenset[str] = frozenset()  # every verb of an object rule (a quick pre-check)


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
    for phrase in data.get("not_triggers", []) or []:  # "menahan diri" (restrain oneself) is no arrest
        entries[("s",) + tuple(t.lower for t in tokenize(str(phrase), lang))] = (None, None)
    longest = max((len(k) - 1 for k in entries), default=1)
    rules = tuple(
        (frozenset(str(v).lower() for v in rule["verbs"]),
         frozenset(str(o).lower().split()[-1] for o in rule["objects"]),
         int(rule.get("window", 5)), rule["type"], rule.get("mode"),
         frozenset(str(w).lower() for w in rule.get("not_between", []) or []))
        for rule in load(lang, "triggers").get("object_triggers", []) or []
    )
    blocked = data.get("lemma_blocked") or []
    first = frozenset(key[1] for key in entries)
    return _Lexicon(entries, longest, rules, re.compile("|".join(blocked)) if blocked else None, first,
                    frozenset().union(*(r[0] for r in rules)))


def find_triggers(tokens: list[Token], lang: str) -> list[Trigger]:
    """Non-overlapping triggers in a token list, left to right, longest match first."""
    lex = lexicon(lang)
    lower = [t.lower for t in tokens]
    lemmas = [t.lemma for t in tokens]
    inflected = [a != b for a, b in zip(lower, lemmas)]
    blocked = [bool(lex.lemma_blocked and lex.lemma_blocked.match(w)) for w in lower]
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        hit = None
        if lower[i] in lex.first_words or lemmas[i] in lex.first_words:
            for n in range(min(lex.max_len, len(tokens) - i), 0, -1):
                sense = lex.entries.get(("s",) + tuple(lower[i:i + n]))
                if sense is None and not any(blocked[i:i + n]):  # agent nouns match only by their form
                    key = tuple(lemmas[i:i + n])
                    if any(inflected[i:i + n]):
                        sense = lex.entries.get(("l",) + key)  # an inflected token: any entry of its lemma
                    if sense is None:
                        sense = lex.entries.get(("r",) + key)  # a bare root only a bare-root entry
                if sense:
                    hit = Trigger(i, i + n - 1, sense[0], sense[1])
                    break
        if hit is not None and hit.type is None:  # a phrase that only looks like a trigger
            i = hit.last + 1
            continue
        if (hit is None or hit.first == hit.last) and lower[i] in lex.object_verbs:
            hit = _object_trigger(tokens, i, lex) or hit  # a verb read by its object beats its one-word sense
            # ("cancelled restrictions": easing, not a sanction)
        if hit:
            found.append(hit)
            i = hit.last + 1
        else:
            i += 1
    return found


def _object_trigger(tokens: list[Token], i: int, lex: _Lexicon) -> Trigger | None:
    for verbs, objects, window, type_, mode, not_between in lex.object_rules:
        if tokens[i].lower not in verbs:
            continue
        span = tokens[i + 1:i + 1 + window]
        hit = next((k for k, t in enumerate(span) if t.lower in objects), None)
        if hit is not None and not any(t.lower in not_between for t in span[:hit]):
            return Trigger(i, i, type_, mode, True)  # "forced the agency ... out", not "forced it to pull out"
    return None


def is_trigger_word(token: Token, lang: str) -> bool:
    """Is this one token an event trigger on its own ("Kunjungi", "Attacks")? Headlines capitalise
    verbs, which are then not names.

    >>> from kg.nlp.tokens import tokenize
    >>> [is_trigger_word(t, "id") for t in tokenize("Kunjungi Jakarta", "id")]
    [True, False]
    """
    lex = lexicon(lang)
    if ("s", token.lower) in lex.entries:
        return lex.entries[("s", token.lower)][0] is not None
    key = ("l" if token.lower != token.lemma else "r", token.lemma)
    return key in lex.entries and not (lex.lemma_blocked and lex.lemma_blocked.match(token.lower))
