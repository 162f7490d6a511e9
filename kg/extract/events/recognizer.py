"""Events: trigger + PLOVER type + source/target + modality, attribution, date, place and
quantities.

Works on one document at a time, sentence by sentence, on the mentions found by the other
recognizers and the dependency trees of the sentences that hold a trigger: roles, the date's
clause and modality are read from the tree (:mod:`kg.extract.syntax`); where the tree names no
actor for a role, the positional reading of :mod:`kg.extract.events.roles` may fill it.
"""
from __future__ import annotations

import datetime as dt

from kg.extract.events.grammar import QUOTES, EventGrammar, grammar
from kg.extract.time.values import calendar_precision
from kg.extract.events.rules import commitments, joint_exercises, objects_with_counterparts, vow_to_fight, warning
from kg.extract.events.roles import (SENT_TYPES, _clause, _roles, target_from_following_place, target_from_place, two_sides,
                             elided_subject, unidentified_attackers, with_represented_bodies)
from kg.extract.syntax.roles import tree_roles
from kg.extract.syntax.scope import clause_modality, clause_time
from kg.extract.syntax.trees import Tree
from kg.extract.events.triggers import Trigger, find_triggers
from kg.model import Actor, ActorMention, Event, PlaceMention, Quantity, Sentence, Span, TimeMention, Token
from kg.nlp.tokens import is_title_case, tokenize


def find_events(text: str, lang: str, sentences: list[Sentence], times: list[TimeMention],
                actors: list[ActorMention], places: list[PlaceMention],
                quantities: list[Quantity], published: dt.date | None = None,
                tokens_by_sentence: list[list[Token]] | None = None,
                trees: list[Tree | None] | None = None,
                candidates: list[list[Trigger]] | None = None) -> list[Event]:
    """Events of a document in sentence order. An undated event that is reported as having
    happened (asserted or negated) gets the publication date as its latest bound."""
    g = grammar(lang)
    events: list[Event] = []
    representatives = [m for m in actors if getattr(m, "acting_for", None) is not None]  # "U.N. Secretary-General"
    previous_speaker: list[Actor] = []
    for sentence in sentences:
        tokens = (tokens_by_sentence[sentence.index] if tokens_by_sentence
                  else tokenize(text[sentence.start:sentence.end], lang, sentence.start))
        in_sentence = [m for m in actors if m.sentence == sentence.index and not getattr(m, "inner", False)]
        occupied = [(m.start, m.end) for m in in_sentence if not getattr(m, "nominal", None)]
        occupied += [(t.start, t.end) for t in times if t.sentence == sentence.index]
        title_case = is_title_case(tokens)
        found_triggers = candidates[sentence.index] if candidates is not None else find_triggers(tokens, lang)
        raw_triggers = [t for t in found_triggers
                        if not any(s <= tokens[t.first].start < e for s, e in occupied)
                        and (title_case or not _inside_a_name(tokens, t))]
        # a group noun that opens a trigger is part of it ("military exercises", "artillery fire")
        actor_triggers = {id(t): m.actor for m in in_sentence for t in raw_triggers if getattr(m, "nominal", None)
                          and (tokens[t.first].start, tokens[t.last].end) == (m.start, m.end)}
        # a trigger word inside a longer group phrase is the group ("para demonstran"), not an event
        raw_triggers = [t for t in raw_triggers if not any(
            getattr(m, "nominal", None) and m.start <= tokens[t.first].start and tokens[t.last].end <= m.end
            and (m.start, m.end) != (tokens[t.first].start, tokens[t.last].end) for m in in_sentence)]
        in_sentence = [m for m in in_sentence if not getattr(m, "nominal", None) or not any(
            tokens[t.first].start < m.end and m.start < tokens[t.last].end
            and (tokens[t.first].start, tokens[t.last].end) != (m.start, m.end) for t in raw_triggers)]
        triggers = raw_triggers
        triggers = _drop_dependent(triggers, tokens, in_sentence, g)
        speakers, speech_end, frame_start = _attribution(tokens, in_sentence, g, triggers)
        speakers = with_represented_bodies(speakers, representatives)
        quoted = text[sentence.start:sentence.start + 1] in QUOTES
        continued_quote = not speakers and quoted and bool(previous_speaker)
        if continued_quote:
            speakers = previous_speaker
        previous_speaker = speakers if quoted or '"' in text[sentence.start:sentence.end] else []
        sentence_events = []
        for trigger in triggers:
            begin, end = tokens[trigger.first].start, tokens[trigger.last].end
            if _mentions_earlier_event(trigger, tokens, events, g):
                continue  # "Akibat kontak tembak itu": the clash already told, not a new one
            if speech_end is not None and frame_start <= begin < speech_end:
                continue  # the trigger is inside the reporting frame, not the report
            report_end = speech_end if begin >= frame_start else None  # before "..., and said": its own clause
            tree = trees[sentence.index] if trees else None
            source, target, named_subject = ([], [], False) if tree is None else _tree_roles(
                tree, trigger, raw_triggers, in_sentence, lang, g)
            if not source or not target:
                # backoff: where the tree names no actor for a role (a parse that missed the subject
                # or hung the object elsewhere, or no parse), the positional reading may fill it; not
                # the source when the tree found a subject that is no actor ("Russia said the group
                # attacked Ukraine": the group, not Russia)
                by_position = _roles(trigger, tokens, in_sentence, g, report_end, speakers)
                if not named_subject:
                    source = source or [a for a in by_position[0] if a not in target]
                target = target or [a for a in by_position[1] if a not in source]
            sides = two_sides(tokens, trigger, in_sentence, g)
            if sides and source and trigger.type in MUTUAL and not set(source) & set(sides):
                target = sides  # "mediation between Syria and Arafat": the mediator acts on both sides
            elif sides:  # "kontak tembak antara prajurit TNI dan TPNPB": both sides act on each other
                source, target = sides, list(sides)
            if not target and len(source) >= 2 and trigger.type in MUTUAL:
                target = list(source)  # "kedua menteri menandatangani …", "X and Y met": each the other's counterpart
            if id(trigger) in actor_triggers and not source:  # "Demonstrators in Baghdad": the protesters protest
                source = [actor_triggers[id(trigger)]]
            if _consequence_of(sentence_events, trigger, tokens, lang):
                # "bombed a depot, killing 12 fighters": the victims are targets of the same attack
                earlier = sentence_events[-1]
                earlier.target += [a for a in target if a not in earlier.target and a not in earlier.source]
                continue
            if sentence_events and source and sentence_events[-1].source and \
                    set(source) <= set(sentence_events[-1].target):
                source = list(sentence_events[-1].source)  # "mengunjungi X untuk melakukan pembicaraan"
            joined = [t.lower for t in tokens[max(0, trigger.first - 2):trigger.first]]
            if not source and sentence_events and any(w in g.coordinators for w in joined) \
                    and tokens[trigger.first].lower not in g.victim_verbs:
                source = [a for a in sentence_events[-1].source if a not in target]
            if not source and report_end is not None and speakers and _pronoun_subject(tokens, report_end, begin, g):
                source = [a for a in speakers if a not in target]  # "X said it would ..."
            if not source:
                source = _person_pronoun(tokens, trigger, actors, sentence, g, target)  # "Ia juga mengancam"
            if not source:
                source = [a for a in elided_subject(tokens, trigger, in_sentence, g) if a not in target]
            if not target and source and sentence_events and set(source) == set(sentence_events[-1].source):
                # "X mengerahkan tentara ke Y ... tentara yang dikirim X": same actor, same counterpart
                target = [a for a in sentence_events[-1].target if a not in source]
            source = with_represented_bodies(source, representatives)
            target = with_represented_bodies(target, representatives)
            event = Event(
                sentence=sentence.index, trigger=Span(begin, end), trigger_text=text[begin:end],
                type=trigger.type, mode=trigger.mode, source=source, target=target,
                modality=clause_modality(tree, trigger.first, trigger.last, lang) if tree is not None
                else _modality(trigger, tokens, g), according_to=list(speakers),
            )
            event.by_object = trigger.by_object  # type: ignore[attr-defined]
            frame = report_end or sentence.start
            if tree is not None:
                _attach_clause_date(event, tree, trigger, times, sentence, events, tokens, raw_triggers, g)
            else:
                _attach_date(event, trigger, tokens, [t for t in times if t.start >= frame], sentence, events, g,
                             [tokens[t.first].start for t in triggers], raw_triggers)
            if event.date is None and continued_quote:
                _date_from_previous_sentence(event, events, sentence.index)  # same speech act, same time
            if event.date is None and event.modality == "asserted" and not _has_date(times, sentence) \
                    and "\n\n" not in text[sentences[max(0, sentence.index - 1)].end:sentence.start]:
                # narrative time: an undated happening goes on at the time of the event just before it
                # in the same paragraph ("Polisi kemudian menembakkan gas air mata ...")
                _date_from_previous_sentence(event, events, sentence.index)
            _attach_place(event, places, sentence)
            if id(trigger) not in actor_triggers:  # "Demonstrators in Baghdad": where they are, not a target
                target_from_following_place(event, places, sentence, tokens, trigger, g)
            sentence_events.append(event)
        demand = _reported_demand(sentence, tokens, in_sentence, speakers, speech_end, sentence_events, text, g)
        if demand:
            sentence_events.append(demand)
        sentence_events += commitments(sentence_events, speakers, tokens, g)
        joint_exercises(sentence_events, g)
        sentence_events = objects_with_counterparts(sentence_events, actors, g)
        threat = warning(tokens, text, sentence.index, speakers, speech_end, in_sentence, sentence_events, g)
        if threat:  # dated by a time in its own frame: "warned last week that ..."
            frame_times = [t for t in times if t.sentence == sentence.index and t.type == "DATE"
                           and t.end <= threat.trigger.end + 40 and t.start >= sentence.start
                           and not any(w.lower in g.breaks for w in tokens if threat.trigger.end <= w.start < t.start)]
            if frame_times:
                best = min(frame_times, key=lambda t: abs(t.start - threat.trigger.end))
                threat.date, threat.date_mention = calendar_precision(best.value), best
            sentence_events.append(threat)
        vow = vow_to_fight(tokens, text, sentence.index, in_sentence, sentence_events, g)
        if vow:
            sentence_events.append(vow)
        sentence_events = _collapse(sentence_events)
        _attach_quantities(sentence_events, [q for q in quantities if q.start >= (speech_end or 0)], sentence)
        for event in sentence_events:
            unidentified_attackers(event, actors, tokens, g)
        events.extend(sentence_events)
    for event in events:
        if event.date is None and published and event.modality in ("asserted", "negated"):
            event.latest_bound = published
        target_from_place(event)
    return events


def _tree_roles(tree: Tree, trigger: Trigger, triggers: list[Trigger], mentions: list[ActorMention], lang: str,
                g: EventGrammar) -> tuple[list[Actor], list[Actor], bool]:
    """Source and target read from the dependency tree (kg.extract.syntax.roles), and whether the
    tree found a subject that names no actor (a noun such as "the group", not a pronoun)."""
    others = frozenset(tree.head_of(t.first, t.last) for t in triggers
                       if (t.first, t.last) != (trigger.first, trigger.last))
    read = tree_roles(tree, trigger.first, trigger.last, mentions, lang, g.victim_verbs, others,
                      object_is_theme=trigger.type in SENT_TYPES)
    k = read.subject_token
    named = k is not None and tree.upos[k] not in ("PRON", "DET") and not read.source
    return read.source, read.target, named


MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "X and Y met / agreed / cooperate": each is the other's target
VIOLENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})  # "vowed to attack/seize/expel", "vows retaliation"


def _consequence_of(events: list[Event], trigger: Trigger, tokens: list[Token], lang: str) -> bool:
    """A same-type trigger right after a comma that continues the previous event of the sentence
    ("…, killing 12 fighters"; "…, menewaskan 12 orang")."""
    if not events or events[-1].type != trigger.type or trigger.first == 0 or tokens[trigger.first - 1].text != ",":
        return False
    return lang != "en" or tokens[trigger.first].lower.endswith("ing")


def _person_pronoun(tokens: list[Token], trigger: Trigger, actors: list[ActorMention], sentence: Sentence,
                    g: EventGrammar, target: list[Actor]) -> list[Actor]:
    """A person pronoun right before the trigger's clause is the last person named before it."""
    left, _ = _clause(tokens, trigger, g)
    words = [t for t in tokens[left:trigger.first] if t.text.isalpha()]
    if not words or words[0].lower not in g.person_pronouns:
        return []
    pronoun = words[0]
    people = [m for m in actors if m.actor.kind == "person" and m.end <= pronoun.start
              and m.actor not in target and not getattr(m, "inner", False)]
    return [people[-1].actor] if people else []


def _pronoun_subject(tokens: list[Token], speech_end: int, begin: int, g: EventGrammar) -> bool:
    """The reported clause opens with a pronoun before the trigger ("said that they would ...")."""
    after = [t for t in tokens if speech_end <= t.start < begin and t.lower not in g.breaks and t.text.isalpha()]
    if any(t.lower in g.subject_pronouns for t in after[:4]):
        return True
    # no subject at all: "Iran menyatakan akan menyerang", "X vowed to attack", "X announced $50m in aid"
    between = [t for t in tokens if speech_end <= t.start < begin]
    return not any(t.lower in g.breaks for t in between) and (
        all(t.lower in g.future or t.lower in g.hypothetical or t.lower == "to" for t in after)
        or not any(t.text[:1].isupper() for t in between))


def _inside_a_name(tokens: list[Token], trigger: Trigger) -> bool:
    """A capitalised trigger word inside a sentence is part of a name ("Agency for Cooperation")."""
    first = tokens[trigger.first]
    if not first.text[:1].isupper() or trigger.first == 0:
        return False
    return tokens[trigger.first - 1].text not in QUOTES + ":(\u2013\u2014-"


def _between(a: int, b: int, mentions: list[ActorMention]) -> bool:
    return any(a <= m.start and m.end <= b for m in mentions)


def _drop_dependent(triggers: list[Trigger], tokens: list[Token], actors: list[ActorMention],
                    g: EventGrammar) -> list[Trigger]:
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
                    and not any(t.lower in g.breaks or t.text in ",;:" for t in gap)
                    and not (trigger.type != last.type and any(t.lower in g.coordinators for t in gap))):
                # (a second verb joined by "and"/"dan" with its own type is its own event)
                if tokens[last.first].lower in g.promise_verbs and trigger.type in VIOLENT:
                    kept[-1] = Trigger(last.first, last.last, "THREATEN", None)  # "vowed to attack": a threat
                continue
        kept.append(trigger)
    return kept


def _attribution(tokens: list[Token], actors: list[ActorMention], g: EventGrammar,
                 triggers: list[Trigger]) -> tuple[list[Actor], int | None, int]:
    """Who the sentence is according to, and where a leading "X mengatakan" frame ends and
    starts (after the clause before "..., and said": "Rebels rejected the plan, and said they ...")."""
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
    speech_end, frame_start = None, tokens[0].start if tokens else 0
    for i, word in enumerate(words):
        if word in g.speech_verbs:
            joined = next((k for k in range(i - 1, max(i - 3, 0) - 1, -1) if words[k] in g.coordinators), None)
            if joined is not None and any(tokens[t.first].start < tokens[joined].start for t in triggers) \
                    and all(tokens[k].text.isalpha() and tokens[k].text.islower() for k in range(joined, i)):
                speech_end, frame_start = tokens[i].end, tokens[joined].start  # its subject is the sentence's
                subject = [m for m in actors if m.start <= tokens[1 if words[0] in ("the", "a", "an") else 0].start]
                speakers.extend(m.actor for m in subject[:1])
                break
            frame_start = max([t.end for t in tokens[:i] if t.lower in g.breaks or t.text in QUOTES + ";"],
                              default=tokens[0].start)
            before = [m for m in actors if frame_start <= m.start and m.end <= tokens[i].start]
            if any(tokens[t.first].start > tokens[i].end for t in triggers):
                speech_end = tokens[i].end  # "X mengatakan (bahwa) ...": what follows is the report
                if before:  # the subject next to the verb, or the head of an apposition ("X, jubir ..., mengatakan")
                    apposition = i > 0 and tokens[i - 1].text == ","
                    heads = [m for m in before if not _after_word(m, tokens, g.places)] or before  # not "in Iraq"
                    speakers.append((heads[0] if apposition else heads[-1]).actor)
            else:  # "..., officials said": only a subject right before the verb is the speaker
                near = [m for m in before if sum(1 for t in tokens if m.end <= t.start < tokens[i].start) <= 2]
                if near:
                    speakers.append(near[-1].actor)
            break
    unique = list({a.key: a for a in speakers}.values())
    return unique, speech_end, frame_start


def _after_word(mention: ActorMention, tokens: list[Token], words: frozenset[str]) -> bool:
    """Is the mention right after one of ``words`` ("operating in Iraq")?"""
    before = [t for t in tokens if t.end <= mention.start]
    return bool(before) and before[-1].lower in words


def _modality(trigger: Trigger, tokens: list[Token], g: EventGrammar) -> str:
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


def _dated(times: list[TimeMention], sentence: Sentence) -> list[TimeMention]:
    """The sentence's dates and times that have a calendar value."""
    return [t for t in times if t.sentence == sentence.index and t.type in ("DATE", "TIME")
            and t.value.earliest is not None]


def _attach_date(event: Event, trigger: Trigger, tokens: list[Token], times: list[TimeMention],
                 sentence: Sentence, earlier: list[Event], g: EventGrammar, trigger_starts: list[int],
                 raw_triggers: list[Trigger]) -> None:
    dated = _dated(times, sentence)
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
            event.date, event.date_mention = calendar_precision(best.value), best
            return
    _date_of_referred_event(event, tokens, raw_triggers, earlier, g)


def _date_of_referred_event(event: Event, tokens: list[Token], raw_triggers: list[Trigger], earlier: list[Event],
                            g: EventGrammar) -> None:
    """"dalam serangan tersebut", "in that attack": the date of the earlier event of that type."""
    if _refers_back(event, tokens, raw_triggers, g):
        for other in reversed(earlier):
            if other.type == event.type and other.date is not None:
                event.date, event.date_mention = other.date, other.date_mention
                return


def _attach_clause_date(event: Event, tree: Tree, trigger: Trigger, times: list[TimeMention], sentence: Sentence,
                        earlier: list[Event], tokens: list[Token], raw_triggers: list[Trigger], g: EventGrammar) -> None:
    """The date of the trigger's clause, or of the clause it depends on (kg.extract.syntax.scope);
    else the date of an earlier event this one refers back to ("in that attack")."""
    dated = _dated(times, sentence)
    heads = {tree.head_of(t.first, t.last) for t in raw_triggers}
    best, free = clause_time(tree, trigger.first, trigger.last, dated, heads) if dated else (None, [])
    if best is not None:
        event.date, event.date_mention = calendar_precision(best.value), best
    elif free:  # times the tree gives to no other event: placed by clause bounds and distance (then as below)
        _attach_date(event, trigger, tokens, free, sentence, earlier, g, [tokens[t.first].start for t in raw_triggers],
                     raw_triggers)
    else:
        _date_of_referred_event(event, tokens, raw_triggers, earlier, g)


def _reported_demand(sentence: Sentence, tokens: list[Token], actors: list[ActorMention], speakers: list[Actor],
                     speech_end: int | None, events: list[Event], text: str, g: EventGrammar) -> Event | None:
    """"X said Y must Z" / "X mengatakan Y harus Z": a REQUEST from X to Y."""
    if speech_end is None or not speakers or any(e.type == "REQUEST" for e in events):
        return None
    modal = next((t for t in tokens if t.start >= speech_end and t.lower in g.demand_modals), None)
    if modal is None:
        return None
    targets = [m.actor for m in actors if speech_end <= m.start and m.end <= modal.start]
    return Event(sentence=sentence.index, trigger=Span(modal.start, modal.end), trigger_text=text[modal.start:modal.end],
                 type="REQUEST", source=list(speakers), target=[a for a in targets[:1] if a not in speakers],
                 according_to=list(speakers))


def _has_date(times: list[TimeMention], sentence: Sentence) -> bool:
    return any(t.sentence == sentence.index and t.type in ("DATE", "TIME") for t in times)


def _date_from_previous_sentence(event: Event, earlier: list[Event], index: int) -> None:
    for other in reversed(earlier):
        if other.sentence == index - 1 and other.date is not None:
            event.date, event.date_mention = other.date, other.date_mention
            return


def _mentions_earlier_event(trigger: Trigger, tokens: list[Token], earlier: list[Event], g: EventGrammar) -> bool:
    """A nominal trigger with a pointer word ("kontak tembak itu", "that attack") naming an event of
    the same type told in an earlier sentence."""
    if not g.nominal.match(tokens[trigger.first].lower) or not any(e.type == trigger.type for e in earlier):
        return False
    k = trigger.last + 1 if g.pointer_after else trigger.first - 1
    return 0 <= k < len(tokens) and tokens[k].lower in g.back_reference


def _refers_back(event: Event, tokens: list[Token], triggers: list[Trigger], g: EventGrammar) -> bool:
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
