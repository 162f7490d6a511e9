"""A small averaged structured perceptron for names (PER/ORG/LOC in BIO), offline and fast.

Trained with :mod:`kg.train.tagger` on the licensed train splits of the Indonesian NER
sets; the model ships as ``kg/data/tagger-<lang>.json.gz``. Features: the word, its shape and
affixes, three words either side (the nearest with their shape and ending), what the gazetteer
says about the token (case-blind) and the word-list hints of :mod:`kg.extract.actors.namehints` (city,
given or family name, dictionary word, how often a proper noun), so it also works on lower-cased text. Cased sentences get a second, ``uc|``-prefixed copy of every feature
(domain adaptation in the style of Daumé's "frustratingly easy" method: the shared copy learns
what holds in both kinds of text, the ``uc|`` copy what only holds in cased text).

Decoding is first-order Viterbi over label transitions (the ``t-1=<previous label>`` features) that
never lets ``I-X`` follow anything but ``B-X``/``I-X``. Training is Collins' structured perceptron
with the same decoder, weight averaging, word dropout, and the mean of a few runs with different
seeds.

>>> tagger = PerceptronTagger(["O", "B-PER", "I-PER"])
>>> tagger.tag(["Budi", "datang"], [["w=budi"], ["w=datang"]])
['O', 'O']
"""
from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[2] / "data"
START = "<s>"
NEG = float("-inf")
LEXICAL = ("w=", "w-1w=", "ww+1=", "uc|w=", "uc|w-1w=", "uc|ww+1=")  # the token itself (dropped in training)

Sentence = tuple[list[str], list[list[str]], list[str]]  # words, features, gold BIO tags


_DIGITS, _LOWER, _UPPER = re.compile(r"[0-9]+"), re.compile(r"[a-z]+"), re.compile(r"[A-Z]+")


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Collapsed character classes: "Lavrov" -> "Xx", "KPK" -> "X", "2024" -> "d"."""
    s = _UPPER.sub("X", _LOWER.sub("x", _DIGITS.sub("d", word)))
    return s[:4]


def token_features(words: list[str], gaz_tags: list[str], hints: list[list[str]] | None = None,
                   cased_copy: bool = True) -> list[list[str]]:
    """Feature strings for every token (the label-transition features are added while decoding);
    ``hints``: extra features per token (:func:`kg.extract.actors.namehints.hint_features`). In cased
    text every feature has a ``uc|`` copy; ``cased_copy=False`` leaves the copies out, for
    :meth:`PerceptronTagger.tag` with ``cased=True``, which adds their weights itself."""
    lower = [w.lower() for w in words]
    cased = any(ch.isupper() for w in words for ch in w)
    padded = ["<s3>", "<s2>", "<s1>"] + lower + ["</s1>", "</s2>", "</s3>"]
    gaz = [START] + gaz_tags + ["</s>"]
    out = []
    for i, word in enumerate(words):
        low, j = lower[i], i + 3
        feats = ["b", f"w={low}", f"sh={shape(word)}", f"len={min(len(word), 8)}",
                 f"p1={low[:1]}", f"p2={low[:2]}", f"p3={low[:3]}", f"p4={low[:4]}", f"p5={low[:5]}",
                 f"s1={low[-1:]}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"s4={low[-4:]}", f"s5={low[-5:]}",
                 f"w-1={padded[j - 1]}", f"w+1={padded[j + 1]}", f"w-2={padded[j - 2]}", f"w+2={padded[j + 2]}",
                 f"w-1w={padded[j - 1]}|{low}", f"ww+1={low}|{padded[j + 1]}",
                 f"w-3={padded[j - 3]}", f"w+3={padded[j + 3]}", f"s3-1={padded[j - 1][-3:]}", f"s3+1={padded[j + 1][-3:]}",
                 f"sh-1={shape(words[i - 1]) if i else '^'}", f"sh+1={shape(words[i + 1]) if i + 1 < len(words) else '$'}",
                 f"g={gaz[i + 1]}", f"g-1={gaz[i]}", f"g+1={gaz[i + 2]}"]
        if i == 0:
            feats.append("first")
        if word[:1].isupper():
            feats += ["cap", "cap-first" if i == 0 else "cap-inner"]
            if len(word) > 1 and word.isupper():
                feats.append("allcap")
        if any(ch.isdigit() for ch in word):
            feats.append("digit")
        if "-" in word:
            feats.append("hyphen")
        if hints:
            feats += hints[i]
        if cased and cased_copy:  # the cased-text copy of every feature
            feats += [f"uc|{f}" for f in feats]
        out.append(feats)
    return out


class PerceptronTagger:
    """Averaged structured perceptron over BIO labels with constrained first-order Viterbi decoding.

    ``weights`` maps a feature string to ``{label: weight}``; the transition weights are the
    features ``t-1=<previous label>`` (``<s>`` at the start of a sentence).
    """

    def __init__(self, labels: list[str], weights: dict[str, dict[str, float]] | None = None) -> None:
        self.labels = list(labels)
        self.weights = weights or {}
        self._dense_cache: dict[str, tuple[float, ...]] | None = None
        self._cased_cache: dict[str, tuple[float, ...]] | None = None
        n = len(self.labels)
        # the previous labels allowed before each label: I-X only after B-X or I-X
        self._prevs = [[p for p in range(n) if allowed(self.labels[p], label)] for label in self.labels]
        self._starts = [allowed(START, label) for label in self.labels]

    def _dense(self) -> dict[str, tuple[float, ...]]:
        """Weights as one tuple per feature in label order (built once; tagging is then sums)."""
        if self._dense_cache is None:
            labels = self.labels
            self._dense_cache = {f: tuple(row.get(label, 0.0) for label in labels) for f, row in self.weights.items()}
        return self._dense_cache

    def _dense_cased(self) -> dict[str, tuple[float, ...]]:
        """Each feature's weights plus those of its ``uc|`` copy, summed once: tagging cased text
        then looks up half the features (the copies are never built)."""
        if self._cased_cache is None:
            n = len(self.labels)
            dense, zero = self._dense(), (0.0,) * n
            bases = {f[3:] if f.startswith("uc|") else f for f in dense}
            self._cased_cache = {f: tuple(a + b for a, b in zip(dense.get(f, zero), dense.get("uc|" + f, zero)))
                                 for f in bases}
        return self._cased_cache

    def _viterbi(self, features: list[list[str]], dense: dict) -> list[int]:
        """Best label indices under ``dense`` weights (feature -> one weight per label)."""
        if not features:
            return []
        n = len(self.labels)
        zero = (0.0,) * n
        trans = [dense.get(f"t-1={label}", zero) for label in self.labels]
        start = dense.get(f"t-1={START}", zero)
        prevs, labels_range = self._prevs, range(n)
        delta: list[float] = []
        back: list[list[int]] = []
        lookup = dense.get
        for i, feats in enumerate(features):
            rows = [row for row in map(lookup, feats) if row is not None]
            em = list(map(sum, zip(*rows))) if rows else zero
            if i == 0:
                delta = [em[k] + start[k] if self._starts[k] else NEG for k in labels_range]
                continue
            new, ptr = [], []
            for k in labels_range:
                best, arg = NEG, 0
                for p in prevs[k]:
                    s = delta[p] + trans[p][k]
                    if s > best:
                        best, arg = s, p
                new.append(best + em[k])
                ptr.append(arg)
            delta = new
            back.append(ptr)
        best_k = max(labels_range, key=lambda k: (delta[k], self.labels[k] == "O", -k))
        path = [best_k]
        for ptr in reversed(back):
            path.append(ptr[path[-1]])
        return path[::-1]

    def tag(self, words: list[str], features: list[list[str]], cased: bool = False) -> list[str]:
        """BIO tags for ``words`` (``features`` from :func:`token_features`); ties go to "O".
        ``cased=True``: the features come without their ``uc|`` copies (``cased_copy=False`` for
        cased text), whose weights are added here."""
        labels = self.labels
        return [labels[k] for k in self._viterbi(features, self._dense_cased() if cased else self._dense())]

    def train(self, sentences: list[Sentence], iterations: int = 15, seed: int = 13, min_count: int = 1,
              dropout: float = 0.2, models: int = 1) -> None:
        """Train; deterministic for a given seed. The weights are the mean of ``models`` averaged
        perceptrons that see the sentences in different orders (seeds ``seed``, ``seed + 1``...).

        Features seen fewer than ``min_count`` times in the training data are left out. With
        ``dropout``, each token loses its word features (:data:`LEXICAL`) with that probability in
        each pass, so that context and affixes also learn to recognise unknown names.
        """
        index = {label: k for k, label in enumerate(self.labels)}
        counts = Counter(f for _, feats, _ in sentences for token in feats for f in token)
        data = [([[f for f in token if counts[f] >= min_count] for token in feats], [index[t] for t in gold])
                for _, feats, gold in sentences]
        total: dict[str, list[float]] = {}
        for m in range(models):
            for feat, row in self._train_one(data, iterations, seed + m, dropout).items():
                acc = total.setdefault(feat, [0.0] * len(self.labels))
                for k, value in enumerate(row):
                    acc[k] += value / models
        weights: dict[str, dict[str, float]] = {}
        for feat in sorted(total):
            row = {label: round(value, 2) for label, value in zip(self.labels, total[feat])}
            row = {label: value for label, value in row.items() if value}
            if row:
                weights[feat] = row
        self.weights = weights
        self._dense_cache = self._cased_cache = None

    def _train_one(self, data: list[tuple[list[list[str]], list[int]]], iterations: int, seed: int,
                   dropout: float) -> dict[str, list[float]]:
        """One averaged structured perceptron: feature -> averaged weight per label."""
        n = len(self.labels)
        data = list(data)
        backoff = {id(token): [f for f in token if not f.startswith(LEXICAL)] for feats, _ in data for token in feats}
        trans = [f"t-1={label}" for label in self.labels] + [f"t-1={START}"]  # index -1: the start
        w: dict[str, list[float]] = {}
        u: dict[str, list[float]] = {}  # sum of step * update, for the averaged weights w - u / step
        step = 1
        rng, drop_rng = random.Random(seed), random.Random(seed + 1000)

        def update(feat: str, k: int, delta: float) -> None:
            if feat not in w:
                w[feat], u[feat] = [0.0] * n, [0.0] * n
            w[feat][k] += delta
            u[feat][k] += step * delta

        for _ in range(iterations):
            rng.shuffle(data)
            for feats, gold in data:
                if dropout:
                    feats = [backoff[id(t)] if drop_rng.random() < dropout else t for t in feats]
                pred = self._viterbi(feats, w)
                if pred != gold:
                    for i, (g, p) in enumerate(zip(gold, pred)):
                        gp, pp = (gold[i - 1], pred[i - 1]) if i else (-1, -1)
                        if (g, gp) != (p, pp):
                            update(trans[gp], g, 1.0)
                            update(trans[pp], p, -1.0)
                        if g != p:
                            for f in feats[i]:
                                update(f, g, 1.0)
                                update(f, p, -1.0)
                step += 1
        return {f: [a - b / step for a, b in zip(row, u[f])] for f, row in w.items()}

    def save(self, path: Path, gazetteer_digest: str | None = None) -> None:
        """Write the model; the same training data gives byte-identical files (gzip mtime 0). The
        digest of the gazetteer its features were read from goes with it (a test compares)."""
        model = {"labels": self.labels, "weights": self.weights}
        if gazetteer_digest:
            model["gazetteer"] = gazetteer_digest
        data = json.dumps(model, sort_keys=True, separators=(",", ":"))
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
            handle.write(data.encode("utf-8"))


def allowed(prev: str, label: str) -> bool:
    """Whether ``label`` may follow ``prev`` in BIO: ``I-X`` only after ``B-X`` or ``I-X``."""
    return not label.startswith("I-") or (prev[:2] in ("B-", "I-") and prev[2:] == label[2:])


@lru_cache(maxsize=None)
def load_tagger(lang: str) -> PerceptronTagger | None:
    """The shipped model for ``lang``, or None when there is none."""
    path = MODEL_DIR / f"tagger-{lang}.json.gz"
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    tagger = PerceptronTagger(data["labels"], data["weights"])
    tagger.gazetteer_digest = data.get("gazetteer")  # type: ignore[attr-defined]
    return tagger


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
