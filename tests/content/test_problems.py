"""How a problem is printed for editors."""

from thidua.content.problems import Problem


def test_invisible_characters_quoted_in_a_message_are_shown_by_code():
    shown = str(Problem("exemplars/a\u202e.md", 1, "id", "tên tệp “a\u202e\u200b.md”"))
    assert shown == "exemplars/a<U+202E>.md:1: id: tên tệp “a<U+202E><U+200B>.md”"
