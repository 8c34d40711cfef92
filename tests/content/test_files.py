"""Opening content files: never through a link, never more than the cap, never blocking on a FIFO."""

import os

import pytest
from thidua.content.files import link_problems, read_capped
from thidua.content.problems import ContentError


def refused(path, cap=100) -> str:
    with pytest.raises(ContentError) as caught:
        read_capped(path, "x", cap)
    return caught.value.problems[0].message


def test_a_regular_file_is_read_whole_up_to_the_cap(tmp_path):
    (tmp_path / "a.md").write_bytes(b"x" * 100)
    assert read_capped(tmp_path / "a.md", "a.md", 100) == b"x" * 100
    assert "(file too large)" in refused(tmp_path / "a.md", cap=99)


def test_a_link_is_refused_even_to_a_file_inside_the_tree(tmp_path):
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    assert "(symbolic link not allowed)" in refused(tmp_path / "b.md")


def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path):
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    assert "(symbolic link not allowed)" in refused(tmp_path / "zero.md")


def test_a_device_is_not_read(tmp_path):
    assert "(not a regular file)" in refused("/dev/zero")


def test_a_fifo_does_not_block_and_is_refused(tmp_path):
    os.mkfifo(tmp_path / "hang.md")  # opening a FIFO without O_NONBLOCK waits for a writer forever
    assert "(not a regular file)" in refused(tmp_path / "hang.md")


def test_every_link_under_the_source_folders_is_named_with_its_path(tmp_path):
    for folder in ("docs/assets", "content", "exemplars", "overrides/thidua"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "docs/assets/config").symlink_to("../../.git/config")
    (tmp_path / "overrides/thidua/etc").symlink_to("/etc")
    (tmp_path / "exemplars/photos").symlink_to(tmp_path / "content")
    (tmp_path / "README.md").symlink_to("/etc/passwd")  # outside the source folders: not published
    found = {(p.path, p.line, p.field) for p in link_problems(tmp_path)}
    assert found == {("docs/assets/config", 1, "tệp"), ("overrides/thidua/etc", 1, "tệp"),
                     ("exemplars/photos", 1, "tệp")}


def test_a_source_folder_that_is_itself_a_link_is_refused(tmp_path):
    (tmp_path / "docs").symlink_to("/")
    assert [p.path for p in link_problems(tmp_path)] == ["docs"]

