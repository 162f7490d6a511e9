"""Institutions of a named state: "the Latvian Constitutional Court", "Mahkamah Konstitusi
Latvia". A country word next to an organisation's name makes it that country's institution, even
when the bare name is a known institution of another state (Indonesian "Mahkamah Konstitusi" alone
is Indonesia's; followed by "Latvia" it is Latvia's).

>>> from kg.extract.actors.recognizer import find_actors
>>> text = "Mahkamah Konstitusi Latvia membatalkan larangan itu."
>>> [(m.text, m.actor.country) for m in find_actors(text, "id", [(0, len(text))]).actors]
[('Mahkamah Konstitusi Latvia', 'LVA')]
"""
from __future__ import annotations

from kg.extract.actors.nodes import Found, _Item
from kg.extract.actors.gazetteer import slug
from kg.model import Actor, Token


def _country(item: _Item | None) -> str | None:
    return item.entry.country if item is not None and item.kind == "entry" and item.entry.kind == "country" else None


def foreign_institution(item: _Item, nxt: _Item | None, tokens: list[Token], text: str) -> tuple[int, Actor] | None:
    """A known national institution followed right away by another state's name ("Mahkamah
    Konstitusi Latvia"): (token end of the mention, that state's institution)."""
    entry = item.entry
    code = _country(nxt)
    if (entry is None or entry.kind != "organization" or not entry.country or code is None or code == entry.country
            or nxt.start != item.end):
        return None
    name = text[tokens[item.start].start:tokens[nxt.end - 1].end]
    return nxt.end, Actor(f"organization-{code.lower()}-{slug(name)}", name, "organization", code, None, None,
                          entry.sector)


def owned_by_adjective(found: Found, previous: _Item | None, item: _Item, tokens: list[Token]) -> tuple[int, str] | None:
    """English "Latvian Constitutional Court": a state's adjective right before an unknown
    organisation name. Returns the first token of the whole mention and the state; the country
    mention already made for the adjective is taken back (the name now includes it)."""
    code = _country(previous)
    if code is None or previous.end != item.start:
        return None
    last = found.actors[-1] if found.actors else None
    if last is not None and (last.start, last.end) == (tokens[previous.start].start, tokens[previous.end - 1].end):
        found.actors.pop()
    return previous.start, code


def org_noun_after(tokens: list[Token], end: int, words: tuple[frozenset[str], frozenset[str]]) -> int | None:
    """English "the Umma (Nation) party", "the Azadliq opposition coalition": a lower-case
    organisation noun right after an unknown name (past a bracketed gloss and one modifier) makes
    the name an organisation; returns the token end of the whole name."""
    nouns, modifiers = words
    k = end
    if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")":
        k += 3
    if k + 1 < len(tokens) and tokens[k].text in modifiers:
        k += 1
    return k + 1 if k < len(tokens) and tokens[k].text in nouns else None


# titles followed by the region they govern (the roles titles.yaml gives them)
REGIONAL_ROLES = frozenset({"Governor", "Regent", "Mayor", "Vice Governor", "Vice Regent", "Vice Mayor",
                            "Regional Police Chief", "District Police Chief", "Sub-district Police Chief",
                            "Regional Military Commander", "Military Area Commander", "District Military Commander",
                            "Regional Secretary", "Sub-district Head", "Urban Village Head", "Village Head"})


def office_holder_after(tokens: list[Token], items: list[_Item], name_index: int, role: str,
                        title_end: int) -> tuple[_Item, int] | None:
    """"Bupati Tanjung Bening, Rudi Hartono", "the Mayor of Springfield, John Smith,": after a
    regional title the name is the region and the person follows in apposition (closed by a comma,
    a stop or the end, not a list: "Governor Smith, John Doe and others"). Returns the person's item
    (a full name or a known person) and the token where the region ends (capitalised words the
    tagger cut off the region are still part of it: "Tanjung | Bening")."""
    if role not in REGIONAL_ROLES or name_index + 1 >= len(items):
        return None
    region, person = items[name_index], items[name_index + 1]
    region_end = region.end
    while region_end < person.start and tokens[region_end].text[:1].isupper():
        region_end += 1
    if (region.kind != "name" or region_end >= len(tokens) or tokens[region_end].text != ","
            or person.start != region_end + 1
            or not (region.start == title_end or (region.start == title_end + 1 and tokens[title_end].lower == "of"))):
        return None
    if person.end < len(tokens) and tokens[person.end].text not in (",", ".", ";", ")"):
        return None
    if person.kind == "name" and person.end - person.start >= 2:
        return person, region_end
    return (person, region_end) if person.kind == "entry" and person.entry.kind == "person" else None
