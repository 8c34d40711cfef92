"""What the tests take from ../shared/ (beside the clone, not in it): a missing file is named in one line."""

import pytest
import support


def test_a_missing_shared_file_fails_its_test_with_one_line_saying_what_and_where(monkeypatch, tmp_path):
    monkeypatch.setattr(support, "SHARED", tmp_path / "shared")
    for relative, what in support.WHAT_SHARED_HOLDS.items():
        with pytest.raises(pytest.fail.Exception) as failed:
            support.shared_file(relative)
        message = str(failed.value)
        assert "\n" not in message and not failed.value.pytrace
        assert str(tmp_path / "shared" / relative) in message and what in message and "../shared/" in message


def test_the_shared_folder_beside_the_clone_holds_what_the_tests_need():
    for relative in support.WHAT_SHARED_HOLDS:
        assert support.shared_file(relative).is_file()
