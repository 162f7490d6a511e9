"""Events: trigger + PLOVER type + source/target by clause position and voice + modality,
attribution, date, place and quantities.

Works on one document at a time, sentence by sentence, on the mentions found by the other
recognizers (no parser): the actor left of an active verb is the source, the first actor after
it (or after a target preposition) the target; Indonesian di-/ter- verbs and English
"was …ed by" swap the roles, and a bare agent after a passive verb ("yang dikirim Pyongyang")
is the source.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.triggers import Trigger, find_triggers
from kg.lang import load
from kg.model import Actor, ActorMention, Event, PlaceMention, Quantity, Sentence, Span, TimeMention, Token
from kg.nlp.tokens import tokenize

QUOTES = "\"“”«»"


@dataclass(frozen=True)
class _Grammar:
    future: frozenset[str]
    negated: frozenset[str]
    hypothetical: frozenset[str]
    window: int
    according_to: tuple[tuple[str, ...], ...]
    quote_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    targets: frozenset[str]
    agents: frozenset[str]
    passive_prefixes: tuple[str, ...]
    passive_auxiliaries: frozenset[str]
    relatives: frozenset[str]
    coordinators: frozenset[str]
    breaks: frozenset[str]
    back_reference: frozenset[str]
    circumstance: frozenset[str]
    victim_verbs: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=None)
def grammar(lang: str) -> _Grammar:
    g = load(lang, "grammar")
    m, a, r = g["modality"], g["attribution"], g["roles"]

    def words(items) -> frozenset[str]:
        return frozenset(str(w).lower() for w in items or [])

    return _Grammar(
        words(m["future"]), words(m["negated"]), words(m["hypothetical"]), int(g.get("modality_window", 4)),
        tuple(tuple(str(p).lower().split()) for p in a["according_to"]), words(a["quote_verbs"]),
        words(a["speech_verbs"]), words(r["target_prepositions"]), words(r["agent_prepositions"]),
        tuple(r.get("passive_prefixes", [])), words(r.get("passive_auxiliaries")), words(r["relative_markers"]),
        words(r["coordinators"]), words(r["clause_breaks"]), words(r["back_reference"]),
        words(r.get("circumstance_prepositions")), words(r.get("victim_verbs")),
        words(r.get("place_prepositions")),
    )


def find_events(text: str, lang: str, sentences: list[Sentence], times: list[TimeMention],
                actors: list[ActorMention], places: list[PlaceMention],
                quantities: list[Quantity], published: dt.date | None = None,
                tokens_by_sentence: list[list[Token]] | None = None) -> list[Event]:
    """Events of a document in sentence order. An undated event that is reported as having
    happened (asserted or negated) gets the publication date as its latest bound."""
    g = grammar(lang)
    events: list[Event] = []
    previous_speaker: list[Actor] = []
    for sentence in sentences:
        tokens = (tokens_by_sentence[sentence.index] if tokens_by_sentence
                  else tokenize(text[sentence.start:sentence.end], lang, sentence.start))
        in_sentence = [m for m in actors if m.sentence == sentence.index and not getattr(m, "inner", False)]
        occupied = [(m.start, m.end) for m in in_sentence] + [(t.start, t.end) for t in times if t.sentence == sentence.index]
        raw_triggers = [t for t in find_triggers(tokens, lang)
                        if not any(s <= tokens[t.first].start < e for s, e in occupied)]
        triggers = raw_triggers
        triggers = _drop_dependent(triggers, tokens, in_sentence, g)
        speakers, speech_end = _attribution(tokens, in_sentence, g, triggers)
        quoted = text[sentence.start:sentence.start + 1] in QUOTES
        continued_quote = not speakers and quoted and bool(previous_speaker)
        if continued_quote:
            speakers = previous_speaker
        previous_speaker = speakers if quoted or '"' in text[sentence.start:sentence.end] else []
        sentence_events = []
        for trigger in triggers:
            begin, end = tokens[trigger.first].start, tokens[trigger.last].end
            if speech_end is not None and begin < speech_end:
                continue  # the trigger is inside the reporting frame, not the report
            source, target = _roles(trigger, tokens, in_sentence, g, speech_end, speakers)
            if sentence_events and source and sentence_events[-1].source and \
                    set(source) <= set(sentence_events[-1].target):
                source = list(sentence_events[-1].source)  # "mengunjungi X untuk melakukan pembicaraan"
            joined = [t.lower for t in tokens[max(0, trigger.first - 2):trigger.first]]
            if not source and sentence_events and any(w in g.coordinators for w in joined) \
                    and tokens[trigger.first].lower not in g.victim_verbs:
                source = [a for a in sentence_events[-1].source if a not in target]
            event = Event(
                sentence=sentence.index, trigger=Span(begin, end), trigger_text=text[begin:end],
                type=trigger.type, mode=trigger.mode, source=source, target=target,
                modality=_modality(trigger, tokens, g), according_to=list(speakers),
            )
            frame = speech_end or sentence.start
            _attach_date(event, trigger, tokens, [t for t in times if t.start >= frame], sentence, events, g,
                         [tokens[t.first].start for t in triggers], raw_triggers)
            if event.date is None and continued_quote:
                _date_from_previous_sentence(event, events, sentence.index)  # same speech act, same time
            _attach_place(event, places, sentence)
            sentence_events.append(event)
        sentence_events = _collapse(sentence_events)
        _attach_quantities(sentence_events, [q for q in quantities if q.start >= (speech_end or 0)], sentence)
        events.extend(sentence_events)
    for event in events:
        if event.date is None and published and event.modality in ("asserted", "negated"):
            event.latest_bound = published
        _target_from_place(event)
    return events


PLACE_TARGETED = ("ASSAULT", "COERCE")


def _target_from_place(event: Event) -> None:
    """An attack in another state's territory targets that state ("... di kota Chernivtsi")."""
    if event.target or event.type not in PLACE_TARGETED or event.place is None or not event.place.country:
        return
    code = event.place.country
    if any(a.country == code for a in event.source) or not event.source:
        return
    from kg.extract.actornodes import _country_name

    event.target = [Actor(f"country-{code}", _country_name(code), "country", code)]


def _between(a: int, b: int, mentions: list[ActorMention]) -> bool:
    return any(a <= m.start and m.end <= b for m in mentions)


def _drop_dependent(triggers: list[Trigger], tokens: list[Token], actors: list[ActorMention],
                    g: _Grammar) -> list[Trigger]:
    """Drop a trigger that completes an earlier one ("berjanji akan memberikan dukungan") or
    names its circumstance ("dalam perundingan", "in the attack")."""
    kept: list[Trigger] = []
    for trigger in triggers:
        before = {t.lower for t in tokens[max(0, trigger.first - 2):trigger.first]}
        if before & g.circumstance and kept:
            continue
        if kept:
            last = kept[-1]
            gap = tokens[last.last + 1:trigger.first]
            if (sum(t.text[0].isalpha() for t in gap) <= 6 and not _between(tokens[last.last].end, tokens[trigger.first].start, actors)
                    and not any(t.lower in g.breaks or t.text in ",;:" for t in gap)):
                continue
        kept.append(trigger)
    return kept


def _attribution(tokens: list[Token], actors: list[ActorMention], g: _Grammar,
                 triggers: list[Trigger]) -> tuple[list[Actor], int | None]:
    """Who the sentence is according to, and where a leading "X mengatakan" frame ends."""
    speakers: list[Actor] = []
    words = [t.lower for t in tokens]
    for phrase in g.according_to:
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i:i + len(phrase)]) == phrase:
                after = [m for m in actors if m.start >= tokens[i + len(phrase) - 1].end]
                if after:
                    speakers.append(min(after, key=lambda m: m.start).actor)
    for i, word in enumerate(words):
        if word in g.quote_verbs and i > 0 and (tokens[i - 1].text in ",\"”'" or words[i - 1] in QUOTES):
            after = [m for m in actors if m.start >= tokens[i].end and m.start - tokens[i].end < 3]
            if after:
                speakers.append(after[0].actor)
            elif i + 1 < len(tokens) and tokens[i + 1].lower.endswith("nya"):
                pass
    speech_end = None
    for i, word in enumerate(words):
        if word in g.speech_verbs:
            frame_start = max([t.end for t in tokens[:i] if t.lower in g.breaks or t.text in QUOTES + ";"],
                              default=tokens[0].start)
            before = [m for m in actors if frame_start <= m.start and m.end <= tokens[i].start]
            if any(tokens[t.first].start > tokens[i].end for t in triggers):
                speech_end = tokens[i].end  # "X mengatakan (bahwa) ...": what follows is the report
                if before:
                    speakers.append(before[0].actor)
            else:  # "..., officials said": only a subject right before the verb is the speaker
                near = [m for m in before if sum(1 for t in tokens if m.end <= t.start < tokens[i].start) <= 2]
                if near:
                    speakers.append(near[-1].actor)
            break
    unique = list({a.key: a for a in speakers}.values())
    return unique, speech_end


def _clause(tokens: list[Token], trigger: Trigger, g: _Grammar) -> tuple[int, int]:
    """Token range around the trigger bounded by clause-break words and strong punctuation."""
    left = trigger.first
    while left > 0 and tokens[left - 1].lower not in g.breaks and tokens[left - 1].text not in ";:–—" + QUOTES:
        left -= 1
    right = trigger.last + 1
    while right < len(tokens) and tokens[right].lower not in g.breaks and tokens[right].text not in ",;:–—" + QUOTES:
        right += 1
    return left, right


def _heads(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop a country or organisation mention that only modifies the person right after it."""
    heads = []
    for i, mention in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt and mention.actor.kind != "person" and nxt.actor.kind == "person" and nxt.start - mention.end <= 1:
            continue
        heads.append(mention)
    return heads


def _is_passive(trigger: Trigger, tokens: list[Token], g: _Grammar) -> bool:
    token = tokens[trigger.first]
    if g.passive_prefixes:
        return token.lower != token.lemma and token.lower.startswith(g.passive_prefixes) and not token.lower.startswith("ditu")
    previous = [t.lower for t in tokens[max(0, trigger.first - 3):trigger.first]]
    return token.lower.endswith(("ed", "en")) and any(w in g.passive_auxiliaries for w in previous)


def _roles(trigger: Trigger, tokens: list[Token], actors: list[ActorMention], g: _Grammar,
           speech_end: int | None, speakers: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    left, right = _clause(tokens, trigger, g)
    lo = tokens[left].start if left < len(tokens) else 0
    if speech_end is not None:
        lo = max(lo, speech_end)
    t_start, t_end = tokens[trigger.first].start, tokens[trigger.last].end
    hi = tokens[right - 1].end if right > 0 else t_end
    speaker_keys = {a.key for a in speakers}
    objects = g.targets | g.agents | g.places
    before_all = _heads([m for m in actors if lo <= m.start and m.end <= t_start])
    before = [m for m in before_all if not _preceded_by(m, tokens, objects, 1)] or before_all
    after = _heads([m for m in actors if t_end <= m.start and m.end <= hi])
    after = [m for m in after if not _after_quote_verb(m, tokens, g)]
    if tokens[trigger.first].lower in g.victim_verbs:
        victims = [m for m in before_all if _words_between(tokens, m.end, t_start) <= 3]
        return [], [victims[-1].actor] if victims else []
    passive = _is_passive(trigger, tokens, g)
    agent = [m for m in after if _preceded_by(m, tokens, g.agents)]
    if passive:
        if agent:
            source = [agent[0].actor]
        elif after and after[0].start - t_end <= 1:  # bare agent: "yang dikirim Pyongyang"
            source = [after[0].actor]
        else:
            source = []
        relative = t_start > 0 and any(t.lower in g.relatives and t.end <= t_start and t_start - t.end <= 2 for t in tokens)
        target = [] if relative else _coordinated(before, tokens, g, from_right=True)
        return source, [a for a in target if a not in source]
    source = _coordinated(before, tokens, g, from_right=True)
    if (not source and len(after) > 1 and not _preceded_by(after[0], tokens, g.targets)
            and _words_between(tokens, t_end, after[0].start) <= 1):
        source, after = [after[0].actor], after[1:]  # nominal event: "serangan Rusia ke Ukraina"
    source = [a for a in source if a.key not in speaker_keys or not speech_end]
    target = [after[0].actor] if after else []
    return source, [a for a in target if a not in source]


def _words_between(tokens: list[Token], start: int, end: int) -> int:
    starts = [t.start for t in tokens]
    return max(0, bisect.bisect_right([t.end for t in tokens], end) - bisect.bisect_left(starts, start))


def _tokens_before(tokens: list[Token], position: int, n: int) -> list[Token]:
    """The ``n`` tokens that end at or before ``position`` (binary search: long sentences stay fast)."""
    ends = [t.end for t in tokens] if len(tokens) < 64 else _ends(tokens)
    k = bisect.bisect_right(ends, position)
    return tokens[max(0, k - n):k]


def _ends(tokens: list[Token]) -> list[int]:
    key = id(tokens)
    if _ENDS_CACHE.get("key") != key:
        _ENDS_CACHE["key"], _ENDS_CACHE["ends"] = key, [t.end for t in tokens]
    return _ENDS_CACHE["ends"]


_ENDS_CACHE: dict = {}


def _after_quote_verb(mention: ActorMention, tokens: list[Token], g: _Grammar) -> bool:
    prior = _tokens_before(tokens, mention.start, 1)
    return bool(prior) and prior[0].lower in g.quote_verbs


def _preceded_by(mention: ActorMention, tokens: list[Token], words: frozenset[str], n: int = 2) -> bool:
    return any(t.lower in words for t in _tokens_before(tokens, mention.start, n))


def _coordinated(mentions: list[ActorMention], tokens: list[Token], g: _Grammar, from_right: bool) -> list[Actor]:
    """The nearest mention, plus any joined to it by "dan"/"and"."""
    if not mentions:
        return []
    chosen = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        gap = [t.lower for t in tokens if mention.end <= t.start and t.end <= chosen[-1].start]
        if gap and all(w in g.coordinators or w == "," for w in gap):
            chosen.append(mention)
        else:
            break
    return [m.actor for m in reversed(chosen)]


def _modality(trigger: Trigger, tokens: list[Token], g: _Grammar) -> str:
    """Negation wins over future ("tidak akan"), future over possibility."""
    found = set()
    for token in reversed(tokens[max(0, trigger.first - g.window):trigger.first]):
        if token.text in ",;" or token.lower in g.breaks:
            break
        for name, words in (("negated", g.negated), ("future", g.future), ("hypothetical", g.hypothetical)):
            if token.lower in words:
                found.add(name)
    if tokens[trigger.first].lower in g.future:
        found.add("future")
    return next((name for name in ("negated", "future", "hypothetical") if name in found), "asserted")


def _attach_date(event: Event, trigger: Trigger, tokens: list[Token], times: list[TimeMention],
                 sentence: Sentence, earlier: list[Event], g: _Grammar, trigger_starts: list[int],
                 raw_triggers: list[Trigger]) -> None:
    dated = [t for t in times if t.sentence == sentence.index and t.type in ("DATE", "TIME")
             and t.value.earliest is not None]
    if dated:
        left, right = _clause(tokens, trigger, g)
        lo, hi = tokens[left].start if left < len(tokens) else 0, tokens[right - 1].end if right else 0
        middle = event.trigger.start
        own = [t for t in dated if lo <= t.start and t.end <= hi]
        if not own:
            starts = trigger_starts or [middle]
            own = [t for t in dated if min(starts, key=lambda s: abs(s - t.start)) == middle]
        if own:
            best = min(own, key=lambda t: abs(t.start - middle))
            event.date, event.date_mention = best.value, best
            return
    if _refers_back(event, tokens, raw_triggers, g):
        for other in reversed(earlier):
            if other.type == event.type and other.date is not None:
                event.date, event.date_mention = other.date, other.date_mention
                return


def _date_from_previous_sentence(event: Event, earlier: list[Event], index: int) -> None:
    for other in reversed(earlier):
        if other.sentence == index - 1 and other.date is not None:
            event.date, event.date_mention = other.date, other.date_mention
            return


def _refers_back(event: Event, tokens: list[Token], triggers: list[Trigger], g: _Grammar) -> bool:
    """True for "dalam serangan tersebut" / "in that attack": a same-type noun with a pointer word."""
    for trigger in triggers:
        if trigger.type != event.type:
            continue
        after = tokens[trigger.last + 1].lower if trigger.last + 1 < len(tokens) else ""
        before = tokens[trigger.first - 1].lower if trigger.first else ""
        if after in g.back_reference or before in g.back_reference:
            return True
    return False


def _attach_place(event: Event, places: list[PlaceMention], sentence: Sentence) -> None:
    here = [p for p in places if p.sentence == sentence.index]
    if here:
        event.place = min(here, key=lambda p: abs(p.start - event.trigger.start)).place


def _collapse(events: list[Event]) -> list[Event]:
    """Triggers of one type in one sentence with compatible actors are one event."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if k.type == event.type
                     and (k.date is None or event.date is None or k.date == event.date)
                     and (not event.source or set(event.source) <= set(k.source) or not k.source)
                     and (not event.target or not k.target or set(event.target) <= set(k.target))), None)
        if twin is None:
            kept.append(event)
            continue
        twin.source = twin.source or event.source
        twin.target = twin.target or event.target
        twin.date = twin.date or event.date
        twin.place = twin.place or event.place
    return kept


def _attach_quantities(events: list[Event], quantities: list[Quantity], sentence: Sentence) -> None:
    if not events:
        return
    for quantity in quantities:
        if sentence.start <= quantity.start < sentence.end:
            owner = min(events, key=lambda e: min(abs(e.trigger.start - quantity.end),
                                                  abs(quantity.start - e.trigger.end)))
            owner.quantities.append(Quantity(quantity.unit, quantity.value, quantity.min, quantity.max))
