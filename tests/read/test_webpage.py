"""Whole web pages: article text and metadata with trafilatura, with the network switched off."""
from __future__ import annotations

import datetime as dt
import io
import socket

import pytest

from kg.read import read_inputs

PAGE = """<!DOCTYPE html><html lang="id-ID"><head><meta charset="utf-8">
<title>Lavrov bertemu Kim | Berita</title>
<meta property="og:title" content="Lavrov bertemu Kim Jong Un">
<meta property="article:published_time" content="2025-07-12T08:00:00+07:00">
<link rel="canonical" href="https://example.com/berita/lavrov-kim">
<script>var x = "<p>skrip</p>";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>
<article><h1>Lavrov bertemu Kim Jong Un</h1>
<p>Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan pemimpin Korea Utara Kim Jong Un di Wonsan
pada hari Sabtu, kata kantor berita resmi KCNA.</p>
<p>Pertemuan itu berlangsung setelah Lavrov tiba di Pyongyang &amp; membahas kerja sama militer&nbsp;kedua
negara yang semakin erat sejak tahun lalu.</p></article>
<footer>Hak cipta 2025. Baca juga: berita lain.</footer>
<div class="comments"><p>Komentar pembaca: bagus sekali</p></div></body></html>
"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the network was used")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_article_text_and_metadata_from_the_page(tmp_path):
    (tmp_path / "lavrov.html").write_text(PAGE, encoding="utf-8")
    (result,) = read_inputs([str(tmp_path)])
    doc = result.document
    assert (doc.id, doc.title, doc.published, doc.url, doc.lang) == (
        "lavrov", "Lavrov bertemu Kim Jong Un", dt.date(2025, 7, 12), "https://example.com/berita/lavrov-kim", "id")
    assert "Sergey Lavrov bertemu dengan pemimpin Korea Utara" in doc.text
    assert "Pyongyang & membahas kerja sama militer kedua" in doc.text
    for boilerplate in ("Beranda", "skrip", "color", "Hak cipta", "Komentar pembaca", "<p>"):
        assert boilerplate not in doc.text


def test_given_options_win_over_the_page(tmp_path):
    path = tmp_path / "lavrov.htm"
    path.write_text(PAGE, encoding="utf-8")
    (result,) = read_inputs([str(path)], title="Judul saya", published="2025-07-13", lang="id")
    assert (result.document.title, result.document.published) == ("Judul saya", dt.date(2025, 7, 13))
    assert result.document.url == "https://example.com/berita/lavrov-kim"


def test_a_url_looking_page_is_not_fetched(tmp_path):
    path = tmp_path / "u.html"
    path.write_text("https://example.com/berita/lavrov-kim", encoding="utf-8")
    (result,) = read_inputs([str(path)], lang="id")
    assert result.document.text == "https://example.com/berita/lavrov-kim"


def test_small_page_falls_back_to_its_visible_text(tmp_path):
    path = tmp_path / "small.html"
    path.write_text("<html><head><title>Singkat</title></head><body><p>Kim tiba.</p></body></html>", encoding="utf-8")
    (result,) = read_inputs([str(path)], lang="id")
    assert result.document.text == "Kim tiba." and result.document.title == "Singkat"


def test_page_declaring_its_charset(tmp_path):
    path = tmp_path / "cp.html"
    path.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Kim tiba di café.</p></body></html>'
                     .encode("cp1252"))
    (result,) = read_inputs([str(path)], lang="id")
    assert result.document.text == "Kim tiba di café."


def test_empty_and_binary_pages(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_bytes(b"<html>" + b" " * 9000 + b"\x00</html>")
    empty, binary = read_inputs([str(tmp_path)], lang="id")
    assert "empty input" in empty.error and "binary file" in binary.error


def test_page_on_stdin():
    (result,) = read_inputs(["-"], stdin=io.BytesIO(PAGE.encode("utf-8")))
    assert result.document.title == "Lavrov bertemu Kim Jong Un" and result.document.id.startswith("stdin-")
