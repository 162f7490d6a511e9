"""Turn raw bytes into text, or refuse with a one-line reason.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; any other encoding
must be named with ``encoding=`` (the CLI's ``--encoding``), never guessed silently.

>>> decode_bytes("Sabtu".encode("utf-8-sig"), "a.txt")
'Sabtu'
>>> decode_bytes(b"caf\\xe9", "b.txt")
Traceback (most recent call last):
...
kg.errors.InputError: b.txt: not valid UTF-8 (byte 0xe9 at offset 3); re-encode it as UTF-8 or pass --encoding
"""
from __future__ import annotations

import codecs
import re

from kg.errors import InputError

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def decode_bytes(raw: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``raw`` to text; raise :class:`InputError` for empty, binary or undecodable input.

    A NUL byte anywhere (not only near the start) marks a binary file, unless the text is
    UTF-16/32 (a byte-order mark, or ``encoding`` names one).

    >>> decode_bytes(b"Lavrov tiba." + b" " * 10000 + b"\\x00", "c.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: c.txt: binary file (contains NUL bytes), not text
    """
    if not is_wide(raw, encoding) and b"\x00" in raw:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    text = decode_line(raw, source, encoding)
    check_text(text, source)
    return text


def decode_line(raw: bytes, source: str, encoding: str | None = None) -> str:
    """Decode one record's bytes (a JSON Lines line) without the whole-file checks.

    >>> decode_line(b"\\xef\\xbb\\xbf{}", "a.jsonl:1")
    '{}'
    """
    if encoding:
        codec = check_encoding(encoding, source)
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid {encoding} ({exc.reason} at offset {exc.start})") from None
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "not valid UTF-16 despite its byte-order mark") from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start]
            raise InputError(
                source,
                f"not valid UTF-8 (byte 0x{byte:02x} at offset {exc.start}); "
                "re-encode it as UTF-8 or pass --encoding",
            ) from None
    return text[1:] if text.startswith("\ufeff") else text


def check_encoding(encoding: str, source: str = "--encoding") -> str:
    """The codec name for ``encoding``, or :class:`InputError` if it is no text encoding.

    >>> check_encoding("Latin-1")
    'iso8859-1'
    """
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(source, f"{encoding!r} is not a text encoding")
    return info.name


def stream_encoding(head: bytes, encoding: str | None) -> str:
    """The codec to read a file incrementally with, from its first bytes (as :func:`decode_bytes`).

    >>> stream_encoding(b"\\xff\\xfe{", None), stream_encoding(b"{", None), stream_encoding(b"{", "cp1252")
    ('utf-16', 'utf-8-sig', 'cp1252')
    """
    if encoding:
        return check_encoding(encoding)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def is_wide(head: bytes, encoding: str | None) -> bool:
    """True for UTF-16/32 input, where NUL bytes are normal and ``b"\\n"`` does not end a line.

    >>> is_wide("x".encode("utf-16"), None), is_wide(b"x", "utf-32-le"), is_wide(b"x", None)
    (True, True, False)
    """
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            return False
        return name.startswith(("utf-16", "utf-32"))
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def check_text(text: str, source: str, controls: bool = True) -> None:
    """Refuse empty text, text without words, and (unless ``controls=False``, for text already
    cleaned of them) text that is mostly control characters (a binary in disguise).

    >>> check_text("\\x01\\x02\\x03\\x04\\x05 abc", "x.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.txt: binary data (control characters), not text
    """
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    if not any(ch.isalnum() for ch in text[:100_000]):
        raise InputError(source, "no words in the input (only punctuation or invisible characters)")
    sample = text[:4096]
    if controls and _CONTROLS.search(sample) and len(_CONTROLS.findall(sample)) > max(4, len(sample) // 50):
        raise InputError(source, "binary data (control characters), not text")
