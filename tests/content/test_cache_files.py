"""The build's files on disk: cached files are written whole, and what each build publishes again with the
same bytes is linked from the cache rather than written again."""

from __future__ import annotations

from thidua.content.cache_files import Kept, write_whole


def test_a_file_is_written_whole_and_readable_by_all(tmp_path):
    write_whole(tmp_path / "a" / "b.json", b"{}")
    assert (tmp_path / "a" / "b.json").read_bytes() == b"{}"
    assert (tmp_path / "a" / "b.json").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b.json"]  # no temporary file left


def test_the_same_bytes_are_kept_once_and_linked_wherever_they_are_published(tmp_path):
    first, second = Kept(tmp_path / "kept"), Kept(tmp_path / "kept")
    first.publish(b'{"a":1}', tmp_path / "site1" / "x" / "ninjs.json")
    first.publish(b'{"a":1}', tmp_path / "site1" / "alias" / "ninjs.json")  # an old id's copy
    second.publish(b'{"a":1}', tmp_path / "site2" / "x" / "ninjs.json")  # the next build
    second.publish(b'{"a":2}', tmp_path / "site2" / "y" / "ninjs.json")
    kept = sorted((tmp_path / "kept").iterdir())
    assert len(kept) == 2 and first.used < second.used == set(kept)
    published = tmp_path / "site2" / "x" / "ninjs.json"
    assert published.read_bytes() == b'{"a":1}' and published.stat().st_nlink == 4  # one file, four names
    assert published.stat().st_ino == (tmp_path / "site1" / "alias" / "ninjs.json").stat().st_ino
