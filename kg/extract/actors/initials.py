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

from kg.extract.actors.nodes import Found
from kg.lang import load
from kg.model import Actor, ActorMention, Token

INITIALS = re.compile(r"^(?:[A-Z]\.?){2,5}$")


def _initials_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def resolve_initials(found: Found, text: str, lang: str, tokens_by_sentence: list[list[Token]]) -> None:
    """Turn initials after a marker into person mentions (see the module docstring)."""
    markers = frozenset(str(w).lower() for w in load(lang, "grammar").get("initials_markers") or [])
    if not markers:
        return
    hits: list[tuple[int, Token]] = []
    for index, tokens in enumerate(tokens_by_sentence):
        for i, tok in enumerate(tokens[:-1]):
            if tok.lower not in markers:
                continue
            k = i + 1 + (tokens[i + 1].text == ".")
            if k < len(tokens) and INITIALS.match(tokens[k].text):
                hits.append((index, tokens[k]))
    if not hits:
        return
    persons = [m for m in found.actors if m.actor.kind == "person" and len(m.actor.name.split()) >= 2]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    for index, tok in hits:
        letters = tok.text.replace(".", "")
        bracketed = [m for m in persons if re.match(rf"\s*\(\s*{re.escape(tok.text)}\s*\)", text[m.end:m.end + 12])]
        matching = {m.actor.key: m.actor for m in bracketed or persons if _initials_of(m.actor.name) == letters
                    or m in bracketed}
        actor = (next(iter(matching.values())) if len(matching) == 1 else
                 Actor(f"person-{letters.lower()}-{digest}", letters, "person"))
        found.actors = [m for m in found.actors if not (m.start < tok.end and tok.start < m.end)]
        found.actors.append(ActorMention(tok.start, tok.end, tok.text, actor, index))
