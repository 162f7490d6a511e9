"""Every language folder holds the same files, and each file fits one schema: a typo fails here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kg.lang import FILES, LANG_DIR, supported_languages

PLOVER = yaml.safe_load((LANG_DIR.parent / "data" / "plover.yaml").read_text(encoding="utf-8"))
TYPES = set(PLOVER["types"])


def _words(value) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)


def _check_time(d):
    assert d["date_order"] in ("DMY", "MDY", "YMD")
    assert all(1 <= m <= 12 for m in d["months"].values())
    assert all(0 <= w <= 6 for w in d["weekdays"].values())
    assert set(d["units"].values()) <= {"second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade",
                                        "century"}
    assert set(d["unit_with_one"].values()) <= set(d["units"].values())
    assert all(len(v) == 2 and v[1] in d["parts_of_day"].values() for v in d["deictic_times"].values())
    assert all(re.fullmatch(r"P\d+[DWMYQ]", v) for v in d["set_words"].values())
    assert all(isinstance(v, int) and 1 <= v <= 4 for v in d["ordinals"].values())
    assert all(v in (-1, 1) for v in d["anaphoric_markers"].values())
    assert _words(d.get("recent_duration_lead") or d.get("recent_duration_tail"))
    assert all(v in ("PAST_REF", "PRESENT_REF", "FUTURE_REF") for v in d["vague"].values())
    for rule in d["anaphoric"].values():
        assert rule["unit"] in ("day", "week", "month", "year", "same") and isinstance(rule["offset"], int)
    assert set(d["period_parts"].values()) <= {"early", "mid", "late"}
    for key in ("weekday_lead", "year_lead", "weekday_past", "weekday_future", "past_markers", "future_markers",
                "this_markers", "duration_lead", "set_lead", "clock_lead", "clock_zones", "month_lead", "count_nouns",
                "future_context", "until_words", "weekday_prev_week", "weekday_next_week", "vague_duration",
                "duration_context", "weekend"):
        assert _words(d[key]), key


def _check_triggers(d):
    seen = set()
    for block in d["triggers"]:
        assert block["type"] in TYPES, block["type"]
        if block.get("mode"):
            assert block["mode"] in PLOVER["types"][block["type"]]["modes"], (block["type"], block["mode"])
        assert _words(block["words"])
        for word in block["words"]:
            assert word == word.lower() and word not in seen, word
            seen.add(word)
    assert {b["type"] for b in d["triggers"]} == TYPES
    for rule in d.get("object_triggers", []):
        assert rule["type"] in TYPES and _words(rule["verbs"]) and _words(rule["objects"])
    for phrase in d.get("not_triggers", []):
        assert phrase == phrase.lower() and " " in phrase and phrase not in seen, phrase


def _check_grammar(d):
    for key in ("future", "negated", "hypothetical"):
        assert _words(d["modality"][key])
    for key in ("according_to", "quote_verbs", "speech_verbs"):
        assert _words(d["attribution"][key])
    for key in ("target_prepositions", "agent_prepositions", "relative_markers", "coordinators", "clause_breaks",
                "place_prepositions", "determiners", "back_reference", "circumstance_prepositions", "victim_verbs"):
        assert _words(d["roles"][key]), key
    assert _words(d["abbreviations"]) and _words(d["not_names"]) and _words(d["name_particles"])
    assert _words(d["honorifics"]) and isinstance(d["auxiliaries"], list)
    assert _words(d["currency_words"]) and all(w == w.lower() for w in d["currency_words"])
    q = d["quantities"]
    assert q["decimal_separator"] != q["thousands_separator"]
    assert set(q["casualty_words"].values()) <= set(q["casualty_words"].values())


def _check_titles(d):
    for group in ("titles", "institutions", "groups"):
        for item in d[group]:
            assert _words(item["words"]) and isinstance(item.get("role") or item.get("name"), str)
            assert re.fullmatch(r"[a-z_]+", item["sector"]), item
            assert isinstance(item.get("bare", True), bool) and isinstance(item.get("rank_title", False), bool)
            assert item.get("country") is None or re.fullmatch(r"[A-Z]{3}", item["country"]), item
    for kind, phrases in (d.get("pair_anaphora") or {}).items():
        assert kind in ("person", "country") and _words(phrases)


def _check_boilerplate(d):
    assert set(d) <= {"lines", "inline"}
    for pattern in d["lines"] + d.get("inline", []):
        re.compile(pattern)


def _check_numbers(d):
    assert all(isinstance(v, int) and v >= 0 for v in d["atoms"].values())
    assert all(isinstance(v, int) and v >= 10 for v in d["scales"].values())
    assert isinstance(d["teen"], list) and _words(d["vague"])


UD_RELATIONS = {"nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "vocative", "expl", "dislocated", "advcl",
                "advmod", "discourse", "aux", "cop", "mark", "nmod", "appos", "nummod", "acl", "amod", "det", "clf",
                "case", "conj", "cc", "fixed", "flat", "list", "parataxis", "compound", "orphan", "goeswith",
                "reparandum", "punct", "root", "dep"}
UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
        "SYM", "VERB", "X"}


def _check_syntax(d):
    from kg.extract.syntax.roles import SyntaxPatterns

    assert set(d) == set(SyntaxPatterns.__dataclass_fields__), set(d) ^ set(SyntaxPatterns.__dataclass_fields__)
    relations = ("subject", "object", "passive_subject", "passive_relations", "bare_agent", "oblique", "genitive",
                 "phrase_parts", "name_parts", "appositive", "conjunct", "shares_subject", "relative")
    for key in relations:  # every relation is a UD relation, with or without a subtype
        assert isinstance(d[key], list) and all(str(r).split(":")[0] in UD_RELATIONS for r in d[key]), key
    assert set(d["noun_tags"]) <= UPOS
    for key in ("agent_case", "target_case", "place_case", "object_control", "support_verbs", "quantity_nouns"):
        assert _words(d[key]) and all(w == w.lower() for w in d[key]), key
    assert isinstance(d["passive_prefixes"], list) and isinstance(d["genitive_case"], list)
    assert isinstance(d["active_prefixes"], list) and not set(d["active_prefixes"]) & set(d["passive_prefixes"])


CHECKS = {"numbers": _check_numbers, "syntax": _check_syntax, "time": _check_time, "triggers": _check_triggers, "grammar": _check_grammar, "titles": _check_titles,
          "boilerplate": _check_boilerplate}


def test_languages_present():
    assert {"en", "id"} <= set(supported_languages())
    assert set(CHECKS) == set(FILES)


@pytest.mark.parametrize("lang", supported_languages())
@pytest.mark.parametrize("name", FILES)
def test_file_fits_schema(lang, name):
    path = Path(LANG_DIR, lang, f"{name}.yaml")
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("#"), f"{path} must start with a header saying where its lists came from"
    CHECKS[name](yaml.safe_load(text))


@pytest.mark.parametrize("name", FILES)
def test_same_top_level_keys_in_every_language(name):
    keys = {lang: set(yaml.safe_load(Path(LANG_DIR, lang, f"{name}.yaml").read_text(encoding="utf-8")))
            for lang in supported_languages()}
    union = set.union(*keys.values())
    optional = {"last_markers", "next_markers", "ambiguous_months", "recent_duration_lead", "recent_duration_tail",
                "recent_date_lead"}
    for lang, present in keys.items():
        assert union - present <= optional, (lang, union - present)
