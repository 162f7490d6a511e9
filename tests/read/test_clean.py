"""Text cleaning: mojibake, Unicode forms, control characters, surrogates, HTML in text fields."""
from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest

from kg.read import document_from_text
from kg.read.clean import clean_line, clean_text, strip_markup

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpus" / "indosum-id.jsonl"  # beside the repo


@pytest.mark.parametrize("broken, fixed", [
    ("cafÃ© au lait", "café au lait"),
    ("Ù…Ø­Ù…Ø¯ Ø¨Ù† Ø³Ù„Ù…Ø§Ù†", "محمد بن سلمان"),                          # Arabic, UTF-8 read as cp1252
    ("محمد".encode().decode("latin-1"), "محمد"),                        # ... read as Latin-1 (C1 bytes)
    ("â€œKerja sama yang dijalaniâ€\x9d", "“Kerja sama yang dijalani”"),
    ("Президент России прибыл в Пхеньян.".encode().decode("cp1251"), "Президент России прибыл в Пхеньян."),
    ("cafÃƒÂ©", "café"),                                                 # decoded wrongly twice
])
def test_mojibake_is_repaired(broken, fixed):
    assert clean_text(broken) == fixed


@pytest.mark.parametrize("text", [
    "Lavrov tiba di Pyongyang pada hari Sabtu.",
    "São Paulo, Zürich, Besançon, Łódź, İstanbul — “kutipan” dan ‘satu’ … 5 € ™",
    "Москва, Россия. محمد. 北京. दिल्ली",
    "3 < 5 and 7 > 2; R&D; AT&T; Lavrov <Reuters> tiba",
    "Baris satu.\n\nBaris\tdua.",
])
def test_clean_text_is_left_alone(text):
    assert clean_text(text) == text


def test_nfc_normalisation():
    decomposed = unicodedata.normalize("NFD", "Besançon, café, Việt Nam")
    assert decomposed != "Besançon, café, Việt Nam"
    assert clean_text(decomposed) == "Besançon, café, Việt Nam"


@pytest.mark.parametrize("raw, clean", [
    ("a\r\nb\rc", "a \nb\nc"),  # the length is kept: offsets into the input stay valid
    ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"),
    ("a\x0cb\x0bc", "a\nb\nc"),
    ("a\x00b\x07c\x1bd\x7fe\x81", "a b c d e "),
    ("\x93kutipan\x94", "“kutipan”"),  # C1 controls with a Windows-1252 meaning are mojibake
    ("ke\u00adna\u200bl\ufeff\u2060", "kenal"),
    ("tab\tstays", "tab\tstays"),
])
def test_line_breaks_and_control_characters(raw, clean):
    assert clean_text(raw) == clean


def test_lone_surrogates_are_replaced_and_pairs_joined():
    # json.loads keeps lone surrogate escapes; they cannot be written as UTF-8
    text = json.loads('"Kim \\ud800tiba\\udfff \\ud83d\\ude00."')
    assert clean_text(text) == "Kim \ufffdtiba\ufffd 😀."
    assert clean_text("x\ud83d\ude00y") == "x😀y"
    clean_text(text).encode("utf-8")


def test_html_in_text_fields():
    html = ('<div class="c"><p>Lavrov tiba di <a href="https://x.example/">Pyongyang</a>.</p>\n'
            '<script>alert("<p>x</p>")</script><style>p { color: red }</style>'
            '<p>Kim&nbsp;menyambut &amp; berkata &#8220;selamat&#x201D;.<br>Baris baru</p>'
            '<!-- komentar --><ul><li>satu</li><li>dua</li></ul></div>')
    assert clean_text(html) == ('Lavrov tiba di Pyongyang.\n\nKim menyambut & berkata “selamat”.\nBaris baru'
                                '\n\nsatu\n\ndua')


def test_entities_without_markup():
    assert clean_text("AT&amp;T &lt;b&gt; 5&nbsp;km R&D &copy") == "AT&T <b> 5 km R&D &copy"


def test_markup_edge_cases():
    assert clean_text("<script>only code</script>") == ""
    assert clean_text("<?xml version='1.0' encoding='utf-8'?><p>z</p>") == "z"
    assert clean_text("a <b>bold</b> word") == "a bold word"
    assert strip_markup("<table><tr><td>a</td><td>b</td></tr></table>") == "a b"


def test_tickers_and_names_in_angle_brackets_are_not_markup():
    for text in ("First Interstate Bancorp <I> takeover", "May Department Stores Co <MAY> and <P>",
                 "Entertainment Marketing Inc <em> for", "Lavrov <Reuters> tiba", "x<BR>y"):
        assert clean_text(text) == text
    assert clean_text("<p>Reuters Holdings Plc <RTRS.L> said 3 < 5.</p>") == "Reuters Holdings Plc <RTRS.L> said 3 < 5."


def test_clean_line_for_titles():
    assert clean_line("  <b>Lavrov</b>\r\n bertemu   Kim ") == "Lavrov bertemu Kim"


def test_document_offsets_refer_to_the_cleaned_text():
    doc = document_from_text("cafÃ©\r\nLavrov <b>tiba</b>.", doc_id="x", lang="id", title="T\ud800 &amp; U")
    assert doc.text == "café\nLavrov tiba." and doc.title == "T & U"
    assert doc.text[doc.text.index("tiba"):][:4] == "tiba"
    raw = document_from_text("Lavrov\r\ntiba.", doc_id="y", lang="id", clean=False)
    assert raw.text == "Lavrov\r\ntiba."


def test_text_that_is_only_markup_is_refused():
    from kg.errors import InputError

    with pytest.raises(InputError, match="empty input"):
        document_from_text("<script>var x = 1;</script>", doc_id="s", lang="id")


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_cleaning_is_fast_on_real_articles():
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")][:1500]
    clean_text("warm up")
    start = time.perf_counter()
    cleaned = [clean_text(t) for t in texts]
    per_article = (time.perf_counter() - start) / len(texts)
    assert per_article < 0.001, f"{per_article * 1e6:.0f} µs per article"
    plain = [t for t in texts if "\u200b" not in t and "\u00ad" not in t and "â€" not in t and "\u2060" not in t]
    assert sum(a != b for a, b in zip(plain, (clean_text(t) for t in plain))) == 0
    assert len(cleaned) == len(texts)
