"""``kg``: the command-line program, a thin layer over :mod:`kg.api`.

Every library error becomes one line ``kg: <reason>`` on stderr and a non-zero exit.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Callable

from kg import __version__, api
from kg.errors import KGError, UsageError
from kg.export import EXPORTERS, export_file, export_text
from kg.rdf.build import DEFAULT_BASE
from kg.sparql import bind, named_queries, resolve_query
from kg.sparql.results import FORMATS, format_result, table
from kg.store import open_store

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = fn
        return fn
    return register


def _store(args: argparse.Namespace, create: bool = False, write: bool = False):
    """Ingest creates the store; remove writes to an existing one; everything else only reads."""
    return open_store(args.store, create=create, read_only=not (create or write))


def _check_actors_file(args: argparse.Namespace) -> None:
    """A bad --actors file is one error before anything is read or written, not one per article."""
    if args.actors:
        from kg.extract.actors.useractors import read_user_actors

        read_user_actors(args.actors)


PARTIAL_FAILURE = 6  # exit code of an ingest that stored some articles and failed others


@command("ingest")
def cmd_ingest(args: argparse.Namespace) -> int:
    from kg.progress import ProgressReporter

    _check_actors_file(args)
    progress = ProgressReporter(quiet=args.quiet)
    with open_store(args.store, create=True, wait=args.wait) as store:
        try:
            s = api.ingest(store, args.paths, base=args.base, actors_file=args.actors, fail_fast=args.fail_fast,
                           progress=progress, **_read_options(args))
        finally:
            progress.done()
    print(f"ingested {s.documents} article(s): {s.sentences} sentences, {s.events} events, {s.triples} triples; "
          f"{s.unchanged} unchanged, {s.failed} failed")
    if s.failed and not (s.documents or s.unchanged):
        return 2  # nothing could be stored
    return PARTIAL_FAILURE if s.failed else 0


def _read_options(args: argparse.Namespace) -> dict:
    """The reading options shared by ingest and extract."""
    columns = {f"{name}_column": getattr(args, f"{name}_column") for name in ("text", "title", "date", "id", "url", "lang")}
    return {"lang": args.lang, "published": args.published, "title": args.title, "url": args.url,
            "encoding": args.encoding, "date_format": args.date_format, "follow_symlinks": args.follow_symlinks,
            "max_chars": args.max_chars, **columns}


@command("extract")
def cmd_extract(args: argparse.Namespace) -> int:
    _check_actors_file(args)
    results = api.read(args.paths, **_read_options(args))
    records, failures = [], 0
    for result in results:
        if result.error:
            failures += 1
            print(f"kg: {result.error}", file=sys.stderr)
            records.append({"id": result.record_id, "source": result.source, "error": result.error})
            continue
        try:
            records.append(api.extraction_record(api.extract(result.document, args.actors)))
        except Exception as exc:  # one bad record must not stop the others
            failures += 1
            message = str(exc) if isinstance(exc, KGError) else f"{result.source}: internal error: {exc!r}"
            print(f"kg: {message}", file=sys.stderr)
            records.append({"id": result.record_id, "source": result.source, "error": message})
    if args.format == "jsonl":
        sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    else:
        sys.stdout.write(json.dumps(records if len(records) != 1 else records[0], ensure_ascii=False, indent=1) + "\n")
    return 2 if records and failures == len(records) else 0


@command("parse")
def cmd_parse(args: argparse.Namespace) -> int:
    _check_actors_file(args)
    failures = total = 0
    for result in api.read(args.paths, **_read_options(args)):
        total += 1
        try:
            if result.error:
                raise UsageError(result.error)
            sys.stdout.write(api.parse(result.document, format=args.format))
        except Exception as exc:  # one bad record must not stop the others
            failures += 1
            message = str(exc) if isinstance(exc, KGError) else f"{result.source}: internal error: {exc!r}"
            print(f"kg: {message}", file=sys.stderr)
    return 2 if total and failures == total else 0


@command("query")
def cmd_query(args: argparse.Namespace) -> int:
    sparql = resolve_query(args.query)
    bindings = dict(_pair(b) for b in args.bind or [])
    with _store(args) as store:
        result = api.query(store, bind(sparql, bindings) if bindings else sparql)
    sys.stdout.write(format_result(result, args.format, for_spreadsheets=True))
    return 0


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise UsageError(f"--bind needs NAME=VALUE, got {text!r}")
    return name.strip().lstrip("?$"), value


def _filters(args: argparse.Namespace) -> dict:
    from kg.rdf.build import plover_modes

    types = [t.strip().upper() for v in args.type or [] for t in v.split(",") if t.strip()]
    unknown = [t for t in types if t not in plover_modes()]
    if unknown:
        raise UsageError(f"--type: unknown PLOVER type {unknown[0]!r} (one of {', '.join(sorted(plover_modes()))})")
    return {"actor": args.actor, "with_actor": args.with_actor, "start": args.start, "end": args.end,
            "types": types, "asserted_only": args.asserted}


TIMELINE_FIELDS = ["date", "type", "modality", "source", "target", "place", "according_to", "article", "sentence",
                   "dated", "earliest", "latest", "trigger", "event"]


def timeline_text(rows, fmt: str) -> str:
    """Timeline rows as a table, CSV (spreadsheet-safe) or JSON."""
    from kg.sparql.results import csv_text, escape_controls

    dicts = [r.as_dict() for r in rows]
    if fmt == "json":
        return escape_controls(json.dumps(dicts, ensure_ascii=False, indent=1)) + "\n"
    flat = [{k: "; ".join(v) if isinstance(v, list) else ("" if v is None else v) for k, v in d.items()} for d in dicts]
    if fmt == "csv":
        return csv_text(TIMELINE_FIELDS, [[d.get(k, "") for k in TIMELINE_FIELDS] for d in flat])
    header = ["date", "type", "source", "target", "place", "sentence"]
    cells = [[(str(d["date"]) if d["dated"] is True else "(undated)")] + [str(d[k]) for k in header[1:]] for d in flat]
    return table(cells, header, max_width=70)


@command("timeline")
def cmd_timeline(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = api.timeline(store, **_filters(args))
    sys.stdout.write(timeline_text(rows, args.format))
    return 0


@command("graph")
def cmd_graph(args: argparse.Namespace) -> int:
    from kg.views.html import write_html

    from kg.export import check_writable
    from kg.views.network import write_graph_file

    outputs = [p for p in (args.html, args.graphml, args.gexf) if p]
    if not outputs:
        raise UsageError("graph needs at least one of --html FILE, --graphml FILE, --gexf FILE")
    for path in outputs:  # check every output before writing any
        check_writable(path)
    with _store(args) as store:
        net = api.network(store)
    graph = net.ego(args.actor, args.start, args.end) if args.ego and args.actor else net.actor_graph(**_filters(args))
    if args.html:
        write_html(graph, args.html)
    for path, fmt in ((args.graphml, "graphml"), (args.gexf, "gexf")):
        if path:
            write_graph_file(graph, path, fmt)
    print(f"graph: {graph.number_of_nodes()} actors, {graph.number_of_edges()} events")
    return 0


@command("actors")
def cmd_actors(args: argparse.Namespace) -> int:
    if args.kind and args.kind not in ("person", "organization", "country", "group"):
        raise UsageError(f"--kind: unknown kind {args.kind!r} (person, organization, country, group)")
    if args.merge:
        with _store(args, write=True) as store:
            changed = api.merge_actors(store, args.merge[0], args.merge[1], args.base)
        print(f"merged {args.merge[1]} into {args.merge[0]} ({changed} article graph(s) rewritten)")
        return 0
    with _store(args) as store:
        rows = api.actors(store, args.kind, args.country)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return 0
    flat = [[r["name"], r["kind"], r["country"] or "", str(r["mentions"]), str(r["events"]),
             "; ".join(r["roles"]), "; ".join(r["aliases"]), r["id"]] for r in rows]
    header = ["name", "kind", "country", "mentions", "events", "roles", "aliases", "id"]
    if args.format == "csv":
        from kg.sparql.results import csv_text

        sys.stdout.write(csv_text(header, flat))
    else:
        sys.stdout.write(table(flat, header, max_width=40))
    return 0


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    from kg.sparql.server import ServerSettings, make_server

    settings = ServerSettings(timeout=args.timeout, max_workers=args.workers, allow_hosts=args.allow_host or [],
                              cors_origin=args.cors)
    with _store(args) as store:
        try:
            server = make_server(store, args.host, args.port, settings)
        except OSError as exc:
            raise UsageError(f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc})") from None
        host = f"[{args.host}]" if ":" in args.host else args.host
        print(f"SPARQL endpoint on http://{host}:{server.server_address[1]}/sparql (read-only; queries stop after "
              f"{args.timeout:g} s; Ctrl-C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    with _store(args) as store:
        if args.output:
            export_file(store, args.format, args.output)
        else:
            sys.stdout.write(export_text(store, args.format))
    return 0


@command("remove")
def cmd_remove(args: argparse.Namespace) -> int:
    with _store(args, write=True) as store:
        api.remove(store, args.ids, args.base)
    print(f"removed {len(args.ids)} article(s)")
    return 0


@command("evaluate")
def cmd_evaluate(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate_gold, format_figures
    from kg.evaluate_times import evaluate_timeml, format_timeml

    if args.ner and args.plover:
        raise UsageError("choose one of --ner and --plover")
    if args.ner or args.plover:
        return _evaluate_mentions(args)
    gold = [p for p in args.gold if p.lower().endswith(".json")]
    timeml = [p for p in args.gold if p.lower().endswith((".tml", ".xml"))]
    if len(gold) + len(timeml) != len(args.gold):
        other = next(p for p in args.gold if p not in gold and p not in timeml)
        raise UsageError(f"{other}: evaluate reads gold .json, TimeML .tml or CAT .xml files")
    results = {}
    if gold:
        results["gold"] = evaluate_gold(gold, args.texts)
    if timeml:
        results["timeml"] = evaluate_timeml(timeml, args.lang or "en")
    if args.format == "json":
        sys.stdout.write(json.dumps(results if len(results) > 1 else next(iter(results.values())), indent=1) + "\n")
    else:
        text = [format_figures(results["gold"])] if gold else []
        text += ["time expressions (TempEval-3: span F1 strict/relaxed, value and type over relaxed matches)",
                 format_timeml(results["timeml"])] if timeml else []
        sys.stdout.write("\n\n".join(text) + "\n")
    return 0


def _evaluate_mentions(args: argparse.Namespace) -> int:
    from kg.evaluate_mentions import evaluate_ner, evaluate_plover, format_ner, format_plover

    if args.ner:
        result = evaluate_ner(args.gold, args.lang or "id", args.names_only)
        text = format_ner(result)
    else:
        result = evaluate_plover(args.gold)
        text = format_plover(result)
    sys.stdout.write((json.dumps(result, indent=1) if args.format == "json" else text) + "\n")
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from kg.samples import build_exports, ingest_sample

    with _store(args, create=True) as store:
        summary = ingest_sample(store)
    written = build_exports(Path(args.out))
    print(f"sample ingested into {args.store or 'kg-data'}: {summary.events} events; wrote "
          + ", ".join(str(p) for p in written))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="Event-timeline knowledge graph from news articles.")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help="store location: a directory (Oxigraph, default $KG_STORE or ./kg-data) or 'memory'")
    common.add_argument("--base", default=DEFAULT_BASE, help="base IRI for instance data")
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("paths", nargs="+", help="text, .jsonl, .csv/.tsv or .html files, directories, or - for stdin")
    reading.add_argument("--lang", help="language code (detected per article when omitted)")
    reading.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative dates)")
    reading.add_argument("--title")
    reading.add_argument("--url")
    reading.add_argument("--encoding", help="input encoding when not UTF-8 (e.g. cp1252)")
    reading.add_argument("--actors", help="YAML (kg/data schema) or CSV file of extra actors/places")
    for name in ("text", "title", "date", "id", "url", "lang"):
        reading.add_argument(f"--{name}-column", metavar="NAME", help=f"CSV/TSV input: the column holding the {name}"
                             + (" (required for .csv/.tsv)" if name == "text" else ""))
    reading.add_argument("--date-format", metavar="FORMAT", help="CSV/TSV dates as a strptime format, e.g. %%d/%%m/%%Y")
    reading.add_argument("--follow-symlinks", action="store_true", help="follow symbolic links inside input folders")
    reading.add_argument("--max-chars", type=int, default=2_000_000, metavar="N",
                         help="longest article text accepted (default 2,000,000 characters)")
    p = sub.add_parser("ingest", parents=[common, reading], help="extract articles and store their graphs")
    p.add_argument("--fail-fast", action="store_true",
                   help="stop at the first article that cannot be read or processed (articles before it are kept)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr (failures are still reported)")
    p.add_argument("--wait", type=float, default=180.0, metavar="SECONDS",
                   help="how long to wait for another writer to release the store (default 180)")
    p = sub.add_parser("extract", parents=[common, reading], help="print what the pipeline finds (JSON)")
    p.add_argument("--format", choices=["json", "jsonl"], default="json")
    p = sub.add_parser("parse", parents=[reading], help="dependency parse of each sentence (CoNLL-U)")
    # (--actors, shared with extract, changes no parse: it is checked like everywhere, then unused)
    p.add_argument("--format", choices=["conllu"], default="conllu")
    p = sub.add_parser("query", parents=[common], help="run SPARQL (text, FILE.rq, or a named query)")
    p.add_argument("query", help=f"SPARQL text, a .rq file, or one of: {', '.join(named_queries())}")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--bind", action="append", metavar="NAME=VALUE", help="bind a variable (VALUES clause)")
    filt = argparse.ArgumentParser(add_help=False)
    filt.add_argument("--actor")
    filt.add_argument("--with", dest="with_actor")
    filt.add_argument("--from", dest="start", help="YYYY, YYYY-MM or YYYY-MM-DD")
    filt.add_argument("--to", dest="end")
    filt.add_argument("--type", action="append", help="PLOVER type(s), comma-separated or repeated")
    filt.add_argument("--asserted", action="store_true", help="only asserted events (no planned, negated...)")
    p = sub.add_parser("timeline", parents=[common, filt], help="events in date order")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p = sub.add_parser("graph", parents=[common, filt], help="actor graph as HTML / GraphML / GEXF")
    p.add_argument("--html")
    p.add_argument("--graphml")
    p.add_argument("--gexf")
    p.add_argument("--ego", action="store_true", help="only the neighbourhood of --actor")
    p = sub.add_parser("actors", parents=[common], help="list actors with aliases, roles and counts")
    p.add_argument("--kind")
    p.add_argument("--country", help="ISO 3166-1 alpha-3 code")
    p.add_argument("--merge", nargs=2, metavar=("KEEP", "DROP"), help="merge actor DROP into KEEP (id or IRI)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p = sub.add_parser("serve", parents=[common], help="read-only SPARQL endpoint over HTTP (loopback by default)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a query after this long and answer 503 (default 30)")
    p.add_argument("--workers", type=int, default=4, help="queries run at once, each in its own process (default 4)")
    p.add_argument("--allow-host", action="append", metavar="NAME",
                   help="also accept this Host header (a name behind a proxy, or '*'); repeatable")
    p.add_argument("--cors", metavar="ORIGIN", help="allow browser pages from ORIGIN (or '*') to query")
    p = sub.add_parser("export", parents=[common], help="write the store as RDF")
    p.add_argument("--format", choices=sorted(EXPORTERS), default="turtle")
    p.add_argument("-o", "--output")
    p = sub.add_parser("remove", parents=[common], help="remove articles by id")
    p.add_argument("ids", nargs="+")
    p = sub.add_parser("evaluate", help="score extraction against gold JSON, TimeML .tml, CAT .xml, CoNLL (--ner) or PLOVER (--plover) files")
    p.add_argument("gold", nargs="+")
    p.add_argument("--lang", help="language of TimeML files (default en; CAT files name their own) or of "
                                  "--ner files (default id)")
    p.add_argument("--ner", action="store_true", help="the files are CoNLL NER files (token [columns] BIO tag)")
    p.add_argument("--plover", action="store_true", help="the files are PLOVER gold-standard records (JSON Lines)")
    p.add_argument("--names-only", action="store_true",
                   help="with --ner: leave out nominal ('polisi') and anaphoric ('negara itu') mentions")
    p.add_argument("--texts", help="directory holding the gold documents' texts")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = sub.add_parser("demo", parents=[common], help="ingest the bundled sample and regenerate exports/")
    p.add_argument("--out", default="exports")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KGError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, never a traceback
        print(f"kg: internal error: {exc!r} (please report it)", file=sys.stderr)
        return 70
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
