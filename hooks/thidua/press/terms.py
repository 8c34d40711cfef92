"""The terms on which agencies may republish: who holds the copyright, the licence, how to attribute."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.words import word
from ..site.settings import Licence

SAMPLE_WARNING = word("sample.warning")
SAMPLE_CATEGORY = "noi-dung-mau"  # feeds' category of samples, for machines (scheme: urls.SAMPLE_SCHEME)


@dataclass(frozen=True)
class Terms:
    site_name: str
    site_url: str
    holder: str  # the copyright holder (mkdocs.yml site_author)
    licence: Licence
    attribution: str  # the source named in "Nguồn: …"
    province: str = "Bình Thuận"  # where every unit is: ninjs places and located
    country: str = "Việt Nam"

    def attribution_line(self, link: str) -> str:
        return f"Nguồn: {self.attribution} — {link}"

    @property
    def usage_terms(self) -> str:
        return (f"Được đăng lại theo giấy phép {self.licence.name} ({self.licence.url}), ghi rõ nguồn "
                f"“{self.attribution}” kèm liên kết tới bài gốc. Không đăng lại các bài có nhãn “Nội dung mẫu”.")

    def copyright_notice(self, year: int) -> str:
        return f"© {year} {self.holder}. Giấy phép {self.licence.name}."
