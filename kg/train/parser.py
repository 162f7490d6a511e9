"""Train the shipped dependency parsers (spaCy) from Universal Dependencies treebanks.

The training data is re-tokenised to the pipeline's own tokens (:func:`kg.nlp.tokens.tokenize`)
so that the parser sees at run time the tokens it was trained on: UD multiword tokens and words
the pipeline keeps whole ("don't", "same-sex", "anak-anak") become one token headed where the
treebank's root of that span was headed; a treebank word the pipeline splits ("10.000") keeps
its head on its first piece, the other pieces attach to it (``flat``, or ``punct``).

Reproduce the shipped models::

    python -m kg.train.parser id ../shared/data/ud/id-gsd/train.conllu ../shared/data/ud/id-csui/train.conllu \
        --dev ../shared/data/ud/id-gsd/dev.conllu --out build/parser-id
    python -m kg.train.parser en ../shared/data/ud/en-ewt/train.conllu \
        --dev ../shared/data/ud/en-ewt/dev.conllu --out build/parser-en
    python -m kg.train.parser ship build/parser-id/model-best kg/models/parser-id
    python -m kg.train.parser evaluate kg/models/parser-id ../shared/data/ud/id-gsd/test.conllu

Settings: :data:`CONFIG_OVERRIDES` and :data:`LANG_OVERRIDES` over spaCy's CPU "efficiency"
starter config (tok2vec + morphologizer + parser); seed 0. Training on two cores took about 15
minutes (Indonesian) and 35 minutes (English).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.nlp.tokens import tokenize


@dataclass
class UDWord:
    start: int
    end: int
    form: str
    upos: str
    head: int  # index into the sentence's word list, -1 for the root
    deprel: str


def read_conllu(path: str | Path) -> list[tuple[str, list[UDWord]]]:
    """Sentences of a CoNLL-U file as (text, words); a multiword token is one word headed where
    its root part is headed. Character offsets index the sentence text rebuilt from SpaceAfter."""
    sentences, block = [], []
    for line in list(Path(path).read_text(encoding="utf-8").splitlines()) + [""]:
        if line.strip():
            block.append(line)
        elif block:
            sentences.append(_sentence(block))
            block = []
    return [s for s in sentences if s[1]]


def _sentence(block: list[str]) -> tuple[str, list[UDWord]]:
    rows = [line.split("\t") for line in block if not line.startswith("#")]
    words = [r for r in rows if r[0].isdigit()]
    ranges = {int(r[0].split("-")[0]): (int(r[0].split("-")[1]), r[1], r[9]) for r in rows if "-" in r[0]}
    groups: list[tuple[list[int], str, str]] = []  # (UD ids, form, misc)
    i = 1
    while i <= len(words):
        if i in ranges:
            last, form, misc = ranges[i]
            groups.append((list(range(i, last + 1)), form, misc))
            i = last + 1
        else:
            groups.append(([i], words[i - 1][1], words[i - 1][9]))
            i += 1
    group_of = {uid: g for g, (ids, _, _) in enumerate(groups) for uid in ids}
    text, out = "", []
    for g, (ids, form, misc) in enumerate(groups):
        inside = set(ids)
        root = next((u for u in ids if int(words[u - 1][6]) not in inside), ids[0])
        head = int(words[root - 1][6])
        start = len(text)
        text += form
        out.append(UDWord(start, len(text), form, words[root - 1][3], group_of[head] if head else -1,
                          words[root - 1][7]))
        if "SpaceAfter=No" not in misc:
            text += " "
    return text.rstrip(), out


def retokenize(text: str, words: list[UDWord], lang: str) -> list[UDWord] | None:
    """The sentence in the pipeline's tokens, or None when the two tokenisations cross."""
    new: list[UDWord] = []
    owner: dict[int, int] = {}  # UD word -> our token carrying its role
    for tok in tokenize(text, lang):
        inside = [j for j, w in enumerate(words) if w.start < tok.end and tok.start < w.end]
        if not inside:
            return None
        if len(inside) == 1 and inside[0] in owner:  # a later piece of a word the pipeline splits
            first = owner[inside[0]]
            punct = not any(c.isalnum() for c in tok.text)
            new.append(UDWord(tok.start, tok.end, tok.text, "PUNCT" if punct else new[first].upos, -2 - first,
                              "punct" if punct else "flat"))
            continue
        if words[inside[0]].start < tok.start or (len(inside) > 1 and words[inside[-1]].end > tok.end):
            return None
        group = set(inside)
        root = next((w for w in inside if words[w].head not in group), inside[0])
        for w in inside:
            owner[w] = len(new)
        new.append(UDWord(tok.start, tok.end, tok.text, words[root].upos, root, words[root].deprel))
    if len(owner) != len(words):
        return None
    for w in new:  # map the UD head of the role-carrying word to our token index
        if w.head <= -2:
            w.head = -2 - w.head
        else:
            ud_head = words[w.head].head
            w.head = -1 if ud_head == -1 else owner[ud_head]
    return new


def _is_tree(toks: list[UDWord]) -> bool:
    """One root and no cycle (merging words can close one when a treebank's span is not a subtree)."""
    if sum(t.head == -1 for t in toks) != 1:
        return False
    for i in range(len(toks)):
        seen, k = set(), i
        while toks[k].head != -1:
            if k in seen or toks[k].head == k:
                return False
            seen.add(k)
            k = toks[k].head
    return True


def to_docbin(paths: list[str], lang: str, out: Path) -> tuple[int, int]:
    """Write a spaCy DocBin of the treebanks' sentences in the pipeline's tokens; (kept, dropped)."""
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank(lang)
    db, kept, dropped = DocBin(), 0, 0
    for path in paths:
        for text, words in read_conllu(path):
            toks = retokenize(text, words, lang)
            if toks is None or not _is_tree(toks):
                dropped += 1
                continue
            spaces = [t.end < len(text) and text[t.end] == " " for t in toks]
            heads = [i if t.head == -1 else t.head for i, t in enumerate(toks)]
            deps = ["ROOT" if t.head == -1 else t.deprel for t in toks]
            db.add(Doc(nlp.vocab, words=[t.form for t in toks], spaces=spaces, heads=heads, deps=deps,
                       pos=[t.upos if t.upos != "_" else "X" for t in toks]))
            kept += 1
    db.to_disk(out)
    return kept, dropped


TREEBANKS = {  # what each shipped model is derived from (attribution travels with the model: meta.json)
    "id": [{"name": "UD Indonesian-GSD (UD 2.1, commit 01a2adc4d92f)", "url": "https://github.com/UniversalDependencies/UD_Indonesian-GSD",
            "license": "CC BY-SA 4.0 (since UD 2.5)", "author": "Ryan McDonald et al. (Google) and UD contributors"},
           {"name": "UD Indonesian-CSUI (commit 41dd7f23be88)", "url": "https://github.com/UniversalDependencies/UD_Indonesian-CSUI",
            "license": "CC BY-SA 4.0", "author": "Ika Alfina et al., Universitas Indonesia"}],
    "en": [{"name": "UD English-EWT v2.15 (commit 15d613d8447b)", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0", "author": "Stanford University and UD contributors"}],
}
CONFIG_OVERRIDES = {
    "components.tok2vec.model.encode.width": 128,
    "components.tok2vec.model.embed.rows": [20000, 2500, 5000, 2500],
    "training.max_epochs": 25,
    "training.max_steps": 0,
    "training.patience": 3000,
    "training.eval_frequency": 500,
    "system.seed": 0,
}
# Per-language changes to the settings above (the size of the network that the treebank's size bears).
LANG_OVERRIDES: dict[str, dict] = {
    "id": {"training.max_epochs": 10},  # (a 192-wide, 6-deep network scored +0.01 LAS and parsed 1.75x slower)
    "en": {"training.max_steps": 6000, "components.tok2vec.model.encode.width": 96},
}


def train(lang: str, train_paths: list[str], dev_path: str, out: Path) -> None:
    """Convert the treebanks and train a morphologizer (UPOS) + parser pipeline into ``out``."""
    from spacy.cli.init_config import init_config
    from spacy.cli.train import train as spacy_train

    out.mkdir(parents=True, exist_ok=True)
    for name, paths in (("train", train_paths), ("dev", [dev_path])):
        kept, dropped = to_docbin(paths, lang, out / f"{name}.spacy")
        print(f"{name}: {kept} sentences ({dropped} dropped: tokenisations cross)", file=sys.stderr)
    config = init_config(lang=lang, pipeline=["morphologizer", "parser"], optimize="efficiency")
    config.to_disk(out / "config.cfg")
    overrides = {"paths.train": str(out / "train.spacy"), "paths.dev": str(out / "dev.spacy"), **CONFIG_OVERRIDES,
                 **LANG_OVERRIDES.get(lang, {})}
    spacy_train(out / "config.cfg", out, overrides=overrides)


def evaluate(model: str, conllu: str) -> dict[str, float]:
    """UPOS accuracy, UAS and LAS (punctuation included, as CoNLL 2018) on a treebank's sentences
    in the pipeline's tokens, parsed as at run time (one tree per sentence)."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model)
    n = pos = uas = las = 0
    for text, words in read_conllu(conllu):
        toks = retokenize(text, words, nlp.lang)
        if toks is None or not _is_tree(toks):
            continue
        doc = Doc(nlp.vocab, words=[t.form for t in toks])
        for tok in doc[1:]:
            tok.is_sent_start = False
        doc = nlp(doc)
        for tok, gold in zip(doc, toks):
            n += 1
            pos += tok.pos_ == gold.upos
            head_ok = (tok.head.i == tok.i and gold.head == -1) or tok.head.i == gold.head
            uas += head_ok
            las += head_ok and (tok.dep_.lower() if gold.head != -1 else "root") == gold.deprel.lower()
    if not n:
        raise SystemExit(f"{conllu}: no sentence could be read in the pipeline's tokens")
    return {"tokens": n, "upos": pos / n, "uas": uas / n, "las": las / n}


def ship(model: str, dest: str) -> None:
    """Copy a trained pipeline (``model-best``) into the package: the run-time files only, with
    the training paths of its config left out."""
    source = Path(model)
    if not (source / "config.cfg").is_file() or not (source / "parser").is_dir():
        raise SystemExit(f"{model}: not a trained spaCy pipeline with a parser")
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(source, dest)
    config = Path(dest) / "config.cfg"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r'^(train|dev) = ".*"$', r"\1 = null", text, flags=re.M)
    config.write_text(text, encoding="utf-8")
    meta_path = Path(dest) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    lang = meta.get("lang", "xx")
    meta.update({"name": f"etkg_parser_{lang}", "version": "1.0.0", "license": "CC BY-SA 4.0",
                 "description": "UPOS tagger and dependency parser over the etkg tokens, trained by kg/train/parser.py",
                 "sources": TREEBANKS.get(lang, []), "performance": {}})
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train.parser", description=__doc__.split("\n")[0])
    parser.add_argument("lang_or_command", help="id | en (train), evaluate MODEL CONLLU, or ship MODEL DEST")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--dev", help="dev CoNLL-U (training)")
    parser.add_argument("--out", type=Path, help="output folder (training)")
    args = parser.parse_args(argv)
    command = args.lang_or_command
    if command in ("evaluate", "ship"):
        if len(args.paths) != 2:
            parser.error(f"{command} takes two paths")
        if command == "ship":
            ship(*args.paths)
            return 0
        model, conllu = args.paths
        scores = evaluate(model, conllu)
        print(f"{conllu}: tokens {scores['tokens']} UPOS {scores['upos']:.3f} "
              f"UAS {scores['uas']:.3f} LAS {scores['las']:.3f}")
        return 0
    if not args.dev or not args.out:
        parser.error("training needs --dev and --out")
    train(command, args.paths, args.dev, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
