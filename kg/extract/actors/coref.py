"""Coreference and descriptions settled once a document's mentions are known: appositions
("Kantor berita pemerintah Korea Utara, KCNA"), surname- and title-only mentions, one
description per person, and the office a known person held at the publication date.

>>> from kg.extract.actors.recognizer import find_actors
>>> found = find_actors("Menteri Luar Negeri Rusia Sergey Lavrov tiba. Lavrov tersenyum.", "id", [(0, 46), (47, 64)])
>>> sorted({m.actor.name for m in found.actors if m.actor.kind == "person"})
['Sergey Lavrov']
"""
from __future__ import annotations

import bisect

from dataclasses import replace

import re

from kg.extract.actors.nodes import Found, _person
from kg.extract.actors.gazetteer import Gazetteer, role_at, same_office
from kg.extract.actors.names import actor_for
from kg.model import Actor, ActorMention, PlaceMention

INTERNATIONAL_SECTORS = frozenset({"igo", "ngo"})
_TITLE_GAP = re.compile(r"^\s+(?:[A-Z][\w.'’-]*\s+){0,4}$")  # " Secretary-General ", " Emergency Relief Coordinator "
_OFFICE_AFTER = re.compile(r"(?:\s+[A-Z][\w.'’-]*){1,4}\s*,")  # "... United Nations Emergency Relief Coordinator,"
_ACRONYM_AFTER = re.compile(r" \(([A-Z][\w&.-]{1,14})\)")  # "Bursa Efek Indonesia (BEI)", "PT Pertamina (Persero)"
_APPOSITION_OPEN = re.compile(r"^\s*,\s*(?:the\s+|an?\s+)?$", re.IGNORECASE)


def date_roles(found: Found, gaz: Gazetteer, published: str | None) -> None:
    """Putin in 1999 was Prime Minister, in 2024 President: the gazetteer's office at the date."""
    for mention in found.actors:
        entry = gaz.by_key.get(mention.actor.key)
        if entry and mention.actor.role == entry.roles[0][0]:
            mention.actor = replace(mention.actor, role=role_at(entry, published))


def resolve_appositions(found: Found, text: str) -> None:
    """"Kantor berita pemerintah Korea Utara, KCNA, ...": a described organisation followed by its
    name is that named organisation."""
    ordered = sorted((m for m in found.actors if not getattr(m, "inner", False)), key=lambda m: m.start)
    for first, second in zip(ordered, ordered[1:]):
        a, b = first.actor, second.actor
        if (a.kind == b.kind == "organization" and a.country and a.country == b.country and a.key != b.key
                and text[first.end:second.start].strip() == "," and first.sentence == second.sentence):
            first.actor = b


def resolve_titles(found: Found) -> None:
    """Surname-only names and title-only mentions point to the person they stand for."""
    _merge_same_names(found)
    people = [m.actor for m in found.actors if m.actor.kind == "person" and not m.actor.key.startswith("role-")]
    by_surname: dict[str, set[Actor]] = {}
    for actor in people:
        parts = actor.name.split()
        if len(parts) >= 2:
            by_surname.setdefault(parts[-1], set()).add(actor)
    for mention in found.actors:
        actor = mention.actor
        if actor.key.startswith("role-"):
            candidates = [p for p in people if p.country == actor.country and p.role]
            same = [p for p in candidates if p.role == actor.role or (p.role and same_office(p.role, actor.role or ""))]
            sector = [p for p in candidates if p.sector == actor.sector]
            chosen = same or sector
            if len({p.key for p in chosen}) == 1:
                mention.actor = chosen[0]
        elif actor.kind == "person" and len(mention.text.split()) == 1:
            matches = by_surname.get(mention.text, set())
            if len(matches) == 1:
                mention.actor = next(iter(matches))
            elif len(matches) > 1:  # two people share the surname here: do not guess
                mention.actor = _person(mention.text, None, None, None)
    # Give every mention of one person the richest description found in the document.
    best: dict[str, Actor] = {}
    for mention in found.actors:
        current = best.get(mention.actor.key)
        if current is None or (not current.role and mention.actor.role) or (not current.country and mention.actor.country):
            best[mention.actor.key] = replace(mention.actor, role=mention.actor.role or (current.role if current else None),
                                              country=mention.actor.country or (current.country if current else None))
    for mention in found.actors:
        mention.actor = best[mention.actor.key]


def _merge_same_names(found: Found) -> None:
    """One person per full name in a document: the description with an ID, country and role wins."""
    richest: dict[str, Actor] = {}

    def score(a: Actor) -> tuple:
        return (a.wikidata is not None, a.country is not None, a.role is not None, a.key)

    for mention in found.actors:
        actor = mention.actor
        if actor.kind != "person" or actor.key.startswith("role-"):
            continue
        if actor.name not in richest or score(actor) > score(richest[actor.name]):
            richest[actor.name] = actor
    for mention in found.actors:
        if mention.actor.kind == "person" and mention.actor.name in richest:
            mention.actor = richest[mention.actor.name]


_PLACED = re.compile(r"\b(?:at|to|in|from|with|before|di|ke|dari|kepada|dengan|dalam)\s+(?:the\s+)?$", re.IGNORECASE)


def _international(actor: Actor) -> bool:
    """A known international or non-governmental body (its gazetteer sector says so)."""
    return actor.kind == "organization" and actor.country is None and actor.sector in INTERNATIONAL_SECTORS


def resolve_represented_bodies(found: Found, text: str) -> None:
    """A person who holds an office of an international body acts for it: "U.N. Secretary-General
    Kofi Annan", "Sekjen PBB Antonio Guterres", "Kenzo Oshima, the United Nations Emergency Relief
    Coordinator, ...". The body is kept on the mention (``acting_for``) and joins the person as a
    source of the events they drive, so their acts are not credited to their home country alone."""
    by_sentence: dict[int, list[ActorMention]] = {}
    for mention in found.actors:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for mentions in by_sentence.values():
        bodies = [m for m in mentions if _international(m.actor)]
        if not bodies:
            continue
        for person in (m for m in mentions if m.actor.kind == "person"):
            for body in bodies:
                if _PLACED.search(text, max(0, body.start - 12), body.start):
                    continue  # "Speaking at the UN President Biden said ...": where, not whom for
                if body.end <= person.start:
                    gap = text[body.end:person.start]
                    fits = not gap.strip() or (_TITLE_GAP.match(gap) and person.actor.role is not None)
                else:
                    fits = (person.end <= body.start and bool(_APPOSITION_OPEN.match(text[person.end:body.start]))
                            and bool(_OFFICE_AFTER.match(text, body.end)))
                if fits:
                    person.acting_for = body.actor  # type: ignore[attr-defined]


def join_acronyms(found: Found, text: str, spans: list[tuple[int, int]]) -> None:
    """"Bursa Efek Indonesia (BEI)", "Post Office Travel Money (POTM)": a name with its short form in
    brackets right after it is one mention, and the short form alone later in the document is
    the same actor. The short form names the actor only when it is a known one ("Badan Kesehatan
    Dunia (WHO)"). After a person, a bracket is a label ("Puan Maharani (PDIP)", "Joko Widodo
    (Jokowi)") and stays apart, unless it spells the name's initials (then the "person" was an
    organisation's name). A short form given to two different names resolves nothing later."""
    aliases: dict[str, Actor | None] = {}
    for mention in sorted(found.actors + found.places, key=lambda m: m.start):
        match = _ACRONYM_AFTER.match(text, mention.end)
        if match is None:
            continue
        short_form = match.group(1)
        person = isinstance(mention, ActorMention) and mention.actor.kind == "person"
        if not short_form.isupper() and (isinstance(mention, PlaceMention) or person):
            continue  # "Khanty-Mansiysk (Siberia)", "Joko Widodo (Jokowi)": a gloss, not a short form
        state = isinstance(mention, PlaceMention) or mention.actor.kind == "country"
        if state and not _initials_of(short_form, mention.text):
            continue  # "... Independence of Angola (UNITA)": the short form of a longer name
        if person and not _initials_of(short_form, mention.text):
            for label in (m for m in found.actors if (m.start, m.end) == match.span(1)):
                label.inner = True  # type: ignore[attr-defined]  # "Puan Maharani (PDIP)": a label, not a subject
            continue
        inner = [m for m in found.actors + found.places if (m.start, m.end) == match.span(1)]
        for m in inner:
            (found.places if isinstance(m, PlaceMention) else found.actors).remove(m)
        name = mention.text
        mention.end, mention.text = match.end(), text[mention.start:match.end()]
        if isinstance(mention, PlaceMention):
            continue
        own, short = mention.actor, inner[0].actor if inner and isinstance(inner[0], ActorMention) else None
        if (short is not None and short.kind != "person" and (short.wikidata or short.country)
                and not (own.wikidata or own.country)):
            mention.actor = short  # "Badan Kesehatan Dunia (WHO)": the known short form names it
        elif person:  # "Post Office Travel Money (POTM)": a run of names was an organisation's
            mention.actor = actor_for(name, "ORG")  # type: ignore[assignment]
        known = aliases.get(short_form, mention.actor)
        aliases[short_form] = mention.actor if known == mention.actor else None  # two courts, one "(PN)"
    for mention in found.actors:
        alias = aliases.get(mention.text)
        if alias is not None and mention.actor.kind != "person":
            mention.actor = alias
    taken = [(m.start, m.end) for m in found.actors + found.places]
    starts = [a for a, _ in spans]
    for short, actor in aliases.items():  # the short form alone, where nothing else was recognised
        if actor is None:
            continue
        for match in re.finditer(rf"(?<![\w(]){re.escape(short)}(?![\w)])", text):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0 or match.end() > spans[index][1]:
                continue  # outside every sentence: a dropped boilerplate line ("Lihat juga Video: ...")
            if not any(s < match.end() and match.start() < e for s, e in taken):
                found.actors.append(ActorMention(match.start(), match.end(), short, actor, index))


def _initials_of(short: str, name: str) -> bool:
    """Does ``short`` spell the initials of ``name``'s capitalised words ("POTM", "Post Office
    Travel Money")?"""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(short) >= 2 and short == initials
