"""Clause scope from the dependency tree: which time expression dates an event, and the
negation and modal words of the event's own clause.

A time expression belongs to the nearest predicate above it: an event trigger, a clause head
(a verb, or any word heading a clause relation), or a noun it modifies ("a 2010 commando raid",
"UU No. 19 Tahun 2000": the noun's own date, never an event's unless that noun is the event).
An event takes a time its own clause holds; failing that, one of the clause it depends on, and
so up to the root.

>>> from kg.nlp.tokens import tokenize
>>> from kg.extract.syntax.trees import parse_tokens
>>> tree = parse_tokens([tokenize("Polisi tidak akan menangkap Budi.", "id")], "id")[0]
>>> clause_modality(tree, 3, 3, "id")
'negated'
"""
from __future__ import annotations

from collections.abc import Sequence

from kg.extract.events.grammar import grammar
from kg.extract.syntax.roles import patterns
from kg.extract.syntax.trees import Tree
from kg.model import TimeMention

CLAUSE_RELATIONS = frozenset({"root", "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj"})
PREDICATE_TAGS = frozenset({"VERB", "AUX"})
NOUN_MODIFIERS = frozenset({"nmod", "amod", "compound", "nummod", "flat", "appos", "det"})


def _tokens_of(tree: Tree, start: int, end: int) -> list[int]:
    return [i for i, t in enumerate(tree.tokens) if start <= t.start < end]


def time_owner(tree: Tree, time: TimeMention, triggers: set[int]) -> int | None:
    """The token the time expression belongs to (see the module docstring); None when it is not
    in the tree."""
    inside = _tokens_of(tree, time.start, time.end)
    if not inside:
        return None
    k = tree.head_of(inside[0], inside[-1])
    h = tree.head[k]
    if h >= 0 and h not in triggers and tree.upos[h] == "NOUN" and not tree.case_words(k) \
            and tree.deprel[k].split(":")[0] in NOUN_MODIFIERS:
        return h  # the noun's own date ("pemilu 2019", "the 2010 raid"); "... on Monday" is the clause's
    for n in tree.ancestors(k):
        if n in triggers or tree.upos[n] in PREDICATE_TAGS or tree.deprel[n].split(":")[0] in CLAUSE_RELATIONS:
            return n
    return None


def clause_time(tree: Tree, first: int, last: int, times: Sequence[TimeMention],
                triggers: set[int]) -> tuple[TimeMention | None, list[TimeMention]]:
    """The time expression dating the trigger at tokens ``first..last``: one its own clause
    holds, else one of the clause it depends on (the nearest in the text when a clause holds
    several); ``triggers`` are the head tokens of every trigger of the sentence. With none, also
    the times that belong to no other event and to no noun (a caller may still place them by
    distance: a parse can hang a time phrase on the wrong word)."""
    k = tree.head_of(first, last)
    owners: dict[int, list[TimeMention]] = {}
    free = []
    for time in times:
        owner = time_owner(tree, time, triggers)
        if owner is not None:
            owners.setdefault(owner, []).append(time)
        if owner is None or (owner not in triggers and tree.upos[owner] != "NOUN"):
            free.append(time)
    for n in (k, *tree.ancestors(k)):
        if n in owners:
            middle = tree.tokens[k].start
            return min(owners[n], key=lambda t: abs(t.start - middle)), []
    return None, free


def clause_modality(tree: Tree, first: int, last: int, lang: str) -> str:
    """Negation, future or possibility read from the trigger's own clause: words hanging on the
    trigger, and, for a trigger governed as a complement or object ("berencana menyerang",
    "refused to attack", "akan melakukan serangan"), the governor and the words on it. Negation
    wins over future, future over possibility."""
    g, p = grammar(lang), patterns(lang)
    k = tree.head_of(first, last)
    words = [tree.tokens[c].lower for c in tree.children(k) if c < k or tree.deprel[c] in ("advmod", "aux")]
    h = tree.head[k]
    if h >= 0 and (tree.deprel[k].startswith("xcomp") or
                   (tree.upos[k] in ("NOUN", "PROPN") and tree.deprel[k].split(":")[0] in p.object)):
        words.append(tree.tokens[h].lower)
        words += [tree.tokens[c].lower for c in tree.children(h) if c < h]
    words.append(tree.tokens[k].lower)
    for name, lexicon in (("negated", g.negated), ("future", g.future), ("hypothetical", g.hypothetical)):
        if any(w in lexicon for w in words):
            return name
    return "asserted"
