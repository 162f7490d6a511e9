"""A user's own actors and places (``--actors FILE``): YAML in the ``kg/data`` schema, or CSV.

YAML: a mapping with lists under ``actors`` (each with ``kind``), ``persons``, ``organizations``
or ``places``; each item has ``name`` and optional ``aliases``, ``country`` (ISO alpha-3),
``wikidata``, ``sector``, ``stands_for`` and dated ``roles`` ({role, from, to}).

CSV: a header row with ``name`` and any of ``kind, country, aliases, wikidata, sector, role,
from, to``; aliases are separated by ``|``; one row per actor (a role, if given, with its dates).
Entries from this file win over the built-in gazetteer.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
>>> _ = path.write_text("name,kind,country,aliases\\nBudi Santoso,person,IDN,Pak Budi|Budi S.\\n")
>>> read_user_actors(str(path))["actors"][0]["aliases"]
['Pak Budi', 'Budi S.']
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError

KINDS = ("person", "organization", "country", "place")
SECTIONS = {"actors": None, "persons": "person", "organizations": "organization", "places": "place"}
ISO3 = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_user_actors(path: str) -> dict[str, list[dict[str, Any]]]:
    """The file's entries, checked; any problem is an :class:`InputError` naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read actors file: {exc.strerror if isinstance(exc, OSError) else exc}") \
            from None
    data = _from_csv(path, text) if path.lower().endswith(".csv") else _from_yaml(path, text)
    for section, items in data.items():
        if section not in SECTIONS or not isinstance(items, list):
            raise InputError(path, f"expected lists under {', '.join(SECTIONS)}, got {section!r}")
        for number, item in enumerate(items, 1):
            _check(path, section, number, item)
    return data


def _from_yaml(path: str, text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise InputError(path, f"not valid YAML{where}") from None
    if not isinstance(data, dict) or not data:
        raise InputError(path, "an actors file needs a mapping with an 'actors' (or persons/organizations/places) list")
    return data


def _from_csv(path: str, text: str) -> dict[str, Any]:
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or "name" not in (rows[0].keys() if rows else ()):
        raise InputError(path, "a CSV actors file needs a header row with a 'name' column and at least one row")
    items = []
    for row in rows:
        item: dict[str, Any] = {k: v.strip() for k, v in row.items() if k and v and v.strip()}
        item["kind"] = item.get("kind", "person")
        item["aliases"] = [a.strip() for a in item.pop("aliases", "").split("|") if a.strip()]
        if "role" in item:
            item["roles"] = [{"role": item.pop("role"), "from": item.pop("from", None), "to": item.pop("to", None)}]
        items.append(item)
    return {"actors": items}


def _check(path: str, section: str, number: int, item: Any) -> None:
    where = f"{section} entry {number}"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise InputError(path, f"{where}: needs a name")
    kind = item.get("kind") or SECTIONS[section] or "person"
    if kind not in KINDS:
        raise InputError(path, f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    for key in ("country", "stands_for"):
        if item.get(key) is not None and not ISO3.match(str(item[key])):
            raise InputError(path, f"{where}: {key} must be an ISO alpha-3 code like RUS, not {item[key]!r}")
    if item.get("wikidata") is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(item["wikidata"])):
        raise InputError(path, f"{where}: wikidata must be an item id like Q42, not {item['wikidata']!r}")
    if not all(isinstance(a, str) for a in item.get("aliases") or []):
        raise InputError(path, f"{where}: aliases must be a list of names")
    for role in item.get("roles") or []:
        if not isinstance(role, dict) or not role.get("role"):
            raise InputError(path, f"{where}: each role needs a 'role'")
        for key in ("from", "to"):
            if role.get(key) is not None and not DATE.match(str(role[key])):
                raise InputError(path, f"{where}: role date {key} must be YYYY, YYYY-MM or YYYY-MM-DD")
