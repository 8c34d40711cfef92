"""Sample stories a reader looks for by typing without diacritics, added to the browser tests' build."""

HOA = "nguoi-mau-hoa-ham-thuan-bac"
TO_HOA = "to-hoa-giai-mau-hoa-thuan"
STORIES = {
    HOA: """---
title: "Cô giáo mẫu dạy chữ cho người lớn tuổi"
kind: individual
name: "Nguyễn Thị Hòa (nhân vật mẫu)"
unit: ham-thuan-bac
movements:
  - hoc-tap-va-lam-theo-bac
date: 2023-11-05
summary: "Bài mẫu: hưởng ứng phong trào thi đua, một cô giáo giả định mở lớp xóa mù chữ buổi tối cho người lớn tuổi."
award: "Giấy khen (ví dụ minh họa)"
photo: nguoi-mau-hoa-ham-thuan-bac.jpg
photo_alt: "Ảnh minh họa: lớp học buổi tối, màu xanh lá"
photo_credit: "Ảnh minh họa do trang tạo ra"
consent: true
sample: true
---
*Nội dung mẫu; nhân vật không có thật.* Xem thêm [kế hoạch của tỉnh](https://example.org/ke-hoach).
""",
    TO_HOA: """---
title: "Tổ hoà giải mẫu giữ tình làng nghĩa xóm"
kind: collective
name: "Tổ hoà giải mẫu thôn Hoà Thuận"
unit: tuy-phong
movements:
  - bao-ve-an-ninh-trat-tu
date: 2023-09-12
summary: "Bài mẫu: tổ hoà giải giả định giúp bà con giải quyết mâu thuẫn nhỏ trong thôn."
sample: true
---
*Nội dung mẫu; tập thể không có thật.*
""",
}
REPORT = """reports:
  - plan: {plan}
    submitted: 2023-12-10
    text: "Báo cáo mẫu: đơn vị đã hoàn thành các nội dung thi đua (nội dung minh họa)."
"""
