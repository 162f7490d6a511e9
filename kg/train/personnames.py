"""Build ``kg/data/person-names.tsv.gz``, given names and family names in Latin script, from the
name lists that the ``Faker`` package ships for its locales (``pip install -e '.[data]'``; only
needed to rebuild, not to run):

    python -m kg.train.personnames

One row per lower-cased word of a name: the word, and ``given``, ``family`` or ``both``. Words are
kept as written and also without diacritics ("josé" and "jose"); names in other scripts are left
out. The name tagger (:mod:`kg.extract.actors.tagger`) reads the table as a case-blind hint, which matters
most in lower-cased text, where a name's capital letter is gone. Faker's lists are MIT-licensed;
the file's header and ``kg/data/person-names.NOTICE.md`` say so.
"""
from __future__ import annotations

import gzip
import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "person-names.tsv.gz"
GIVEN = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
FAMILY = ("last_names", "last_names_male", "last_names_female", "last_names_nonbinary")
HEADER = ("# Given and family names in Latin script, lower-cased, from the person-name lists of Faker {version}\n"
          "# (https://github.com/joke2k/faker, MIT licence; see person-names.NOTICE.md), {locales} locales.\n"
          "# Rebuilt with python -m kg.train.personnames. Columns: word, given|family|both.\n")


def _plain(word: str) -> str:
    """"josé" -> "jose": without diacritics, as news often writes foreign names."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _latin(name: str) -> bool:
    """Latin letters (with diacritics), spaces, hyphens and apostrophes only."""
    return bool(name) and all(ch in " -'" or (ch.isalpha() and ord(ch) < 0x250) for ch in name)


def _names(value: object) -> list[str]:
    """Faker keeps a list, a tuple or a weighted dict of names."""
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v) for v in value]
    return []


def collect() -> tuple[dict[str, set[str]], int]:
    """word -> {"given", "family"} over every Faker locale, and the number of locales used."""
    import faker.providers.person as person

    kinds: dict[str, set[str]] = {}
    locales = 0
    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        found = False
        for kind, attrs in (("given", GIVEN), ("family", FAMILY)):
            for attr in attrs:
                for name in _names(provider.__dict__.get(attr)):
                    if not _latin(name):
                        continue
                    for word in name.lower().replace("-", " ").split():
                        word = word.strip("'")
                        for form in {word, _plain(word)}:
                            if len(form) > 1:
                                kinds.setdefault(form, set()).add(kind)
                                found = True
        locales += found
    return kinds, locales


def build(out: Path = OUT) -> int:
    """Write the table; returns the number of rows."""
    from importlib.metadata import version

    kinds, locales = collect()
    rows = [f"{word}\t{'both' if len(k) == 2 else next(iter(k))}\n" for word, k in sorted(kinds.items())]
    text = HEADER.format(version=version("faker"), locales=locales) + "".join(rows)
    with open(out, "wb") as fh:  # mtime 0: the same lists give a byte-identical file
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(text.encode("utf-8"))
    return len(rows)


def main() -> int:
    try:
        rows = build()
    except ImportError:
        print("error: Faker is not installed (pip install -e '.[data]')", file=sys.stderr)
        return 2
    print(f"wrote {rows} names to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
