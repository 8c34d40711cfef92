from datetime import date

from thidua.content.text import fold, format_date, nfc, photo_credit, slugify


def test_slugs_drop_diacritics_and_turn_d_with_stroke_into_d():
    assert slugify("Đức Linh") == "duc-linh"
    assert slugify("Hàm Thuận Bắc") == "ham-thuan-bac"
    assert slugify("Vì người nghèo - không để ai bỏ lại phía sau") == "vi-nguoi-ngheo-khong-de-ai-bo-lai-phia-sau"


def test_folding_lets_readers_type_without_diacritics():
    assert fold("Thi đua") == "thi dua"
    assert fold("hoà") == fold("hòa") == "hoa"


def test_decomposed_text_is_composed():
    decomposed = "To\u0302\u0309 tu\u031b\u0323 qua\u0309n"  # as some keyboards and PDF extractions type it
    assert decomposed != "Tổ tự quản"
    assert nfc(decomposed) == "Tổ tự quản"


def test_dates_read_day_month_year():
    assert format_date(date(2023, 12, 15)) == "15/12/2023"
    assert format_date(date(2023, 1, 5)) == "05/01/2023"


def test_a_photo_credit_loses_a_leading_photo_label_that_pages_print_anyway():
    assert photo_credit("Ảnh: Nguyễn Văn Ảnh, Trung tâm Văn hóa") == "Nguyễn Văn Ảnh, Trung tâm Văn hóa"
    assert photo_credit("ảnh - Báo Bình Thuận") == "Báo Bình Thuận"
    assert photo_credit("Ảnh minh họa do trang tạo ra") == "Ảnh minh họa do trang tạo ra"  # a credit, not a label
    assert photo_credit(None) is None
