"""Codes and names are found however a therapist spells them."""

import pytest

from tpatlas.core.search import TIER_CODE, TIER_NAME, plan_query
from tpatlas.core.search_text import fold, normalise_code


@pytest.mark.parametrize("typed", ["LI4", "li4", "li 4", "LI-4", "Li.4", " li  4 ", "LI04"])
def test_every_common_spelling_of_li4_is_li4(typed: str) -> None:
    assert normalise_code(typed) == "LI4"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Liv3", "LR3"),
        ("LV 3", "LR3"),
        ("SJ5", "TE5"),
        ("P6", "PC6"),
        ("du20", "GV20"),
        ("ex-hn-5", "EX-HN5"),
        ("EXHN5", "EX-HN5"),
        ("ex hn 3", "EX-HN3"),
    ],
)
def test_older_channel_abbreviations_map_to_who_2008(typed: str, code: str) -> None:
    assert normalise_code(typed) == code


@pytest.mark.parametrize("typed", ["hegu", "temple", "XY4", "4", "", "masseter deep"])
def test_words_are_not_codes(typed: str) -> None:
    assert normalise_code(typed) is None


def test_folding_ignores_tone_marks_and_case() -> None:
    assert fold("Hé Gǔ") == "he gu"
    assert fold("FERNÁNDEZ") == "fernandez"


def test_query_plan_makes_every_word_a_prefix() -> None:
    plan = plan_query("upper trap")
    assert plan.match == '"upper"* AND "trap"*'
    assert plan.code_key is None
    assert plan_query("li 4").code_key == "li4"


def test_quotes_in_a_query_cannot_break_the_full_text_syntax() -> None:
    assert plan_query('he"gu').match == '"he"* AND "gu"*'
    assert plan_query("   ").empty


def test_tiers_put_codes_before_names() -> None:
    assert TIER_CODE < TIER_NAME
