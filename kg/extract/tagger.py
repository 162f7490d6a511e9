"""A small averaged-perceptron sequence tagger for names (PER/ORG/LOC in BIO), offline and fast.

Trained with :mod:`kg.extract.train_tagger` on the licensed train splits of the Indonesian NER
sets; the model ships as ``kg/data/tagger-<lang>.json.gz``. Features: the word and its shape,
affixes, neighbours, the previous tag, and what the gazetteer says about the token (case-blind),
so it also works on lower-cased text.

>>> tagger = PerceptronTagger(["O", "B-PER", "I-PER"])
>>> tagger.tag(["Budi", "datang"], [["w=budi"], ["w=datang"]])
['O', 'O']
"""
from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[1] / "data"


def shape(word: str) -> str:
    """Collapsed character classes: "Lavrov" -> "Xx", "KPK" -> "X", "2024" -> "d"."""
    s = re.sub(r"[A-Z]+", "X", re.sub(r"[a-z]+", "x", re.sub(r"[0-9]+", "d", word)))
    return s[:4]


def token_features(words: list[str], gaz_tags: list[str]) -> list[list[str]]:
    """Feature strings for every token (the previous-tag features are added while tagging)."""
    lower = [w.lower() for w in words]
    cased = any(ch.isupper() for w in words for ch in w)
    padded = ["<s2>", "<s1>"] + lower + ["</s1>", "</s2>"]
    out = []
    for i, word in enumerate(words):
        j = i + 2
        feats = ["b", f"w={lower[i]}", f"sh={shape(word)}", f"p3={lower[i][:3]}", f"s3={lower[i][-3:]}",
                 f"s2={lower[i][-2:]}", f"w-1={padded[j - 1]}", f"w+1={padded[j + 1]}", f"w-2={padded[j - 2]}",
                 f"w+2={padded[j + 2]}", f"w-1w={padded[j - 1]}|{lower[i]}", f"ww+1={lower[i]}|{padded[j + 1]}",
                 f"g={gaz_tags[i]}", f"g-1={gaz_tags[i - 1] if i else '<s>'}",
                 f"g+1={gaz_tags[i + 1] if i + 1 < len(words) else '</s>'}"]
        if word[:1].isupper():
            feats.append("cap")
            feats.append("cap-first" if i == 0 else "cap-inner")
        if not cased:  # lower-cased text: let the model lean on words and the gazetteer
            feats += [f"lc|w={lower[i]}", f"lc|g={gaz_tags[i]}"]
        out.append(feats)
    return out


class PerceptronTagger:
    """Greedy left-to-right averaged perceptron (as in NLTK's tagger, for BIO labels)."""

    def __init__(self, labels: list[str], weights: dict[str, dict[str, float]] | None = None) -> None:
        self.labels = labels
        self.weights = weights or {}

    def _scores(self, feats: list[str]) -> dict[str, float]:
        scores: dict[str, float] = defaultdict(float)
        for feat in feats:
            for label, weight in self.weights.get(feat, {}).items():
                scores[label] += weight
        return scores

    def _dense(self) -> dict[str, tuple[float, ...]]:
        """Weights as one tuple per feature in label order (built once; tagging is then sums)."""
        if getattr(self, "_dense_cache", None) is None:
            self._dense_cache = {f: tuple(row.get(label, 0.0) for label in self.labels) for f, row in self.weights.items()}
        return self._dense_cache

    def tag(self, words: list[str], features: list[list[str]]) -> list[str]:
        dense = self._dense()
        labels = self.labels
        order = sorted(range(len(labels)), key=lambda k: labels[k] != "O")  # ties go to "O"
        tags: list[str] = []
        prev = "<s>"
        for i in range(len(words)):
            rows = [dense[f] for f in features[i] if f in dense]
            for f in (f"t-1={prev}", f"t-1w={prev}|{words[i].lower()}"):
                if f in dense:
                    rows.append(dense[f])
            scores = [sum(column) for column in zip(*rows)] if rows else [0.0] * len(labels)
            best = labels[max(order, key=lambda k: scores[k])]
            if best.startswith("I-") and prev[2:] != best[2:]:
                best = "B-" + best[2:]  # an inside tag cannot start a name
            tags.append(best)
            prev = best
        return tags

    def train(self, sentences: list[tuple[list[str], list[list[str]], list[str]]], iterations: int = 6,
              seed: int = 13) -> None:
        totals: dict[tuple[str, str], float] = defaultdict(float)
        stamps: dict[tuple[str, str], int] = defaultdict(int)
        step = 0
        data = list(sentences)
        rng = random.Random(seed)
        for _ in range(iterations):
            rng.shuffle(data)
            for words, features, gold in data:
                prev = "<s>"
                for i in range(len(words)):
                    step += 1
                    feats = features[i] + [f"t-1={prev}", f"t-1w={prev}|{words[i].lower()}"]
                    scores = self._scores(feats)
                    guess = max(self.labels, key=lambda label: (scores.get(label, 0.0), label == "O"))
                    if guess != gold[i]:
                        for feat in feats:
                            for label, delta in ((gold[i], 1.0), (guess, -1.0)):
                                key = (feat, label)
                                row = self.weights.setdefault(feat, {})
                                totals[key] += (step - stamps[key]) * row.get(label, 0.0)
                                stamps[key] = step
                                row[label] = row.get(label, 0.0) + delta
                    prev = gold[i]
        for feat, row in self.weights.items():
            for label in list(row):
                key = (feat, label)
                total = totals[key] + (step - stamps[key]) * row[label]
                row[label] = round(total / step, 4)
                if abs(row[label]) < 1e-4:
                    del row[label]
        self.weights = {f: r for f, r in self.weights.items() if r}
        self._dense_cache = None

    def save(self, path: Path) -> None:
        """Write the model; the same training data gives byte-identical files (gzip mtime 0)."""
        data = json.dumps({"labels": self.labels, "weights": self.weights}, sort_keys=True, separators=(",", ":"))
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
            handle.write(data.encode("utf-8"))


@lru_cache(maxsize=None)
def load_tagger(lang: str) -> PerceptronTagger | None:
    """The shipped model for ``lang``, or None when there is none."""
    path = MODEL_DIR / f"tagger-{lang}.json.gz"
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return PerceptronTagger(data["labels"], data["weights"])


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, label) for each B/I run."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans
