"""Combining marks in plain text: none without a letter, at most two on one letter, whatever their category."""

import unicodedata

import pytest
from thidua.checks.marks import misplaced_mark

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # huyền, sắc, ngã, hỏi, nặng


def test_every_vietnamese_letter_in_nfc_passes():
    letters = [unicodedata.normalize("NFC", v + t) for v in VOWELS + VOWELS.upper() for t in TONES]
    assert misplaced_mark(" ".join(letters) + " Đường Nguyễn Tất Thành, Ủy ban nhân dân tỉnh Bình Thuận") is None


@pytest.mark.parametrize("text, message", [
    ("\u0301Bắt đầu", "dấu kết hợp U+0301 ở vị trí 1 không đứng sau chữ cái nào"),
    ("Khu 5\u20dd", "dấu kết hợp U+20DD ở vị trí 6 không đứng sau chữ cái nào"),  # enclosing (Me)
    ("a \u0903", "dấu kết hợp U+0903 ở vị trí 3 không đứng sau chữ cái nào"),  # spacing (Mc)
    ("T" + "\u20dd" * 199, "có hơn 2 dấu chồng lên một chữ (dấu U+20DD ở vị trí 4)"),
    ("Tệ\u0301", "có hơn 2 dấu chồng lên một chữ (dấu U+0301 ở vị trí 3)"),  # ệ already carries two
    ("q\u0301\u0302\u0303", "có hơn 2 dấu chồng lên một chữ (dấu U+0303 ở vị trí 4)"),
])
def test_a_mark_without_a_letter_or_piled_up_is_named_at_its_position(text, message):
    assert message in misplaced_mark(text)


def test_one_or_two_marks_on_a_letter_are_left_to_the_other_checks():
    assert misplaced_mark("q\u0301") is None and misplaced_mark("A\u20dd\u20dd") is None


def test_the_quick_look_for_marks_knows_every_mark_of_this_unicode():
    import sys

    from thidua.checks.marks import _any_mark

    assert _any_mark().pattern == _any_mark((range(sys.maxunicode + 1),)).pattern
