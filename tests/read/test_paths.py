"""Paths and bytes: symbolic links, unreadable files and folders, binary files, size limits."""
from __future__ import annotations

import os

import pytest

from kg.read import read_inputs
from kg.read import paths as paths_module


def outcome(results, root):
    return [(r.source.replace(str(root) + "/", ""), r.document.id if r.document else r.error.split(": ", 1)[1])
            for r in results]


@pytest.fixture
def linked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "t.txt").write_text("Lavrov tiba di Pyongyang.", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Kim tiba di Moskow.", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "t.txt")
    (folder / "dirlink").symlink_to(outside)
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "other.bin").symlink_to(outside / "t.txt")      # not a readable suffix: not reported
    (folder / "sub" / "loop").symlink_to(folder)
    return folder


def test_links_inside_a_folder_are_reported_not_followed(linked):
    results = read_inputs([str(linked)], lang="id")
    assert outcome(results, linked) == [
        ("a.txt", "a"),
        ("broken.txt", "symbolic link not followed; use --follow-symlinks"),
        ("dirlink", "symbolic link not followed; use --follow-symlinks"),
        ("link.txt", "symbolic link not followed; use --follow-symlinks"),
        ("sub/loop", "symbolic link not followed; use --follow-symlinks"),
    ]


def test_follow_symlinks_reads_them_and_stops_at_loops(linked):
    results = read_inputs([str(linked)], lang="id", follow_symlinks=True)
    assert outcome(results, linked) == [
        ("a.txt", "a"),
        ("broken.txt", "broken symbolic link"),
        ("dirlink/t.txt", "dirlink/t"),
        ("link.txt", "link"),
        ("sub/loop", "symbolic link loop not followed (folder already read)"),
    ]


def test_a_link_named_on_the_command_line_is_read(linked):
    (result,) = read_inputs([str(linked / "link.txt")], lang="id")
    assert result.document.text == "Lavrov tiba di Pyongyang."
    with pytest.raises(Exception, match="broken symbolic link"):
        read_inputs([str(linked / "broken.txt")])


def test_unreadable_sub_folder_is_an_error_result(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Kim tiba.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Lavrov tiba.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(paths_module.os, "scandir", scandir)
    results = read_inputs([str(tmp_path)], lang="id")
    assert outcome(results, tmp_path) == [("a.txt", "a"), ("locked", "cannot read folder (Permission denied)")]


def test_unreadable_file_is_an_error_result(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Kim tiba.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Lavrov tiba.", encoding="utf-8")
    real_open = open

    def locked_open(path, *args, **kwargs):
        if os.fspath(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(paths_module, "open", locked_open, raising=False)
    results = read_inputs([str(tmp_path)], lang="id")
    assert outcome(results, tmp_path) == [("a.txt", "cannot read (Permission denied)"), ("b.txt", "b")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_real_permissions(tmp_path):
    (tmp_path / "a.txt").write_text("Kim tiba.", encoding="utf-8")
    (tmp_path / "a.txt").chmod(0)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text("Kim tiba.", encoding="utf-8")
    (tmp_path / "d").chmod(0)
    try:
        results = read_inputs([str(tmp_path)], lang="id")
    finally:
        (tmp_path / "d").chmod(0o755)
    assert [r.error is not None for r in results] == [True, True]


def test_nul_byte_after_the_first_8_kb_is_binary(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"Kim tiba di Moskow. " * 1000 + b"\x00" + b"lagi")
    (result,) = read_inputs([str(path)], lang="id")
    assert "binary file" in result.error


def test_utf16_with_bom_is_not_binary(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(("Kim tiba di Moskow. " * 1000).encode("utf-16"))
    (result,) = read_inputs([str(path)], lang="id")
    assert result.document.text.startswith("Kim tiba")


def test_text_length_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Kim tiba. " * 300, encoding="utf-8")
    (result,) = read_inputs([str(path)], lang="id", max_chars=1000)
    assert result.error.endswith("text too long (3,000 characters; the limit is 1,000: raise max_chars)")
    (huge,) = read_inputs([str(path)], lang="id", max_chars=100)   # over 4 bytes a character: not even read
    assert "file too large" in huge.error


def test_folder_with_nothing_readable(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x00")
    with pytest.raises(Exception, match="directory holds no readable files"):
        read_inputs([str(tmp_path)])


def test_undecodable_file_names_are_printable(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Kim tiba.", encoding="utf-8")
    (result,) = read_inputs([str(tmp_path)], lang="id")
    result.source.encode("utf-8")
    assert result.document.id == "caf\ufffd"
