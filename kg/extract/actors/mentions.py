"""Mentions that need the whole sentence or document: the tagger's names merged with the rule
mentions, and "di negara itu" / "in the country" pointing back to a country.

>>> from kg.extract.actors.recognizer import find_actors
>>> found = find_actors("Rusia menyerang Ukraina. Serangan itu terjadi di negara itu.", "id", [(0, 24), (25, 59)])
>>> [(m.text, m.actor.name) for m in found.actors if m.text == "negara itu"]
[('negara itu', 'Ukraine')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.actors.nodes import Found, _actor_from_entry, _add_actor, _Item, country_actor
from kg.extract.actors.gazetteer import Gazetteer
from kg.extract.actors.names import actor_for
from kg.lang import load
from kg.model import Actor, ActorMention, Place, PlaceMention, Token


@lru_cache(maxsize=None)
def _anaphora_re(lang: str):
    phrases = sorted(load(lang, "titles").get("country_anaphora", []), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?!\w)",
                      re.IGNORECASE)


def _resolve_country_anaphora(text: str, lang: str, spans: list[tuple[int, int]], found: Found) -> None:
    """"di negara itu" / "in the country": the country of the nearest earlier actor that is not in
    the same clause (the subject of the clause is rarely the country it refers to)."""
    pattern = _anaphora_re(lang)
    if pattern is None:
        return
    breaks = load(lang, "grammar")["roles"]["clause_breaks"]
    for index, (start, end) in enumerate(spans):
        for match in pattern.finditer(text, start, end):
            head = text[start:match.start()].lower()
            cut = max([head.rfind(f" {w} ") for w in breaks] + [head.rfind(","), -1])
            clause_start = start + cut if cut >= 0 else start
            earlier = sorted((m for m in found.actors if m.end <= clause_start and m.actor.country),
                             key=lambda m: m.start)
            if not earlier:
                continue
            code = earlier[-1].actor.country
            found.actors.append(ActorMention(match.start(), match.end(), match.group(),
                                             country_actor(code), index))
            found.actors[-1].anaphor = True  # type: ignore[attr-defined]


@lru_cache(maxsize=None)
def _pair_patterns(lang: str) -> list[tuple[str, re.Pattern]]:
    pairs = load(lang, "titles").get("pair_anaphora") or {}
    return [(kind, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                      for p in sorted(phrases, key=len, reverse=True)) + r")(?!\w)",
                              re.IGNORECASE)) for kind, phrases in sorted(pairs.items()) if phrases]


def resolve_pairs(text: str, lang: str, spans: list[tuple[int, int]], found: Found) -> None:
    """"kedua menteri" / "both leaders": the two people (or countries) named in this and the two
    sentences before, when exactly two are; each gets a mention on the phrase."""
    for kind, pattern in _pair_patterns(lang):
        for index, (start, end) in enumerate(spans):
            for match in pattern.finditer(text, start, end):
                near = [m for m in found.actors if index - 2 <= m.sentence <= index and m.end <= match.start()
                        and m.actor.kind == kind and not getattr(m, "inner", False)]
                actors = list(dict.fromkeys(m.actor for m in near))
                if len(actors) != 2:
                    continue
                for actor in actors:
                    found.actors.append(ActorMention(match.start(), match.end(), match.group(), actor, index))
                    found.actors[-1].anaphor = True  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def _country_words(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(w.lower() for key, e in gaz.names.items() if e.kind == "country" for w in key)


def _split_names(items: list[_Item], tagged: list, tokens: list[Token] | None = None,
                 org_heads: frozenset[str] = frozenset(), joins: frozenset[str] = frozenset(),
                 stops: frozenset[str] = frozenset()) -> list[_Item]:
    """Cut a run of capitalised words at the tagger's names: "Utama PT Sinar Abadi Hendra Wijaya"
    -> "PT Sinar Abadi" + "Hendra Wijaya".

    Words outside any tagged name are dropped, except an office word and the words after it before
    the first name ("Dinas Pendidikan" of "Dinas Pendidikan Agus Salim"), and the capitalised words
    after the run's last name when it is a person's and they hold no function word (``stops``):
    "Azman" in "Datuk Seri Azman Rahim" is Azman Rahim, "Agus Salim Bersama Istri" is not. A run
    opened by an institution word whose tail alone is a tagged place stays whole: "Kejaksaan Tinggi
    Sulawesi Selatan" is the prosecution office of that province; so does an institution's name
    joined by "dan" ("Kementerian Hukum dan HAM")."""
    out: list[_Item] = []
    for item in items:
        inner = [(s, e) for s, e, _ in tagged if item.start <= s and e <= item.end]
        if item.kind != "name" or not inner or inner == [(item.start, item.end)] or regional_office(
                item, tagged, tokens, org_heads) or _joined_institution(item, tokens, org_heads, joins, tagged) or (
                tokens and tokens[item.start].text in org_heads and (_only_persons(item, tagged) or any(
                    t.text == "/" for t in tokens[item.start:item.end]))):
            out.append(item)
            continue
        inner = sorted(inner)
        last = inner[-1]
        if (last[1] < item.end and item.end - last[1] <= 2 and tokens
                and not any(t.lower in stops for t in tokens[last[1]:item.end])
                and any(s == last[0] and e == last[1] and label == "PER" for s, e, label in tagged)):
            inner[-1] = (last[0], item.end)  # "Datuk Seri Azman Rahim": the words after a person's name are theirs
        if tokens and tokens[item.start].text in org_heads and inner[0][0] > item.start:
            inner.insert(0, (item.start, inner[0][0]))  # "Dinas Pendidikan | Agus Salim": the office keeps its words
        out.extend(_Item(s, e, "name") for s, e in inner)
    return out


def _only_persons(item: _Item, tagged: list) -> bool:
    """Are the tagger's names inside a run opened by an organisation word all persons, the first
    holding that word? ("Kodam XVII" / "Cenderawasih": the tagger mistook the unit's name for people;
    "Partai Gerindra Suhardi" is a party and a person)."""
    inner = sorted((s, e, label) for s, e, label in tagged if item.start <= s and e <= item.end)
    return bool(inner) and inner[0][0] == item.start and all(label == "PER" for _, _, label in inner)


def _joined_institution(item: _Item, tokens: list[Token] | None, org_heads: frozenset[str],
                        joins: frozenset[str], tagged: list) -> bool:
    """"Kementerian Hukum dan HAM": an institution's name joined by "dan" (see
    :func:`kg.extract.actors.nameruns.sentence_items`), unless the tagger names a second actor after "dan"."""
    if not tokens or tokens[item.start].text not in org_heads:
        return False
    join = next((k for k in range(item.start + 1, item.end - 1) if tokens[k].lower in joins), None)
    return join is not None and not any(join < s and e <= item.end for s, e, _ in tagged)


def regional_office(item: _Item, tagged: list, tokens: list[Token] | None, org_heads: frozenset[str]) -> bool:
    """An institution word, then words the tagger leaves alone, then a tagged place to the end of
    the run ("Pengadilan Negeri Jakarta Selatan", "Kejaksaan Tinggi Sulawesi Selatan", "Polres Bogor")."""
    if tokens is None or item.end - item.start < 2 or tokens[item.start].text not in org_heads:
        return False
    inner = sorted((s, e, label) for s, e, label in tagged if item.start <= s and e <= item.end)
    if len(inner) == 2 and inner[0][0] == item.start and inner[0][2] == "ORG":
        inner = inner[1:]  # the tagger cut the office from its region: "Kejaksaan Tinggi" | "Sulawesi Selatan"
    return len(inner) == 1 and inner[0][2] == "LOC" and inner[0][1] == item.end and inner[0][0] > item.start


def hyphen_pairs(tokens: list[Token], index: int, gaz: Gazetteer, found: Found) -> None:
    """"hubungan Rusia-Korea Utara", "personel gabungan TNI-Polri": each known name joined by a hyphen
    is a mention of its own (listed, kept out of event roles: the pair describes a relation or a
    joint force, not who acts)."""
    for k, token in enumerate(tokens):
        if "-" not in token.text or not token.text[:1].isupper():
            continue
        left, right = token.text.split("-", 1)
        if not right[:1].isupper():
            continue
        parts = [(token.start, left, [left])]
        words = [right]
        for later in tokens[k + 1:k + 3]:  # "Korea Utara": the right part may go on past the token
            if gaz.names.get(tuple(words + [later.text])):
                words.append(later.text)
        parts.append((token.start + len(left) + 1, " ".join(words), words))
        for start, surface, key in parts:
            entry = gaz.names.get(tuple(key))
            end = start + len(surface)
            if entry is None or entry.kind not in ("country", "organization", "place") or any(
                    m.start < end and start < m.end for m in found.actors + found.places):
                continue
            mention = ActorMention(start, end, surface, _actor_from_entry(entry, as_state=True), index)
            mention.inner = True  # type: ignore[attr-defined]
            found.actors.append(mention)


def _only_country_words(tokens: list[Token], gaz: Gazetteer) -> bool:
    words = _country_words(gaz)
    return all(part in words for t in tokens for part in t.lower.split("-") if part)


def _person_with_country_word(label: str, inside: list) -> ActorMention | None:
    """The person mention when a tagged person's name is a person mention followed by a country's
    name and nothing else ("Badrodin" + "Haiti")."""
    if label != "PER" or len(inside) != 2:
        return None
    first, second = sorted(inside, key=lambda m: m.start)
    if (isinstance(first, ActorMention) and isinstance(second, ActorMention) and first.actor.kind == "person"
            and second.actor.kind == "country" and first.end < second.start):
        return first
    return None


def _label_fits(label: str, node: Actor | Place) -> bool:
    """Can a tagger name labelled ``label`` stand for the node of the one mention inside it?"""
    if isinstance(node, Place):
        return label == "LOC"
    return {"PER": node.kind == "person", "ORG": node.kind not in ("person", "country"),
            "LOC": node.kind == "country"}.get(label, False)


def _reconcile(index: int, tokens: list[Token], tagged: list, text: str, found: Found, gaz: Gazetteer,
               not_names: frozenset[str] = frozenset()) -> None:
    """Merge the tagger's names with the rule mentions of one sentence.

    A tagger name that covers rule mentions ("Bursa Efek Indonesia" over "Indonesia") replaces
    them; one inside a longer rule mention ("Jepang" in "tentara Jepang") is added as an inner
    mention (kept out of event roles); one that touches nothing is added as it is.
    """
    for first, end, label in tagged:
        while end - first > 1 and tokens[end - 1].text in not_names:
            end -= 1  # "Wonson Sabtu": a weekday after a place is a date, not part of its name
        start_char, end_char = tokens[first].start, tokens[end - 1].end
        mine = [m for m in found.actors + found.places if m.sentence == index]
        if any((m.start, m.end) == (start_char, end_char) for m in mine):
            continue
        inside = [m for m in mine if start_char <= m.start and m.end <= end_char]
        around = [m for m in mine if m.start <= start_char and end_char <= m.end]
        crossing = [m for m in mine if m not in inside and m not in around
                    and m.start < end_char and start_char < m.end]
        if crossing or (around and inside):
            continue
        kinds = {m.actor.kind for m in inside if isinstance(m, ActorMention)}
        person_named_after_country = _person_with_country_word(label, inside)
        if "person" in kinds and len(kinds) > 1 and not person_named_after_country:
            continue  # the tagger ran an organisation and a person together ("TPNPB Yonas Wenda")
        if label == "PER" and any(isinstance(m, ActorMention) and m.actor.kind == "person" for m in around):
            continue  # a person's mention holds no second person ("Bupati Tanjung Bening" is Rudi Hartono)
        in_org = any(isinstance(m, ActorMention) and m.actor.kind == "organization" for m in around)
        if in_org and (label == "PER" or (label == "ORG" and any(m.start == start_char for m in around))):
            continue  # the head of a longer organisation's name ("Kementerian Hukum" of "... dan HAM"), or
            # a person in its name ("Kodam XVII/Cenderawasih", "Yayasan Soeharto")
        name = text[start_char:end_char]
        entry = gaz.lookup_any_case([t.text for t in tokens[first:end]])
        if in_org and label == "LOC" and (entry is None or entry.kind != "country"):
            continue  # the region in an office's name ("Polres Bogor"); a country stays ("angkatan bersenjata Rusia")
        if entry is None and any(isinstance(m, PlaceMention) for m in around):
            continue  # an unknown name inside a place's name is part of it ("Jalan Sudirman", "Kodam XVII/...")
        if entry is None and not inside and _only_country_words(tokens[first:end], gaz):
            continue  # "Korea", "Utara": a piece of a country's name, not a name of its own
        node = (_actor_from_entry(entry, as_state=True) if entry and entry.kind != "place" or (entry and entry.stands_for)
                else Place(entry.key, entry.name, entry.country, entry.wikidata) if entry else None)
        if person_named_after_country:  # "Komjen Pol Badrodin Haiti": the country word ends a name
            first_person = person_named_after_country.actor
            node = replace(actor_for(name, "PER"), role=first_person.role, sector=first_person.sector)
        if node is None and len(inside) == 1:
            only = inside[0]
            inner = only.place if isinstance(only, PlaceMention) else only.actor
            if _label_fits(label, inner):
                node = inner
            else:  # "Komjen Pol Badrodin Haiti" is a person, "Departemen Keuangan Jakarta" an office
                node = actor_for(name, label, None if label == "PER" else inner.country)
        node = node or actor_for(name, label)
        if node is None:
            continue
        for m in inside:
            (found.places if isinstance(m, PlaceMention) else found.actors).remove(m)
        if isinstance(node, Place):
            mention = PlaceMention(start_char, end_char, name, node, index)
            found.places.append(mention)
        else:
            _add_actor(found, tokens, first, end, node, index, text)
            mention = found.actors[-1]
        mention.inner = bool(around)  # type: ignore[attr-defined]


