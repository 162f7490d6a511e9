"""The extraction pipeline: Document -> sentences -> mentions -> events, and its JSON contract.

>>> from kg.read import document_from_text
>>> doc = document_from_text("Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="d", lang="id",
...                          published="2025-07-12")
>>> record = extraction_record(extract_document(doc))
>>> record["events"][0]["type"], record["events"][0]["date"]["value"]
('CONSULT', '2025-07-12')
"""
from __future__ import annotations

from typing import Any

from kg.extract.actors.recognizer import find_actors
from kg.extract.events.recognizer import find_events
from kg.extract.events.quantities import find_quantities
from kg.extract.syntax.trees import Tree, has_parser, parse_tokens
from kg.extract.time.recognizer import find_times
from kg.extract.events.triggers import find_triggers
from kg.model import Actor, ActorMention, Document, Event, Extraction, TimeValue, Token
from kg.nlp.sentences import split_sentences
from kg.nlp.tokens import tokenize


def extract_document(document: Document, actors_file: str | None = None) -> Extraction:
    """Run every recognizer over one document."""
    text, lang = document.text, document.lang
    sentences = split_sentences(text, lang)
    spans = [(s.start, s.end) for s in sentences]
    times = find_times(text, lang, document.published, spans)
    tokens = [tokenize(text[s.start:s.end], lang, s.start) for s in sentences]  # once, for all recognizers
    found = find_actors(text, lang, spans, actors_file, tokens,
                        document.published.isoformat() if document.published else None)
    quantities = []
    for s in sentences:
        exclude = [(t.start, t.end) for t in times if t.sentence == s.index]
        quantities.extend(find_quantities(text[s.start:s.end], lang, s.start, exclude))
    candidates = [find_triggers(toks, lang) for toks in tokens]  # once: the parse and the events both need them
    acting = {m.sentence for m in found.actors if not getattr(m, "inner", False)}
    trees = parse_event_sentences([toks if s.index in acting and candidates[s.index] else []
                                   for s, toks in zip(sentences, tokens)], lang)
    events = find_events(text, lang, sentences, times, found.actors, found.places, quantities, document.published,
                         tokens, trees, candidates)
    return Extraction(document, sentences, times, _acting_nominals_only(found.actors, events), found.places, events)


def parse_event_sentences(tokens: list[list[Token]], lang: str) -> list[Tree | None] | None:
    """Dependency trees of the given token lists, None for the empty ones a caller leaves out (the
    pipeline parses only sentences that hold a candidate trigger and name an actor: speed; elsewhere
    the tree has no role to give, and dates and modality fall back to clause bounds); None when no
    parser is shipped for the language."""
    if not has_parser(lang):
        return None
    return parse_tokens(tokens, lang)


def _acting_nominals_only(mentions: list[ActorMention], events: list[Event]) -> list[ActorMention]:
    """Names are listed wherever they occur, and so are group nouns their sentence ties to a state
    ("militer dan dinas intelijen Korea Utara", "protesters in Baghdad"); a bare group or
    institution noun ("masyarakat", "the police") is an actor mention only where it fills an event
    role: elsewhere it is a common noun."""
    acting = {(e.sentence, a.key) for e in events for a in e.source + e.target + e.according_to}
    return [m for m in mentions if not getattr(m, "generic", False) or (m.sentence, m.actor.key) in acting]


def _date(value: TimeValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"value": value.value, "precision": value.precision,
            "earliest": value.earliest.isoformat() if value.earliest else None,
            "latest": value.latest.isoformat() if value.latest else None}


def mention_type(mention: ActorMention) -> str:
    """"name" ("Sergey Lavrov", "Rusia"), "nominal" (a group or institution noun: "polisi", "the
    protesters") or "anaphor" ("negara itu", "kedua pemimpin")."""
    if getattr(mention, "nominal", None):
        return "nominal"
    return "anaphor" if getattr(mention, "anaphor", False) else "name"


def _role_actor(actor: Actor, event: Event, mentions: list[ActorMention]) -> dict[str, Any]:
    """A role filler with the mention it was read from: the mention of that actor in the event's
    sentence nearest to the trigger, else its last mention before the sentence (a pronoun or a
    continued quote); ``start``/``end`` are None when the actor is only implied."""
    here = [m for m in mentions if m.actor.key == actor.key and m.sentence == event.sentence]
    earlier = [m for m in mentions if m.actor.key == actor.key and m.sentence < event.sentence]
    mention = (min(here, key=lambda m: abs(m.start - event.trigger.start)) if here
               else earlier[-1] if earlier else None)
    record = actor.as_dict()
    record.update({"text": mention.text if mention else None, "start": mention.start if mention else None,
                   "end": mention.end if mention else None})
    return record


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """The ``kg extract`` JSON object for one document (field names are a public contract).
    Offsets index the text given, unless it had to be repaired (mojibake, markup, invisible
    characters): then the record also holds the repaired ``"text"`` the offsets index."""
    doc = extraction.document
    record = _record(extraction, doc)
    if doc.cleaned:  # offsets refer to the repaired text, not to the one given: say what it is
        record["text"] = doc.text
    return record


def _record(extraction: Extraction, doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "lang": doc.lang,
        "published": doc.published.isoformat() if doc.published else None,
        "title": doc.title,
        "url": doc.url,
        "sentences": [{"start": s.start, "end": s.end} for s in extraction.sentences],
        "times": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value.value,
             "precision": t.value.precision,
             "earliest": t.value.earliest.isoformat() if t.value.earliest else None,
             "latest": t.value.latest.isoformat() if t.value.latest else None,
             "anchor": t.anchor, "sentence": t.sentence}
            for t in extraction.times
        ],
        "actors": [
            {"start": m.start, "end": m.end, "text": m.text, "name": m.actor.name, "kind": m.actor.kind,
             "country": m.actor.country, "id": m.actor.key, "role": m.actor.role, "sentence": m.sentence,
             "mention": mention_type(m)}
            for m in extraction.actors
        ],
        "places": [
            {"start": m.start, "end": m.end, "text": m.text, "name": m.place.name, "country": m.place.country,
             "id": m.place.key, "geonames": m.place.geonames, "sentence": m.sentence}
            for m in extraction.places
        ],
        "events": [
            {"sentence": e.sentence,
             "trigger": {"start": e.trigger.start, "end": e.trigger.end, "text": e.trigger_text},
             "type": e.type, "mode": e.mode,
             "source": [_role_actor(a, e, extraction.actors) for a in e.source],
             "target": [_role_actor(a, e, extraction.actors) for a in e.target],
             "date": _date(e.date) or ({"value": None, "precision": None, "earliest": None,
                                        "latest": e.latest_bound.isoformat()} if e.latest_bound else None),
             "place": {"name": e.place.name, "country": e.place.country, "id": e.place.key} if e.place else None,
             "modality": e.modality,
             "according_to": [_role_actor(a, e, extraction.actors) for a in e.according_to],
             "quantities": [q.as_dict() for q in e.quantities]}
            for e in extraction.events
        ],
    }
