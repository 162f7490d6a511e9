"""Run the property tests of tests/test_properties.py for minutes instead of seconds.

    python benchmarks/fuzz.py [--minutes 30] [--properties extract,cli,...] [--round 200] [--seed N]

The same strategies and checks as the CI property tests (Hypothesis), but random (not
derandomized) and repeated in rounds, one property after the other, until the time is up.
Prints, per property, the number of examples tried and of distinct failures, and for each
failure the minimal example Hypothesis shrank it to. Exit code 1 when anything failed.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_properties() -> ModuleType:
    """tests/test_properties.py as a module (the tests folder is not a package)."""
    spec = importlib.util.spec_from_file_location("kg_properties", ROOT / "tests" / "test_properties.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Property:
    """One property: its strategies (keyword arguments of ``check``) and its check."""

    name: str
    strategies: dict[str, st.SearchStrategy[Any]]
    check: Callable[..., None]
    tried: int = 0
    failures: dict[str, str] = field(default_factory=dict)  # signature -> minimal example and error


def properties(props: ModuleType, workdir: Path) -> list[Property]:
    """The five properties, wired to a scratch folder for the files they write."""
    return [
        Property("extract", {"text": props.article_text(), "lang": st.one_of(props.LANGS, st.none()),
                             "published": props.published_date()}, props.check_extract_text),
        Property("cli", {"lines": st.lists(props.jsonl_line(), min_size=2, max_size=6)},
                 lambda lines: props.check_cli_extract(lines, workdir / "input.jsonl")),
        Property("export", {"text": props.article_text(), "doc": props.doc_id(), "lang": props.LANGS,
                            "published": props.published_date()}, props.check_ingest_export),
        Property("jsonl", {"lines": st.lists(props.json_value_line(), min_size=1, max_size=5)},
                 lambda lines: props.check_read_inputs(lines, workdir / "values.jsonl")),
        Property("times", {"lang": props.LANGS, "published": props.valid_date(), "data": st.data()},
                 lambda lang, published, data: props.check_find_times(
                     lang, data.draw(props.time_text(lang), label="text"), published)),
    ]


def run_round(prop: Property, examples: int, round_seed: int, deadline: float) -> None:
    """Up to ``examples`` random examples of ``prop``; a failure is shrunk by Hypothesis and
    recorded once per distinct error. Examples after ``deadline`` are skipped, unless the round
    has failed: then Hypothesis is shrinking, and a skipped example would look flaky to it."""
    failed = False

    def body(**kwargs: Any) -> None:
        nonlocal failed
        if time.monotonic() > deadline and not failed:
            return
        prop.tried += 1
        try:
            prop.check(**kwargs)
        except Exception:
            failed = True
            raise

    test = seed(round_seed)(settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                                     suppress_health_check=list(HealthCheck), print_blob=False)(
        given(**prop.strategies)(body)))
    try:
        test()
    except Exception as exc:  # the failure to report, whatever it is
        signature = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]
        notes = "\n".join(getattr(exc, "__notes__", []))
        prop.failures.setdefault(signature, f"{signature}\n{notes}")


def report(props: list[Property], seconds: float) -> int:
    """Print the figures; the number of distinct failures."""
    print(f"\nfuzzed for {seconds / 60:.1f} min")
    print(f"{'property':<10}{'examples':>10}{'failures':>10}")
    for prop in props:
        print(f"{prop.name:<10}{prop.tried:>10}{len(prop.failures):>10}")
    total = sum(len(p.failures) for p in props)
    print(f"{'total':<10}{sum(p.tried for p in props):>10}{total:>10}")
    for prop in props:
        for text in prop.failures.values():
            print(f"\n--- {prop.name}: {text}")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run (default 1)")
    parser.add_argument("--properties", default="extract,cli,export,jsonl,times",
                        help="comma-separated subset of extract, cli, export, jsonl, times")
    parser.add_argument("--round", type=int, default=200, help="examples per Hypothesis run (default 200)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the round seeds (default: random)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    wanted = set(args.properties.split(","))
    start = time.monotonic()
    deadline = start + args.minutes * 60
    with tempfile.TemporaryDirectory() as scratch:
        props = [p for p in properties(load_properties(), Path(scratch)) if p.name in wanted]
        if not props:
            parser.error(f"--properties: none of {args.properties!r}")
        try:
            while time.monotonic() < deadline:
                for prop in props:
                    if time.monotonic() < deadline:
                        run_round(prop, args.round, rng.getrandbits(64), deadline)
                print(f"{time.monotonic() - start:6.0f}s  " + "  ".join(
                    f"{p.name} {p.tried} ({len(p.failures)} failed)" for p in props), flush=True)
        except KeyboardInterrupt:
            print("interrupted")
    return 1 if report(props, time.monotonic() - start) else 0


if __name__ == "__main__":
    sys.exit(main())
