"""Shared pieces of actor recognition: the result type, token items, and canonical nodes.

>>> _person("Budi Santoso", "IDN", None, None).key
'person-budi-santoso'
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.actors.gazetteer import Entry, Marker, slug
from kg.model import Actor, ActorMention, PlaceMention, Token


@dataclass
class Found:
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    partial: list[tuple[int, int, str, int]] = field(default_factory=list)  # "Korea" alone: settled per document


@dataclass
class _Item:
    """A recognised stretch of tokens before composition into mentions."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # entry, marker, name, region
    entry: Entry | None = None
    marker: Marker | None = None
    region: str | None = None


def _actor_from_entry(entry: Entry, as_state: bool = False) -> Actor:
    if entry.kind == "place" and entry.stands_for and as_state:
        return country_actor(entry.stands_for)
    kind = {"country": "country", "organization": "organization", "person": "person"}.get(entry.kind, "organization")
    role = entry.roles[0][0] if entry.roles else None
    return Actor(entry.key, entry.name, kind, entry.country, entry.wikidata, role, entry.sector)


def country_actor(code: str) -> Actor:
    """The canonical node of a state: ``country_actor("RUS").name == "Russia"``."""
    return Actor(f"country-{code}", _country_name(code), "country", code)


def _country_name(code: str) -> str:
    """English CLDR name of a country: ``_country_name("RUS") == "Russia"``."""
    from kg.extract.actors.gazetteer import gazetteer

    return gazetteer("en").country_names.get(code, code)


def _person(name: str, country: str | None, role: str | None, sector: str | None) -> Actor:
    return Actor(f"person-{slug(name)}", name, "person", country, None, role, sector)


def _add_actor(found: Found, tokens: list[Token], first: int, end: int, actor: Actor, index: int,
               text: str) -> None:
    start_char, end_char = tokens[first].start, tokens[end - 1].end
    mention = ActorMention(start_char, end_char, text[start_char:end_char], actor, index)
    found.actors.append(mention)


