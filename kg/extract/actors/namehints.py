"""Case-blind word-list hints for the name tagger: what a word usually is, whatever its case.

Lower-cased text (chat, some news feeds, the NERP corpus) has lost the capital letter that marks a
name, so the tagger also asks three lists about every token:

* ``geo=B|I``: part of a GeoNames city name (:mod:`kg.extract.actors.geonames`; the longest match wins);
* ``fn`` / ``ln``: a known given / family name (``kg/data/person-names.tsv.gz``, from Faker's
  locales; ``fn-1``: the word before is a given name, ``ln+1``: the word after is a family name);
* ``lex=<id><en>``: whether simplemma's Indonesian and English dictionaries know the word (a
  dictionary word is rarely a name on its own);
* ``pn=<share><frequency>`` (and ``pn-1``/``pn+1`` for the neighbours): how often the word is a
  proper noun in a tagged Indonesian news corpus (``kg/data/proper-nouns-<lang>.tsv.gz``, built by
  :mod:`kg.train.propernouns`): share ``0`` under 5 %, ``1`` under half, ``2`` under 95 %,
  ``3`` above; frequency ``a`` 1-2 times, ``b`` under 20, ``c`` more; ``none`` when it never occurs.

They are hints, not decisions: the perceptron learns how far to trust each one.

>>> hint_features(["presiden", "joko", "widodo", "di", "bandung"])[4]
['geo=B', 'geo-1=O', 'geo+1=</s>', 'lex=10', 'pn=3c', 'pn-1=0c', 'pn+1=$']
>>> "fn" in hint_features(["budi", "datang"])[0]
True
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import simplemma

from kg.extract.actors.geonames import _cities

DATA = Path(__file__).resolve().parents[2] / "data"
NAMES_TABLE = DATA / "person-names.tsv.gz"
HINT_FILES = (NAMES_TABLE, DATA / "geonames-cities.tsv.gz", DATA / "proper-nouns-id.tsv.gz")


@lru_cache(maxsize=None)
def _proper_nouns(lang: str) -> dict[str, str]:
    """Lower-cased word -> its ``pn`` bucket, from ``proper-nouns-<lang>.tsv.gz`` (empty when none)."""
    path = DATA / f"proper-nouns-{lang}.tsv.gz"
    buckets: dict[str, str] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("# "):  # the header; "#antiribet" is a word
                    continue
                word, count, nnp, _ = line.rstrip("\n").split("\t")
                n, share = int(count), int(nnp) / int(count)
                buckets[word] = (("0" if share < 0.05 else "1" if share < 0.5 else "2" if share < 0.95 else "3")
                                 + ("a" if n < 3 else "b" if n < 20 else "c"))
    return buckets


@lru_cache(maxsize=1)
def _person_words() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names), lower-cased."""
    given: set[str] = set()
    family: set[str] = set()
    if NAMES_TABLE.exists():
        with gzip.open(NAMES_TABLE, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                word, kind = line.rstrip("\n").split("\t")
                if kind in ("given", "both"):
                    given.add(word)
                if kind in ("family", "both"):
                    family.add(word)
    return frozenset(given), frozenset(family)


@lru_cache(maxsize=65536)
def is_common_word(word: str, lang: str) -> bool:
    """Is ``word`` one the language uses as a common word rather than a name? Where the tagged
    news corpus counts it, it is common when under 5% of its uses are proper nouns ("puji",
    "dilantik"); else when simplemma's dictionary knows it and no given or family name list
    has it. In a headline, where every word has a capital, this is the evidence left.

    >>> is_common_word("Dilantik", "id"), is_common_word("Prabowo", "id")
    (True, False)
    """
    lower = word.lower()
    bucket = _proper_nouns(lang).get(lower)
    if bucket is not None:
        return bucket[0] == "0"
    given, family = _person_words()
    return simplemma.is_known(lower, lang=lang) and lower not in given and lower not in family


@lru_cache(maxsize=1)
def _city_keys() -> tuple[frozenset[tuple[str, ...]], int]:
    """Lower-cased GeoNames city names as word tuples, and the longest one's length."""
    keys = frozenset(tuple(name.lower().split()) for name in _cities())
    return keys, max((len(k) for k in keys), default=0)


@lru_cache(maxsize=65536)
def _lexicon(word: str) -> str:
    """"10": an Indonesian dictionary word only, "01": English only, "11" both, "00" neither."""
    return f"lex={int(simplemma.is_known(word, lang='id'))}{int(simplemma.is_known(word, lang='en'))}"


def _geo_tags(lower: list[str]) -> list[str]:
    keys, longest = _city_keys()
    tags = ["O"] * len(lower)
    i = 0
    while i < len(lower):
        for n in range(min(longest, len(lower) - i), 0, -1):
            if tuple(lower[i:i + n]) in keys:
                tags[i:i + n] = ["B"] + ["I"] * (n - 1)
                i += n
                break
        else:
            i += 1
    return tags


def hint_features(words: list[str], lang: str = "id") -> list[list[str]]:
    """The hint features of every token (see the module docstring)."""
    lower = [w.lower() for w in words]
    geo = ["<s>"] + _geo_tags(lower) + ["</s>"]
    given, family = _person_words()
    proper = _proper_nouns(lang)
    pn = ["^"] + [proper.get(word, "none") for word in lower] + ["$"]
    out = []
    for i, word in enumerate(lower):
        feats = [f"geo={geo[i + 1]}", f"geo-1={geo[i]}", f"geo+1={geo[i + 2]}"]
        if word.isalpha():
            feats.append(_lexicon(word))
        if proper:
            feats += [f"pn={pn[i + 1]}", f"pn-1={pn[i]}", f"pn+1={pn[i + 2]}"]
        if word in given:
            feats.append("fn")
        if word in family:
            feats.append("ln")
        if i and lower[i - 1] in given:
            feats.append("fn-1")
        if i + 1 < len(lower) and lower[i + 1] in family:
            feats.append("ln+1")
        out.append(feats)
    return out
