"""Dependency trees of sentences, from the shipped spaCy parsers, over the pipeline's tokens.

The parsers (``kg/models/parser-<lang>/``) were trained by :mod:`kg.train.parser` on Universal
Dependencies treebanks re-tokenised to :func:`kg.nlp.tokens.tokenize`, so the tree's words are
exactly the tokens every other recognizer sees (one tokenisation for the whole pipeline).

>>> from kg.nlp.tokens import tokenize
>>> tree = parse_tokens([tokenize("Polisi menangkap dua tersangka.", "id")], "id")[0]
>>> [(tree.tokens[i].text, tree.deprel[i]) for i in range(len(tree))][:2]
[('Polisi', 'nsubj'), ('menangkap', 'root')]
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import UsageError
from kg.model import Document, Sentence, Token
from kg.nlp.sentences import split_sentences
from kg.nlp.tokens import tokenize

MODELS = Path(__file__).resolve().parents[2] / "models"
MAX_TOKENS = 200  # a longer "sentence" (a table, a list run together) is not parsed


@dataclass
class Tree:
    """One parsed sentence: ``head[i]`` is the index of token i's head (-1 for the root)."""

    tokens: list[Token]
    upos: list[str]
    head: list[int]
    deprel: list[str]
    _children: list[list[int]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._children = [[] for _ in self.tokens]
        for i, h in enumerate(self.head):
            if h >= 0:
                self._children[h].append(i)

    def __len__(self) -> int:
        return len(self.tokens)

    def children(self, i: int, *relations: str) -> list[int]:
        """Dependents of token i, in order; only those whose relation (or its base, before the
        colon) is one of ``relations`` when given."""
        kids = self._children[i]
        if not relations:
            return list(kids)
        return [k for k in kids if self.deprel[k] in relations or self.deprel[k].split(":")[0] in relations]

    def ancestors(self, i: int) -> Iterator[int]:
        """Heads of token i up to the root (a cycle, which a parser should not produce, stops it)."""
        seen = {i}
        while self.head[i] >= 0 and self.head[i] not in seen:
            i = self.head[i]
            seen.add(i)
            yield i

    def subtree(self, i: int) -> list[int]:
        """Token i and everything under it, in sentence order."""
        out, stack = {i}, [i]
        while stack:
            for c in self._children[stack.pop()]:
                if c not in out:  # a hand-built tree with a cycle still ends
                    out.add(c)
                    stack.append(c)
        return sorted(out)

    def head_of(self, first: int, last: int) -> int:
        """The token of ``first..last`` whose head lies outside the span (the phrase's head)."""
        for k in range(first, last + 1):
            if not first <= self.head[k] <= last:
                return k
        return last

    def case_words(self, i: int) -> list[str]:
        """Lower-case ``case`` markers of the phrase headed by token i ("terhadap", "by", "on"):
        its own, and those a parser hung on a word before the head ("terhadap 1 orang")."""
        words = [self.tokens[k].lower for k in self.children(i, "case")]
        for k in self.subtree(i):
            if k >= i:
                break
            words += [self.tokens[c].lower for c in self.children(k, "case") if c < i]
        return words

    def to_conllu(self, sent_id: str, text: str, next_start: int | None = None) -> str:
        """The tree as one CoNLL-U sentence (character offsets in MISC as ``TokenRange``);
        ``next_start`` is where the next sentence starts (the last token's SpaceAfter)."""
        lines = [f"# sent_id = {sent_id}", f"# text = {' '.join(text.split())}"]
        for i, tok in enumerate(self.tokens):
            nxt = self.tokens[i + 1].start if i + 1 < len(self.tokens) else (next_start or tok.end)
            misc = [f"TokenRange={tok.start}:{tok.end}"] + (["SpaceAfter=No"] if nxt == tok.end else [])
            lines.append("\t".join([str(i + 1), tok.text, tok.lemma, self.upos[i], "_", "_", str(self.head[i] + 1),
                                    self.deprel[i], "_", "|".join(misc)]))
        return "\n".join(lines) + "\n"


@lru_cache(maxsize=None)
def _parser(lang: str):  # -> spacy.Language
    path = MODELS / f"parser-{lang}"
    if not path.is_dir():
        raise UsageError(f"no dependency parser for language {lang!r}")
    import spacy  # imported on first use: ``kg`` commands that never parse start faster

    return spacy.load(path)


def has_parser(lang: str) -> bool:
    """Is a parser shipped for ``lang``?"""
    return (MODELS / f"parser-{lang}").is_dir()


def parse_tokens(sentences: Sequence[Sequence[Token]], lang: str, batch_size: int = 64) -> list[Tree | None]:
    """Parse each token list (one sentence each); None for an empty or over-long one."""
    from spacy.tokens import Doc

    nlp = _parser(lang)
    todo = [i for i, toks in enumerate(sentences) if 0 < len(toks) <= MAX_TOKENS]
    docs = []
    for i in todo:
        toks = sentences[i]
        spaces = [toks[k].end < toks[k + 1].start for k in range(len(toks) - 1)] + [False]
        doc = Doc(nlp.vocab, words=[t.text for t in toks], spaces=spaces)
        for tok in doc[1:]:
            tok.is_sent_start = False  # the pipeline's sentence is one tree: the parser may not split it
        docs.append(doc)
    trees: list[Tree | None] = [None] * len(sentences)
    for i, doc in zip(todo, nlp.pipe(docs, batch_size=batch_size)):
        heads = [-1 if t.head.i == t.i else t.head.i for t in doc]
        deps = ["root" if h == -1 else t.dep_ for t, h in zip(doc, heads)]
        trees[i] = Tree(list(sentences[i]), [t.pos_ or "X" for t in doc], heads, deps)
    return trees


def parse_document(document: Document) -> list[tuple[Sentence, Tree | None]]:
    """Every sentence of a document (the pipeline's sentence split and tokens) with its tree.

    >>> from kg.read import document_from_text
    >>> doc = document_from_text("Polisi menangkap dua tersangka. Mereka ditahan.", doc_id="d", lang="id")
    >>> [len(tree) for _, tree in parse_document(doc)]
    [5, 3]
    """
    sentences = split_sentences(document.text, document.lang)
    tokens = [tokenize(document.text[s.start:s.end], document.lang, s.start) for s in sentences]
    return list(zip(sentences, parse_tokens(tokens, document.lang)))


def document_conllu(document: Document) -> str:
    """The document's parse as CoNLL-U: one sentence block per pipeline sentence (an unparsed
    over-long one is written with every token attached to the first, ``dep``)."""
    out = [f"# newdoc id = {document.id}\n"]
    parsed = parse_document(document)
    for n, (sentence, tree) in enumerate(parsed):
        next_start = parsed[n + 1][0].start if n + 1 < len(parsed) else None
        text = document.text[sentence.start:sentence.end]
        if tree is None:
            toks = tokenize(text, document.lang, sentence.start)
            if not toks:
                continue
            tree = Tree(toks, ["X"] * len(toks), [-1] + [0] * (len(toks) - 1), ["root"] + ["dep"] * (len(toks) - 1))
        out.append(tree.to_conllu(f"{document.id}-{sentence.index + 1}", text, next_start) + "\n")
    return "".join(out)
