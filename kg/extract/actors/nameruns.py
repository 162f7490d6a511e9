"""Capitalised runs and known names in one sentence: the items that actor recognition composes.

:func:`sentence_items` finds the gazetteer's names, titles and regions (longest first) and runs of
capitalised words (with name particles, "dan" inside an institution's name, "/" in a unit's name);
:func:`tidy_tagged` cleans the tagger's names before they cut those runs.

>>> from kg.extract.actors.gazetteer import gazetteer
>>> from kg.nlp.tokens import tokenize
>>> tokens = tokenize("Badan Pengelola Keuangan dan Aset Daerah memanggil Budi Santoso", "id")
>>> [(" ".join(t.text for t in tokens[i.start:i.end]), i.kind) for i in sentence_items(tokens, gazetteer("id"), "id")]
[('Badan Pengelola Keuangan dan Aset Daerah', 'name'), ('Budi Santoso', 'name')]
"""
from __future__ import annotations

import simplemma

from kg.extract.actors.nodes import _Item
from kg.extract.actors.words import (_connectors, _head_words, _not_names, _org_name_joins, _particles,
                                   not_an_actor_here)
from kg.extract.actors.gazetteer import Gazetteer
from kg.extract.actors.geonames import city
from kg.extract.events.triggers import is_trigger_word
from kg.model import Token
from kg.extract.actors.namehints import is_common_word
from kg.nlp.tokens import is_title_case


def is_heading(tokens: list[Token]) -> bool:
    """A headline: a short line whose every word has a capital and that no sentence end closes
    ("Trump Dilantik", "Prabowo Puji Jokowi")."""
    if not tokens:
        return False
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return (2 <= len(words) <= 12 and all(w[0].isupper() for w in words)
            and tokens[-1].text not in (".", "!", "?", '"', "”"))


def tidy_tagged(tokens: list[Token], tagged: list, not_names: frozenset[str], particles: frozenset[str],
                prefixes: frozenset[str] = frozenset()) -> list:
    """The tagger's names without words that never start a name ("Ir. Soprijanto", "Ny Herawati
    Boediono"), with a particle-joined last part ("Brigade Ezzedine al-Qassam") and a person's
    name prefix before them ("I Made Mudharta", "Ni Luh Djelantik")."""
    out = []
    for first, end, label in tagged:
        while first < end and (tokens[first].text in not_names or tokens[first].text == "."):
            first += 1
        if label == "PER" and first and tokens[first - 1].text in prefixes:
            first -= 1
        while end < len(tokens) and _particle_joined(tokens[end].text, particles):
            end += 1
        if first < end:
            out.append((first, end, label))
    return out


def _trim_verbs(tokens: list[Token], span: tuple[int, int, str], lang: str) -> tuple[int, int, str]:
    first, end, label = span
    while first < end and is_trigger_word(tokens[first], lang):
        first += 1
    while end > first and is_trigger_word(tokens[end - 1], lang):
        end -= 1
    return first, end, label


def sentence_items(tokens: list[Token], gaz: Gazetteer, lang: str) -> list[_Item]:
    items: list[_Item] = []
    i = 0
    not_names = _not_names(lang)
    if is_title_case(tokens) or is_heading(tokens):  # a headline capitalises its verbs: "Kunjungi Jakarta"
        not_names = not_names | {t.text for t in tokens if is_trigger_word(t, lang)}
    if is_heading(tokens):  # no sentence end: "Prabowo Puji Jokowi", "Trump Dilantik"
        not_names = not_names | {t.text for k, t in enumerate(tokens) if t.text[:1].isupper() and not t.text.isupper()
                                 and is_common_word(t.text, lang) and not _longest(tokens, k, gaz)}
    elif (len(tokens) > 1 and tokens[1].text.isupper() and tokens[0].text[:1].isupper()
          and is_common_word(tokens[0].text, lang) and not _longest(tokens, 0, gaz)):
        not_names = not_names | {tokens[0].text}  # a sentence's first capital says nothing: "Melalui IPFO, ..."
    particles = _particles(lang)
    orgs = _head_words(lang)[0]  # "Direktorat Jenderal Imigrasi": a title word inside an office's name
    heads, connectors = orgs | _head_words(lang)[1], _connectors(lang)
    while i < len(tokens):
        hit = _longest(tokens, i, gaz)
        if hit and _first_name_of_another(tokens, hit, gaz, not_names):
            hit = None  # "Chadli Klibi" is not Chadli Bendjedid
        if hit and hit.entry and not_an_actor_here(tokens, hit.start, hit.end, hit.entry.kind, lang):
            i = hit.end  # "dolar AS", "46 juta KL"
            continue
        if hit:
            items.append(hit)
            i = hit.end
            continue
        word = tokens[i].text
        if "-" in word and word.split("-")[-1][:1].isupper() and word[:1].isupper() and city(word) is None:
            i += 1  # "Rusia-Korea Utara": a relation between names, not a name
            continue
        if word[:1].isupper() and word not in not_names and any(c.isalpha() for c in word):
            j = i + 1
            while j < len(tokens) and (
                (tokens[j].text[:1].isupper() and tokens[j].text not in not_names
                 and (_name_continues(tokens, j, gaz) or (tokens[i].text in orgs and not _title_at(tokens, j, gaz)
                                                         and not any(t.lower in connectors for t in tokens[i:j]))))
                or (tokens[j].lower in particles and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper())
                or _particle_joined(tokens[j].text, particles)  # "Brigade Ezzedine al-Qassam"
                or (tokens[j].text == "/" and tokens[i].text in orgs and j + 1 < len(tokens)  # "Kodam XVII/Cenderawasih"
                    and tokens[j + 1].text[:1].isupper() and tokens[j - 1].text[:1].isupper())
                or (tokens[j].lower in connectors and tokens[j - 1].text in heads and j + 1 < len(tokens)
                    and tokens[j + 1].text[:1].isupper() and tokens[j + 1].text not in not_names
                    and _longest(tokens, j + 1, gaz) is None)  # "Association of African Jurists"
            ):
                j += 1
            items.append(_Item(i, j, "name"))
            i = j
            continue
        i += 1
    return _join_institution_names(tokens, items, _org_name_joins(lang), orgs)


def _title_at(tokens: list[Token], j: int, gaz: Gazetteer) -> bool:
    """Does a police or military rank start at token ``j``? ("Polda Metro Jaya | Irjen Pol Karyoto";
    "Jenderal" is no such rank here, it also names offices: "Direktorat Jenderal Imigrasi")."""
    hit = _longest(tokens, j, gaz)
    return hit is not None and hit.kind == "marker" and is_rank(hit.marker)


def is_rank(marker) -> bool:
    """A police or military rank ("Irjen Pol", "Mayjen TNI"; ``rank_title`` in titles.yaml): the
    name after it is a person's."""
    return marker.kind == "title" and marker.rank_title


def _particle_joined(word: str, particles: frozenset[str]) -> bool:
    """"al-Qassam", "el-Sisi", "bin-Laden": a name particle joined to a capitalised name."""
    head, _, rest = word.partition("-")
    return head.lower() in particles and rest[:1].isupper()


def _join_institution_names(tokens: list[Token], items: list[_Item], joins: frozenset[str],
                            org_heads: frozenset[str]) -> list[_Item]:
    """"Kementerian Hukum dan HAM", "Kementerian Koperasi dan UKM": right after an institution word,
    two unknown names joined by "dan" are one name (a known name after it is not: "Kementerian
    Keuangan dan Bank Indonesia"), nor is one opened by an office word ("Polres Bogor dan Polsek
    Cibinong"); so are two names after "dan" when the first opens with an organisation word and the
    second is no short form ("Badan Pengatur Hilir Minyak dan Gas Bumi", not "Bank Mandiri dan BRI").
    The tagger may still split a joined name later."""
    out: list[_Item] = []
    for item in items:
        second = tokens[item.start].text if item.kind == "name" else ""
        joined = (item.kind == "name" and out and out[-1].kind == "name" and out[-1].end + 1 == item.start
                  and tokens[out[-1].end].lower in joins and second not in org_heads
                  and not any(t.lower in joins for t in tokens[out[-1].start:out[-1].end]))
        if joined and len(out) >= 2 and out[-2].kind == "marker" and out[-2].marker.kind == "institution" \
                and out[-2].end == out[-1].start:
            out[-2:] = [_Item(out[-2].start, item.end, "name")]  # the institution word opens the name
            continue
        if joined and tokens[out[-1].start].text in org_heads and not second.isupper():  # "... Minyak dan Gas Bumi"
            out[-1] = _Item(out[-1].start, item.end, "name")
            continue
        out.append(item)
    return out


def _first_name_of_another(tokens: list[Token], hit: _Item, gaz: Gazetteer, not_names: frozenset[str]) -> bool:
    """A one-word alias of a known person followed by an unknown capitalised word is the first
    name of someone else."""
    if hit.kind != "entry" or hit.entry.kind != "person" or hit.end - hit.start != 1 or hit.end >= len(tokens):
        return False
    following = tokens[hit.end].text
    return (following[:1].isupper() and following.isalpha() and following not in not_names
            and _longest(tokens, hit.end, gaz) is None and not is_title_case(tokens)
            and not simplemma.is_known(following.lower(), lang="en"))  # "Putin Regime", "Trump Tower"


def _name_continues(tokens: list[Token], j: int, gaz: Gazetteer) -> bool:
    """A capitalised token extends an unknown name unless it starts a known name of its own;
    a known surname does extend it ("Hunter" + "Biden" is another person than Joe Biden)."""
    hit = _longest(tokens, j, gaz)
    return hit is None or (hit.kind == "entry" and hit.entry.kind == "person" and hit.end - hit.start == 1)


def _longest(tokens: list[Token], i: int, gaz: Gazetteer) -> _Item | None:
    """The longest known name, title/institution/group word or region starting at token ``i``."""
    first = gaz.first_words()
    limit = max(first.get(tokens[i].text, 0), first.get(tokens[i].lower, 0))
    for n in range(min(limit, len(tokens) - i), 0, -1):
        words = tuple(t.text for t in tokens[i:i + n])
        entry = gaz.names.get(words)
        if entry:
            return _Item(i, i + n, "entry", entry=entry)
        marker = gaz.markers.get(tuple(t.lower for t in tokens[i:i + n]))
        if marker:
            return _Item(i, i + n, "marker", marker=marker)
        region = gaz.regions.get(words)
        if region:
            return _Item(i, i + n, "region", region=region)
    return _outlet_domain(tokens, i, gaz)


def _outlet_domain(tokens: list[Token], i: int, gaz: Gazetteer) -> _Item | None:
    """"Kompas.com", "www.antaranews.com": a known organisation's web domain is that organisation."""
    labels = [part for part in tokens[i].text.split(".") if part.lower() != "www"]
    if len(labels) < 2 or not labels[0][:1].isalpha():
        return None
    entry = gaz.lookup_any_case([labels[0]])
    return _Item(i, i + 1, "entry", entry=entry) if entry and entry.kind == "organization" else None
