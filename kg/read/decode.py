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

from kg.errors import InputError


def decode_bytes(raw: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``raw`` to text; raise :class:`InputError` for empty, binary or undecodable input."""
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise InputError(source, f"unknown encoding {encoding!r}") from None
        if not getattr(info, "_is_text_encoding", True):
            raise InputError(source, f"{encoding!r} is not a text encoding")
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid {encoding} ({exc.reason} at offset {exc.start})") from None
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "not valid UTF-16 despite its byte-order mark") from None
    else:
        if b"\x00" in raw[:8192]:
            raise InputError(source, "binary file (contains NUL bytes), not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start]
            raise InputError(
                source,
                f"not valid UTF-8 (byte 0x{byte:02x} at offset {exc.start}); "
                "re-encode it as UTF-8 or pass --encoding",
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    check_text(text, source)
    return text


def check_text(text: str, source: str) -> None:
    """Refuse empty text and text that is mostly control characters (a binary in disguise)."""
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    if not any(ch.isalnum() for ch in text[:100_000]):
        raise InputError(source, "no words in the input (only punctuation or invisible characters)")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(4, len(sample) // 50):
        raise InputError(source, "binary data (control characters), not text")
