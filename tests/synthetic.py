"""Synthetic workspaces for benchmarks and scale tests: a copy of the sources plus N sample exemplars.

Every synthetic exemplar is `sample: true` and says so in its name and body; none is ever published.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from thidua.content.model import Corpus

SOURCES_COPIED = ("docs", "content", "exemplars", "overrides")  # no links: check refuses them
SOURCES_LINKED = ("hooks", "node_modules")  # shared read-only: code, the CMS bundle (npm ci)


def copy_sources(repo: Path, target: Path) -> Path:
    """The site's sources in `target`, ready to build, without build output or caches."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "mkdocs.yml", target / "mkdocs.yml")
    for name in SOURCES_COPIED:
        shutil.copytree(repo / name, target / name)
    for name in SOURCES_LINKED:
        (target / name).symlink_to(repo / name)
    return target


GIVEN = ["Nguyễn Văn", "Trần Thị", "Lê Hoàng", "Phạm Minh", "Huỳnh Thị", "Võ Văn", "Đặng Thu", "Bùi Quốc"]
LAST = ["An", "Bình", "Hòa", "Hoà", "Đức", "Lan", "Mai", "Phúc", "Tâm", "Thảo", "Trung", "Yến"]
MIDDLE = ["Ngọc", "Thanh", "Minh", "Văn", "Thị", "Hữu", "Xuân", "Kim", "Đình", "Quang", "Bảo", "Thu"]
GROUPS = ["Tổ tự quản", "Chi hội phụ nữ", "Đoàn thanh niên", "Hợp tác xã", "Tổ hòa giải", "Đội tuần tra",
          "Câu lạc bộ", "Trường tiểu học", "Trạm y tế", "Ban điều hành khu phố"]
DEEDS = ["giúp đỡ hộ nghèo sửa nhà", "vận động hiến đất làm đường giao thông nông thôn",
         "hướng dẫn người dân làm thủ tục dịch vụ công trực tuyến", "tuần tra giữ gìn an ninh trật tự khu phố",
         "trồng cây xanh, giữ đường làng sạch đẹp", "chăm lo học sinh vượt khó", "nhặt được của rơi trả lại người mất",
         "sáng kiến tiết kiệm điện tại cơ quan", "tổ chức lớp học tiếng Anh miễn phí cho thiếu nhi"]


LEDES = ["Bài mẫu tổng hợp số {i}: {deed}, hưởng ứng phong trào thi đua nước rút của tỉnh.",
         "Bài mẫu số {i} kể chuyện {deed} ở {place}.",
         "Nội dung mẫu {i}: tại {place}, {deed} được bà con ghi nhận.",
         "Gương mẫu {i} trong đợt thi đua cuối năm: {deed}.",
         "Bài mẫu {i}: {deed}; đơn vị {place} đề nghị biểu dương."]


def write_synthetic(root: Path, corpus: Corpus, count: int, seed: int = 2023) -> None:
    """Write `count` synthetic sample exemplars into root/exemplars, spread over units, movements and months."""
    units = sorted(corpus.units)
    movements = sorted(corpus.movements)
    rng = random.Random(seed)
    out = root / "exemplars"
    start = date(2023, 8, 1)
    for i in range(count):
        individual = rng.random() < 0.6
        name = (f"{rng.choice(GIVEN)} {rng.choice(MIDDLE)} {rng.choice(LAST)} (mẫu {i})" if individual
                else f"{rng.choice(GROUPS)} mẫu số {i}")
        deed = rng.choice(DEEDS)
        unit = rng.choice(units)
        chosen = rng.sample(movements, 2)
        day = start + timedelta(days=rng.randrange(0, 137))
        lines = ["---", f'title: "Gương mẫu {i}: {deed}"', f"kind: {'individual' if individual else 'collective'}",
                 f'name: "{name}"', f"unit: {unit}", "movements:", *[f"  - {m}" for m in chosen],
                 f"date: {day.isoformat()}",
                 f'summary: "{rng.choice(LEDES).format(i=i, deed=deed, place=corpus.units[unit].name)}"',
                 "sample: true"]
        if individual:
            lines.append("consent: true")
        if rng.random() < 0.2:
            lines.append('award: "Giấy khen (ví dụ minh họa)"')
        lines += ["---", "*Nội dung mẫu tổng hợp để đo hiệu năng; nhân vật không có thật.*\n",
                  *_paragraphs(rng, name, deed, corpus.units[unit].name)]
        (out / f"guong-mau-tong-hop-{i:05d}.md").write_text("\n".join(lines), encoding="utf-8")


OPENINGS = ["Từ đầu đợt thi đua, {name} đã {deed}, được bà con {place} nhắc đến nhiều trong các buổi họp tổ dân phố.",
            "Ở {place}, việc {deed} không còn là chuyện lạ: {name} bắt đầu từ những việc nhỏ nhất.",
            "Câu chuyện của {name} bắt đầu từ một buổi sinh hoạt chi bộ ở {place}, khi mọi người bàn cách {deed}."]
MIDDLES = ["Mỗi tuần, nhóm dành ít nhất hai buổi tối để đến từng hộ, ghi lại khó khăn và cùng tìm cách tháo gỡ; "
           "những việc làm được đều ghi vào sổ theo dõi để báo cáo với ban điều hành.",
           "Kinh phí chủ yếu do bà con tự nguyện đóng góp, cộng với phần hỗ trợ của Mặt trận và các đoàn thể; mọi "
           "khoản thu chi đều công khai tại nhà sinh hoạt cộng đồng để ai cũng có thể xem.",
           "Lúc đầu không ít người còn e ngại, cho rằng việc này tốn thời gian, nhưng sau vài tháng, kết quả thấy rõ "
           "khiến nhiều hộ chủ động đăng ký tham gia.",
           "Cán bộ phường, xã thường xuyên xuống hướng dẫn, đồng thời lắng nghe ý kiến của người dân để điều chỉnh "
           "cách làm cho phù hợp với điều kiện từng khu dân cư.",
           "Những buổi sinh hoạt được tổ chức ngắn gọn, đúng giờ, có phân công cụ thể, nên người lớn tuổi và người "
           "đi làm ca vẫn sắp xếp được thời gian tham gia đầy đủ.",
           "Thanh niên trong khu phố nhận phần việc nặng, các chị em phụ nữ lo phần hậu cần, còn các cụ cao tuổi "
           "góp ý kinh nghiệm, nên việc nào cũng có người đứng ra nhận và làm đến cùng.",
           "Để duy trì lâu dài, nhóm lập kế hoạch theo từng quý, giao chỉ tiêu rõ ràng cho từng thành viên và tổ "
           "chức rút kinh nghiệm sau mỗi đợt ra quân.",
           "Nhiều gia đình trước đây ít tham gia sinh hoạt chung nay đã trở thành những thành viên tích cực, tự "
           "nguyện góp công, góp sức và rủ thêm hàng xóm cùng làm."]
RESULTS = ["Sau sáu tháng, đã có hơn {n} hộ được hỗ trợ, {m} buổi sinh hoạt được tổ chức và nhiều việc tồn đọng "
           "lâu nay được giải quyết dứt điểm.",
           "Kết quả, {n} lượt người dân được giúp đỡ trực tiếp, {m} công trình nhỏ hoàn thành trước thời hạn, "
           "không để xảy ra khiếu nại kéo dài."]
CLOSINGS = ["Đơn vị đề nghị biểu dương để nhân rộng cách làm này trong phong trào thi đua nước rút những tháng cuối năm.",
            "Thời gian tới, {name} dự định mở rộng mô hình sang các khu phố lân cận, với sự hỗ trợ của chính quyền địa phương."]


def _paragraphs(rng: random.Random, name: str, deed: str, place: str) -> list[str]:
    """Six paragraphs, about 2,000–2,500 characters: the length of a real story (a footprint measured on
    three short sentences understated pages, feeds and the search index)."""
    fill = {"name": name, "deed": deed, "place": place, "n": rng.randrange(20, 400), "m": rng.randrange(5, 60)}
    middles = rng.sample(MIDDLES, 7)
    paragraphs = [rng.choice(OPENINGS).format(**fill) + " " + middles[0],
                  middles[1] + " " + middles[2],
                  f"{name} chia sẻ: “Việc {deed} không khó nếu mọi người cùng làm và làm đến nơi đến chốn.” " + middles[3],
                  rng.choice(RESULTS).format(**fill) + " " + middles[4],
                  middles[5] + " " + middles[6] + " Bài viết mẫu nêu thời gian, việc làm cụ thể và kết quả đạt "
                  "được, như một bài thật sẽ nêu.",
                  rng.choice(CLOSINGS).format(**fill) + f" Ban thi đua – khen thưởng {place} sẽ tiếp tục theo dõi, "
                  "tổng hợp kết quả vào báo cáo cuối đợt và đề xuất hình thức khen thưởng phù hợp với những đóng "
                  "góp của tập thể, cá nhân tiêu biểu."]
    return [f"{paragraph}\n" for paragraph in paragraphs]
