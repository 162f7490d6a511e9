"""Readings of a sentence's events taken together, as PLOVER codes them.

- Joint exercises of forces of two states are military cooperation (COOPERATE), not mobilisation:
  "French and Egyptian warships launched war games".
- A warning about what someone will (not) do is a threat by whoever warns: "Cairo's security chief
  warned that police will no longer tolerate rallies" (THREATEN).
- An actor announcing its own future action makes a promise (AGREE) or a threat (THREATEN), and
  so does a conditional hostile possibility ("may halt mediation if ...").

>>> from kg.api import extract_text
>>> record = extract_text("French and Egyptian warships launched war games on Monday.", lang="en",
...                       published="2025-07-12")
>>> [(e["type"], sorted(a["name"] for a in e["source"])) for e in record["events"]]
[('COOPERATE', ['Egyptian Armed Forces', 'France'])]
"""
from __future__ import annotations

from kg.extract.events.grammar import EventGrammar
from kg.model import Actor, ActorMention, Event, Span, Token

HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "RETREAT", "REJECT", "ACCUSE", "THREATEN"})


def joint_exercises(events: list[Event], g: EventGrammar) -> None:
    """MOBILIZE by forces of two or more states in an exercise becomes COOPERATE between them."""
    for event in events:
        words = set(event.trigger_text.lower().split())
        countries = {a.country for a in event.source if a.country}
        if event.type in ("MOBILIZE", "COOPERATE") and words & g.exercises and len(countries) >= 2:
            event.type, event.mode = "COOPERATE", None
            event.target = list(event.source)  # the participants, not where they exercise


STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "legislature", "judiciary"})


def objects_with_counterparts(events: list[Event], mentions: list[ActorMention], g: EventGrammar) -> list[Event]:
    """Events read from a verb and its object stand only with the parties the codebook means:
    cutting aid or supplies (SANCTION) is done by a state or an international body to someone
    ("the central bank cut loans to small businesses" is no sanction); blocking a road is a protest
    by people ("a landslide blocked the road" is no event) and, by police or troops, a restriction
    (COERCE)."""
    kept = []
    for event in events:
        blocking = event.trigger_text.split()[0].lower() in g.blocking_verbs
        read_from_object = getattr(event, "by_object", False) or len(event.trigger_text.split()) > 1
        if read_from_object and event.type == "SANCTION" and event.mode == "discontinue" and not event.target \
                and not any(a.kind == "country" or a.sector in STATE_SECTORS | {"igo"} for a in event.source):
            continue  # "the factory reduced supplies": no one sanctions anyone
        if getattr(event, "by_object", False) or blocking:
            if event.type == "PROTEST" and blocking:
                people = [m for m in mentions if m.sentence == event.sentence and m.end <= event.trigger.start
                          and m.actor.kind in ("group", "organization", "person")]
                if not event.source and not people:
                    continue  # "a landslide blocked the road"
                if event.source and all(a.sector in STATE_SECTORS for a in event.source):
                    event.type, event.mode = "COERCE", "restrict"
        kept.append(event)
    return kept


def warning(tokens: list[Token], text: str, sentence: int, speakers: list[Actor], speech_end: int | None,
            actors: list[ActorMention], events: list[Event], g: EventGrammar) -> Event | None:
    """THREATEN by the speaker of "warned that ... will/will not ...": a hostile act in the report that
    the speaker's side (or no one named) will or will not do, or a report whose subject is the
    speaker's own side ("Farahani warned that Iran could close the Strait of Hormuz if ...")."""
    if any(e.type == "THREATEN" for e in events):
        return None
    verb = next((t for t in tokens if t.lower in g.warning_verbs), None)
    if verb is None:
        return None
    if speech_end != verb.end or not speakers:  # no frame was read (no event after the verb): its subject
        before = [m for m in actors if m.end <= verb.start]
        speakers = [before[-1].actor] if before else []
        speech_end = verb.end
    if not speakers:
        return None
    report = {t.lower for t in tokens if t.start >= speech_end}
    if not (report & g.future or (report & g.hypothetical and report & g.conditional)):
        return None  # "... will ...", "... could ... if ...": something yet to come
    mine = {a.country for a in speakers if a.country} | {a.key for a in speakers}
    mine |= {m.actor.country for m in actors if m.end <= verb.start and m.actor.country}  # "Iran's navy commander, X,"
    after = [m for m in actors if m.start >= speech_end]
    subject = min(after, key=lambda m: m.start) if after else None
    own_subject = subject is not None and (subject.actor.key in mine or subject.actor.country in mine) and len(
        [t for t in tokens if speech_end <= t.start < subject.start]) <= 4  # "warned last week that Iran could ..."
    if not own_subject and not any(
            e.type in HOSTILE and e.trigger.start >= speech_end
            and (not e.source or any(a.key in mine or a.country in mine for a in e.source)) for e in events):
        return None  # "Germany warned that Russia will attack", "the IMF warned inflation will rise": no threat of theirs
    targets = [m.actor for m in actors if m.start >= speech_end and m.actor not in speakers
               and m.actor.country not in mine]
    later = [a for e in events for a in e.target + e.source if a not in speakers and a.country not in mine]
    target = targets[:1] or later[:1]
    return Event(sentence=sentence, trigger=Span(verb.start, verb.end), trigger_text=text[verb.start:verb.end],
                 type="THREATEN", source=list(speakers), target=target, according_to=list(speakers))


def commitments(events: list[Event], speakers: list[Actor], tokens: list[Token], g: EventGrammar) -> list[Event]:
    """An actor announcing its own future action (or a future action stated without attribution,
    "Turkey will allow ...") makes a promise (AGREE) or, when the action is hostile or
    conditional, a threat (THREATEN): PLOVER codes the announcement itself."""
    out = []
    conditional = any(t.lower in g.conditional for t in tokens)
    for event in events:
        if not event.source or event.type in ("AGREE", "THREATEN", "MOBILIZE"):
            continue
        if event.modality != "future" and not (event.modality == "hypothetical" and conditional
                                               and event.type in HOSTILE):
            continue  # "may halt mediation if ...": a conditional threat
        if speakers and not set(event.source) <= set(speakers):
            continue  # someone else's announcement of it ("Zakharova said Lavrov will visit")
        kind = "THREATEN" if event.type in HOSTILE or (conditional and event.type != "CONSULT") else "AGREE"
        out.append(Event(sentence=event.sentence, trigger=event.trigger, trigger_text=event.trigger_text, type=kind,
                         source=list(event.source), target=list(event.target), date=event.date,
                         date_mention=event.date_mention, latest_bound=event.latest_bound,
                         according_to=list(event.according_to)))
    return out


def vow_to_fight(tokens: list[Token], text: str, sentence: int, actors: list[ActorMention], events: list[Event],
                 g: EventGrammar) -> Event | None:
    """"Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's
    border": a vow to fight someone named is a threat to them; "vowed to fight poverty" is not."""
    if any(e.type == "THREATEN" for e in events):
        return None
    for i, token in enumerate(tokens):
        if token.lower not in g.promise_verbs:
            continue
        fight = next((t for t in tokens[i + 1:i + 4] if t.lower in g.fight_words), None)
        if fight is None:
            continue
        before = [m for m in actors if m.end <= token.start]
        after = [m for m in actors if m.start >= fight.end and (not before or m.actor != before[-1].actor)]
        if before and after:
            return Event(sentence=sentence, trigger=Span(token.start, fight.end),
                         trigger_text=text[token.start:fight.end], type="THREATEN",
                         source=[before[-1].actor], target=[after[0].actor])
    return None
