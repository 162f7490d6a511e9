"""Named SPARQL queries shipped as ``.rq`` files, and typed parameter binding.

``kg query NAME --bind VAR=VALUE`` (or :func:`bind`) adds one ``VALUES`` clause at the top of the
query's WHERE group. A value is data, never query text: it is written as one RDF term.

- By default a value is a **string literal**, fully escaped (backslash, quotes, line breaks, and
  every other control character as ``\\UXXXXXXXX``), so nothing in it can end the literal.
- A query declares a variable of another kind in a comment line of its own::

      # bind ?actor: iri
      # bind ?from: date

  Kinds: ``string`` (the default), ``date`` (YYYY, YYYY-MM or YYYY-MM-DD, a real date, bound as
  the zero-padded string) and ``iri`` (an absolute IRI, written with or without ``<...>``, with
  none of the characters the SPARQL IRIREF grammar forbids: spaces, control characters,
  ``<>"{}|^`\\``). Only a declared variable can take an IRI.
- An undeclared value written like a date (``2025-7-1``) must still be a real date and is
  zero-padded (``2025-07-01``), as :func:`_date_value` says.

>>> sorted(named_queries())[:2]
['actor-relations', 'actor-timeline']
>>> print(bind("SELECT * WHERE { ?s ?p ?actor }", {"actor": "Lavrov"}))
SELECT * WHERE {
  VALUES (?actor) { ("Lavrov") } ?s ?p ?actor }
>>> print(bind("SELECT * WHERE { ?s ?p ?actor }", {"actor": '<urn:x>)(UNDEF)}#>'}))
SELECT * WHERE {
  VALUES (?actor) { ("<urn:x>)(UNDEF)}#>") } ?s ?p ?actor }
>>> print(bind("# bind ?actor: iri\\nSELECT * WHERE { ?actor ?p ?o }", {"actor": "urn:x:lavrov"}))
# bind ?actor: iri
SELECT * WHERE {
  VALUES (?actor) { (<urn:x:lavrov>) } ?actor ?p ?o }
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from kg.errors import QueryError, UsageError

QUERY_DIR = Path(__file__).resolve().parent / "queries"
KINDS = ("string", "date", "iri")

_DECLARATION_RE = re.compile(r"^[ \t]*#[ \t]*bind[ \t]+[?$](\w+)[ \t]*:[ \t]*(\w+)[ \t]*$", re.M)
# Comments, strings and IRIs: masked before looking for variables and the WHERE keyword.
_NOT_CODE_RE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
                          r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_ECHARS = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20\x7f-\x9f<>\"{}|^`\\\u202a-\u202e\u2066-\u2069]*")
_LOOSE_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")


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


def bind_declarations(sparql: str) -> dict[str, str]:
    """Variable -> kind, from the query's ``# bind ?var: kind`` comment lines.

    >>> bind_declarations("# bind ?from: date\\n#bind $actor : iri\\nSELECT * WHERE { ?s ?p ?o }")
    {'from': 'date', 'actor': 'iri'}
    """
    declared = {}
    for name, kind in _DECLARATION_RE.findall(sparql):
        if kind not in KINDS:
            raise QueryError(f"# bind ?{name}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        declared[name] = kind
    return declared


def string_literal(value: str) -> str:
    """``value`` as a SPARQL string literal that nothing in it can end.

    Escapes are eight-digit (``\\U0000001B``), and a ``u`` after a backslash is one too, so
    that engines which expand ``\\uXXXX`` before parsing (rdflib, greedily) read the same string
    as those which do not (Oxigraph).

    >>> print(string_literal('say "hi"\\n\\x1b[2J \\\\u0041'))
    "say \\"hi\\"\\n\\U0000001B[2J \\\\\\U000000750041"
    """
    out, previous = [], ""
    for char in value:
        if char in _ECHARS:
            out.append(_ECHARS[char])
        elif unicodedata.category(char) == "Cc" or (char in "uU" and previous == "\\"):
            out.append(f"\\U{ord(char):08X}")
        else:
            out.append(char)
        previous = char
    return '"' + "".join(out) + '"'


def iri_term(name: str, value: str) -> str:
    """``<value>`` when ``value`` is an absolute IRI the SPARQL IRIREF grammar accepts.

    >>> iri_term("actor", "<https://w3id.org/etkg/id/actor/lavrov>")
    '<https://w3id.org/etkg/id/actor/lavrov>'
    >>> iri_term("actor", "urn:x> } #")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: --bind actor: 'urn:x> } #' is not an IRI (absolute, with no spaces, control characters or any of <>"{}|^`\\)
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if not _IRI_RE.fullmatch(text):
        raise QueryError(f"--bind {name}: {value!r} is not an IRI "
                         "(absolute, with no spaces, control characters or any of <>\"{}|^`\\)")
    return f"<{text}>"


def _date_value(name: str, value: str) -> str:
    """A value written like a date must be a real one ("2025-13-01" is refused); it is bound in the
    stored form, zero-padded ("2025-7" -> "2025-07"). Other values are bound as they are.

    >>> _date_value("from", " 2025-7-1 "), _date_value("type", "ASSAULT")
    ('2025-07-01', 'ASSAULT')
    """
    match = _LOOSE_DATE_RE.fullmatch(value.strip())
    if not match:
        return value
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise QueryError(f"--bind {name}: {value!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if match[3] else "")


def _declared_date(name: str, value: str) -> str:
    """A ``date`` variable takes only YYYY, YYYY-MM or YYYY-MM-DD.

    >>> _declared_date("to", "2025"), _declared_date("to", "2025-7")
    ('2025', '2025-07')
    """
    text = value.strip()
    if re.fullmatch(r"\d{4}", text) and text != "0000":
        return text
    if not _LOOSE_DATE_RE.fullmatch(text):
        raise QueryError(f"--bind {name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return _date_value(name, text)


def bound_term(name: str, value: str, kind: str = "string") -> str:
    """The RDF term (SPARQL syntax) a ``--bind`` value stands for.

    >>> bound_term("from", "2025-7", "date"), bound_term("name", "Sergey Lavrov")
    ('"2025-07"', '"Sergey Lavrov"')
    """
    if any(unicodedata.category(c) == "Cs" for c in value):
        raise QueryError(f"--bind {name}: the value is not valid text (undecodable bytes)")
    if kind == "iri":
        return iri_term(name, value)
    if kind == "date":
        return string_literal(_declared_date(name, value))
    return string_literal(_date_value(name, value))


def _code_only(sparql: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length, same offsets)."""
    return _NOT_CODE_RE.sub(lambda m: " " * len(m.group(0)), sparql)


def _check_variable(code: str, name: str) -> None:
    if not re.fullmatch(r"\w+", name) or name[0].isdigit():
        raise QueryError(f"bad variable name {name!r} in --bind")
    if not re.search(rf"[?$]{name}\b", code):
        raise QueryError(f"--bind {name}: the query has no variable ?{name}")
    if re.search(rf"\bAS\s+[?$]{name}\b", code, re.I):
        raise QueryError(f"--bind {name}: ?{name} is computed by the query and cannot be bound")


def bind(sparql: str, bindings: dict[str, str]) -> str:
    """Add one ``VALUES (?a ?b) { (term term) }`` clause inside the first WHERE group, each value
    written as the term its declared kind says (a string literal unless declared otherwise)."""
    if not bindings:
        return sparql
    code, declared = _code_only(sparql), bind_declarations(sparql)
    names = sorted(bindings)
    for name in names:
        _check_variable(code, name)
    variables = " ".join(f"?{n}" for n in names)
    values = " ".join(bound_term(n, bindings[n], declared.get(n, "string")) for n in names)
    clause = f"VALUES ({variables}) {{ ({values}) }}"
    # Inside the first group, so that FILTERs in the WHERE clause see the bound values.
    where = re.search(r"\bWHERE\s*\{", code, re.I)
    if not where:
        raise QueryError("--bind needs a query with a WHERE { ... } clause")
    return sparql[:where.end()] + "\n  " + clause + sparql[where.end():]
