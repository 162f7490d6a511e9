"""Word lists of one language that actor recognition reads from ``kg/lang/<code>/``: words that
never start a name, organisation and place head words, function words, verbs, honorifics, name
particles and connectors, ethnic words.

>>> "Association" in _head_words("en")[0]
True
"""
from __future__ import annotations

from functools import lru_cache

from kg.lang import load
from kg.model import Token


@lru_cache(maxsize=None)
def _not_names(lang: str) -> frozenset[str]:
    words = set(load(lang, "grammar").get("not_names", []))
    time = load(lang, "time")
    words |= {w.capitalize() for w in list(time["months"]) + list(time["weekdays"])}
    return frozenset(words)


@lru_cache(maxsize=None)
def _head_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    titles = load(lang, "titles")
    return frozenset(titles.get("org_name_words", [])), frozenset(titles.get("place_name_words", []))


def _head_word_label(tokens: list[Token], lang: str) -> str | None:
    """ORG or LOC for an unknown name holding an organisation or place word ("Arab League")."""
    orgs, places = _head_words(lang)
    words = {t.text.rstrip(".") for t in tokens}
    if words & orgs:
        return "ORG"
    if words & places:
        return "LOC"
    return None


@lru_cache(maxsize=None)
def _function_words(lang: str) -> frozenset[str]:
    roles = load(lang, "grammar")["roles"]
    keys = ("determiners", "target_prepositions", "agent_prepositions", "place_prepositions", "coordinators",
            "clause_breaks", "relative_markers")
    return frozenset(w for key in keys for w in roles.get(key, []))


@lru_cache(maxsize=None)
def _verb_words(lang: str) -> frozenset[str]:
    """Auxiliaries, modals and speech verbs: a group noun followed by one acts ("troops will")."""
    g = load(lang, "grammar")
    words = [*g["modality"]["future"], *g["modality"]["negated"], *g["modality"]["hypothetical"],
             *g["attribution"]["speech_verbs"], *g["attribution"]["quote_verbs"],
             *g["roles"].get("passive_auxiliaries", []), *g.get("auxiliaries", [])]
    return frozenset(w for w in words if " " not in w)


@lru_cache(maxsize=None)
def grammar_words(lang: str, key: str) -> frozenset[str]:
    """A word list of the language's grammar.yaml ("name_particles", "org_name_joins"...), read once.

    >>> "bin" in grammar_words("id", "name_particles")
    True
    """
    return frozenset(load(lang, "grammar").get(key, []))


def _honorifics(lang: str) -> frozenset[str]:
    return grammar_words(lang, "honorifics")


def _particles(lang: str) -> frozenset[str]:
    return grammar_words(lang, "name_particles")


def _ethnic_words(lang: str) -> frozenset[str]:
    return grammar_words(lang, "ethnic_words")


def _connectors(lang: str) -> frozenset[str]:
    return grammar_words(lang, "name_connectors")


@lru_cache(maxsize=None)
def _org_nouns(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Nouns that make the unknown name before them an organisation, and modifiers allowed between."""
    g = load(lang, "grammar")
    return frozenset(g.get("org_nouns_after_name", [])), frozenset(g.get("org_noun_modifiers", []))


def _name_prefixes(lang: str) -> frozenset[str]:
    """Words that open a person's name before the given name (Balinese "I", "Ni")."""
    return grammar_words(lang, "person_name_prefixes")


def _org_name_joins(lang: str) -> frozenset[str]:
    """"dan"/"and" inside an institution's name ("Kementerian Hukum dan HAM")."""
    return grammar_words(lang, "org_name_joins")


@lru_cache(maxsize=None)
def _money_and_number_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Currency words, and number scale words ("juta", "million")."""
    return grammar_words(lang, "currency_words"), frozenset(load(lang, "numbers").get("scales", {}))


def not_an_actor_here(tokens: list[Token], first: int, end: int, kind: str | None, lang: str) -> bool:
    """A known name that names no actor where it stands: a country beside a currency word, on the
    side the language puts it ("78 dolar AS", "US dollars"), a place's upper-case short form right
    after a number word ("46 juta KL": kilolitres, not Kuala Lumpur).

    >>> from kg.nlp.tokens import tokenize
    >>> tokens = tokenize("harga 60 dolar AS per barel", "id")
    >>> not_an_actor_here(tokens, 3, 4, "country", "id"), not_an_actor_here(tokens, 2, 3, "country", "id")
    (True, False)
    """
    currencies, scales = _money_and_number_words(lang)
    before = tokens[first - 1].lower if first else ""
    after = tokens[end].lower if end < len(tokens) else ""
    if kind == "country" and (after if load(lang, "grammar").get("country_before_noun") else before) in currencies:
        return True
    text = " ".join(t.text for t in tokens[first:end])
    return kind == "place" and text.isupper() and len(text) <= 4 and before in scales
