"""The positional reading of roles, the backoff for a role the dependency tree names nobody
for (a parse error, a fragment, a sentence too long to parse): clause bounds, voice, coordination.

The actor left of an active verb is the source, the first actor after it (or after a target
preposition) the target; Indonesian di-/ter- verbs and English "was ...ed by" swap the roles,
a bare agent after a passive verb ("yang dikirim Pyongyang") is the source, victims of
"tewas"/"killed" are targets. Also the event-level rules that need no tree: places that stand
for their state, both sides of "antara"/"between", unidentified attackers.
"""
from __future__ import annotations

import bisect

from kg.extract.actors.nodes import country_actor

from kg.extract.events.grammar import QUOTES, EventGrammar
from kg.extract.events.triggers import Trigger
from kg.model import Actor, ActorMention, Event, PlaceMention, Sentence, Token

SENT_TYPES = frozenset({"AID", "MOBILIZE"})


def _clause(tokens: list[Token], trigger: Trigger, g: EventGrammar) -> tuple[int, int]:
    """Token range around the trigger bounded by clause-break words and strong punctuation."""
    left = trigger.first
    while left > 0 and tokens[left - 1].lower not in g.breaks and tokens[left - 1].text not in ";:–—" + QUOTES:
        left -= 1
    right = trigger.last + 1
    while right < len(tokens) and tokens[right].lower not in g.breaks and tokens[right].text not in ",;:–—" + QUOTES:
        right += 1
    return left, right


def _heads(mentions: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """Drop a country or organisation mention that only modifies the person right after it,
    directly or through the person's title ("Ukrainian President Zelensky")."""
    heads = []
    for i, mention in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt and mention.actor.kind != "person" and nxt.actor.kind == "person" and (
                nxt.start - mention.end <= 1 or (nxt.actor.country == mention.actor.country and nxt.actor.role and all(
                    t.text[:1].isupper() for t in tokens if mention.end <= t.start and t.end <= nxt.start))):
            continue
        heads.append(mention)
    return heads


def _is_passive(trigger: Trigger, tokens: list[Token], g: EventGrammar) -> bool:
    token = tokens[trigger.first]
    if g.passive_prefixes:
        return token.lower != token.lemma and token.lower.startswith(g.passive_prefixes) and not token.lower.startswith("ditu")
    previous = [t.lower for t in tokens[max(0, trigger.first - 3):trigger.first]]
    following = tokens[trigger.last + 1].lower if trigger.last + 1 < len(tokens) else ""
    if token.lower in g.stative_participles and following not in g.agents:
        return False
    return any(w in g.passive_auxiliaries for w in previous) and (
        token.lower.endswith(("ed", "en")) or following in g.agents)  # irregular: "was struck by", "was hit by"


def _roles(trigger: Trigger, tokens: list[Token], actors: list[ActorMention], g: EventGrammar,
           speech_end: int | None, speakers: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    left, right = _clause(tokens, trigger, g)
    lo = tokens[left].start if left < len(tokens) else 0
    if speech_end is not None:
        lo = max(lo, speech_end)
    t_start, t_end = tokens[trigger.first].start, tokens[trigger.last].end
    hi = tokens[right - 1].end if right > 0 else t_end
    speaker_keys = {a.key for a in speakers}
    objects = g.targets | g.agents | g.places
    before_all = _heads([m for m in actors if lo <= m.start and m.end <= t_start], tokens)
    before = [m for m in before_all if not _preceded_by(m, tokens, objects, 1)] or before_all
    after = _heads([m for m in actors if t_end <= m.start and m.end <= hi], tokens)
    after = [m for m in after if not _after_quote_verb(m, tokens, g)]
    if trigger.type in SENT_TYPES:  # "sending additional troops to North Darfur": troops are what is sent
        after = [m for m in after if not (m.actor.kind == "group" and m.actor.sector == "military")]
    if tokens[trigger.first].lower in g.victim_verbs and not _active_victim_verb(trigger, tokens, after, g):
        victims = [m for m in before_all if _words_between(tokens, m.end, t_start) <= 3]
        return [], [victims[-1].actor] if victims else []
    passive = _is_passive(trigger, tokens, g)
    agent = [m for m in after if _preceded_by(m, tokens, g.agents)] or [  # "oleh sekitar 30 anggota kelompok ..."
        m for m in after[:1] if _preceded_by(m, tokens, g.agents, 6)]
    if passive:
        if agent:
            source = [agent[0].actor]
        elif after and after[0].start - t_end <= 1:  # bare agent: "yang dikirim Pyongyang"
            source = [after[0].actor]
        else:
            source = []
        relative = t_start > 0 and any(t.lower in g.relatives and t.end <= t_start and t_start - t.end <= 2 for t in tokens)
        target = [] if relative else _coordinated(before, tokens, g)
        return source, [a for a in target if a not in source]
    source = _coordinated(_without_apposition(before, tokens, t_start), tokens, g)
    source = [a for a in source if a.key not in speaker_keys or not speech_end]
    chosen = after[0] if after else _prepositional_target(tokens, right, actors, g, source)
    target = [chosen.actor] if chosen else []
    return source, [a for a in target if a not in source]


def _prepositional_target(tokens: list[Token], right: int, actors: list[ActorMention], g: EventGrammar,
                          source: list[Actor]) -> ActorMention | None:
    """No actor in the clause: a target preposition further on may still introduce one, past a
    comma or a quoted phrase ("dukungan ... terhadap tujuan operasi, serta terhadap angkatan
    bersenjata Rusia"; "memuji "kontak yang sangat dekat" dengan dinas intelijen Korea Utara")."""
    for i in range(right, len(tokens)):
        word = tokens[i].lower
        if word in g.breaks or word in g.quote_verbs or word in g.speech_verbs:
            return None
        if word not in g.targets:
            continue
        window_end = tokens[min(i + 4, len(tokens) - 1)].start
        hits = [m for m in actors if tokens[i].end <= m.start <= window_end and m.actor not in source
                and not any(t.text in ",;:" for t in tokens if tokens[i].end <= t.start < m.start)]
        if hits:
            return min(hits, key=lambda m: m.start)
    return None


def _without_apposition(before: list[ActorMention], tokens: list[Token], t_start: int) -> list[ActorMention]:
    """"Pakistan, a key U.S. ally, has refused": mentions inside an apposition set off by commas
    after the subject are not the subject."""
    for i, head in enumerate(before[:-1]):
        after_head = _tokens_after(tokens, head.end, 1)
        if not after_head or after_head[0].text != ",":
            continue
        closing = [t for t in tokens if before[-1].end <= t.start and t.end <= t_start and t.text == ","]
        if closing:
            return before[:i + 1]
    return before


def _tokens_after(tokens: list[Token], position: int, n: int) -> list[Token]:
    k = bisect.bisect_left(tokens, position, key=lambda t: t.start)
    return tokens[k:k + n]


def _active_victim_verb(trigger: Trigger, tokens: list[Token], after: list[ActorMention], g: EventGrammar) -> bool:
    """English "aircraft killed 46 civilians": a victim verb with an object and no auxiliary is active."""
    if g.passive_prefixes or not after or _words_between(tokens, tokens[trigger.last].end, after[0].start) > 4:
        return False
    previous = [t.lower for t in tokens[max(0, trigger.first - 2):trigger.first]]
    return not any(w in g.passive_auxiliaries for w in previous) and not _preceded_by(after[0], tokens, g.places)


def _words_between(tokens: list[Token], start: int, end: int) -> int:
    starts = [t.start for t in tokens]
    return max(0, bisect.bisect_right([t.end for t in tokens], end) - bisect.bisect_left(starts, start))


def _tokens_before(tokens: list[Token], position: int, n: int) -> list[Token]:
    """The ``n`` tokens that end at or before ``position`` (binary search: long sentences stay fast)."""
    k = bisect.bisect_right(tokens, position, key=lambda t: t.end)
    return tokens[max(0, k - n):k]


def _after_quote_verb(mention: ActorMention, tokens: list[Token], g: EventGrammar) -> bool:
    prior = _tokens_before(tokens, mention.start, 1)
    return bool(prior) and prior[0].lower in g.quote_verbs


def _preceded_by(mention: ActorMention, tokens: list[Token], words: frozenset[str], n: int = 2) -> bool:
    return any(t.lower in words for t in _tokens_before(tokens, mention.start, n))


def _coordinated(mentions: list[ActorMention], tokens: list[Token], g: EventGrammar) -> list[Actor]:
    """The nearest mention, plus any joined to it by "dan"/"and"."""
    if not mentions:
        return []
    chosen = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        if (mention.start, mention.end) == (chosen[-1].start, chosen[-1].end):  # "kedua menteri": two people
            chosen.append(mention)
            continue
        gap = [t.lower for t in tokens if mention.end <= t.start and t.end <= chosen[-1].start]
        if gap and all(w in g.coordinators or w == "," for w in gap):
            chosen.append(mention)
        else:
            break
    return [m.actor for m in reversed(chosen)]


def with_represented_bodies(actors: list[Actor], mentions: list[ActorMention]) -> list[Actor]:
    """A person who holds an office of an international body brings it along ("U.N.
    Secretary-General Kofi Annan announced ..." -> Kofi Annan and the United Nations)."""
    result = list(actors)
    for actor in actors:
        for mention in mentions:
            body = getattr(mention, "acting_for", None)
            if body is not None and mention.actor.key == actor.key and body not in result:
                result.append(body)
    return result


def elided_subject(tokens: list[Token], trigger: Trigger, actors: list[ActorMention], g: EventGrammar) -> list[Actor]:
    """"Benin opened its borders ..., but was still refusing admittance": a verb after "but"/"and"
    with no subject of its own (at most three lower-case words between) has the sentence's subject."""
    k, words = trigger.first - 1, 0
    while k >= 0 and words < 3 and tokens[k].text.isalpha() and tokens[k].text.islower() \
            and tokens[k].lower not in g.coordinators | g.breaks | g.subject_pronouns:
        k, words = k - 1, words + 1
    if k < 1 or (tokens[k].lower not in g.coordinators and tokens[k].lower not in g.breaks):
        return []
    first = tokens[1].start if tokens[0].lower in ("the", "a", "an") else tokens[0].start
    subject = [m for m in actors if m.start == first and m.end <= tokens[k].start]
    return [subject[0].actor] if subject else []


def unidentified_attackers(event: Event, mentions: list[ActorMention], tokens: list[Token], g: EventGrammar) -> None:
    """A bombing, blast or ambush told with no perpetrator ("a roadside bombing near the town of
    Samarra killed one U.S. soldier") is ascribed, as ACLED and PLOVER code it, to an unidentified
    armed group of the state where it happened: "Unidentified Armed Group (Iraq)" (one node per
    state). Not for other deaths (earthquakes, fires, crime), not when an agent follows ("... was
    claimed by al-Shabaab"), not when anything but victims is named before the trigger or the
    state itself is hit on its own soil; the actor is implied (no mention of its own)."""
    if event.type != "ASSAULT" or event.source or event.modality != "asserted" or event.place is None:
        return
    code = event.place.country
    words = {t.lower for t in tokens}
    if not code or not words & g.attack_words or any(
            t.lower in g.agents for t in tokens if t.start >= event.trigger.end):
        return
    others = [m for m in mentions if m.sentence == event.sentence and m.start < event.trigger.end  # "Warplanes bombed"
              and m.actor not in event.target and m.actor.kind != "person"
              and not (m.actor.kind == "country" and m.actor.country == code)]
    subject = [t for t in tokens if t.end <= event.trigger.start and t.lower in g.attacker_nouns]
    if others or subject or any(a.kind == "country" and a.country == code for a in event.target):
        return  # an attacker is named, if not whose; or the state hit on its soil may be hit from abroad
    name = f"Unidentified Armed Group ({country_actor(code).name})"
    event.source = [Actor(f"group-{code.lower()}-unidentified-armed-group", name, "group", code, None, None,
                          "armed_group")]


PLACE_TARGETED = ("ASSAULT", "COERCE")


def target_from_place(event: Event) -> None:
    """An attack in another state's territory targets that state ("... di kota Chernivtsi")."""
    if event.target or event.type not in PLACE_TARGETED or event.place is None or not event.place.country:
        return
    code = event.place.country
    if any(a.country == code for a in event.source) or not event.source:
        return
    event.target = [country_actor(code)]


def target_from_following_place(event: Event, places: list[PlaceMention], sentence: Sentence,
                                 tokens: list[Token], trigger: Trigger, g: EventGrammar) -> None:
    """With no counterpart named, the state where the action lands is its target, as PLOVER codes
    it ("agreed to set up a research centre in Tokyo" -> Japan; "lifted the emergency in West
    Darfur" -> Sudan): a place after the trigger in the same clause, at most ten tokens on."""
    if event.target or not event.source or event.type in PLACE_TARGETED:
        return
    _, right = _clause(tokens, trigger, g)
    limit = tokens[min(right, trigger.last + 11) - 1].end
    after = [p for p in places if p.sentence == sentence.index and tokens[trigger.last].end <= p.start < limit
             and p.place.country]
    if after:
        code = min(after, key=lambda p: p.start).place.country
        event.target = [country_actor(code)]


def two_sides(tokens: list[Token], trigger: Trigger, actors: list[ActorMention], g: EventGrammar) -> list[Actor]:
    """The two sides after "antara"/"between" right after a trigger ("clashes between X and Y"), or
    after the nominal that names the trigger's circumstance ("tewas dalam kontak tembak antara X dan Y")."""
    k = next((j for j in range(trigger.last + 1, min(trigger.last + 5, len(tokens)))
              if tokens[j].lower in g.between or tokens[j].text in ",;:" or tokens[j].lower in g.breaks), None)
    if k is None or tokens[k].lower not in g.between:
        return []
    window_end = tokens[min(k + 8, len(tokens) - 1)].end
    sides = [m for m in actors if tokens[k].end <= m.start and m.start <= window_end]  # long names may run on
    for first, second in zip(sides, sides[1:]):
        gap = [t.lower for t in tokens if first.end <= t.start and t.end <= second.start]
        if (len(gap) <= 3 and any(w in g.coordinators for w in gap) and "," not in gap
                and first.actor != second.actor):  # "between the army and the RSF"
            return [first.actor, second.actor]
    return []
