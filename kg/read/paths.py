"""Which files a list of paths names: folders walked in sorted order, links and unreadable
folders reported, never followed or skipped silently.

Inside a folder, symbolic links (to files or folders) are not followed unless
``follow_symlinks=True``: a link can lead out of the folder the user chose, or loop. Each one
that would have been read is reported as an error result naming it. A path named on the command
line may itself be a link: naming it is asking for it.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> for name in ("b.txt", "a.jsonl", "notes.bin"):
...     open(os.path.join(folder, name), "w").close()
>>> [(s.doc_id, s.kind) for s in list_sources(folder)]
[('a', 'jsonl'), ('b', 'text')]
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.errors import InputError

TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv")
HTML_SUFFIXES = (".html", ".htm")
READABLE_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + TABLE_SUFFIXES + HTML_SUFFIXES
LINK_NOT_FOLLOWED = "symbolic link not followed; use --follow-symlinks"


@dataclass(frozen=True)
class Source:
    """One input to read: a file (``kind`` says how), stdin, or an ``error`` found while listing."""

    label: str                 # how messages name it (printable even for undecodable file names)
    path: Path | None = None   # None for stdin
    doc_id: str = ""           # a one-document file's id: its path inside the folder, no suffix
    kind: str = "text"         # text | jsonl | csv | tsv | html | stdin
    error: str | None = None


def kind_of(path: Path) -> str:
    """How a file is read, from its suffix (anything unknown is read as plain text).

    >>> kind_of(Path("a.TSV")), kind_of(Path("page.htm")), kind_of(Path("notes"))
    ('tsv', 'html', 'text')
    """
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TABLE_SUFFIXES:
        return suffix[1:]
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def printable(name: str | os.PathLike) -> str:
    """A file name fit for a message: bytes that are not UTF-8 become U+FFFD.

    >>> printable("caf\\udce9.txt")
    'caf\\ufffd.txt'
    """
    return os.fsencode(name).decode("utf-8", "replace")


def list_sources(name: str, follow_symlinks: bool = False) -> list[Source]:
    """The inputs one path names. Raises :class:`InputError` for a path that does not exist or
    a folder with nothing to read; everything else wrong is a :class:`Source` with an error."""
    if name == "-":
        return [Source("<stdin>", kind="stdin", doc_id="stdin")]
    path = Path(name)
    label = printable(name)
    if not path.exists():
        reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        raise InputError(label, reason)
    if not path.is_dir():
        return [Source(label, path, printable(path.stem), kind_of(path))]
    sources = list(_walk(path, path, follow_symlinks, {_identity(path)}))
    if not sources:
        raise InputError(label, f"directory holds no readable files ({', '.join(READABLE_SUFFIXES)})")
    return sources


def _walk(folder: Path, top: Path, follow: bool, seen: set) -> Iterator[Source]:
    """Depth-first in name order (a folder's files and sub-folders interleaved by name)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Source(printable(folder), folder, error=f"cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            yield from _link(entry, path, top, follow, seen)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path, top, follow, seen | {_identity(path)} if follow else seen)
        elif entry.is_file(follow_symlinks=False) and path.suffix.lower() in READABLE_SUFFIXES:
            yield _file(path, top)


def _link(entry: os.DirEntry, path: Path, top: Path, follow: bool, seen: set) -> Iterator[Source]:
    """A symbolic link met inside a folder: reported, or followed when asked (loops reported)."""
    try:
        is_dir = entry.is_dir()
    except OSError:
        is_dir = False
    if not is_dir and path.suffix.lower() not in READABLE_SUFFIXES:
        return
    label = printable(path)
    if not follow:
        yield Source(label, path, error=LINK_NOT_FOLLOWED)
    elif not path.exists():
        yield Source(label, path, error="broken symbolic link")
    elif is_dir:
        identity = _identity(path)
        if identity in seen:
            yield Source(label, path, error="symbolic link loop not followed (folder already read)")
            return
        yield from _walk(path, top, follow, seen | {identity})
    else:
        yield _file(path, top)


def _file(path: Path, top: Path) -> Source:
    doc_id = printable(path.relative_to(top).with_suffix("").as_posix())
    return Source(printable(path), path, doc_id, kind_of(path))


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino


def read_file_bytes(path: Path, label: str, limit: int | None = None) -> bytes:
    """A file's bytes, or :class:`InputError` (unreadable, or larger than ``limit`` bytes)."""
    try:
        with open(path, "rb") as handle:
            if limit is not None and os.fstat(handle.fileno()).st_size > limit:
                raise InputError(label, f"file too large (over {limit:,} bytes; raise max_chars to read it)")
            return handle.read()
    except OSError as exc:
        raise InputError(label, f"cannot read ({exc.strerror or exc})") from None


def file_has_nul(path: Path, chunk: int = 1 << 20) -> bool:
    """True if the file holds a NUL byte anywhere (read in chunks, never whole)."""
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            if b"\x00" in block:
                return True
    return False
