"""Settings in mkdocs.yml (`extra.thidua`) are checked like content: file, line, key, plain words."""

from __future__ import annotations

import pytest
from support import AS_OF, REPO
from thidua.cli.main import main
from thidua.site.settings import SettingsError, config_problems, settings_from

SITE_URL = "https://thidua.binhthuan.example/"
CONFIG = """\
site_name: Thử
extra:
  thidua:
    page_size: {page_size}
    licence:
      name: CC BY 4.0
      url: {url}
"""


def write_config(tmp_path, page_size="20", url="https://creativecommons.org/licenses/by/4.0/"):
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(page_size=page_size, url=url), encoding="utf-8")
    return tmp_path


def test_the_repository_settings_are_valid():
    assert config_problems(REPO) == []


@pytest.mark.parametrize("page_size", ["abc", "0", "-3", "2.5", "1000"])
def test_a_page_size_that_is_not_a_whole_number_from_1_to_200_is_refused_at_its_line(tmp_path, page_size):
    [problem] = config_problems(write_config(tmp_path, page_size=page_size))
    assert str(problem).startswith("mkdocs.yml:4: extra.thidua.page_size: phải là số nguyên từ 1 đến 200")


def test_an_unknown_key_is_named_with_the_closest_known_one(tmp_path):
    root = write_config(tmp_path)
    text = (root / "mkdocs.yml").read_text("utf-8") + "    pagesize: 3\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    [problem] = config_problems(root)
    assert problem.line == 8 and problem.field == "extra.thidua.pagesize"
    assert "có phải ý bạn là “page_size”?" in problem.message


def test_a_licence_address_that_is_not_http_is_refused(tmp_path):
    [problem] = config_problems(write_config(tmp_path, url="javascript:alert(1)"))
    assert (problem.line, problem.field) == (7, "extra.thidua.licence.url")


def test_the_build_refuses_what_check_refuses_with_the_same_words(tmp_path):
    root = write_config(tmp_path, page_size="0")
    with pytest.raises(SettingsError) as refused:
        settings_from({"page_size": 0, "licence": {"name": "CC BY 4.0", "url": "https://x.example/"}}, root, SITE_URL)
    assert str(refused.value) == str(config_problems(root)[0])


def test_valid_settings_are_typed(tmp_path):
    root = write_config(tmp_path, page_size="7")
    settings = settings_from({"page_size": 7, "as_of": AS_OF}, root, SITE_URL)
    assert settings.page_size == 7 and settings.as_of == AS_OF


def test_thidua_check_reports_a_broken_setting_and_fails(site, capsys):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("page_size: 40", "page_size: abc"), encoding="utf-8")
    assert main(["--root", str(site.root), "check"]) == 1
    assert "mkdocs.yml:" in capsys.readouterr().out
