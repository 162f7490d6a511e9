"""Named SPARQL queries shipped as ``.rq`` files, parameter binding, and result writers.

>>> sorted(named_queries())[:2]
['actor-relations', 'actor-timeline']
>>> print(bind("SELECT * WHERE { ?s ?p ?actor }", {"actor": "Lavrov"}))
SELECT * WHERE {
  VALUES (?actor) { ("Lavrov") } ?s ?p ?actor }

"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from kg.errors import QueryError, UsageError

QUERY_DIR = Path(__file__).resolve().parent / "queries"


def named_queries() -> dict[str, Path]:
    """Shipped query names -> files."""
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def resolve_query(text: str) -> str:
    """A query from a shipped name, a ``.rq`` file path, or the query text itself."""
    queries = named_queries()
    if text in queries:
        return queries[text].read_text(encoding="utf-8")
    if text.endswith(".rq") or (len(text) < 256 and "{" not in text and Path(text).is_file()):
        path = Path(text)
        if not path.is_file():
            raise UsageError(f"{text}: no such query file (named queries: {', '.join(queries)})")
        return path.read_text(encoding="utf-8")
    if "{" not in text and " " not in text.strip():
        raise UsageError(f"unknown named query {text!r} (named queries: {', '.join(queries)})")
    return text


def _literal(value: str) -> str:
    if value.startswith("<") and value.endswith(">") and " " not in value:
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _date_value(name: str, value: str) -> str:
    """A value written like a date must be a real one ("2025-13-01" is refused); it is bound in the
    stored form, zero-padded ("2025-7" -> "2025-07"). Other values are bound as they are.

    >>> _date_value("from", " 2025-7-1 "), _date_value("type", "ASSAULT")
    ('2025-07-01', 'ASSAULT')
    """
    match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value.strip())
    if not match:
        return value
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise QueryError(f"--bind {name}: {value!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if match[3] else "")


def bind(sparql: str, bindings: dict[str, str]) -> str:
    """Append one ``VALUES (?a ?b) { ("x" "y") }`` clause (string literals or ``<IRI>``)."""
    if not bindings:
        return sparql
    names = sorted(bindings)
    for name in names:
        if not name.isidentifier():
            raise QueryError(f"bad variable name {name!r} in --bind")
        if not re.search(rf"[?$]{name}\b", sparql):
            raise QueryError(f"--bind {name}: the query has no variable ?{name}")
        if re.search(rf"\bAS\s+[?$]{name}\b", sparql, re.I):
            raise QueryError(f"--bind {name}: ?{name} is computed by the query and cannot be bound")
    variables = " ".join(f"?{n}" for n in names)
    values = " ".join(_literal(_date_value(n, bindings[n])) for n in names)
    clause = f"VALUES ({variables}) {{ ({values}) }}"
    # Inside the first group, so that FILTERs in the WHERE clause see the bound values.
    bound, count = re.subn(r"\bWHERE\s*\{", lambda m: m.group(0) + "\n  " + clause, sparql, count=1, flags=re.I)
    if not count:
        raise QueryError("--bind needs a query with a WHERE { ... } clause")
    return bound
