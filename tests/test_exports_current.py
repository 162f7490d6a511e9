"""``exports/`` holds the sample's outputs; this fails when they are stale (run: kg demo)."""
from __future__ import annotations

from pathlib import Path

from kg.samples import EXPORT_NAMES, build_exports

ROOT = Path(__file__).resolve().parents[1]


def test_exports_are_current(tmp_path):
    build_exports(tmp_path)
    for name in EXPORT_NAMES:
        committed = ROOT / "exports" / name
        assert committed.exists(), f"exports/{name} missing: run `kg demo`"
        assert committed.read_bytes() == (tmp_path / name).read_bytes(), f"exports/{name} is stale: run `kg demo`"
