"""Clean article text before extraction, so every offset refers to the text that is stored.

:func:`clean_text` runs on every document's text (and :func:`clean_line` on its title, id and
url) in :func:`kg.read.document_from_text`. What it changes, in this order, and why:

Offsets: the common repairs keep the text's length (line breaks, control characters, lone
surrogates), so offsets into a clean input are offsets into what was given; the repairs that
cannot (mojibake, markup, invisible characters, NFC) change it, and ``kg extract`` then returns
the stored text as ``"text"`` beside the offsets that refer to it.

1. **Lone surrogates become U+FFFD** (a valid pair written as two code points is joined first).
   They come from JSON escapes such as ``"\\ud800"`` or an emoji cut in half; they cannot be
   written as UTF-8, so they would crash any later output.
2. **Mojibake is repaired with ftfy** (UTF-8 read as Windows-1252, Latin-1 or Windows-1251,
   even twice: ``"cafÃ©"`` -> ``"café"``, ``"Ù…Ø­Ù…Ø¯"`` -> ``"محمد"``). ftfy only runs when a
   cheap pattern sees a sign of it, so clean text pays almost nothing.
3. **Line breaks and control characters**: ``\\r``, form feed, vertical tab, U+0085, U+2028
   and U+2029 become ``\\n`` (``\\r\\n`` a space and ``\\n``); other C0/C1 controls and DEL
   become spaces; the invisible characters that split words (soft hyphen, zero-width space,
   word joiner, BOM) are dropped.
   Tabs and ``\\n`` stay. Sentence splitting and offsets then see one kind of line break.
4. **HTML markup** is parsed with lxml: script/style content is dropped, block elements
   become paragraph breaks, entities are unescaped. It is recognised conservatively, since
   news text has angle brackets of its own (Reuters tickers "Bancorp <I>", "Co <MAY>"): a
   closing tag of a known element (``</p>``, ``</a>``), a known element with attributes
   (``<a href=...>``), a lower-case ``<p>``/``<br>``/``<hr>``, or a comment; inside markup a
   ``<`` that opens no known tag stays text. Text with entities but no markup
   (``AT&amp;T``) only has its entities unescaped; ``R&D`` and ``&copy`` are left alone.
5. **Unicode NFC**, so "é" written as e + combining accent matches the language data.

>>> clean_text("cafÃ© &amp; croissants\\r\\n")
'café & croissants \\n'
>>> clean_text("<p>Lavrov tiba.</p><p>Kim menyambut&nbsp;dia.</p>")
'Lavrov tiba.\\n\\nKim menyambut dia.'
>>> clean_text("a\\ud800b\\u2028c")
'a\ufffdb\\nc'
>>> clean_line("  Lavrov\\n bertemu   Kim ")
'Lavrov bertemu Kim'
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
# A UTF-8 lead byte read as Windows-1252/Latin-1 followed by a continuation byte read the same
# way; the same for Cyrillic read as Windows-1251 (lead bytes D0/D1 are "Р"/"С"); or a stray
# C1 control other than U+0085 (which is a line break). The pattern starts with one character
# class (look-behinds pick the branch) so the regex engine scans for it quickly.
_CONTINUATION_1252 = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_CONTINUATION_1251 = ("\u0402\u0403\u0405-\u040c\u040e\u040f\u0452-\u045c\u045e\u045f\u0490\u0491"
                      "\u00a4\u00a6\u00a7\u00a9\u00ab\u00ac\u00ae\u00b0\u00b1\u00b5-\u00b7\u00bb"
                      "\u201a\u201e\u2026\u2020\u2021\u20ac\u2030\u2039\u2018\u2019\u201c\u201d"
                      "\u2022\u2013\u2014\u2122\u203a\u2116")
_MOJIBAKE_SIGNS = re.compile(
    "[\u00c2-\u00f4\u0420\u0421\u0080-\u0084\u0086-\u009f]"
    f"(?:(?<=[\u00c2-\u00f4])[{_CONTINUATION_1252}]|(?<=[\u0420\u0421])[{_CONTINUATION_1251}]"
    "|(?<=[\u0080-\u009f]))"
)
# One cheap scan decides whether the two slower checks above are needed at all.
_MAYBE_BROKEN = re.compile("[\u0080-\u009f\u00c2-\u00f4\u0420\u0421\ud800-\udfff]")
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_DROPPED = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u2060\ufeff"
_NEEDS_LINE_FIX = re.compile(f"[{_LINE_BREAKS}{_DROPPED}]")
_LINE_TABLE = {**{ord(c): "\n" for c in _LINE_BREAKS},
               **{c: " " for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))},
               **{c: None for c in (0xAD, 0x200B, 0x2060, 0xFEFF)}}
_LINE_TABLE_SHORT = {k: (None if v == " " else v) for k, v in _LINE_TABLE.items()}
_BLOCK_TAGS = ("p|div|br|hr|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre"
               "|section|article|header|footer|nav|aside|main|figure|figcaption|address|details|summary"
               "|form|fieldset|html|head|body|title|meta|link")
_INLINE_TAGS = ("a|span|b|i|u|s|em|strong|small|big|sub|sup|font|center|code|kbd|abbr|cite|q|mark|time"
                "|img|iframe|script|style|noscript|template|svg|video|audio|source|picture|button|input"
                "|label|select|option|optgroup|textarea|wbr|del|ins|dfn|var|samp|bdi|bdo|ruby|rt|rp|data"
                "|meter|progress|output|legend|canvas|object|embed|param|area|map|col|colgroup|menu|hgroup"
                "|dialog|track|base|datalist")
_KNOWN_TAGS = f"{_BLOCK_TAGS}|{_INLINE_TAGS}"
# Markup is recognised only where it cannot be a ticker or a name in angle brackets ("Bancorp
# <I>", "Co <MAY>", "Inc <em>"): a closing tag, a tag with attributes, a lower-case <p>, <br>
# or <hr> (often left unclosed), or a comment.
_MARKUP = re.compile(
    rf"</(?:{_KNOWN_TAGS})\s*>"
    rf"|<(?:{_KNOWN_TAGS})\s+[a-z_:][-\w:.]*\s*(?:=|/?>)"
    r"|<(?-i:p|br|hr)\s*/?>"
    r"|<!--",
    re.IGNORECASE,
)
# "<" that opens no known tag ("3 < 5", "<RTRS.L>") is text, kept when the markup is parsed.
_NOT_A_TAG = re.compile(rf"<(?!/?(?:{_KNOWN_TAGS})(?![-\w.])|!--|!doctype|\?xml)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SKIPPED_ELEMENTS = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select"}
_BLOCK_ELEMENTS = set(_BLOCK_TAGS.replace("h[1-6]", "h1|h2|h3|h4|h5|h6").split("|")) - {"br", "td", "th"}
_SPACES = re.compile(r"\s+")
_SPACES_IN_LINE = re.compile(r"[^\S\n]+")
_BLOCK_MARKUP = re.compile(rf"<(?:{_BLOCK_TAGS})[\s/>]", re.IGNORECASE)
_PARAGRAPHS = re.compile(r" *\n[ \n]*")


def clean_text(text: str, keep_length: bool = True) -> str:
    """The text an article is stored and analysed as (see the module docstring for the steps).

    >>> clean_text("Menurut KCNA,\\u00adKim tiba.\\x0cHalaman 2")
    'Menurut KCNA,Kim tiba.\\nHalaman 2'
    >>> clean_text("e\\u0301") == "\\u00e9"
    True
    """
    ascii_only = text.isascii()
    if not ascii_only and _MAYBE_BROKEN.search(text):
        text = drop_surrogates(text, "\ufffd" if keep_length else "")
        if _MOJIBAKE_SIGNS.search(text):
            text = repair_mojibake(text)
    text = fix_line_breaks(text, keep_length)
    if ("<" in text or "&" in text) and (_MARKUP.search(text) or _ENTITY.search(text)):
        text = fix_line_breaks(strip_markup(text) if _MARKUP.search(text) else unescape_entities(text), keep_length)
        ascii_only = text.isascii()
    if not ascii_only and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def clean_line(value: str) -> str:
    """Clean a one-line field (title, id, url): :func:`clean_text`, whitespace runs -> one space.

    >>> clean_line("Lavrov &amp; Kim\\r\\n")
    'Lavrov & Kim'
    """
    return " ".join(clean_text(value, keep_length=False).split())


def drop_surrogates(text: str, replacement: str = "") -> str:
    """Join surrogate pairs written as two code points; drop the lone halves.

    >>> drop_surrogates("x\\ud83d\\ude00y\\udc00")
    'x😀y'
    """
    if not _SURROGATE.search(text):
        return text
    text = _SURROGATE_PAIR.sub(_join_pair, text)
    return _SURROGATE.sub(replacement, text)


def _join_pair(match: re.Match) -> str:
    high, low = match.group()
    return chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 decoded with the wrong single-byte encoding (ftfy; only encoding fixes).

    >>> repair_mojibake("â€œKerja samaâ€\\x9d")
    '“Kerja sama”'
    """
    import ftfy

    return ftfy.fix_text(text, _ftfy_config())


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig

    # Only the encoding repairs: quotes, ligatures, widths and line breaks stay as written,
    # C1 controls are left for fix_line_breaks (U+0085 is a line break, not "…").
    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False,
                           fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
                           fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
                           normalization=None, explain=False)


def fix_line_breaks(text: str, keep_length: bool = True) -> str:
    """One kind of line break (``\\n``); control characters become spaces, invisible
    word-splitting characters are dropped. Line breaks and controls keep the text's length
    (``\\r\\n`` becomes a space and ``\\n``), so offsets into a clean input stay offsets into
    what was given.

    >>> fix_line_breaks("a\\r\\nb\\rc\\x00d\\te\\u2029")
    'a \\nb\\nc d\\te\\n'
    """
    if not _NEEDS_LINE_FIX.search(text):
        return text
    if not keep_length:
        return text.replace("\r\n", "\n").translate(_LINE_TABLE_SHORT)
    return text.replace("\r\n", " \n").translate(_LINE_TABLE)


def unescape_entities(text: str) -> str:
    """Unescape HTML entities that end with ``;``; ``&nbsp;`` becomes a plain space.

    >>> unescape_entities("AT&amp;T, R&D, 5&nbsp;km, &#8220;ok&#x201D; &bogus;")
    'AT&T, R&D, 5 km, “ok” &bogus;'
    """
    return _ENTITY.sub(_unescape_one, text)


def _unescape_one(match: re.Match) -> str:
    entity = match.group()
    return " " if entity == "&nbsp;" else html.unescape(entity)


def strip_markup(text: str, page: bool = False) -> str:
    """Text of an HTML fragment or page: no tags, scripts or styles; blocks become paragraphs.

    In a fragment (``page=False``) a ``<`` that opens no known tag is kept as text.

    >>> strip_markup("Kim <b>tiba</b>.\\nLalu pergi.")
    'Kim tiba.\\nLalu pergi.'
    >>> strip_markup('<div>Kim <a href="/x">tiba</a>.<br>Baris 2<script>x=1</script></div><p>Lalu</p>')
    'Kim tiba.\\nBaris 2\\n\\nLalu'
    """
    from lxml import etree, html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        source = text if page else _NOT_A_TAG.sub("&lt;", text)
        root = lxml_html.document_fromstring(source.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    # With block tags, source line breaks are layout; with inline tags only, they are the text's.
    spaces = _SPACES if _BLOCK_MARKUP.search(text) else _SPACES_IN_LINE
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIPPED_ELEMENTS:
                walker.skip_subtree()
            else:
                parts.append(_opening_break(tag))
                if element.text:
                    parts.append(spaces.sub(" ", element.text))
            continue
        if tag not in _SKIPPED_ELEMENTS:
            parts.append(_closing_break(tag))
        elif tag == "head":
            parts.append("\n\n")
        if element.tail:
            parts.append(spaces.sub(" ", element.tail))
    return _PARAGRAPHS.sub(_paragraph_break, "".join(parts)).strip()


def _opening_break(tag: str) -> str:
    return "\n\n" if tag in _BLOCK_ELEMENTS else ""


def _closing_break(tag: str) -> str:
    if tag == "br":
        return "\n"
    if tag in ("td", "th"):
        return " "
    return "\n\n" if tag in _BLOCK_ELEMENTS else ""


def _paragraph_break(match: re.Match) -> str:
    return "\n\n" if match.group().count("\n") > 1 else "\n"


def clean_id(value: str) -> str:
    """Clean an identifier or URL: no surrogates, control characters or line breaks; stripped.

    Markup and entities are left alone: an id is data, not prose.

    >>> clean_id(" doc\\u00ad-1\\r\\n\\ud800")
    'doc-1'
    """
    return fix_line_breaks(drop_surrogates(value), keep_length=False).replace("\n", "").replace("\t", " ").strip()
