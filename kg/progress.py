"""Progress of a long ingest on stderr: a live line on a terminal, a periodic line otherwise.

>>> import io
>>> from kg.ingest import IngestSummary
>>> out = io.StringIO()
>>> report = ProgressReporter(out, interactive=False, every=0)
>>> report(IngestSummary(documents=3, unchanged=1))
>>> out.getvalue().startswith("kg: 4 article(s) so far: 3 stored, 1 unchanged, 0 failed")
True
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

from kg.ingest import IngestSummary
from kg.sparql.results import terminal_safe


class ProgressReporter:
    """Callable given to :func:`kg.api.ingest` as ``progress``; also prints each failure once."""

    def __init__(self, stream: TextIO | None = None, interactive: bool | None = None, every: float = 10.0,
                 quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.every, self.quiet = every, quiet
        self.started = self.last = time.monotonic()
        self.failures_shown = 0
        self.live = False

    def __call__(self, summary: IngestSummary) -> None:
        for failure in summary.failures[self.failures_shown:]:  # failures are always shown
            self._clear()
            print(f"kg: {terminal_safe(failure.reason)}", file=self.stream, flush=True)  # names are data
        self.failures_shown = len(summary.failures)
        if self.quiet:
            return
        now = time.monotonic()
        if now - self.last < (0.2 if self.interactive else self.every):
            return
        self.last = now
        line = self._line(summary, now)
        if self.interactive:
            self.stream.write("\r\x1b[2K" + line)
            self.stream.flush()
            self.live = True
        else:
            print(f"kg: {line}", file=self.stream, flush=True)

    def _line(self, summary: IngestSummary, now: float) -> str:
        rate = summary.seen / max(now - self.started, 1e-9)
        return (f"{summary.seen:,} article(s) so far: {summary.documents:,} stored, {summary.unchanged:,} unchanged, "
                f"{summary.failed:,} failed ({rate:,.1f}/s)")

    def _clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")
            self.live = False

    def done(self) -> None:
        """End the live line before the final summary is printed."""
        self._clear()
