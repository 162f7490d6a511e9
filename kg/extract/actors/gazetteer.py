"""Known names: countries (CLDR via Babel + ``kg/data/countries.yaml``), places, organizations,
persons, and per-language titles, institutions and group nouns, as token-tuple lookups.

Users add or override entries with their own YAML file (same schema as ``kg/data``).

>>> gaz = gazetteer("id")
>>> gaz.names[("Korea", "Utara")].country
'PRK'
>>> gaz.names[("Moskow",)].stands_for
'RUS'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.core import get_global

from kg.extract.actors.useractors import read_user_actors
from kg.lang import load

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
_TOKEN_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}|(?<![\w.])[^\W\d_]\.(?=[ \t]+[^\W\d_])"  # "U.S.", "W." as in kg.nlp
                       r"|\w+(?:[-'’]\w+)*|[^\w\s]")


def surface_key(text: str) -> tuple[str, ...]:
    """Token tuple used as a lookup key (case kept)."""
    return tuple(_TOKEN_RE.findall(text))


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form for IRIs: ``slug("Sergéy Lavrov") == "sergey-lavrov"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Entry:
    """One known name: what it refers to."""

    kind: str  # country, place, organization, person
    name: str
    country: str | None = None
    wikidata: str | None = None
    stands_for: str | None = None
    sector: str | None = None
    roles: tuple = ()

    @property
    def key(self) -> str:
        if self.wikidata:
            return f"wd-{self.wikidata}"
        if self.kind == "country":
            return f"country-{self.country}"
        if self.kind == "person":  # the same key as a person found outside the gazetteer
            return f"person-{slug(self.name)}"
        return f"{self.kind}-{(self.country or 'xx').lower()}-{slug(self.name)}"


@dataclass(frozen=True)
class Marker:
    """A title, institution or group noun of one language."""

    kind: str  # title, institution, group
    name: str
    sector: str | None = None
    rank: int = 9
    bare: bool = True  # may act without a country next to it ("polisi"); weapons may not ("drones")
    rank_title: bool = False  # a police or military rank: a person's name follows ("Irjen Pol Karyoto")
    country: str | None = None  # an office only one state has ("Kapolri", "Menkumham"): its ISO3 code


@dataclass(eq=False)
class Gazetteer:
    names: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    markers: dict[tuple[str, ...], Marker] = field(default_factory=dict)  # lower-case keys
    regions: dict[tuple[str, ...], str] = field(default_factory=dict)
    demonym_en: dict[str, str] = field(default_factory=dict)  # ISO3 -> "Russian"
    peoples: set[str] = field(default_factory=set)  # nouns for a country's people: "Serbs", "Albanians"
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> "Russia"
    surname_roles: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # "Bush" -> {("President", "USA")}
    by_key: dict[str, Entry] = field(default_factory=dict)  # actor key -> entry with dated roles
    max_len: int = 1
    _lower: dict[tuple[str, ...], str] = field(default_factory=dict)
    _lower_entries: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    _first: dict[str, int] = field(default_factory=dict)

    def surname_country(self, surname: str, role: str | None = None) -> str | None:
        """The country of every known holder of ``role`` (of any office when None) with this
        surname, when they agree: "President Bush" is American whichever Bush it is; "President
        Kim" is not decided."""
        countries = {country for held, country in self.surname_roles.get(surname, ())
                     if role is None or same_office(held, role)}
        return next(iter(countries)) if len(countries) == 1 else None

    def token_tags(self, words: list[str]) -> list[str]:
        """Case-blind gazetteer reading of a token list, one tag per token ("B-person", "I-country",
        "B-title", "O"): a feature for the statistical tagger."""
        lower = [w.lower() for w in words]
        index = self.lower_index()
        tags = ["O"] * len(words)
        i = 0
        while i < len(words):
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                kind = index.get(tuple(lower[i:i + n]))
                if kind:
                    tags[i:i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                    i += n
                    break
            else:
                i += 1
        return tags

    def first_words(self) -> dict[str, int]:
        """First word of every name, marker (lower-case) and region -> the longest such entry."""
        if not self._first:
            for table in (self.names, self.markers, self.regions):
                for key in table:
                    self._first[key[0]] = max(self._first.get(key[0], 0), len(key))
        return self._first

    def lookup_any_case(self, words: list[str]) -> Entry | None:
        """The entry for these words as written, else ignoring case ("rusia" in lower-cased text)."""
        key = tuple(words)
        if key in self.names:
            return self.names[key]
        if not self._lower_entries:
            for k, entry in self.names.items():
                self._lower_entries.setdefault(tuple(w.lower() for w in k), entry)
        return self._lower_entries.get(tuple(w.lower() for w in words))

    def feature_digest(self, lang: str) -> str:
        """SHA-256 of the project's files the tagger's gazetteer features are read from
        (``kg/data/*.yaml``, the language's ``titles.yaml`` and the word lists of
        :mod:`kg.extract.actors.namehints`): a model trained on other versions
        must be retrained (``python -m kg.train.tagger``). CLDR names come from Babel and
        are not part of it (a Babel upgrade shifts a few features; see the model's NOTICE)."""
        import hashlib

        from kg.extract.actors.namehints import HINT_FILES
        from kg.lang import LANG_DIR

        digest = hashlib.sha256()
        for path in sorted(DATA_DIR.glob("*.yaml")) + [LANG_DIR / lang / "titles.yaml"] + sorted(HINT_FILES):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def lower_index(self) -> dict[tuple[str, ...], str]:
        if not self._lower:
            for key, entry in self.names.items():
                kind = "capital" if entry.stands_for else entry.kind
                self._lower.setdefault(tuple(w.lower() for w in key), kind)
            for key, marker in self.markers.items():
                self._lower.setdefault(key, marker.kind)
        return self._lower

    def add(self, surface: str, entry: Entry, override: bool = False) -> None:
        key = surface_key(surface)
        if key and (override or key not in self.names):
            self.names[key] = entry
            self.max_len = max(self.max_len, len(key))
        if entry.roles:
            self.by_key.setdefault(entry.key, entry)


# libyaml's C loader when PyYAML was built with it (the wheels are): the gazetteers are ~1 MB.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=8)
def _read(path: Path) -> dict[str, Any]:
    """A bundled data file, parsed once per process (read-only: callers never change it)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER) or {}  # noqa: S506 - a safe loader


# CLDR's alias table also maps withdrawn ISO alpha-3 codes to today's alpha-2 (DDR -> DE, BUR -> MM,
# YMD -> YE); they must never win over the current code. Kosovo has no ISO code: XKX is the one the
# EU, the UN and Wikidata use.
WITHDRAWN_ALPHA3 = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR", "XKK"})
ALPHA3_OVERRIDES = {"XK": "XKX"}


def role_at(entry: Entry, date: str | None) -> str | None:
    """The office ``entry`` held on ``date`` (ISO; its latest office when None or none fits).

    >>> e = Entry("person", "X", roles=(("Prime Minister", "1999", "2000-05-07", None), ("President", "2000-05-07", "", None)))
    >>> role_at(e, "1999-12-31"), role_at(e, "2024-01-01"), role_at(e, None)
    ('Prime Minister', 'President', 'President')
    """
    if not entry.roles:
        return None
    if date:
        held = [r for r in entry.roles if (not r[1] or r[1] <= date) and (not r[2] or date[:len(r[2])] <= r[2])]
        if held:
            return max(held, key=lambda r: r[1])[0]
    current = [r for r in entry.roles if not r[2]]
    return max(current or entry.roles, key=lambda r: (r[1], r[2]))[0]


def same_office(held: str, title: str) -> bool:
    """Does a dated role ("President of the United States") fit a title ("President")?

    >>> same_office("Prime Minister of Japan", "Prime Minister"), same_office("Minister of Defence", "Minister")
    (True, False)
    """
    return held == title or held.split(" of ")[0] == title and title not in ("Minister", "Secretary")


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    """ISO alpha-2 -> current alpha-3 for every territory CLDR knows (``_alpha3()["DE"] == "DEU"``)."""
    table = dict(ALPHA3_OVERRIDES)
    for alpha3, targets in sorted(get_global("territory_aliases").items()):
        if (len(alpha3) == 3 and alpha3.isalpha() and len(targets) == 1 and len(targets[0]) == 2
                and alpha3 not in WITHDRAWN_ALPHA3 and not _user_assigned(alpha3)):
            table.setdefault(targets[0], alpha3)
    return table


def _user_assigned(alpha3: str) -> bool:
    """ISO 3166 leaves AAA-AAZ, QMA-QZZ, XAA-XZZ and ZZA-ZZZ to users: CLDR puts the European Union
    (QUU) and pseudo-regions there; they are not states (Kosovo's XKX is set on purpose)."""
    return alpha3[:2] in ("AA", "ZZ") or ("QMA" <= alpha3 <= "QZZ") or alpha3[0] == "X"


def gazetteer(lang: str, extra: str | None = None) -> Gazetteer:
    """The lookup tables for ``lang``, plus a user's extra actor file (cached per pair)."""
    return _build(lang, str(extra) if extra else None)


@lru_cache(maxsize=16)
def _build(lang: str, extra: str | None) -> Gazetteer:
    gaz = Gazetteer()
    alpha3 = _alpha3()
    english = Locale("en").territories
    for code2, name in english.items():
        if code2 in alpha3:
            gaz.country_names[alpha3[code2]] = name
    user = read_user_actors(extra) if extra else {}
    _load_entries(gaz, user, override=True)
    countries = _read(DATA_DIR / "countries.yaml") if (DATA_DIR / "countries.yaml").exists() else {}
    for item in countries.get("countries", []):
        code = item["code"]
        gaz.country_names.setdefault(code, str(item.get("name") or code))  # historical states CLDR lacks
        entry = Entry("country", gaz.country_names[code], code)
        for alias in item.get("aliases", []) or []:
            gaz.add(str(alias), entry)
        demonyms = item.get("demonyms", {}) or {}
        for n, demonym in enumerate(demonyms.get(lang, []) or []):
            gaz.add(str(demonym), entry)
            if n and str(demonym).endswith("s"):
                gaz.peoples.add(str(demonym))
        if demonyms.get("en"):
            gaz.demonym_en[code] = str(demonyms["en"][0])
    for locale in dict.fromkeys([lang, "en"]):
        for code2, name in Locale(locale).territories.items():
            if code2 in alpha3 and not code2.isdigit():
                gaz.add(name, Entry("country", gaz.country_names[alpha3[code2]], alpha3[code2]))
    for name in ("places", "organizations", "persons"):
        path = DATA_DIR / f"{name}.yaml"
        if path.exists():
            _load_entries(gaz, _read(path), override=False)
    titles = load(lang, "titles")
    for group in ("titles", "institutions", "groups"):
        for item in titles.get(group, []):
            marker = Marker(group.rstrip("s"), item.get("role") or item["name"], item.get("sector"), item.get("rank", 9),
                            bool(item.get("bare", True)), bool(item.get("rank_title", False)), item.get("country"))
            for word in item["words"]:
                gaz.markers.setdefault(surface_key(word.lower()), marker)
    for word, adjective in (titles.get("regions") or {}).items():
        gaz.regions[surface_key(word)] = adjective
    return gaz


def _load_entries(gaz: Gazetteer, data: dict[str, Any], override: bool) -> None:
    kinds = {"places": "place", "organizations": "organization", "persons": "person", "actors": None}
    for section, kind in kinds.items():
        for item in data.get(section, []) or []:
            entry_kind = kind or item.get("kind", "person")
            entry = Entry(
                entry_kind, item["name"], item.get("country"), item.get("wikidata"),
                item.get("stands_for"), item.get("sector"), tuple(
                    (r.get("role"), str(r.get("from") or ""), str(r.get("to") or ""), r.get("sector"))
                    for r in item.get("roles", []) or []
                ),
            )
            for surface in [item["name"], *(item.get("aliases") or [])]:
                gaz.add(str(surface), entry, override)
                if entry_kind == "person" and entry.country and len(str(surface).split()) > 1:
                    held = gaz.surname_roles.setdefault(str(surface).split()[-1], set())
                    held.update((role[0], entry.country) for role in entry.roles if role[0])
