"""Who did what to whom, read from the dependency tree with per-language patterns
(``kg/lang/<code>/syntax.yaml``): subject, object and case-marked obliques of a verb, voice
(passive subject and agent), arguments of event nouns (genitive, case-marked modifiers, the
subject of a support verb), coordination, relative clauses, control and shared subjects.

>>> from kg.nlp.tokens import tokenize
>>> from kg.extract.syntax.trees import parse_tokens
>>> from kg.model import Actor, ActorMention
>>> text = "Polisi Rusia menangkap Alexei Navalny."
>>> tree = parse_tokens([tokenize(text, "id")], "id")[0]
>>> police = ActorMention(0, 12, "Polisi Rusia", Actor("police-rus", "Russian Police", "organization", "RUS"))
>>> navalny = ActorMention(23, 37, "Alexei Navalny", Actor("person-navalny", "Alexei Navalny", "person", "RUS"))
>>> roles = tree_roles(tree, 2, 2, [police, navalny], "id")
>>> [a.name for a in roles.source], [a.name for a in roles.target]
(['Russian Police'], ['Alexei Navalny'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.actors.nodes import country_actor
from kg.extract.syntax.trees import Tree
from kg.lang import load
from kg.model import Actor, ActorMention


@dataclass(frozen=True)
class SyntaxPatterns:
    """The relation and word lists of ``syntax.yaml`` for one language."""

    subject: frozenset[str]
    object: frozenset[str]
    passive_subject: frozenset[str]
    passive_relations: frozenset[str]
    passive_prefixes: tuple[str, ...]
    active_prefixes: tuple[str, ...]
    agent_case: frozenset[str]
    bare_agent: frozenset[str]
    target_case: tuple[str, ...]
    oblique: frozenset[str]
    genitive: frozenset[str]
    phrase_parts: frozenset[str]
    name_parts: frozenset[str]
    genitive_case: frozenset[str]
    appositive: frozenset[str]
    conjunct: frozenset[str]
    shares_subject: frozenset[str]
    object_control: frozenset[str]
    relative: frozenset[str]
    support_verbs: frozenset[str]
    noun_tags: frozenset[str]
    place_case: frozenset[str]
    quantity_nouns: frozenset[str]


@lru_cache(maxsize=None)
def patterns(lang: str) -> SyntaxPatterns:
    """Read ``kg/lang/<lang>/syntax.yaml`` once."""
    data = load(lang, "syntax")
    return SyntaxPatterns(
        **{k: (tuple(str(w).lower() for w in v) if k in ("target_case", "passive_prefixes", "active_prefixes")
               else frozenset(str(w) if k == "noun_tags" else str(w).lower() for w in v or [])) for k, v in data.items()})


STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "diplomacy", "legislature", "judiciary"})  # organs of a state
NOMINAL_RELATIONS = frozenset({"obj", "nsubj", "obl", "nmod", "compound", "iobj"})


@dataclass
class TreeRoles:
    """What the tree says about one trigger: its actors and how it sits in the sentence."""

    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    passive: bool = False
    nominal: bool = False
    subject_token: int | None = None  # a subject with no actor (a pronoun): the caller resolves it


def _rel(tree: Tree, k: int, relations: frozenset[str]) -> bool:
    rel = tree.deprel[k]
    return rel in relations or rel.split(":")[0] in relations


class _Reader:
    def __init__(self, tree: Tree, mentions: list[ActorMention], p: SyntaxPatterns, theme: bool = False) -> None:
        self.tree, self.p, self.theme = tree, p, theme
        self.at: dict[int, ActorMention] = {}
        starts = [t.start for t in tree.tokens]
        for m in mentions:
            for k, s in enumerate(starts):
                if m.start <= s < m.end:
                    self.at.setdefault(k, m)

    def actors(self, k: int, depth: int = 6) -> list[Actor]:
        """Actors a phrase headed by token k names: the mention on its head, else the nearest one
        down its modifiers and appositions; with the phrases coordinated to either. Phrases inside
        it marked by a case other than a possessor's are not its actor ("the withdrawal of forces
        from Panama", "tentara untuk membantu Rusia di Ukraina"): callers that want them ask for
        them by their case (:meth:`marked`)."""
        out: list[Actor] = []
        for n in [k, *self._conjuncts(k)]:
            found = self._phrase_actor(n, depth)
            if found is not None:
                for m in [found, *self._coordinated_with(found)]:
                    if m in self.at and self.at[m].actor not in out:
                        out.append(self.at[m].actor)
        return out

    def _coordinated_with(self, k: int) -> list[int]:
        """Tokens coordinated with any word of the mention on token k, either way ("French and
        Egyptian warships": "Egyptian" is a conjunct of "French")."""
        mention = self.at[k]
        words = [i for i, m in self.at.items() if m is mention]
        out = []
        for w in words:
            out += self._conjuncts(w)
            if _rel(self.tree, w, self.p.conjunct) and self.tree.head[w] >= 0:
                out.append(self.tree.head[w])
        return [c for c in out if c in self.at and self.at[c] is not mention]

    def _conjuncts(self, k: int) -> list[int]:
        return [c for c in self.tree.children(k) if _rel(self.tree, c, self.p.conjunct)]

    def _phrase_actor(self, k: int, depth: int) -> int | None:
        """The token of the mention the phrase headed by k names: its head's, else the nearest
        one down its modifiers (breadth first); a person named in the phrase wins over the
        country or body that describes them ("Presiden Ukraina Zelensky", "U.N. Secretary-General
        Kofi Annan": the person acts)."""
        found: list[int] = [k] if k in self.at else []
        frontier = [k]
        for _ in range(depth):
            nxt = []
            for n in frontier:
                for c in self.tree.children(n):
                    if _rel(self.tree, c, self.p.phrase_parts) and not _rel(self.tree, c, self.p.conjunct) \
                            and not self.case(c) - self.p.genitive_case:
                        if c in self.at:
                            found.append(c)
                        nxt.append(c)
            frontier = nxt
        if not found:
            return None
        people = [c for c in found if self.at[c].actor.kind == "person"
                  and all(_rel(self.tree, n, self.p.name_parts) for n in self._path(c, k))]
        return people[0] if people else found[0]

    def _path(self, c: int, k: int) -> list[int]:
        """Tokens from c up to (not including) its ancestor k."""
        path = [c]
        for n in self.tree.ancestors(c):
            if n == k:
                return path
            path.append(n)
        return path

    def case(self, k: int) -> set[str]:
        return set(self.tree.case_words(k))

    def marked(self, head: int, cases: tuple[str, ...] | frozenset[str], relations: frozenset[str]) -> list[Actor]:
        """Actors of the first dependent of ``head`` (in sentence order) in ``relations`` that
        is marked by one of ``cases`` and names an actor."""
        kids = self.tree.children(head)
        for c in kids:  # a case-marked clause ("untuk membantu ...") is a purpose, not a counterpart
            if _rel(self.tree, c, relations) and self.case(c) & set(cases) and self.tree.upos[c] != "VERB":
                acts = self.actors(c)
                if not acts:  # "terhadap satu orang tersangka, yakni Saudara AS": the apposition renames it
                    acts = next((self.actors(a) for a in kids if a > c and _rel(self.tree, a, self.p.appositive)
                                 and self.actors(a)), [])
                if acts:
                    return acts
        return []


def is_passive(tree: Tree, k: int, p: SyntaxPatterns) -> bool:
    """A passive verb: a passive subject or auxiliary below it, or a passive prefix on a verb
    whose form is not its lemma (Indonesian di-/ter-)."""
    tok = tree.tokens[k]
    if p.active_prefixes and tok.lower.startswith(p.active_prefixes) and tok.lower != tok.lemma:
        return False  # "bertemu", "menyerang": an active form, whatever the parse says
    if any(_rel(tree, c, p.passive_subject | p.passive_relations) for c in tree.children(k)):
        return True
    return bool(p.passive_prefixes) and tree.upos[k] == "VERB" and tok.lower != tok.lemma \
        and tok.lower.startswith(p.passive_prefixes)


def tree_roles(tree: Tree, first: int, last: int, mentions: list[ActorMention], lang: str,
               undergoer_verbs: frozenset[str] = frozenset(), triggers: frozenset[int] = frozenset(),
               object_is_theme: bool = False) -> TreeRoles:
    """Source and target of the trigger spanning tokens ``first..last`` of the parsed sentence.
    ``undergoer_verbs`` ("tewas", "died") have a subject that undergoes, when they take no object;
    ``triggers`` are the head tokens of the sentence's other triggers (an event noun governed by
    another event's verb does not take that verb's subject: "X condemned the attack");
    ``object_is_theme`` for events that move something to someone (PLOVER AID, MOBILIZE): the
    direct object, or the passive subject, is what is sent, and the recipient is the case-marked
    counterpart ("mengirim tentara ke Rusia", "sent troops to Russia")."""
    p = patterns(lang)
    r = _Reader(tree, mentions, p, object_is_theme)
    k = tree.head_of(first, last)
    # a noun, or any word the tree uses as one ("held their first meeting": a gerund as object)
    roles = TreeRoles(nominal=tree.upos[k] in p.noun_tags
                      or (tree.deprel[k].split(":")[0] in NOMINAL_RELATIONS and not is_passive(tree, k, p)
                          and not any(_rel(tree, c, p.subject) for c in tree.children(k))))
    if tree.tokens[k].lower in undergoer_verbs and not any(_rel(tree, c, p.object) for c in tree.children(k)):
        subjects = [c for c in tree.children(k) if _rel(tree, c, p.subject)]
        roles.target = r.actors(subjects[0]) if subjects else []
        if not subjects and _rel(tree, k, p.relative) and tree.head[k] >= 0:
            roles.target = r.actors(tree.head[k])  # "tentara yang tewas"
        roles.source = r.marked(k, tuple(p.agent_case), p.oblique)
        return roles
    if roles.nominal:
        _noun_roles(tree, k, r, p, roles, triggers)
    else:
        _verb_roles(tree, k, r, p, roles)
    roles.target = [a for a in roles.target if a not in roles.source]
    return roles


def _subject_of(tree: Tree, k: int, r: _Reader, p: SyntaxPatterns, roles: TreeRoles, hops: int = 3) -> list[Actor]:
    """The actor doing clause k: its own subject, else (for a clause that shares one) the
    governing clause's controller: the object of an object-control verb, else its subject."""
    h = tree.head[k]
    subjects = [c for c in tree.children(k) if _rel(tree, c, p.subject) and not _rel(tree, c, p.passive_subject)]
    if subjects:
        acts = []  # (a parse may split one subject in two: "U.N. Secretary-General Kofi Annan")
        for c in subjects:
            acts += [a for a in r.actors(c) if a not in acts]
        if not acts and h >= 0 and _rel(tree, k, p.relative) and tree.upos[subjects[0]] == "PRON":
            acts = r.actors(h)  # "pasukan yang menyerang", "troops who attacked": the noun acts
        if not acts and roles.subject_token is None:
            roles.subject_token = subjects[0]
        return acts
    if h < 0 or hops == 0:
        return []
    if _rel(tree, k, p.relative) and tree.upos[h] in ("NOUN", "PROPN", "PRON"):
        return r.actors(h)  # "pasukan yang menyerang": the noun the clause is about acts
    if not _rel(tree, k, p.shares_subject):
        return []
    if tree.deprel[k].startswith("xcomp") and (tree.tokens[h].lemma in p.object_control
                                               or tree.tokens[h].lower in p.object_control):
        objs = [c for c in tree.children(h) if _rel(tree, c, p.object)]
        if objs:
            return r.actors(objs[0])
    if is_passive(tree, h, p):  # "X dijadwalkan berkunjung", "Y was asked to leave": X and Y act
        subjects = [c for c in tree.children(h) if _rel(tree, c, p.passive_subject | p.subject)]
        return r.actors(subjects[0]) if subjects and tree.deprel[k].startswith("xcomp") else []
    return _subject_of(tree, h, r, p, roles, hops - 1)


def _verb_roles(tree: Tree, k: int, r: _Reader, p: SyntaxPatterns, roles: TreeRoles) -> None:
    roles.passive = is_passive(tree, k, p)
    if roles.passive:
        for c in tree.children(k):
            if not r.theme and (_rel(tree, c, p.passive_subject) or (_rel(tree, c, p.subject) and p.passive_prefixes)):
                roles.target = r.actors(c)
                break
        if not roles.target and not r.theme and _rel(tree, k, p.relative) and tree.head[k] >= 0:
            roles.target = r.actors(tree.head[k])  # "rudal yang dikirim ...": the noun undergoes
        if not roles.target:
            roles.target = r.marked(k, p.target_case, p.oblique)
        roles.source = r.marked(k, tuple(p.agent_case), p.oblique)
        if not roles.source and p.bare_agent:
            after = [c for c in tree.children(k) if c > k and _rel(tree, c, p.bare_agent)
                     and not r.case(c) and not _rel(tree, c, p.passive_subject)]
            if after and r.actors(after[0]) and after[0] == min(c for c in tree.children(k) if c > k):
                roles.source = r.actors(after[0])
        return
    roles.source = _subject_of(tree, k, r, p, roles)
    roles.target = _object_of(tree, k, r, p, r.theme)
    if not roles.target:
        roles.target = _complement_target(tree, k, r, p, roles.source)


def _object_of(tree: Tree, k: int, r: _Reader, p: SyntaxPatterns, theme: bool = False) -> list[Actor]:
    """The object of verb k, else its first case-marked counterpart, on the verb or inside its
    object (a phrase's attachment is often ambiguous: "mengirim tentara ke Rusia", "sent troops
    to Russia"), else a state named as the place it happens in or goes to ("tiba di Korea
    Utara", "withdraw from Chad": PLOVER's recipient)."""
    objects = [c for c in tree.children(k) if _rel(tree, c, p.object)]
    for c in ([] if theme else objects):
        acts = r.actors(c)
        if acts:
            # a noun conjunct hung on the verb continues the object ("menyerang Jepang dan Korea Selatan")
            for n in tree.children(k):
                if n > c and _rel(tree, n, p.conjunct) and tree.upos[n] in ("NOUN", "PROPN"):
                    acts += [a for a in r.actors(n) if a not in acts]
            return _state_of_organs(acts)
    for head in [k, *objects]:
        acts = r.marked(head, p.target_case, p.oblique)
        if acts:
            return _state_of_organs(acts)
    for head in [k, *objects]:
        states = [a for a in r.marked(head, p.place_case, p.oblique) if a.kind == "country"]
        if states:
            return states
    return []


def _state_of_organs(actors: list[Actor]) -> list[Actor]:
    """Two or more organs of one state named together ("militer dan dinas intelijen Korea Utara",
    "the army and police of Sudan") stand for that state."""
    countries = {a.country for a in actors}
    if len(actors) >= 2 and len(countries) == 1 and None not in countries and all(
            a.kind in ("organization", "group") and a.sector in STATE_SECTORS for a in actors):
        return [country_actor(next(iter(countries)))]
    return actors


def _complement_target(tree: Tree, k: int, r: _Reader, p: SyntaxPatterns, source: list[Actor]) -> list[Actor]:
    """A verb with no counterpart of its own acts on the one its complement names, as PLOVER codes
    demands, threats, refusals and offers: the subject of a demanded clause ("demanded that the
    US cancel ...", "meminta agar Presiden ..."), else the counterpart of the action it governs
    ("refused to deploy peacekeepers in Iraq", "threatened to attack Y", "offered to negotiate
    with Z")."""
    for c in tree.children(k, "ccomp", "xcomp", "advcl"):
        subordinate = tree.deprel[c].startswith("ccomp") or bool(tree.children(c, "mark"))
        if tree.deprel[c].startswith("advcl") and not subordinate:
            continue
        subjects = [s for s in tree.children(c) if _rel(tree, s, p.subject | p.passive_subject)]
        if subjects and subordinate:
            acts = [a for a in r.actors(subjects[0]) if a not in source]
            if acts:
                return acts
        acts = [a for a in _object_of(tree, c, r, p) if a not in source]
        if acts:
            return acts
    return []


def _noun_roles(tree: Tree, k: int, r: _Reader, p: SyntaxPatterns, roles: TreeRoles,
                triggers: frozenset[int]) -> None:
    """An event noun: case-marked modifiers are its counterpart or agent; its bare genitive is its
    agent, unless the verb governing it gives the agent ("launched an attack", "menggelar
    pertemuan", "upgraded their ties"): a support verb, or any verb that is no event itself."""
    roles.target = _state_of_organs(r.marked(k, p.target_case, p.oblique))
    roles.source = r.marked(k, tuple(p.agent_case), p.oblique)
    n = k
    while tree.head[n] >= 0 and tree.head[n] != k and tree.upos[tree.head[n]] in ("NOUN", "PROPN") and (
            tree.deprel[n].split(":")[0] in ("compound", "flat")
            or (tree.deprel[n].split(":")[0] == "nmod" and tree.tokens[tree.head[n]].lemma in p.quantity_nouns)):
        n = tree.head[n]  # "a mediation effort", "10 days of war games": what the verb governs
    h = tree.head[n]
    governor: list[Actor] = []
    if h >= 0 and tree.upos[h] == "VERB" and (tree.tokens[h].lemma in p.support_verbs
                                              or tree.tokens[h].lower in p.support_verbs):
        if _rel(tree, n, p.object) and not is_passive(tree, h, p):
            governor = _subject_of(tree, h, r, p, roles)
        elif _rel(tree, n, p.object | p.passive_subject) and is_passive(tree, h, p):
            governor = r.marked(h, tuple(p.agent_case), p.oblique)
    if not roles.target:  # "Serangan Rusia di Ukraina"
        roles.target = [a for a in r.marked(k, p.place_case, p.oblique) if a.kind == "country"]
    if governor and not roles.target:  # "memberikan bantuan kepada X": the counterpart hangs on the verb
        roles.target = _state_of_organs(r.marked(h, p.target_case, p.oblique))
    bare = [c for c in tree.children(k) if _rel(tree, c, p.genitive) and not (r.case(c) - p.genitive_case)
            and r.actors(c)]
    genitive = r.actors(bare[0]) if bare else []
    if not roles.source:
        roles.source = governor or ([] if roles.target and not bare else genitive)
        if governor and genitive:
            if roles.target:  # "menyampaikan dukungan Malaysia terhadap ...": the counterpart is named, so
                roles.source += [a for a in genitive if a not in roles.source]  # the genitive owns the event
            else:
                roles.target = genitive  # "KPK mengumumkan penahanan tersangka": the detained
    elif genitive and not roles.target:
        roles.target = genitive
