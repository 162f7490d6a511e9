"""Plain dataclasses passed between pipeline stages.

Every span carries ``start``/``end``: code-point offsets into :attr:`Document.text`.

>>> doc = Document(id="d1", text="Lavrov bertemu Kim.", lang="id")
>>> Span(0, 6).text_in(doc.text)
'Lavrov'
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

ACTOR_KINDS = ("person", "organization", "country", "group")
MODALITIES = ("asserted", "future", "negated", "hypothetical")


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` in a document's text."""

    start: int
    end: int

    def text_in(self, text: str) -> str:
        """The covered text."""
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        """True when the two ranges share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass
class Document:
    """One article: decoded text plus metadata. ``published`` anchors relative dates."""

    id: str
    text: str
    lang: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    cleaned: bool = False  # the given text was repaired (offsets refer to ``text``, which differs)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    lemma: str


@dataclass(frozen=True)
class TimeValue:
    """A normalised time: TIMEX3 ``value`` plus precision and ISO ``earliest``/``latest`` days."""

    value: str
    precision: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: TimeValue
    anchor: str  # publication, previous, none
    sentence: int = -1


@dataclass(frozen=True)
class Actor:
    """A canonical actor: one node per real-world actor, shared across articles."""

    key: str
    name: str
    kind: str
    country: str | None = None
    wikidata: str | None = None
    role: str | None = None
    sector: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country, "id": self.key}


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    country: str | None = None
    wikidata: str | None = None
    stands_for: str | None = None  # ISO3 of the state a capital or seat of power stands for
    geonames: str | None = None  # GeoNames ID ("91597" for Samarra)


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor
    sentence: int = -1


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    sentence: int = -1


@dataclass(frozen=True)
class Quantity:
    unit: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    start: int = -1
    end: int = -1

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in ("value", "min", "max"):
            number = getattr(self, key)
            if number is not None:
                out[key] = int(number) if float(number).is_integer() else number
        out["unit"] = self.unit
        return out


@dataclass
class Event:
    sentence: int
    trigger: Span
    trigger_text: str
    type: str
    mode: str | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    date: TimeValue | None = None
    date_mention: TimeMention | None = None
    latest_bound: dt.date | None = None  # undated reported events happened no later than this
    place: Place | None = None
    modality: str = "asserted"
    according_to: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything the pipeline found in one document."""

    document: Document
    sentences: list[Sentence]
    times: list[TimeMention]
    actors: list[ActorMention]
    places: list[PlaceMention]
    events: list[Event]
