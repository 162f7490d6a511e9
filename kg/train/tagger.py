"""Train the name tagger: ``python -m kg.train.tagger --lang id TRAIN.conll... [--dev DEV.conll...]``.

Reads CoNLL files (token, optional columns, BIO tag), maps PER/PPL -> PER, ORG/IND -> ORG,
LOC/PLC/GPE -> LOC (other labels -> O) (``--kg-tokens``: carries the tags over to the tokens
``kg`` reads at run time), trains with a fixed seed and writes
``kg/data/tagger-<lang>.json.gz`` (byte-identical for the same data and options). With ``--dev``
it prints span F1 on those files (never report figures on the training files).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.extract.actors.gazetteer import gazetteer
from kg.extract.actors.names import sentence_features
from kg.extract.actors.tagger import MODEL_DIR, PerceptronTagger, Sentence, bio_spans
from kg.nlp.tokens import tokenize

LABEL_MAP = {"PER": "PER", "PPL": "PER", "PERSON": "PER", "ORG": "ORG", "IND": "ORG", "LOC": "LOC", "PLC": "LOC",
             "GPE": "LOC"}
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]


def read_conll(path: str) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, mapped BIO tags)."""
    sentences, words, tags = [], [], []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines() + [""]:
        parts = line.split()
        if not parts:
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        tag = parts[-1]
        label = LABEL_MAP.get(tag[2:]) if "-" in tag else None
        words.append(parts[0])
        tags.append(f"{tag[:2]}{label}" if label else "O")
    return sentences


def char_spans(words: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence as text (words joined by spaces) and its names as character spans."""
    starts, pos = [], 0
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    return " ".join(words), [(starts[a], starts[b - 1] + len(words[b - 1]), label) for a, b, label in bio_spans(tags)]


def retokenize(words: list[str], tags: list[str], lang: str) -> tuple[list[str], list[str]]:
    """The sentence in the tokens ``kg`` reads at run time (:func:`kg.nlp.tokens.tokenize`), with the
    names' tags carried over; punctuation at a name's edge is left out ("(Jokowi)" -> "Jokowi").

    >>> retokenize(["(Jokowi)", "ke", "Kompas.com"], ["B-PER", "O", "B-ORG"], "id")
    (['(', 'Jokowi', ')', 'ke', 'Kompas.com'], ['O', 'B-PER', 'O', 'O', 'B-ORG'])
    """
    text, spans = char_spans(words, tags)
    tokens = tokenize(text, lang)
    out = ["O"] * len(tokens)
    for start, end, label in spans:
        inside = [k for k, t in enumerate(tokens) if t.start >= start and t.end <= end]
        while inside and not any(c.isalnum() for c in tokens[inside[0]].text):
            inside = inside[1:]
        while inside and not any(c.isalnum() for c in tokens[inside[-1]].text):
            inside = inside[:-1]
        for n, k in enumerate(inside):
            out[k] = f"{'I' if n else 'B'}-{label}"
    return [t.text for t in tokens], out


def featurise(sentences: list[tuple[list[str], list[str]]], lang: str) -> list[Sentence]:
    """(words, token features, tags) for each sentence."""
    return [(words, sentence_features(words, lang), tags) for words, tags in sentences]


def text_span_f1(tagger: PerceptronTagger, sentences: list[tuple[list[str], list[str]]], lang: str) -> tuple[float, int]:
    """Typed span F1 as ``kg`` sees the text: the tagger on run-time tokens against the gold names'
    character spans (a gold name holding punctuation, "(Jokowi)", counts as missed)."""
    tp = npred = ngold = 0
    for words, tags in sentences:
        text, gold = char_spans(words, tags)
        tokens = tokenize(text, lang)
        names = [t.text for t in tokens]
        pred = {(tokens[a].start, tokens[b - 1].end, label)
                for a, b, label in bio_spans(tagger.tag(names, sentence_features(names, lang)))}
        tp += len(pred & set(gold))
        npred += len(pred)
        ngold += len(gold)
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return round(2 * p * r / (p + r), 3) if p + r else 0.0, ngold


def span_f1(tagger: PerceptronTagger, data: list[Sentence]) -> tuple[float, int]:
    """Typed span F1 of the tagger on featurised sentences, and the number of gold spans."""
    tp = npred = ngold = 0
    for words, feats, gold in data:
        pred = set(bio_spans(tagger.tag(words, feats)))
        truth = set(bio_spans(gold))
        tp += len(pred & truth)
        npred += len(pred)
        ngold += len(truth)
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return round(2 * p * r / (p + r), 3) if p + r else 0.0, ngold


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="+")
    parser.add_argument("--lang", default="id")
    parser.add_argument("--dev", nargs="*", default=[])
    parser.add_argument("--iterations", type=int, default=15, help="passes over the training data")
    parser.add_argument("--models", type=int, default=5, help="perceptrons (seeds) whose weights are averaged (5: steadier from one retrain to the next than 3)")
    parser.add_argument("--dropout", type=float, default=0.2, help="word-feature dropout in training")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", default=None)
    parser.add_argument("--kg-tokens", action="store_true",
                        help="train on the tokens kg reads at run time, not on the files' own (tried 2026-11-26: "
                             "the tagger alone gains on idner, the pipeline does not)")
    args = parser.parse_args(argv)
    sentences = [s for path in args.train for s in read_conll(path)]
    if args.kg_tokens:
        sentences = [retokenize(words, tags, args.lang) for words, tags in sentences]
    train = featurise(sentences, args.lang)
    tagger = PerceptronTagger(LABELS)
    tagger.train(train, args.iterations, seed=args.seed, min_count=args.min_count, dropout=args.dropout,
                 models=args.models)
    out = Path(args.out) if args.out else MODEL_DIR / f"tagger-{args.lang}.json.gz"
    tagger.save(out, gazetteer(args.lang).feature_digest(args.lang))
    print(f"trained on {len(train)} sentences; {len(tagger.weights)} features; wrote {out} "
          f"({out.stat().st_size // 1024} KiB)")
    for path in args.dev:
        f1, gold = span_f1(tagger, featurise(read_conll(path), args.lang))
        as_read, _ = text_span_f1(tagger, read_conll(path), args.lang)
        print(f"dev {path}: typed span F1 {f1} on the file's tokens, {as_read} on kg's tokens ({gold} gold spans)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
