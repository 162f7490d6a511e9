"""A person named by initials: Indonesian crime and court reports write a suspect as "Saudara
AS", "Sdr. ISW", "tersangka HPS" (and English ones "suspect J.D."). After one of the language's
initials markers (``initials_markers`` in ``kg/lang/<code>/grammar.yaml``) a run of two to five
capitals is a person, never a country or a party ("AS" is not the United States there). The
mention binds to the person the article names in full, when one full name has those initials or
is followed by them in brackets ("Arif Setiawan (AS)"); otherwise it is a person of this article
only (its IRI carries a digest of the text: two articles' "AS" are not one person).

>>> from kg.extract.actors.recognizer import find_actors
>>> text = "KPK menahan Arif Setiawan. Saudara AS diperiksa selama 12 jam."
>>> found = find_actors(text, "id", [(0, 26), (27, 62)])
>>> [(m.text, m.actor.name, m.actor.kind) for m in found.actors if m.sentence == 1]
[('AS', 'Arif Setiawan', 'person')]
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from kg.extract.actors.gazetteer import slug
from kg.extract.actors.nodes import Found
from kg.lang import load
from kg.model import Actor, ActorMention, Token

INITIALS = re.compile(r"^(?:[A-Z]\.?){2,5}$")


def _initials_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _bare_name(mention: ActorMention, initials: str) -> str:
    """The mention's text without the initials in brackets that may close it."""
    return re.sub(rf"\s*\(\s*{re.escape(initials)}\s*\)\s*$", "", mention.text)


def _full_name(found: Found, text: str, initials: str) -> tuple[ActorMention | None, list[Actor]]:
    """The mention followed by these initials in brackets ("Arif Setiawan (AS)"), if any, and the
    people of the article whose names have these initials."""
    letters = initials.replace(".", "")
    bracket = re.compile(rf"\s*\(\s*{re.escape(initials)}\s*\)")
    bracketed = next((m for m in found.actors if bracket.match(text, m.end) or bracket.search(m.text)
                      and _initials_of(_bare_name(m, initials)) == letters), None)
    people = {m.actor.key: m.actor for m in found.actors if m.actor.kind == "person"
              and len(m.actor.name.split()) >= 2 and _initials_of(m.actor.name) == letters}
    return bracketed, list(people.values())


def resolve_initials(found: Found, text: str, lang: str, tokens_by_sentence: list[list[Token]],
                     is_known_name: Callable[[str], bool] = lambda word: False) -> None:
    """Turn initials after a marker into person mentions (see the module docstring);
    ``is_known_name`` says whether the gazetteer knows a word as a name ("ISIS", "KPK")."""
    grammar = load(lang, "grammar")
    address = frozenset(str(w).lower() for w in grammar.get("initials_markers") or [])
    roles = frozenset(str(w).lower() for w in grammar.get("initials_role_nouns") or [])
    common = frozenset(str(w) for w in grammar.get("common_acronyms") or [])
    hits: list[tuple[int, Token]] = []
    for index, tokens in enumerate(tokens_by_sentence):
        shouting = sum(t.text.isupper() for t in tokens if t.text.isalpha()) > len(tokens) / 2  # an all-caps line
        for i, tok in enumerate(tokens[:-1]):
            k = i + 1 + (tokens[i + 1].text == ".")
            if k >= len(tokens) or not INITIALS.match(tokens[k].text):
                continue
            initials = tokens[k]
            if tok.lower in address or (tok.lower in roles and not shouting and initials.text not in common
                                        and not is_known_name(initials.text)):
                hits.append((index, initials))  # after a role noun only a run no one knows ("korban WNI", "pelaku ISIS")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    for index, tok in hits:
        letters = tok.text.replace(".", "")
        bracketed, people = _full_name(found, text, tok.text)
        if bracketed is not None:
            name = _bare_name(bracketed, tok.text)
            actor = bracketed.actor if bracketed.actor.kind == "person" else \
                Actor(f"person-{slug(name)}", name, "person", bracketed.actor.country)
            bracketed.actor = actor  # "Hendra Prasetyo Siregar (HPS)": the marker says the name is a person
        elif len(people) == 1:
            actor = people[0]
        else:
            actor = Actor(f"person-{letters.lower()}-{digest}", letters, "person")
        found.actors = [m for m in found.actors if not (m.start < tok.end and tok.start < m.end)]
        found.actors.append(ActorMention(tok.start, tok.end, tok.text, actor, index))
