"""Language data for events, read once per language from ``kg/lang/<code>/grammar.yaml``.

>>> "menurut" in grammar("id").according_to[0]
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import load

QUOTES = "\"“”«»"


@dataclass(frozen=True)
class EventGrammar:
    future: frozenset[str]
    negated: frozenset[str]
    hypothetical: frozenset[str]
    window: int
    according_to: tuple[tuple[str, ...], ...]
    quote_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    targets: frozenset[str]
    agents: frozenset[str]
    passive_prefixes: tuple[str, ...]
    passive_auxiliaries: frozenset[str]
    relatives: frozenset[str]
    coordinators: frozenset[str]
    breaks: frozenset[str]
    back_reference: frozenset[str]
    circumstance: frozenset[str]
    victim_verbs: frozenset[str]
    places: frozenset[str]
    demand_modals: frozenset[str]
    subject_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    conditional: frozenset[str]
    nominal: re.Pattern[str]
    between: frozenset[str] = frozenset()  # "antara", "between": both sides of a clash
    pointer_after: bool = True  # "serangan itu" (Indonesian) vs "that attack" (English)
    stative_participles: frozenset[str] = frozenset()  # "Israel is opposed to ...": a state, not a passive
    exercises: frozenset[str] = frozenset()  # "war games", "latihan": joint ones are cooperation
    warning_verbs: frozenset[str] = frozenset()  # "warned that ... will": a threat
    promise_verbs: frozenset[str] = frozenset()  # "vowed to attack": a threat, not a promise
    fight_words: frozenset[str] = frozenset()  # "vowed to fight X": a threat when X is named
    blocking_verbs: frozenset[str] = frozenset()  # "blocked the road": a protest only by people
    attack_words: frozenset[str] = frozenset()  # "bombing", "ledakan": violence someone did, even unnamed
    attacker_nouns: frozenset[str] = frozenset()  # "warplanes", "soldiers": an attacker named without a country


@lru_cache(maxsize=None)
def grammar(lang: str) -> EventGrammar:
    g = load(lang, "grammar")
    m, a, r = g["modality"], g["attribution"], g["roles"]

    def words(items) -> frozenset[str]:
        return frozenset(str(w).lower() for w in items or [])

    return EventGrammar(
        words(m["future"]), words(m["negated"]), words(m["hypothetical"]), int(g.get("modality_window", 4)),
        tuple(tuple(str(p).lower().split()) for p in a["according_to"]), words(a["quote_verbs"]),
        words(a["speech_verbs"]), words(r["target_prepositions"]), words(r["agent_prepositions"]),
        tuple(r.get("passive_prefixes", [])), words(r.get("passive_auxiliaries")), words(r["relative_markers"]),
        words(r["coordinators"]), words(r["clause_breaks"]), words(r["back_reference"]),
        words(r.get("circumstance_prepositions")), words(r.get("victim_verbs")),
        words(r.get("place_prepositions")), words(g.get("demand_modals")),
        words(g.get("subject_pronouns")), words(g.get("person_pronouns")), words(g.get("conditional_markers")),
        re.compile(g.get("nominal_trigger") or "^$"), words(r.get("between")), not g.get("country_before_noun"),
        words(r.get("stative_participles")), words(g.get("exercise_words")), words(a.get("warning_verbs")),
        words(g.get("promise_verbs")), words(g.get("fight_words")), words(g.get("blocking_verbs")),
        words(g.get("attack_words")),
        words(g.get("attacker_nouns")),
    )


