"""Robustness of the whole pipeline on raw real news, run the way a new user runs it.

    python benchmarks/robustness.py CORPUS.jsonl [--limit N] [--offset K] [--store DIR]
        [--timeout SECONDS] [--chunk N] [--inference rdfs|none] [--extract-speed] [--no-retry] [--json OUT]

CORPUS.jsonl holds one article a line: {"id", "title", "text", "published", "lang", "url"}
(e.g. ../shared/data/corpus/*.jsonl). The script takes records [K, K+N), and through the `kg`
program next to this Python (subprocesses, with timeouts; nothing touches the network):

1. ingests them (`kg ingest`): wall time, exit code, per-article failures on stderr, peak RSS;
   when the whole batch fails, `kg extract` names the articles that fail, and (unless
   --no-retry) the batch is ingested again without them so that the later checks have data;
2. exports the store in every format and re-parses each file with rdflib and with pyoxigraph;
3. validates the N-Quads export against ontology/shapes.ttl with pyshacl, in chunks of --chunk
   article graphs plus the shared graph(s), so that time grows linearly;
4. lists the 50 most mentioned actors and flags suspicious labels among the top 200
   (web-page furniture, shouting capitals, mojibake, very long names, digits or money in names,
   company or clause words in person names, one-word persons beside a fuller name);
5. prints articles/s and sentences/s (and, with --extract-speed, those of `kg extract`).

Figures, not asserts: the exit code is 0 unless the script itself breaks. Article text is never
printed or written outside the temporary folder (some corpora are research-use only).
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).parent / "kg")
FORMATS = {  # kg export format -> (rdflib format, pyoxigraph RdfFormat name, has named graphs)
    "turtle": ("turtle", "TURTLE", False), "trig": ("trig", "TRIG", True), "nt": ("nt", "N_TRIPLES", False),
    "nquads": ("nquads", "N_QUADS", True), "jsonld": ("json-ld", "JSON_LD", True)}
BASE = "https://w3id.org/etkg/id/"  # kg's default --base, dropped from printed IRIs
KEEP = ("id", "text", "title", "published", "lang", "url")
SUMMARY_RE = re.compile(r"ingested (\d+) article\(s\): (\d+) sentences, (\d+) events, (\d+) triples"
                        r"(?:; (\d+) unchanged)?(?:, (\d+) failed)?")
FURNITURE_RE = re.compile(
    r"\b(share|shares|scroll|read (also|more)|baca (juga|selengkapnya)|lihat (juga|selengkapnya)|simak|video|"
    r"advertisement|advertorial|iklan|sponsored|subscribe|berlangganan|newsletter|klik|click|follow us|tonton|"
    r"halaman|komentar|comments?|download|unduh|login|copyright|hak cipta|all rights reserved|berita terkait|"
    r"related|tags?|foto|photo|image|getty|editor|penulis|reporter|sumber)\b", re.I)
CURRENCY_RE = re.compile(r"\b(rp|usd|idr|us\$|eur|euro|dolar|dollars?|rupiah|yen|ringgit|pounds?|stg)\b|[$€£¥]", re.I)
# beyond the brief's list: a company word or a leading clause word in a person's name
COMPANY_RE = re.compile(r"\b(Co|Corp|Corporation|Inc|Ltd|LLC|PLC|PT|Tbk|Bank|Exchange|Airlines?|Motors?|Holdings|"
                        r"Company|Group|Linux)\b")
LEADING_RE = re.compile(r"^(Unlike|Why|What|How|When|Where|The|According|If|But|And|Female|Male|Investor|Analyst|"
                        r"Menurut|Namun|Saat|Dengan|Para|Sang)\b|\b(I'm|\w+n't|\w+'(re|ve|ll))\b")
MOJIBAKE_RE = re.compile(r"[ÃÂÙØ][\x80-\xbf\u0152\u0153\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac]|â€|\ufffd")


@dataclass
class Run:
    """One finished (or timed-out) subprocess."""
    rc: int | None
    seconds: float
    stdout: str
    stderr: list[str]  # rc is None: timed out


def run(cmd: list[str], timeout: float) -> Run:
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return Run(p.returncode, time.perf_counter() - start, p.stdout, p.stderr.splitlines())
    except OSError as exc:  # no such program
        return Run(127, time.perf_counter() - start, "", [str(exc)])
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return Run(None, time.perf_counter() - start, "", err.splitlines() + [f"(timed out after {timeout:.0f} s)"])


def first_line(text: str) -> str:
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")[:200]


def version(timeout: float) -> str:
    """`kg --version` and the git commit of the checkout (+ "dirty" when kg/ has local changes)."""
    kg = run([KG, "--version"], timeout).stdout.strip()
    head = run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], timeout).stdout.strip()
    dirty = run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "kg"], timeout).stdout.strip()
    return f"{kg or 'kg ?'}, commit {head or '?'}{' + local changes in kg/' if dirty else ''}"


# 1. ingest -------------------------------------------------------------------------------------

def select_records(corpus: Path, offset: int, limit: int | None) -> list[dict]:
    records = []
    with corpus.open(encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i < offset or not line.strip():
                continue
            if limit is not None and len(records) >= limit:
                break
            record = json.loads(line)
            records.append({k: record.get(k) for k in KEEP})
    return records


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def is_summary(line: str) -> bool:
    """A closing count line ('kg: 3 of 300 article(s) failed'), not one that names an article."""
    body = line[4:]
    counts = re.search(r"\b\d+ (of \d+ )?(article|record|input)", body)
    return bool(re.match(r"\d", body) or (counts and ": " not in body))


def ingest(jsonl: Path, store: Path, n: int, timeout: float) -> dict[str, Any]:
    r = run([KG, "ingest", str(jsonl), "--store", str(store)], timeout)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    kg_lines = [line for line in r.stderr if line.startswith("kg: ")]
    per_article = [line for line in kg_lines if not is_summary(line) and not line.startswith("kg: internal error")]
    summary = SUMMARY_RE.search(r.stdout + "\n" + "\n".join(r.stderr))
    stored = int(summary.group(1)) if summary else 0
    whole_batch = r.rc in (None, 70) or (r.rc != 0 and (not per_article or not summary))
    reported = int(summary.group(6) or 0) if summary else 0
    failed = n if whole_batch else max(len(per_article), reported)
    return {"exit": r.rc, "seconds": round(r.seconds, 2), "peak_rss_mib": round(peak_mib),
            "articles": n, "stored": stored, "failed": failed, "whole_batch_failed": whole_batch,
            "sentences": int(summary.group(2)) if summary else 0, "events": int(summary.group(3)) if summary else 0,
            "triples": int(summary.group(4)) if summary else 0, "stderr": r.stderr[:20], "stderr_lines": len(r.stderr),
            "failure_lines": per_article[:20]}


def extract(jsonl: Path, timeout: float) -> dict[str, Any]:
    """`kg extract --format jsonl`: speed, and the records that come out as errors."""
    r = run([KG, "extract", str(jsonl), "--format", "jsonl"], timeout)
    records = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    errors = [{"id": x.get("id"), "error": first_line(x["error"])} for x in records if "error" in x]
    sentences = sum(len(x.get("sentences", [])) for x in records)
    ok = len(records) - len(errors)
    return {"exit": r.rc, "seconds": round(r.seconds, 2), "records": len(records), "errors": errors,
            "sentences": sentences, "articles_per_s": round(ok / r.seconds, 2) if r.seconds else None,
            "sentences_per_s": round(sentences / r.seconds, 1) if r.seconds else None}


# 2. export and re-parse ------------------------------------------------------------------------

def parse_rdflib(path: Path, fmt: str) -> tuple[int, Any]:
    from rdflib import Dataset, Graph

    rdflib_fmt, _, quads = FORMATS[fmt]
    if quads:
        ds = Dataset()
        ds.parse(path, format=rdflib_fmt)
        return sum(1 for _ in ds.quads((None, None, None, None))), ds
    graph = Graph().parse(path, format=rdflib_fmt)
    return len(graph), graph


def parse_oxigraph(path: Path, fmt: str) -> int:
    import pyoxigraph

    return sum(1 for _ in pyoxigraph.parse(path=str(path), format=getattr(pyoxigraph.RdfFormat, FORMATS[fmt][1])))


def timed(fn, *args) -> tuple[dict[str, Any], Any]:
    """({"ok", "count" or "error", "seconds"}, what fn returned besides the count)."""
    start = time.perf_counter()
    try:
        value = fn(*args)
        count, extra = value if isinstance(value, tuple) else (value, None)
        return {"ok": True, "count": count, "seconds": round(time.perf_counter() - start, 2)}, extra
    except Exception as exc:  # a parse failure is a finding, not a crash
        return {"ok": False, "error": f"{type(exc).__name__}: {first_line(exc)}",
                "seconds": round(time.perf_counter() - start, 2)}, None


def export_all(store: Path, outdir: Path, timeout: float) -> tuple[dict[str, Any], Any]:
    """Every export format written and parsed twice; also returns the N-Quads as an rdflib Dataset."""
    results, nquads = {}, None
    for fmt in FORMATS:
        path = outdir / f"all.{fmt}"
        r = run([KG, "export", "--format", fmt, "-o", str(path), "--store", str(store)], timeout)
        entry: dict[str, Any] = {"exit": r.rc, "seconds": round(r.seconds, 2)}
        if r.rc != 0 or not path.exists():
            entry["error"] = first_line("\n".join(r.stderr)) or f"exit {r.rc}"
        else:
            entry["bytes"] = path.stat().st_size
            entry["rdflib"], parsed = timed(parse_rdflib, path, fmt)
            entry["oxigraph"], _ = timed(parse_oxigraph, path, fmt)
            nquads = parsed if fmt == "nquads" else nquads
            path.unlink()
        results[fmt] = entry
    counts = {(fmt, lib): e[lib]["count"] for fmt, e in results.items() for lib in ("rdflib", "oxigraph")
              if e.get(lib, {}).get("ok")}
    agree = {kind: len({c for (fmt, _), c in counts.items() if FORMATS[fmt][2] == quads}) <= 1
                        for kind, quads in (("triples", False), ("quads", True))}
    return {"formats": results, "counts_agree": agree}, nquads


# 3. SHACL ----------------------------------------------------------------------------------------

def shacl_chunks(dataset: Any, chunk: int):
    """Graphs of up to ``chunk`` articles plus what they need from the shared graph(s): all of it in
    the first chunk, the part reachable from the chunk's nodes afterwards."""
    from rdflib import Graph, URIRef

    prefix = BASE + "graph/"  # IRIs.graph(id); the others are IRIs.shared_graph/merges_graph
    articles, shared = [], []
    for g in dataset.graphs():
        (articles if str(g.identifier).startswith(prefix) else shared).append(g)
    by_subject = defaultdict(list)
    for g in shared:
        for t in g:
            by_subject[t[0]].append(t)
    articles.sort(key=lambda g: str(g.identifier))
    for i in range(0, max(len(articles), 1), chunk):
        data = Graph()
        for g in articles[i:i + chunk] + (shared if i == 0 else []):
            data += g
        if i:
            frontier, seen = {o for o in data.objects() if isinstance(o, URIRef)}, set()
            while frontier:
                node = frontier.pop()
                seen.add(node)
                for t in by_subject.get(node, ()):
                    data.add(t)
                    if isinstance(t[2], URIRef) and t[2] not in seen:
                        frontier.add(t[2])
        yield len(articles[i:i + chunk]), data


def local(term: Any) -> str:
    return re.split(r"[#/]", str(term))[-1] if term is not None else ""


def validate(dataset: Any, chunk: int, inference: str = "rdfs") -> dict[str, Any]:
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    ont = Graph().parse(ROOT / "ontology" / "kg.ttl")
    start, chunks, conforms = time.perf_counter(), 0, True
    groups: Counter = Counter()
    examples: list[dict] = []
    seen: set = set()
    for _, data in shacl_chunks(dataset, chunk):
        chunks += 1
        ok, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference=inference, advanced=True)
        conforms &= bool(ok)
        for result in report.subjects(RDF.type, SH.ValidationResult):
            v = {k: report.value(result, p) for k, p in (("focus", SH.focusNode), ("path", SH.resultPath),
                 ("message", SH.resultMessage), ("constraint", SH.sourceConstraintComponent),
                 ("value", SH.value), ("severity", SH.resultSeverity))}
            key = (v["focus"], v["path"], v["constraint"], v["value"])
            if key in seen:  # the shared graph is in several chunks
                continue
            seen.add(key)
            message = re.sub(r'Literal\("(?:[^"\\]|\\.)*"', 'Literal("…"', first_line(v["message"] or ""))
            group = f"{local(v['constraint'])} on {local(v['path']) or '(node)'}: {message}"
            groups[group] += 1
            if len(examples) < 10:
                examples.append({"focus": str(v["focus"]), "path": local(v["path"]), "value": first_line(v["value"] or ""),
                                 "message": first_line(v["message"] or ""), "constraint": local(v["constraint"])})
    return {"conforms": conforms, "violations": sum(groups.values()), "chunks": chunks, "inference": inference,
            "seconds": round(time.perf_counter() - start, 1), "groups": dict(groups.most_common()), "examples": examples}


# 4. actors ---------------------------------------------------------------------------------------

def is_mojibake(label: str) -> bool:
    try:
        from ftfy.badness import is_bad
    except ImportError:
        return bool(MOJIBAKE_RE.search(label))
    return "\ufffd" in label or is_bad(label) or bool(MOJIBAKE_RE.search(label))


def suspicion(actor: dict) -> list[str]:
    name, reasons = actor["name"], []
    words = name.split()
    if FURNITURE_RE.search(name):
        reasons.append(f"web furniture ({FURNITURE_RE.search(name).group(0)!r})")
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        if (len(letters) > 4 and len(words) > 1) or any(sum(c.isalpha() for c in w) > 6 for w in words):
            reasons.append("all caps")
    if is_mojibake(name):
        reasons.append("mojibake / U+FFFD")
    if len(words) > 6 and not actor.get("wikidata"):  # a long gazetteer name with an item is fine
        reasons.append(f"{len(words)} words")
    if actor.get("kind") == "person" and re.search(r"\d", name):
        reasons.append("digits in a person name")
    if CURRENCY_RE.search(name):
        reasons.append(f"currency ({CURRENCY_RE.search(name).group(0)!r})")
    if actor.get("kind") == "person" and COMPANY_RE.search(name):
        reasons.append(f"company word in a person name ({COMPANY_RE.search(name).group(0)!r})")
    if actor.get("kind") in ("person", "group") and LEADING_RE.search(name):
        reasons.append(f"clause word ({LEADING_RE.search(name).group(0)!r})")
    return reasons


def split_persons(rows: list[dict], top: int) -> dict[int, str]:
    """Rank -> reason for one-word persons that are also the first or last word of a fuller person's
    name ('Trump' beside 'Donald Trump'): a coreference split."""
    full = {}
    for a in rows:
        words = a["name"].split()
        if a["kind"] == "person" and len(words) > 1:
            for word in (words[0], words[-1]):
                full.setdefault(word, a["name"])
    return {i: f"also listed as {full[a['name']]!r}" for i, a in enumerate(rows[:top])
            if a["kind"] == "person" and " " not in a["name"] and a["name"] in full}


def actors(store: Path, timeout: float, top: int = 200) -> dict[str, Any]:
    r = run([KG, "actors", "--format", "json", "--store", str(store)], timeout)
    if r.rc != 0:
        return {"error": first_line("\n".join(r.stderr)) or f"exit {r.rc}", "seconds": round(r.seconds, 2)}
    rows = json.loads(r.stdout)
    keep = ("name", "kind", "country", "mentions", "events")
    split = split_persons(rows, top)
    flagged = [{**{k: a.get(k) for k in keep}, "rank": i + 1, "reasons": why}
               for i, a in enumerate(rows[:top]) if (why := suspicion(a) + ([split[i]] if i in split else []))]
    return {"seconds": round(r.seconds, 2), "total": len(rows), "kinds": dict(Counter(a["kind"] for a in rows)),
            "top50": [{k: a.get(k) for k in keep} for a in rows[:50]], "flagged": flagged}


# report ------------------------------------------------------------------------------------------

def yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def print_ingest(rep: dict[str, Any]) -> None:
    ing = rep["ingest"]
    print(f"== {rep['corpus']} [{rep['offset']}:{rep['offset'] + rep['articles']}]: {rep['articles']} articles; "
          f"{rep['version']}")
    print(f"ingest: exit {ing['exit']}, {ing['seconds']} s, peak RSS {ing['peak_rss_mib']} MiB; stored {ing['stored']}, "
          f"failed {ing['failed']}{' (WHOLE BATCH FAILED)' if ing['whole_batch_failed'] else ''}; "
          f"{ing['sentences']} sentences, {ing['events']} events, {ing['triples']} triples; "
          f"{ing['stderr_lines']} stderr line(s)")
    for line in ing["failure_lines"][:10] + [x for x in ing["stderr"] if x not in ing["failure_lines"]][:5]:
        print(f"   stderr| {line[:160]}")
    if "culprits" in rep:
        c = rep["culprits"]
        print(f"failing articles (kg extract, {c['seconds']} s): {len(c['errors'])}")
        for e in c["errors"][:10]:
            print(f"   {e['id']}: {e['error'][:150]}")
    if "retry" in rep:
        r = rep["retry"]
        print(f"retry without them: exit {r['exit']}, {r['seconds']} s, peak RSS {r['peak_rss_mib']} MiB, "
              f"stored {r['stored']}, failed {r['failed']}, {r['sentences']} sentences, {r['triples']} triples")
    sp = rep["speed"]
    print(f"speed (ingest): {sp['articles_per_s']} articles/s, {sp['sentences_per_s']} sentences/s")
    if "extract" in rep:
        x = rep["extract"]
        print(f"speed (extract): {x['articles_per_s']} articles/s, {x['sentences_per_s']} sentences/s, "
              f"{x['records']} records, {len(x['errors'])} error(s), {x['seconds']} s")


def parsed_cell(p: dict | None) -> str:
    return "-" if not p else (f"ok {p['count']:>8} ({p['seconds']} s)" if p["ok"] else f"FAIL {p['error']}")


def print_export(export: dict[str, Any]) -> None:
    print("export   | exit | time s |     bytes | rdflib                    | pyoxigraph")
    for fmt, e in export["formats"].items():
        print(f"{fmt:8} | {e['exit']!s:>4} | {e['seconds']:6} | {e.get('bytes', 0):9} | "
              f"{parsed_cell(e.get('rdflib')):25} | {parsed_cell(e.get('oxigraph'))}  {e.get('error', '')}".rstrip())
    agree = export["counts_agree"]
    print(f"counts agree across formats and parsers: triples {yes(agree['triples'])}, quads {yes(agree['quads'])}")


def print_shacl(sh: dict[str, Any] | None) -> None:
    if not sh:
        print("SHACL: skipped (no N-Quads export)")
        return
    print(f"SHACL: conforms {yes(sh['conforms'])}, {sh['violations']} violation(s), "
          f"{sh['chunks']} chunk(s), inference {sh.get('inference')}, {sh['seconds']} s")
    for group, n in list(sh["groups"].items())[:15]:
        print(f"   {n:5} x {group[:200]}")
    for v in sh["examples"]:
        value = f" = {v['value'][:40]!r}" if v["value"] else ""
        focus = v["focus"].replace(BASE, "")
        focus = focus if len(focus) <= 72 else focus[:34] + "…" + focus[-37:]
        print(f"   e.g. {focus} {v['path']}{value}: {v['message'][:80]}")


def print_actors(act: dict[str, Any]) -> None:
    if "error" in act:
        print(f"actors: FAIL {act['error']}")
        return
    print(f"actors: {act['total']} ({', '.join(f'{k} {v}' for k, v in act['kinds'].items())}); top 50:")
    for i, a in enumerate(act["top50"], 1):
        print(f"   {i:3}. {a['name'][:45]:45} {a['kind']:12} {a['country'] or '':4} {a['mentions']:5}")
    print(f"flagged among the top 200: {len(act['flagged'])}")
    for a in act["flagged"]:
        print(f"   #{a['rank']:3} {a['name'][:45]:45} {a['kind']:12} {a['mentions']:5}  {'; '.join(a['reasons'])}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--store", type=Path, help="store directory (default: a temporary one)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per kg subprocess (default 3600)")
    ap.add_argument("--chunk", type=int, default=100, help="articles per SHACL validation (default 100)")
    ap.add_argument("--inference", choices=["rdfs", "none"], default="rdfs",
                    help="pyshacl inference (rdfs as in the tests; none is ~4x faster)")
    ap.add_argument("--extract-speed", action="store_true", help="also time `kg extract --format jsonl`")
    ap.add_argument("--no-retry", action="store_true", help="do not re-ingest without failing articles")
    ap.add_argument("--json", type=Path, help="write all figures here")
    args = ap.parse_args()

    records = select_records(args.corpus, args.offset, args.limit)
    rep: dict[str, Any] = {"corpus": args.corpus.name, "offset": args.offset, "articles": len(records), "kg": KG,
                           "version": version(args.timeout)}
    with tempfile.TemporaryDirectory(prefix="kg-robustness-") as tmp:
        work = Path(tmp)
        jsonl = write_jsonl(records, work / "slice.jsonl")
        store = args.store or work / "store"
        rep["ingest"] = ing = ingest(jsonl, store, len(records), args.timeout)
        if ing["whole_batch_failed"] and records:
            rep["culprits"] = extract(jsonl, args.timeout)
            bad = {e["id"] for e in rep["culprits"]["errors"]}
            if bad and not args.no_retry:
                rest = write_jsonl([r for r in records if r["id"] not in bad], work / "retry.jsonl")
                rep["retry"] = ing = ingest(rest, store, len(records) - len(bad), args.timeout)
        rep["speed"] = {"articles_per_s": round(ing["stored"] / ing["seconds"], 2) if ing["seconds"] else None,
                        "sentences_per_s": round(ing["sentences"] / ing["seconds"], 1) if ing["seconds"] else None}
        if args.extract_speed:
            rep["extract"] = extract(jsonl, args.timeout)
        rep["export"], dataset = export_all(store, work, args.timeout)
        if dataset is not None:
            try:
                rep["shacl"] = validate(dataset, args.chunk, args.inference)
            except Exception as exc:  # report, do not crash
                rep["shacl"] = {"conforms": False, "violations": 0, "chunks": 0, "seconds": 0, "examples": [],
                                "groups": {f"validation crashed: {type(exc).__name__}: {first_line(exc)}": 1}}
        del dataset
        rep["actors"] = actors(store, args.timeout)
    print_ingest(rep)
    print_export(rep["export"])
    print_shacl(rep.get("shacl"))
    print_actors(rep["actors"])
    if args.json:
        args.json.write_text(json.dumps(rep, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
