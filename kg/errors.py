"""Every error the library raises on purpose, with a message fit for one line of output.

The CLI prints ``kg: <message>`` and exits non-zero for any :class:`KGError`; nothing else
should reach a user as a traceback.

>>> str(InputError("notes.txt", "file is empty"))
'notes.txt: file is empty'
"""
from __future__ import annotations


class KGError(Exception):
    """Base class: a problem the user can fix, described in one line."""

    exit_code = 1


class InputError(KGError):
    """An input file or record cannot be read (empty, binary, bad encoding, bad JSON...)."""

    exit_code = 2

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    @classmethod
    def from_line(cls, line: str) -> "InputError":
        """Rebuild from an already formatted ``"source: reason"`` line."""
        source, _, reason = line.partition(": ")
        return cls(source, reason)


class UsageError(KGError):
    """An option has an impossible value (unknown language, impossible date, bad format)."""

    exit_code = 2


class StoreError(KGError):
    """The store is missing, unwritable or cannot run an operation."""

    exit_code = 3


class InvalidTermError(StoreError):
    """A triple to write holds a term that is not valid RDF (an IRI with a space, a bad language tag)."""


class QueryError(KGError):
    """A SPARQL query is malformed or not allowed (SERVICE, LOAD, updates)."""

    exit_code = 4
