"""The agency responsible for the site (`extra.thidua.agency`) and related agencies: typed, checked at their
line, warned while they hold sample values; the English words have the same keys as the Vietnamese ones."""

from __future__ import annotations

import yaml
from support import REPO
from thidua.content.words import catalogue
from thidua.site.settings import Agency, Link, config_problems, contact_warnings, settings_from

SITE_URL = "https://thidua.binhthuan.example/"
CONFIG = """\
site_name: Thử
extra:
  thidua:
    agency:
      name: Ban Thi đua – Khen thưởng tỉnh Bình Thuận
      address: {address}
      phone: 0252 3822 000
      email: {email}
    related_agencies:
      - name: Cổng thông tin điện tử tỉnh
        url: {url}
"""


def write(tmp_path, address="19 Nguyễn Tất Thành, Phan Thiết", email="thidua@binhthuan.gov.vn",
          url="https://www.binhthuan.gov.vn/"):
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(address=address, email=email, url=url), encoding="utf-8")
    return tmp_path


def test_the_agency_and_related_agencies_are_typed(tmp_path):
    root = write(tmp_path)
    extra = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))["extra"]["thidua"]
    settings = settings_from(extra, root, SITE_URL)
    assert settings.agency == Agency("Ban Thi đua – Khen thưởng tỉnh Bình Thuận", "19 Nguyễn Tất Thành, Phan Thiết",
                                     "0252 3822 000", "thidua@binhthuan.gov.vn")
    assert settings.related_agencies == (Link("Cổng thông tin điện tử tỉnh", "https://www.binhthuan.gov.vn/"),)
    assert contact_warnings(root) == [
        "mkdocs.yml:1: extra.thidua.press_contact.email: còn để trống hoặc là giá trị mẫu; trang Báo chí cần liên hệ thật "
        "(placeholder)",
        "mkdocs.yml:1: extra.thidua.press_contact.phone: còn để trống hoặc là giá trị mẫu; trang Báo chí cần liên hệ thật "
        "(placeholder)",
        "mkdocs.yml:1: extra.thidua.press_contact.address: còn để trống hoặc là giá trị mẫu; trang Báo chí cần liên hệ thật "
        "(placeholder)"]


def test_sample_agency_contacts_are_warned_at_their_line(tmp_path):
    root = write(tmp_path, address="Phan Thiết (địa chỉ mẫu)", email="thidua@binhthuan.example")
    agency = [w for w in contact_warnings(root) if ".agency." in w]
    assert agency == [
        "mkdocs.yml:6: extra.thidua.agency.address: còn để trống hoặc là giá trị mẫu; chân mọi trang cần tên và liên hệ "
        "thật của cơ quan chịu trách nhiệm (placeholder)",
        "mkdocs.yml:8: extra.thidua.agency.email: còn để trống hoặc là giá trị mẫu; chân mọi trang cần tên và liên hệ "
        "thật của cơ quan chịu trách nhiệm (placeholder)"]


def test_a_related_agency_without_a_full_address_is_refused_at_its_line(tmp_path):
    [problem] = config_problems(write(tmp_path, url="www.binhthuan.gov.vn"))
    assert str(problem).startswith("mkdocs.yml:11: extra.thidua.related_agencies[0].url: phải là địa chỉ đầy đủ "
                                   "bắt đầu bằng https:// hoặc http://")


def test_the_repository_ships_sample_agency_contacts_that_the_build_warns_about():
    assert [w.split(": ")[1] for w in contact_warnings(REPO) if ".agency." in w] == [
        "extra.thidua.agency.address", "extra.thidua.agency.phone", "extra.thidua.agency.email"]


def test_the_english_catalogue_has_the_portal_words_of_the_vietnamese_one():
    vi, en = catalogue("vi")["portal"], catalogue("en")["portal"]
    assert set(en) == set(vi)
    assert len(en["functions"]) == len(vi["functions"])
