"""Readers for time-annotated corpora: TimeML (``.tml``, TempEval-3 style, with a DCT) and the
CAT XML of MEANTIME / SemEval-2015 (tokens + TIMEX3 markables anchored on token ids).

Both give an :class:`AnnotatedText`: the plain text, the document creation time and the gold
TIMEX3 spans as character offsets into that text.

>>> doc = parse_timeml_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-07-12" '
...     'functionInDocument="CREATION_TIME">July 12, 2025</TIMEX3></DCT><TEXT>He came '
...     '<TIMEX3 tid="t1" type="DATE" value="2025-07-11">yesterday</TIMEX3>.</TEXT></TimeML>', "x.tml")
>>> doc.dct, doc.text, [(doc.text[s:e], v) for s, e, _, v in doc.timexes]
('2025-07-12', 'He came yesterday.', [('yesterday', '2025-07-11')])
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


@dataclass
class AnnotatedText:
    """Plain text with gold TIMEX3 spans ``(start, end, type, value)``."""

    id: str
    text: str
    dct: str | None
    lang: str
    timexes: list[tuple[int, int, str, str]] = field(default_factory=list)


def parse_timeml_text(raw: str, source: str, lang: str = "en") -> AnnotatedText:
    """Parse TimeML markup: text inside ``<TEXT>``, TIMEX3 spans, DCT from ``<DCT>``."""
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body:
        raise InputError(source, "not a TimeML file (no <TEXT> element)")
    parts, spans, stack, pos = [], [], [], 0
    for m in re.finditer(r"<(/?)(\w+)([^>]*?)(/?)>|([^<]+)", body.group(1)):
        if m.group(5) is not None:
            chunk = html.unescape(m.group(5))
            parts.append(chunk)
            pos += len(chunk)
        elif m.group(2) == "TIMEX3" and not m.group(4):
            if m.group(1) == "":
                stack.append((pos, dict(re.findall(r"(\w+)=\"([^\"]*)\"", m.group(3)))))
            elif stack:
                start, attrs = stack.pop()
                if pos > start:
                    spans.append((start, pos, attrs.get("type", "DATE"), attrs.get("value", "")))
    return AnnotatedText(Path(source).stem, "".join(parts), dct_match.group(1)[:10] if dct_match else None, lang, spans)


def read_cat(path: str | Path) -> AnnotatedText:
    """Read a CAT XML document; the text is its tokens joined with ordinary spacing and one line
    per sentence. The CREATION_TIME TIMEX3 gives the DCT (it also annotates the dateline).

    MEANTIME annotates only the first sentences of each article: the text stops after the last
    sentence holding any markable, so unannotated sentences do not count as false positives.
    """
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"not a readable CAT XML file ({exc})") from None
    sentence_of = {t.get("t_id"): int(t.get("sentence") or 0) for t in root.iter("token")}
    markables = root.find("Markables")
    annotated = [sentence_of.get(a.get("t_id"), 0) for a in (markables.iter("token_anchor") if markables is not None else [])]
    last = max(annotated, default=max(sentence_of.values(), default=0))
    offsets: dict[str, tuple[int, int]] = {}
    text, sentence, previous = "", None, ""
    for token in root.iter("token"):
        if int(token.get("sentence") or 0) > last:
            break
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            text += "\n"
        elif text and previous not in NO_SPACE_AFTER and word not in NO_SPACE_BEFORE:
            text += " "
        sentence, previous = token.get("sentence"), word
        offsets[token.get("t_id")] = (len(text), len(text) + len(word))
        text += word
    dct, spans = None, []
    for timex in (markables.iter("TIMEX3") if markables is not None else []):
        anchors = [offsets[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = (timex.get("value") or "")[:10] or None
        if anchors:
            spans.append((min(a[0] for a in anchors), max(a[1] for a in anchors), timex.get("type", "DATE"),
                          timex.get("value", "")))
    return AnnotatedText(root.get("doc_id") or Path(path).stem, text, dct, root.get("lang", "en"), sorted(spans))


def read_annotated(path: str | Path, lang: str = "en") -> AnnotatedText:
    """A ``.tml`` TimeML file or a CAT ``.xml`` file."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None
    if "<TimeML" in raw[:2000] or path.suffix == ".tml":
        return parse_timeml_text(raw, str(path), lang)
    return read_cat(path)
