"""Commendation documents (content/commendations/<id>.md) for tests: valid defaults, fields overridden."""

from __future__ import annotations

import yaml

CONSULTATION = {
    "type": "consultation",
    "title": "Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng (mẫu)",
    "plan": "thi-dua-nuoc-rut-2023",
    "date": "2023-12-05",
    "issuer": "Ban Thi đua – Khen thưởng tỉnh",
    "award": "Bằng khen của Chủ tịch UBND tỉnh",
    "comment_until": "2023-12-19",
    "contact": {"email": "gop-y@thidua.binhthuan.example", "phone": "0252 3000 000",
                "address": "Ban Thi đua – Khen thưởng tỉnh (địa chỉ mẫu)"},
    "recipients": [
        {"kind": "collective", "name": "Tập thể Mẫu A", "unit": "phan-thiet"},
        {"kind": "individual", "name": "Nguyễn Văn Mẫu", "position": "Tổ trưởng (minh họa)", "unit": "ham-thuan-nam"},
    ],
    "sample": True,
}

DECISION = {
    "type": "decision",
    "title": "Quyết định tặng Bằng khen (mẫu)",
    "plan": "thi-dua-nuoc-rut-2023",
    "date": "2023-12-28",
    "number": "0001/QĐ-UBND",
    "issuer": "Ủy ban nhân dân tỉnh Bình Thuận",
    "signer": "KT. Chủ tịch, Phó Chủ tịch Lê Văn Ký Mẫu",
    "award": "Bằng khen của Chủ tịch UBND tỉnh",
    "recipients": [
        {"kind": "collective", "name": "Tập thể Mẫu A", "unit": "phan-thiet"},
        {"kind": "collective", "name": "Đội tuần tra mẫu B (tập thể minh họa)", "unit": "phu-quy",
         "exemplar": "doi-tuan-tra-mau-dao-phu-quy"},
    ],
    "sample": True,
}


def commendation_text(base: dict, body: str = "Nội dung văn bản mẫu.", **fields) -> str:
    """The file's text: `base` with `fields` overridden (None removes a key); keys in that order."""
    meta = {key: value for key, value in {**base, **fields}.items() if value is not None}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body + "\n"


def write_commendation(site, doc_id: str, base: dict, **fields):
    """content/commendations/<doc_id>.md in a test site."""
    return site.write(f"content/commendations/{doc_id}.md", commendation_text(base, **fields))
