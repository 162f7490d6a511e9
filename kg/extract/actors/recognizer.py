"""Actor and place mentions: gazetteer names, titles around names, institutions and groups of
a country, capitalised unknown names; then within-document coreference.

>>> found = find_actors("Menteri Luar Negeri Rusia Sergey Lavrov tiba di Moskow.", "id",
...                     [(0, 55)])
>>> [(m.text, m.actor.name, m.actor.country, m.actor.role) for m in found.actors]
[('Rusia', 'Russia', 'RUS', None), ('Sergey Lavrov', 'Sergey Lavrov', 'RUS', 'Minister of Foreign Affairs')]
>>> [(m.text, m.place.name) for m in found.places]
[('Moskow', 'Moscow')]
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.actors.nodes import Found, _actor_from_entry, _add_actor, _country_name, _Item, _person
from kg.extract.actors.words import (_ethnic_words, _function_words, _head_word_label, _head_words, _honorifics,
                                  _name_prefixes, _not_names, _org_name_joins, _org_nouns, _particles, _verb_words)
from kg.extract.actors.coref import (date_roles, join_acronyms, resolve_appositions, resolve_represented_bodies,
                             resolve_titles)
from kg.extract.actors.gazetteer import Gazetteer, gazetteer, slug
from kg.extract.actors.geonames import city, geonames_id, in_place_context
from kg.extract.actors.initials import resolve_initials
from kg.extract.actors.institutions import (REGIONAL_ROLES, foreign_institution, office_holder_after, org_noun_after,
                                     owned_by_adjective)
from kg.extract.actors.mentions import (_only_country_words, _reconcile, _resolve_country_anaphora, _split_names,
                                 hyphen_pairs, regional_office, resolve_pairs)
from kg.extract.actors.nameruns import _trim_verbs, is_rank, sentence_items, tidy_tagged
from kg.extract.actors.names import actor_for, label_of, plausible_name, tagged_spans
from kg.extract.actors.nominals import (ethnic_group, mark_nominal, nominal_actor, nominal_allowed, resolve_nominals,
                                 resolve_partial_countries, resolve_titled_persons)
from kg.extract.actors.tagger import load_tagger
from kg.lang import load
from kg.model import Actor, Place, PlaceMention, Token
from kg.nlp.tokens import is_title_case, tokenize


def find_actors(text: str, lang: str, spans: list[tuple[int, int]], extra: str | None = None,
                tokens_by_span: list[list[Token]] | None = None, published: str | None = None) -> Found:
    """Actor and place mentions in each sentence span of ``text``; ``sentence`` = span index. A
    known person's role is the office held at ``published`` (ISO date) unless the text names one."""
    gaz = gazetteer(lang, extra)
    raw: list[tuple[int, list[Token], list[_Item]]] = []
    for index, (start, end) in enumerate(spans):
        tokens = tokens_by_span[index] if tokens_by_span else tokenize(text[start:end], lang, start)
        raw.append((index, tokens, sentence_items(tokens, gaz, lang)))
    persons = _document_persons(raw, gaz, lang)
    found = Found()
    place_words = frozenset(w.lower() for w in load(lang, "grammar")["roles"]["place_prepositions"])
    has_model = load_tagger(lang) is not None
    cased = any(ch.isupper() for ch in text)
    for index, tokens, items in raw:
        # In cased text the tagger only has work where the rules left an unknown capitalised name
        # (it decides what the name is); a sentence of known names alone skips it (speed).
        needs_tagger = has_model and (not cased or any(item.kind == "name" for item in items))
        tagged = tagged_spans(tokens, lang) if needs_tagger else ([] if has_model else None)
        if tagged and is_title_case(tokens):  # "Kunjungi Jakarta": the headline's verb is not part of the name
            tagged = [(a, b, label) for a, b, label in (_trim_verbs(tokens, span, lang) for span in tagged) if a < b]
        if tagged:
            tagged = tidy_tagged(tokens, tagged, _not_names(lang), _particles(lang), _name_prefixes(lang))
        if tagged:
            items = _split_names(items, tagged, tokens, _head_words(lang)[0], _org_name_joins(lang),
                                 _function_words(lang))
        _compose(index, tokens, items, gaz, persons, text, found, place_words, tagged,
                 bool(load(lang, "grammar").get("country_before_noun")), lang)
        if tagged:
            _reconcile(index, tokens, tagged, text, found, gaz, _not_names(lang))
        hyphen_pairs(tokens, index, gaz, found)
    resolve_nominals(found, text, place_words, gaz, frozenset(load(lang, "grammar")["roles"]["coordinators"]))
    resolve_partial_countries(found, found.partial)
    _resolve_country_anaphora(text, lang, spans, found)
    join_acronyms(found, text, spans)
    resolve_appositions(found, text)
    resolve_represented_bodies(found, text)
    resolve_titled_persons(found, gaz)
    resolve_titles(found)
    resolve_pairs(text, lang, spans, found)
    date_roles(found, gaz, published)
    resolve_initials(found, text, lang, [tokens for _, tokens, _ in raw], lambda word: (word,) in gaz.names)
    found.actors = sorted((m for m in found.actors if plausible_name(m.actor.name, m.actor.kind)),
                          key=lambda m: (m.start, m.end))
    found.places = [m for m in found.places if plausible_name(m.place.name, "place")]
    return found


def _name_text(tokens: list[Token], item: _Item, text: str) -> str:
    return text[tokens[item.start].start:tokens[item.end - 1].end]


def _document_persons(raw, gaz: Gazetteer, lang: str) -> dict[str, Actor]:
    """Single words that stand for a full name met in the document: the surname ("Lavrov" ->
    "Sergey Lavrov") or, as Indonesian and Malay news do, the first name ("Azman" -> "Azman
    Rahim"), when exactly one full name in the document has that word there."""
    full: dict[str, set[str]] = {}
    heads = set().union(*_head_words(lang))
    honorifics = _honorifics(lang)
    for _, tokens, items in raw:
        for item in items:
            words = [t.text for t in tokens[item.start:item.end]]
            if item.kind == "entry" and item.entry.kind == "person":
                words = item.entry.name.split()
            elif item.kind != "name" or len(words) < 2:
                continue
            while len(words) > 2 and words[0] in honorifics:
                words = words[1:]
            if heads & set(words):  # "Universitas Gadjah Mada Panut Mulyono" is no one's full name
                continue
            full.setdefault(words[-1], set()).add(" ".join(words))
            if len(words[0]) >= 3 and words[0].isalpha():
                full.setdefault(words[0], set()).add(" ".join(words))
    return {word: _person(next(iter(names)), None, None, None) for word, names in full.items() if len(names) == 1}


def _local_place(item: _Item | None) -> bool:
    """A known place inside a country that does not stand for a state ("Jawa Barat", "Papua", "Bogor")."""
    return (item is not None and item.kind == "entry" and item.entry.kind == "place"
            and not item.entry.stands_for and bool(item.entry.country))


def _holder_follows(items: list[_Item], k: int, region: _Item, near, tokens: list[Token]) -> bool:
    """A name (or a rank, then a name) right after an office's region: its holder. After a comma the
    name must be closed off too ("Gubernur Jawa Barat, Ridwan Kamil, ..."), not start the clause
    ("Menurut Gubernur Jawa Barat, Prabowo Subianto sudah ...")."""
    after = items[k] if k < len(items) else None
    if after is not None and after.kind == "marker" and is_rank(after.marker) and near(region, after):
        region, after = after, (items[k + 1] if k + 1 < len(items) else None)  # a rank: its holder follows
    if after is None or not near(region, after) or not (
            after.kind == "name" or (after.kind == "entry" and after.entry.kind == "person")):
        return False
    return not _comma_between(tokens, region, after) or (
        after.end >= len(tokens) or tokens[after.end].text in (",", ".", ";", ")"))


def _comma_between(tokens: list[Token], a: _Item, b: _Item | None) -> bool:
    """Only a comma between two items ("Gubernur Jawa Barat, Ridwan Kamil")."""
    return b is not None and [t.text for t in tokens[a.end:b.start]] == [","]


def _both_in_uniform(office, item: _Item) -> bool:
    """A police or military office, then a police or military title ("Kapolri Jenderal ...")."""
    uniformed = ("military", "police")
    return item.marker.kind == "title" and office.sector in uniformed and item.marker.sector in uniformed


def _place_mention(item: _Item, tokens: list[Token], text: str, index: int) -> PlaceMention:
    """The place mention of a gazetteer place entry."""
    entry = item.entry
    country = entry.country or entry.stands_for
    place = Place(entry.key, entry.name, country, entry.wikidata, entry.stands_for, geonames_id(entry.name, country))
    return PlaceMention(tokens[item.start].start, tokens[item.end - 1].end, _name_text(tokens, item, text), place, index)


def _country_of(item: _Item | None) -> str | None:
    if item is None:
        return None
    if item.kind == "entry" and item.entry.kind == "country":
        return item.entry.country
    if item.kind == "entry" and item.entry.kind == "place" and item.entry.stands_for:
        return item.entry.stands_for
    return None


def _compose(index: int, tokens: list[Token], items: list[_Item], gaz: Gazetteer,
             persons: dict[str, Actor], text: str, found: Found, place_words: frozenset[str],
             tagged: list | None, country_first: bool = False, lang: str = "en") -> None:
    honorifics = _honorifics(lang)
    k = 0
    while k < len(items):
        item = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None

        def adjacent(a: _Item, b: _Item | None) -> bool:
            """Next to each other, joined by a possessive ("Sudan 's government") or by honorifics
            ("Menteri Luar Negeri Malaysia Datuk Seri Azman Rahim")."""
            if b is None:
                return False
            between = tokens[a.end:b.start]
            return (not between or (len(between) == 1 and between[0].lower in ("'s", "’s"))
                    or (len(between) <= 3 and all(t.text in honorifics for t in between)))

        start_char = tokens[item.start].start
        marker_k = None
        if item.kind == "marker":  # "tentara Korea Utara", "Menteri Luar Negeri Rusia Sergey Lavrov"
            marker_k = k
            country_item = nxt if adjacent(item, nxt) and (_country_of(nxt) or (nxt and nxt.kind == "region")) else None
            if (country_item is None and item.marker.kind == "title" and item.marker.name in REGIONAL_ROLES
                    and adjacent(item, nxt) and _local_place(nxt) and _holder_follows(
                        items, k + 2, nxt, lambda a, b: adjacent(a, b) or _comma_between(tokens, a, b), tokens)):
                country_item = nxt  # "Gubernur Jawa Barat (,) Ridwan Kamil": the office's region, then its holder
            last = country_item or item
            after = items[k + 2] if k + 2 < len(items) else None
            if (country_item is None and item.marker.kind == "title" and adjacent(item, nxt) and nxt.kind == "entry"
                    and nxt.entry.kind == "organization" and adjacent(nxt, after) and after.kind == "name"):
                # "Juru bicara TPNPB Yonas Wenda": the organisation between title and name is the affiliation
                _add_actor(found, tokens, nxt.start, nxt.end, _actor_from_entry(nxt.entry), index, text)
                actor = _person(_name_text(tokens, after, text), nxt.entry.country, item.marker.name, item.marker.sector)
                _add_actor(found, tokens, after.start, after.end, actor, index, text)
                k += 3
                continue
        elif (country_first and adjacent(item, nxt) and nxt.kind == "marker"
              and (item.kind == "region" or _country_of(item))):  # "Russian troops", "Russian Foreign Minister X"
            marker_k, country_item, last = k + 1, item, nxt
        if marker_k is not None:
            marker = items[marker_k].marker
            name_index = items.index(last) + 1
            name_item = items[name_index] if name_index < len(items) else None
            ranked = is_rank(marker)
            regional = _local_place(country_item)

            def near(a: _Item, b: _Item | None) -> bool:  # a region's holder may follow a comma
                return adjacent(a, b) or (regional and _comma_between(tokens, a, b))

            if (marker.kind == "title" and not ranked and name_item is not None and name_item.kind == "marker"
                    and near(last, name_item) and (is_rank(name_item.marker) or _both_in_uniform(marker, name_item))):
                # "Kapolda Papua Irjen Pol Mathius Fakhiri", "Kapolri Jenderal Listyo Sigit Prabowo": the office is
                # the role; a rank says that a name follows
                last, ranked, name_index = name_item, is_rank(name_item.marker), name_index + 1
                name_item = items[name_index] if name_index < len(items) else None
            if marker.kind == "title":
                country = (_country_of(country_item) or (country_item.entry.country if regional else None)
                           or marker.country)  # "Kapolri", "Menkumham"
                holder = (office_holder_after(tokens, items, name_index, marker.name, item.end)
                          if country_item is None else None)
                if holder:  # "Bupati Tanjung Bening, Rudi Hartono": one person, named twice
                    holder, region_end = holder
                    actor = (replace(_actor_from_entry(holder.entry), role=marker.name) if holder.kind == "entry"
                             else _person(_name_text(tokens, holder, text), None, marker.name, marker.sector))
                    _add_actor(found, tokens, item.start, region_end, actor, index, text)
                    _add_actor(found, tokens, holder.start, holder.end, actor, index, text)
                    k = items.index(holder) + 1
                    continue
                if near(last, name_item) and name_item.kind in ("name", "entry") and (
                        (name_item.kind == "name" and (_could_be_person(tagged, name_item) or ranked
                                                       or tokens[name_item.start].text in honorifics))
                        or (name_item.kind == "entry" and name_item.entry.kind == "person")):
                    if name_item.kind == "entry":
                        actor = _actor_from_entry(name_item.entry)
                        actor = replace(actor, role=marker.name, sector=actor.sector or marker.sector,
                                        country=actor.country or country)
                    else:
                        first = name_item.start
                        while first < name_item.end - 1 and tokens[first].text in honorifics:
                            first += 1  # "Datuk Seri Azman Rahim" is Azman Rahim
                        name = text[tokens[first].start:tokens[name_item.end - 1].end]
                        if country is None and name_item.end - name_item.start == 1:
                            country = gaz.surname_country(name, marker.name)  # "President Bush"
                        actor = _person(name, country, marker.name, marker.sector)
                    if regional:
                        found.places.append(_place_mention(country_item, tokens, text, index))
                    elif country_item is not None and country_item.kind == "entry":
                        _add_actor(found, tokens, country_item.start, country_item.end,
                                   _actor_from_entry(country_item.entry, as_state=True), index, text)
                    _add_actor(found, tokens, name_item.start, name_item.end, actor, index, text)
                    k = name_index + 1
                    continue
                if regional:  # no holder after all: the region is only a place
                    found.places.append(_place_mention(country_item, tokens, text, index))
                    k = items.index(country_item) + 1
                    continue
                if country_item is not None and country:
                    actor = Actor(f"role-{country.lower()}-{slug(marker.name)}", f"{marker.name} ({country})",
                                  "person", country, None, marker.name, marker.sector)
                    _add_actor(found, tokens, item.start, last.end, actor, index, text)
                    k = name_index
                    continue
            elif country_item is not None:
                country = _country_of(country_item)
                adjective = gaz.demonym_en.get(country, _country_name(country)) if country else country_item.region
                kind = "group" if marker.kind == "group" else "organization"
                name = f"{adjective} {marker.name}"
                actor = Actor(f"{kind}-{(country or 'xx').lower()}-{slug(name)}", name, kind, country,
                              None, None, marker.sector)
                _add_actor(found, tokens, item.start, last.end, actor, index, text)
                k = name_index
                continue
            if item.kind == "marker":
                if nominal_allowed(tokens, item.start, item.end, marker, _function_words(lang), country_first,
                                   _verb_words(lang), adjacent(item, nxt) and nxt.kind == "marker"):
                    _add_actor(found, tokens, item.start, item.end, nominal_actor(marker, None, gaz), index, text)
                    mark_nominal(found.actors[-1], marker)
                k += 1
                continue
        if item.kind == "entry":
            entry = item.entry
            preceding = tokens[item.start - 1].lower if item.start > 0 else ""
            if entry.kind == "country":  # "Bosnian Serbs", "ethnic Albanians": a people, not the state
                following = ((nxt.start, nxt.end, nxt.entry.country) if nxt and nxt.kind == "entry"
                             and nxt.entry.kind == "country" else None)
                after_of = next((it for it in items[k + 1:k + 2] if tokens[item.end].lower == "of"
                                 and it.kind == "entry" and it.entry.kind == "country" and it.start - item.end <= 2), None)
                group = ethnic_group(tokens, item.start, item.end, entry.country, gaz, _ethnic_words(lang), following,
                                     (after_of.start, after_of.end, after_of.entry.country) if after_of else None)
                if group:
                    end, actor, marker = group
                    _add_actor(found, tokens, item.start - (marker is not None), end, actor, index, text)
                    if marker:
                        mark_nominal(found.actors[-1], marker)
                    k += 2 if end > item.end else 1
                    continue
            if entry.kind == "place":
                country = entry.country or entry.stands_for
                if entry.stands_for and preceding not in place_words:
                    _add_actor(found, tokens, item.start, item.end, _actor_from_entry(entry, as_state=True), index, text)
                else:
                    found.places.append(_place_mention(item, tokens, text, index))
            else:
                foreign = None if country_first else foreign_institution(item, nxt, tokens, text)
                if foreign:  # "Mahkamah Konstitusi Latvia"
                    _add_actor(found, tokens, item.start, foreign[0], foreign[1], index, text)
                    k += 2
                    continue
                _add_actor(found, tokens, item.start, item.end, _actor_from_entry(entry), index, text)
            k += 1
            continue
        if item.kind == "name":
            name, region_country = _name_text(tokens, item, text), None
            hit = city(name) if name not in persons and in_place_context(
                [t.lower for t in tokens[max(0, item.start - 2):item.start]], place_words) else None
            if hit:  # "in Samarra", "near the town of Samarra", "di Sumenep": a GeoNames city
                found.places.append(PlaceMention(start_char, tokens[item.end - 1].end, name,
                                                 Place(f"place-{hit[1].lower()}-{slug(name)}", name, hit[1], None, None,
                                                       hit[0]), index))
                k += 1
                continue
            if tagged is None:
                label = _head_word_label(tokens[item.start:item.end], lang)
            elif regional_office(item, tagged, tokens, _head_words(lang)[0]):
                label = "ORG"  # "Kejaksaan Tinggi Sulawesi Selatan": the office of a region of its state
                region = next(s for s, e, _ in tagged if item.start < s and e == item.end)
                entry = gaz.lookup_any_case([t.text for t in tokens[region:item.end]])
                region_country = entry.country if entry else (city(text[tokens[region].start:start_char + len(name)])
                                                              or (None, None))[1]
            else:  # the tagger decides (measured better); when it abstains, a name opened by an office word
                label = label_of(tagged, item.start, item.end)
                if item.end - item.start >= 2 and tokens[item.start].text in _head_words(lang)[0] and label in (None, "PER"):
                    label = "ORG"  # "Direktorat Jenderal Imigrasi", "Kodam XVII/Cenderawasih": an office word opens it
            if _only_country_words(tokens[item.start:item.end], gaz) and name not in persons:
                label = None
                if item.end - item.start == 1:
                    found.partial.append((start_char, tokens[item.start].end, name, index))
            previous = items[k - 1] if k else None
            owner = _country_of(previous) if previous and adjacent(previous, item) and previous.end < item.start else None
            owner = owner or region_country
            last = org_noun_after(tokens, item.end, _org_nouns(lang)) if label is None and name not in persons else None
            if last:  # "the Umma (Nation) party", "the Kifaya group"
                label, name = "ORG", text[start_char:tokens[last - 1].end]
            if label in ("ORG", "LOC") and name not in persons:
                first = item.start
                owned = owned_by_adjective(found, previous, item, tokens) if label == "ORG" and country_first else None
                if owned:  # "the Latvian Constitutional Court"
                    first, owner = owned
                    name = text[tokens[first].start:tokens[(last or item.end) - 1].end]
                node = actor_for(name, label, owner if label == "ORG" else None)  # "Ivory Coast's Supreme Court"
                if isinstance(node, Place):
                    found.places.append(PlaceMention(start_char, tokens[item.end - 1].end, name, node, index))
                else:
                    _add_actor(found, tokens, first, last or item.end, node, index, text)
                k = k + 1 + sum(1 for it in items if item.end <= it.start < (last or item.end))
                continue
            elif name in persons or label == "PER" or (tagged is None and label is None and (
                    item.end - item.start >= 2 or (gaz.surname_country(name) and (item.start > 0 or (
                        item.end < len(tokens) and (tokens[item.end].lower in _verb_words(lang)
                                                    or tokens[item.end].lower.endswith("ed"))))))):
                actor = persons.get(name) or _person(name, gaz.surname_country(name) if item.end - item.start == 1
                                                     else None, None, None)  # "Bush said": American either way
                role = _apposition(tokens, items, k)
                if role:
                    actor = replace(actor, role=actor.role or role[0], sector=actor.sector or role[1],
                                    country=actor.country or role[2])
                _add_actor(found, tokens, item.start, item.end, actor, index, text)
        k += 1


def _could_be_person(tagged: list | None, item: _Item) -> bool:
    """A name after a title is the titled person unless the tagger reads it as something else
    ("Jaksa Agung Muda Pidana Umum": the rest of an office's name, not a person)."""
    if tagged is None:
        return True
    label = label_of(tagged, item.start, item.end)
    return label in ("PER", None) and any(s < item.end and item.start < e and lab == "PER" for s, e, lab in tagged)


def _apposition(tokens: list[Token], items: list[_Item], k: int) -> tuple[str, str | None, str | None] | None:
    """Role, sector and country from ", juru bicara Kementerian Luar Negeri Rusia" after a name."""
    item = items[k]
    if k + 1 >= len(items) or item.end >= len(tokens) or tokens[item.end].text != ",":
        return None
    title = items[k + 1]
    if title.kind != "marker" or title.marker.kind != "title" or title.start != item.end + 1:
        return None
    country = None
    for later in items[k + 2:k + 5]:
        country = _country_of(later)
        if country or (later.start > 0 and tokens[later.start - 1].text == ","):
            break
    return title.marker.name, title.marker.sector, country
