"""Language codes: the ones with data under ``kg/lang/``, and per-article detection.

>>> detect_language("Menteri Luar Negeri Rusia bertemu dengan pemimpin Korea Utara pada hari Sabtu.")
'id'
"""
from __future__ import annotations

from functools import lru_cache

from kg.errors import UsageError
from kg.lang import supported_languages

# langdetect often says Malay for Indonesian news; both share our Indonesian data.
_CLOSE_LANGUAGES = {"ms": "id"}


def check_language(code: str, source: str = "--lang") -> str:
    """Return ``code`` normalised, or raise :class:`UsageError` if we have no data for it."""
    norm = code.strip().lower().replace("_", "-").split("-")[0]
    if norm not in supported_languages():
        raise UsageError(
            f"{source}: unknown language code {code!r} (supported: {', '.join(supported_languages())})"
        )
    return norm


@lru_cache(maxsize=1)
def _factory():  # pragma: no cover - trivial
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    return DetectorFactory


def detect_language(text: str, default: str = "en") -> str:
    """Best supported language for an article; ``default`` when nothing supported is found."""
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    _factory()
    try:
        candidates = detect_langs(text[:5000])
    except LangDetectException:
        return default
    for candidate in candidates:
        code = _CLOSE_LANGUAGES.get(candidate.lang, candidate.lang)
        if code in supported_languages():
            return code
    return default
