"""Language data: one folder per language code with the same YAML files in each.

Code never hard-codes words of a language; it asks :func:`load` for a file.

>>> supported_languages()
('en', 'id')
>>> load("id", "time")["weekdays"]["sabtu"]
5
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import UsageError

LANG_DIR = Path(__file__).resolve().parent
FILES = ("time", "triggers", "grammar", "titles", "boilerplate", "numbers", "syntax")


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """Codes of every language folder that holds all the files in :data:`FILES`."""
    return tuple(
        sorted(
            p.name for p in LANG_DIR.iterdir()
            if p.is_dir() and all((p / f"{name}.yaml").is_file() for name in FILES)
        )
    )


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """The parsed YAML file ``kg/lang/<lang>/<name>.yaml``."""
    if lang not in supported_languages():
        raise UsageError(f"unknown language code {lang!r} (supported: {', '.join(supported_languages())})")
    path = LANG_DIR / lang / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    return data or {}
