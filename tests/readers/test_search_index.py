"""The search index: folded words, weighted postings, and files a browser fetches piece by piece."""

from __future__ import annotations

import json

from thidua.readers.search import fold, words


def test_folding_drops_accents_and_strokes_like_a_reader_typing_without_diacritics():
    assert fold("Thi đua") == "thi dua"
    assert fold("Hàm Thuận Bắc") == "ham thuan bac"
    assert fold("hoà") == fold("hòa") == fold("HÒA") == "hoa"
    assert fold("ĐỨC LINH") == "duc linh"


def test_words_are_folded_and_split_on_punctuation():
    assert words("Nguyễn Thị Hòa (nhân vật mẫu), 12/2023") == ["nguyen", "thi", "hoa", "nhan", "vat", "mau", "12", "2023"]


def test_the_built_index_finds_stories_by_folded_words_with_weights(site):
    site.clear_exemplars()
    site.exemplar("guong-a", title="Thi đua dạy chữ", name="Nguyễn Thị Hòa", kind="individual", consent="true",
                  unit="ham-thuan-bac", date="2023-10-02", summary="Bài mẫu về lớp học.")
    site.exemplar("guong-b", title="Tổ hoà giải", name="Tổ hoà giải mẫu", unit="tuy-phong", date="2023-10-01",
                  summary="Tổ hòa giải mẫu giúp bà con thi đua.")
    index = site.build() / "tim-kiem" / "chi-muc"
    meta = json.loads((index / "meta.json").read_text("utf-8"))
    assert meta["stories"] == 2
    stories = [json.loads((index / "d" / f"{n}.json").read_text("utf-8")) for n in range(2)]
    assert [s["u"] for s in stories] == ["guong-dien-hinh/guong-a/", "guong-dien-hinh/guong-b/"]  # newest first
    assert stories[0] == {"u": "guong-dien-hinh/guong-a/", "t": "Thi đua dạy chữ", "n": "Nguyễn Thị Hòa", "k": "Cá nhân",
                          "d": "Hàm Thuận Bắc", "l": "Bài mẫu về lớp học.", "s": 1}
    # "dua": in story 0's title (weight 10) and story 1's lede (weight 6), as gaps between story numbers.
    assert json.loads((index / "w" / "dua.json").read_text("utf-8")) == [[1, 1], [10, 6]]
    assert json.loads((index / "w" / "hoa.json").read_text("utf-8")) == [[1, 1], [9, 10]]
    assert json.loads((index / "w" / "bac.json").read_text("utf-8")) == [[1], [5]]  # the unit's name
    vocabulary = json.loads((index / "tu" / "h.json").read_text("utf-8"))
    assert vocabulary["hoa"] == 2 and vocabulary["ham"] == 1
    assert not list(index.rglob("*đ*")), "file names are folded words"


def test_embargoed_and_removed_stories_are_not_in_the_index(site):
    site.exemplar("guong-tuong-lai", title="Bài hẹn giờ đăng", date="2024-01-05")
    index = site.build() / "tim-kiem" / "chi-muc"
    assert not (index / "w" / "hen.json").exists()
    assert "guong-tuong-lai" not in "".join(p.read_text("utf-8") for p in (index / "d").iterdir())
