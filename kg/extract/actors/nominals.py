"""Nominal actors and partial country names: "polisi", "the protesters", "Demonstrators in
Baghdad", "Teman-teman Korea kami" — mentions without a name of their own.

A group or institution noun with no country next to it ("Polisi kemudian menembakkan gas air
mata") is still an actor. Its country comes from a place right after it ("Demonstrators in
Baghdad" -> Iraq), else from the country the document is clearly about (at least 60% of the
mentions that carry a country), else it stays unknown. A single word that begins the name of
exactly one country named in the document ("Korea" after "Korea Utara") is that country.

>>> from kg.extract.actors.recognizer import find_actors
>>> found = find_actors("Ribuan demonstran berkumpul di Bandung. Polisi menangkap mereka.", "id",
...                     [(0, 38), (39, 63)])
>>> [(m.text, m.actor.name, m.actor.country) for m in found.actors]
[('demonstran', 'Indonesian Protesters', 'IDN'), ('Polisi', 'Indonesian Police', 'IDN')]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from kg.extract.actors.nodes import Found, _country_name, country_actor
from kg.extract.actors.gazetteer import Gazetteer, Marker, same_office, slug
from kg.model import Actor, ActorMention, PlaceMention, Token

NOMINAL_KINDS = ("group", "institution")
DOMESTIC_SECTORS = frozenset({"government", "military", "police", "legislature", "judiciary"})
DOMESTIC_BODIES = frozenset({"party", "parliament", "court", "police", "army", "government", "ministry", "assembly",
                             "coalition",
                             "partai", "parlemen", "pengadilan", "polisi", "kementerian"})
DOMINANT_SHARE = 0.6


def nominal_allowed(tokens: list[Token], first: int, end: int, marker: Marker, function_words: frozenset[str],
                    country_first: bool, verb_words: frozenset[str] = frozenset(), following_marker: bool = False) -> bool:
    """Is a group/institution noun with no country an actor here, not a modifier or part of a name?

    Indonesian modifiers follow their noun ("operasi militer"), English ones precede it
    ("police custody"), so the word on that side must be a function word or nothing; a
    capitalised word right after it makes it part of a proper name ("Polisi Militer"). An English
    institution before another group noun is the one that acts ("army warplanes").
    """
    if marker.kind not in NOMINAL_KINDS or not marker.bare:
        return False
    if end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].text.isalpha() and first > 0:
        return False
    if country_first:  # English: "the police said", "troops fired", not "police custody", "artillery fire"
        following = tokens[end].lower if end < len(tokens) else ""
        return following_marker or not (following.isalpha() and following not in function_words
                                         and following not in verb_words and not following.endswith("ed"))
    if first == 0 or tokens[first].lower in function_words:  # "tuntutan para demonstran": "para" makes it a group
        return True
    before = tokens[first - 1]
    return not before.text.isalpha() or before.lower in function_words or before.lower.startswith(("me", "di", "ber"))


def nominal_actor(marker: Marker, country: str | None, gaz: Gazetteer) -> Actor:
    """The canonical node of a group or institution of a country ("Indonesian Police")."""
    kind = "group" if marker.kind == "group" else "organization"
    adjective = gaz.demonym_en.get(country, _country_name(country)) if country else None
    name = f"{adjective} {marker.name}" if adjective else marker.name
    return Actor(f"{kind}-{(country or 'xx').lower()}-{slug(name)}", name, kind, country, None, None, marker.sector)


def dominant_country(found: Found, persons: bool = True) -> str | None:
    """The country most mentions of the document belong to, when it holds a clear majority
    (``persons=False``: counting only states, organisations and places)."""
    counts = Counter(m.actor.country for m in found.actors if m.actor.country and not getattr(m, "nominal", None)
                     and (persons or m.actor.kind != "person"))
    counts.update(m.place.country for m in found.places if m.place.country)
    total = sum(counts.values())
    if not total:
        return None
    code, n = counts.most_common(1)[0]
    return code if n / total >= DOMINANT_SHARE else None


def ethnic_group(tokens: list[Token], first: int, end: int, code: str, gaz: Gazetteer, ethnic_words: frozenset[str],
                 following: tuple[int, int, str] | None = None,
                 of_country: tuple[int, int, str] | None = None) -> tuple[int, Actor, Marker | None] | None:
    """A people rather than a state: "Bosnian Serbs" (Serbs of Bosnia: a group of that state; pass
    the next country item as ``following`` = (start, end, code)), "the Albanians of southern Serbia"
    (the country after "of" as ``of_country``) or "ethnic Albanians"/"etnis
    Albania" (a people wherever they live: the returned marker lets the document settle its
    country). Returns the token end of the mention, its actor and that marker."""
    if (following and following[0] == end and following[2] != code
            and " ".join(t.text for t in tokens[following[0]:following[1]]) in gaz.peoples):
        name = " ".join(t.text for t in tokens[first:following[1]])
        return following[1], Actor(f"group-{code.lower()}-{slug(name)}", name, "group", code, None, None,
                                   "civilian"), None
    people = " ".join(t.text for t in tokens[first:end])
    if of_country and people in gaz.peoples and of_country[2] != code:  # "the Albanians of southern Serbia"
        name = f"{people} of {_country_name(of_country[2])}"
        return of_country[1], Actor(f"group-{of_country[2].lower()}-{slug(name)}", name, "group", of_country[2], None,
                                    None, "civilian"), None
    if first > 0 and tokens[first - 1].lower in ethnic_words:
        adjective = gaz.demonym_en.get(code, _country_name(code))
        marker = Marker("group", f"Ethnic {adjective} Group", "civilian")
        return end, nominal_actor(marker, None, gaz), marker
    return None


def _offices(gaz: Gazetteer) -> dict[str, set[str]]:
    """Country -> every office its known people held (built once per gazetteer)."""
    cached = getattr(gaz, "_offices", None)
    if cached is None:
        cached = {}
        for entry in gaz.by_key.values():
            if entry.country:
                cached.setdefault(entry.country, set()).update(r[0] for r in entry.roles)
        gaz._offices = cached  # type: ignore[attr-defined]
    return cached


def _office_exists(role: str, country: str, gaz: Gazetteer | None) -> bool:
    """Could a ``role`` holder belong to ``country``? Not a "Prime Minister" of a state whose known
    office holders never held that office (the United States); yes when nothing is known."""
    if gaz is None:
        return True
    offices = _offices(gaz)
    held_anywhere = any(same_office(r, role) for held in offices.values() for r in held)
    return not held_anywhere or country not in offices or any(same_office(r, role) for r in offices[country])


def resolve_titled_persons(found: Found, gaz: Gazetteer | None = None) -> None:
    """An official with a domestic title and no stated nationality ("President Dos Santos",
    "Lt. Gen. Prosper Avril resigned ... Haiti's elections"), or an unknown party, court or
    parliament, belongs to the state the document is clearly about (by its states, organisations and places: another person's nationality says
    nothing of this one's); diplomats, people acting for an international body and known persons
    are left as they are."""
    country = dominant_country(found, persons=False)
    if country is None:
        return
    for mention in found.actors:
        actor = mention.actor
        if (actor.kind == "person" and actor.role and actor.sector in DOMESTIC_SECTORS and actor.country is None
                and actor.wikidata is None and getattr(mention, "acting_for", None) is None
                and _office_exists(actor.role, country, gaz)):
            mention.actor = replace(actor, country=country)
        elif (actor.kind == "organization" and actor.key.startswith("organization-xx-")
              and actor.name.split()[-1].lower() in DOMESTIC_BODIES):  # "the Umma party" in an Algerian story
            mention.actor = replace(actor, key=actor.key.replace("-xx-", f"-{country.lower()}-", 1), country=country)


def _shared_modifier(mention: ActorMention, same_sentence: list[ActorMention], text: str,
                     coordinators: frozenset[str]) -> str | None:
    """"militer dan dinas intelijen Korea Utara": the country after the coordination modifies both."""
    for other in same_sentence:
        if other.start <= mention.end:
            continue  # the gap is cut from the text only within the sentence: long texts stay linear
        gap = text[mention.end:other.start].split()
        if (len(gap) == 1 and gap[0].lower() in coordinators
                and other.actor.kind in ("organization", "group") and other.actor.country):
            return other.actor.country
    return None


def resolve_nominals(found: Found, text: str, place_words: frozenset[str], gaz: Gazetteer,
                     coordinators: frozenset[str] = frozenset()) -> None:
    """Give each nominal mention its country: one shared with a coordinated institution, a place
    right after it, else the document's country."""
    nominals = [m for m in found.actors if getattr(m, "nominal", None)]
    if not nominals:
        return
    by_sentence: dict[int, list[ActorMention]] = {}
    for other in found.actors:  # per sentence: a long text must not make this quadratic
        by_sentence.setdefault(other.sentence, []).append(other)
    for mention in list(nominals):  # "kelompok bersenjata TPNPB", "the paramilitary RSF": a descriptor of a name
        if any(not getattr(other, "nominal", None)
               and other.actor.kind in ("organization", "group") and other.start > mention.end
               and not text[mention.end:other.start].strip() for other in by_sentence[mention.sentence]):
            found.actors.remove(mention)
            nominals.remove(mention)
            by_sentence[mention.sentence].remove(mention)
    fallback = dominant_country(found)
    for mention in nominals:
        country = _shared_modifier(mention, by_sentence[mention.sentence], text, coordinators)
        for place in found.places if country is None else []:
            if place.sentence != mention.sentence or place.start < mention.end:
                continue
            gap = text[mention.end:place.start].split()
            if 0 < len(gap) <= 1 and gap[0].lower() in place_words:
                country = place.place.country
                break
        country = country or _place_later_in_sentence(mention, by_sentence[mention.sentence], found, text, place_words)
        mention.generic = country is None  # type: ignore[attr-defined]  # nothing in its sentence says whose
        country = country or fallback
        mention.actor = nominal_actor(mention.nominal, country, gaz)  # type: ignore[attr-defined]
        if country is None:
            mention.inner = True  # type: ignore[attr-defined]  # too vague to fill an event role


def _place_later_in_sentence(mention: ActorMention, same_sentence: list[ActorMention], found: Found, text: str,
                             place_words: frozenset[str]) -> str | None:
    """"Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese
    authorities": the first mention with a country after the noun is where they are, when it is a
    place ("in Hong Kong"), not another actor."""
    later = [m for m in same_sentence if m.start >= mention.end and m.actor.country and not getattr(m, "nominal", None)]
    later += [p for p in found.places if p.sentence == mention.sentence and p.start >= mention.end and p.place.country]
    if not later:
        return None
    first = min(later, key=lambda m: m.start)
    words = text[mention.end:first.start].split()
    if mention.nominal.sector == "military":  # type: ignore[attr-defined]
        return None  # "peacekeepers in Iraq", "troops in Baghdad" are usually someone else's
    if not words or words[-1].lower() not in place_words:
        return None
    if isinstance(first, PlaceMention):
        return first.place.country
    return first.actor.country if first.actor.kind == "country" else None  # "demonstrated in Serbia"


def resolve_partial_countries(found: Found, partial: list[tuple[int, int, str, int]]) -> None:
    """"Korea" alone, in a document naming "Korea Utara" and no other Korea, is North Korea."""
    named = {(m.actor.country, m.text) for m in found.actors if m.actor.kind == "country" and m.actor.country}
    for start, end, word, index in partial:
        codes = {code for code, name in named if name.split()[0] == word and name != word}
        if len(codes) == 1:
            code = codes.pop()
            found.actors.append(ActorMention(start, end, word, country_actor(code), index))


def mark_nominal(mention: ActorMention, marker: Marker) -> ActorMention:
    """Remember the noun a nominal mention came from (its country is settled per document)."""
    mention.nominal = replace(marker)  # type: ignore[attr-defined]
    return mention
