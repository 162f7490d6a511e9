"""Speed of ``kg extract`` on varied real news, in one process, per stage.

    python benchmarks/extract_speed.py ../shared/data/corpus/indosum-id.jsonl [--limit 500]

Reads the first N articles of a corpus (JSON Lines, one article per line, never a repeated
text), loads the models once (reported apart), then extracts every article and prints
articles/s, sentences/s, the share of time spent in the dependency parse and the share of
sentences parsed (only sentences holding a candidate trigger are), and the peak memory.
Figures, not asserts.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.extract import pipeline  # noqa: E402
from kg.read import document_from_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    docs = []
    with open(args.corpus, encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            docs.append(document_from_text(rec["text"], doc_id=rec["id"], lang=rec.get("lang"),
                                           published=rec.get("published")))
            if len(docs) == args.limit:
                break
    start = time.perf_counter()
    api.extract(docs[0])  # loads gazetteers, tagger and parser
    warm = time.perf_counter() - start
    parse = {"seconds": 0.0, "parsed": 0}
    original = getattr(pipeline, "parse_event_sentences", None)
    if original is not None:
        def timed(tokens, lang):
            t0 = time.perf_counter()
            trees = original(tokens, lang)
            parse["seconds"] += time.perf_counter() - t0
            parse["parsed"] += sum(t is not None for t in trees or [])
            return trees
        pipeline.parse_event_sentences = timed
    sentences = 0
    start = time.perf_counter()
    for doc in docs:
        sentences += len(api.extract(doc).sentences)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "corpus": Path(args.corpus).name, "articles": len(docs), "sentences": sentences,
        "seconds": round(seconds, 1), "articles_per_s": round(len(docs) / seconds, 1),
        "sentences_per_s": round(sentences / seconds, 1), "first_article_with_model_loading_s": round(warm, 2),
        "parse_share": round(parse["seconds"] / seconds, 3) if original else None,
        "sentences_parsed_share": round(parse["parsed"] / sentences, 3) if original else None,
        "peak_rss_mib": round(peak), "python": platform.python_version(), "machine": platform.machine()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
