"""Build ``kg/data/proper-nouns-id.tsv.gz``: how often each Indonesian word is a proper noun, counted
in the part-of-speech-tagged news corpus that the ``nlp-id`` package (kumparan, MIT licence) ships.
Only needed to rebuild, not to run; the wheel is read as a zip file, not installed:

    pip download nlp-id==0.1.23.0 --no-deps -d /tmp/nlp-id
    python -m kg.train.propernouns /tmp/nlp-id/nlp_id-0.1.23.0-py3-none-any.whl

One row per lower-cased word: the word, how many times the corpus has it, how many of those are
tagged ``NNP`` (proper noun) and its most frequent tag. The name tagger reads the table as a
case-blind hint (:mod:`kg.extract.actors.namehints`): in lower-cased text "wenger" and "lapindo" have lost
the capital letter that marks a name, but the corpus still knows they are names. The same wheel
gives a byte-identical table.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
import zipfile
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "proper-nouns-id.tsv.gz"
MEMBER = "nlp_id/data/dataset_postag.txt"
HEADER = ("# Indonesian words, lower-cased, with their count, their count as a proper noun (NNP) and their most\n"
          "# frequent part-of-speech tag in the tagged news corpus of nlp-id (kumparan.com, MIT licence; see\n"
          "# proper-nouns-id.NOTICE.md): {source}, sha256 {sha}, {sentences} sentences, {tokens} tokens.\n"
          "# Rebuilt with python -m kg.train.propernouns WHEEL. Columns: word, count, nnp, tag.\n")


def read_corpus(lines: list[str]) -> list[list[tuple[str, str]]]:
    """Sentences of (word, tag) from the corpus's "word<TAB>tag" lines (a blank line ends a sentence).

    >>> read_corpus(["Garuda\\tNNP", "terbang\\tVB", "", "Ia\\tPR"])
    [[('Garuda', 'NNP'), ('terbang', 'VB')], [('Ia', 'PR')]]
    """
    sentences, current = [], []
    for line in lines + [""]:
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) < 2 or not parts[0].strip():
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0].strip(), parts[1].strip().upper()))
    return sentences


def count_words(sentences: list[list[tuple[str, str]]]) -> list[tuple[str, int, int, str]]:
    """(word, count, count as NNP, most frequent tag) per lower-cased word, sorted by word; ties
    between tags go to the alphabetically first.

    >>> count_words([[("Garuda", "NNP"), ("garuda", "NN"), ("Garuda", "NNP")]])
    [('garuda', 3, 2, 'NNP')]
    """
    tags: dict[str, Counter] = {}
    for sentence in sentences:
        for word, tag in sentence:
            tags.setdefault(word.lower(), Counter())[tag] += 1
    rows = []
    for word in sorted(tags):
        counts = tags[word]
        best = min(counts, key=lambda t: (-counts[t], t))
        rows.append((word, sum(counts.values()), counts.get("NNP", 0), best))
    return rows


def build(wheel: Path, out: Path = OUT) -> int:
    """Write the table from the nlp-id wheel; returns the number of words."""
    data = wheel.read_bytes()
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8")
    sentences = read_corpus(text.splitlines())
    rows = count_words(sentences)
    header = HEADER.format(source=wheel.name, sha=hashlib.sha256(data).hexdigest(), sentences=len(sentences),
                           tokens=sum(map(len, sentences)))
    body = "".join(f"{w}\t{n}\t{p}\t{t}\n" for w, n, p, t in rows if "\t" not in w and "\n" not in w)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write((header + body).encode("utf-8"))
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="nlp_id-0.1.23.0-py3-none-any.whl (pip download nlp-id --no-deps)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        n = build(args.wheel, args.out)
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        print(f"kg: cannot read the nlp-id corpus from {args.wheel}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({n} words, {args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
