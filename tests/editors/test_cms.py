"""The web form /bien-tap/gui-bai/ (hooks/thidua/editors/cms.py): its configuration follows the schema and the
content, and the built page is served from the site, out of search engines, sitemap and feeds."""

from __future__ import annotations

import copy
import gzip
import json
import re
from datetime import date
from pathlib import Path

import yaml
from thidua.checks.loader import load_corpus
from thidua.checks.schemas import load_schema
from thidua.cli.scaffold import Answers, render
from thidua.editors import cms, guide
from thidua.site.settings import config_problems

JS_BUDGET = 1_500_000  # bytes gzip, every script the form's page can load (issue 13)
SETTINGS = cms.CmsSettings(repo="ubnd-binhthuan/thidua")


def fields_of(config: dict) -> dict[str, dict]:
    return {f["name"]: f for f in config["collections"][0]["fields"]}


def test_every_field_has_the_schemas_label_and_a_hint_written_for_an_editor(site):
    schema = load_schema("exemplar")
    fields = fields_of(cms.cms_config(load_corpus(site.root), schema, SETTINGS))
    keys = set(schema["properties"]) | {"individual", "collective", "YYYY", "HH:MM", "true", "YAML"}
    for doc in guide.field_reference(schema):
        if doc.key in cms.NOT_OFFERED:
            continue
        field = fields[doc.key]
        assert field["label"] == doc.title
        assert field["required"] == (doc.required == "bắt buộc"), doc.key
        # No key, no YAML, no format the widget already handles, no sentence said twice.
        assert not [key for key in keys if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", field["hint"])], field["hint"]
        sentences = [s.strip() for s in field["hint"].split(".") if s.strip()]
        assert len(sentences) == len(set(sentences)), field["hint"]


def test_lengths_are_said_in_the_hint_and_the_photo_limits_in_its_own_units(site):
    fields = fields_of(cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS))
    assert fields["summary"]["hint"].endswith("Tối đa 300 ký tự.")
    assert "rộng ít nhất 800 px, nặng tối đa 10 MB" in fields["photo"]["hint"]
    assert fields["photo"]["media_library"]["config"]["max_file_size"] == 10 * 1024 * 1024  # the checker's 10 MB
    assert "pattern" not in fields["summary"]  # the checker's rules say it, in its words (rules.py)


def test_sample_is_not_offered_and_the_body_is_last(site):
    config = cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS)
    names = list(fields_of(config))
    assert "sample" not in names
    assert names[-1] == "body"


def test_kind_is_a_choice_between_individual_and_collective_in_vietnamese(site):
    kind = fields_of(cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS))["kind"]
    assert kind["widget"] == "select"
    assert kind["options"] == [{"label": "Cá nhân", "value": "individual"}, {"label": "Tập thể", "value": "collective"}]


def test_units_and_movements_are_choices_of_every_id_with_its_name(site):
    corpus = load_corpus(site.root)
    fields = fields_of(cms.cms_config(corpus, load_schema("exemplar"), SETTINGS))
    assert {(o["value"], o["label"]) for o in fields["unit"]["options"]} == {(u.id, u.name) for u in corpus.units.values()}
    movements = fields["movements"]
    assert movements["multiple"] is True and movements["min"] == 1
    assert {o["value"]: o["label"] for o in movements["options"]} == {m.id: m.short_title for m in corpus.movements.values()}


def test_dates_are_picked_in_vietnam_time_and_times_with_a_time_picker(site):
    fields = fields_of(cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS))
    assert fields["date"]["format"] == "YYYY-MM-DD" and fields["date"]["picker_utc"] is False
    assert fields["time"]["widget"] == "datetime" and fields["time"]["format"] == "HH:mm"
    assert fields["time"]["date_format"] is False


def test_the_date_hint_gives_the_plans_period(site):
    date_field = fields_of(cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS))["date"]
    assert "từ 01/08/2023 đến 31/12/2023" in date_field["hint"]


def test_conditional_requirements_travel_to_the_form_in_its_labels_not_its_keys():
    from thidua.editors import rules

    found = rules.requirements(load_schema("exemplar"))
    consent = next(r for r in found if r["require"] == "consent")
    assert consent["if_equals"] == ["kind", "individual"] and consent["equals"] is True
    assert "“Đồng ý công bố”" in consent["message"] and "consent" not in consent["message"]
    assert {r["require"] for r in found if r.get("if_set") == "photo"} == {"photo_alt", "photo_credit"}


def test_the_form_writes_keys_in_the_order_thidua_new_writes_them(site):
    scaffold = render(Answers(title="T", kind="collective", name="N", unit="phan-thiet",
                              movements=["cai-cach-hanh-chinh"], date=date(2023, 10, 1)))
    written = [m.group(1) for m in re.finditer(r"^#? ?([a-z_]+):", scaffold.split("---")[1], re.M)]
    offered = [f for f in fields_of(cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS))
               if f != "body"]
    assert offered == [key for key in written if key not in cms.NOT_OFFERED]


def test_a_new_unit_appears_in_the_form_without_editing_the_cms_files(site):
    site.write("content/units/mui-ne.md", """
        ---
        name: Khu du lịch Mũi Né
        type: dia-phuong
        order: 99
        ---
        Đơn vị thử.
        """)
    options = fields_of(cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS))["unit"]["options"]
    assert {"label": "Khu du lịch Mũi Né", "value": "mui-ne"} in options


def test_a_new_schema_field_appears_in_the_form_with_its_label_and_hint(site):
    schema = copy.deepcopy(load_schema("exemplar"))
    schema["properties"]["location"] = {"title": "Địa điểm", "type": "string", "maxLength": 120,
                                        "description": "Nơi diễn ra câu chuyện."}
    fields = fields_of(cms.cms_config(load_corpus(site.root), schema, SETTINGS))
    assert fields["location"]["label"] == "Địa điểm"
    assert fields["location"]["hint"].startswith("Nơi diễn ra câu chuyện.")
    assert fields["location"]["required"] is False
    assert list(fields)[-2:] == ["location", "body"]


def test_submissions_are_pull_requests_on_the_configured_repository(site):
    config = cms.cms_config(load_corpus(site.root), load_schema("exemplar"), SETTINGS)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "ubnd-binhthuan/thidua"
    assert config["backend"]["open_authoring"] is True
    assert config["locale"] == "vi"
    assert "local_backend" not in config  # only `thidua cms` points the form at decap-server


def test_the_repository_comes_from_repo_url_when_the_settings_do_not_name_it():
    assert cms.cms_settings({}, "https://github.com/so-noi-vu/thi-dua").repo == "so-noi-vu/thi-dua"
    assert cms.cms_settings({"cms": {"repo": "a/b", "backend": "gitlab", "app_id": "x"}}).backend == "gitlab"


def test_gitlab_signs_in_with_pkce_and_no_secret(site):
    settings = cms.CmsSettings(repo="so/kho", backend="gitlab", base_url="https://gitlab.tinh.example", app_id="abc")
    backend = cms.cms_config(load_corpus(site.root), load_schema("exemplar"), settings)["backend"]
    assert backend["auth_type"] == "pkce" and backend["app_id"] == "abc" and "open_authoring" not in backend


def test_the_built_form_is_served_from_the_site_and_hidden_from_search_engines(built_repo):
    out = built_repo.root / "site"
    page = (out / "bien-tap" / "gui-bai" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert not re.search(r"<script[^>]+src=\"(https?:)?//", page), "no script from another host"
    config = yaml.safe_load((out / "bien-tap" / "gui-bai" / "config.yml").read_text("utf-8"))
    assert config["collections"][0]["folder"] == "exemplars"
    assert "gui-bai" not in (out / "sitemap.xml").read_text("utf-8")
    assert "gui-bai" not in (out / "feed.xml").read_text("utf-8")


def test_the_cms_script_is_loaded_by_the_form_page_only(built_repo):
    out = built_repo.root / "site"
    pages = [p for p in out.rglob("*.html") if "decap-cms.js" in p.read_text("utf-8", errors="ignore")]
    assert pages == [out / "bien-tap" / "gui-bai" / "index.html"]


def test_the_forms_own_scripts_are_at_most_one_and_a_half_megabytes_gzip(built_repo):
    """The two scripts the page names; what the browser loads in use is weighed in tests/browser/."""
    out = built_repo.root / "site"
    scripts = [out / "bien-tap" / "gui-bai" / "js" / "decap-cms.js", out / "assets" / "thidua-cms.js"]
    total = sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in scripts)
    assert total <= JS_BUDGET


def test_a_build_without_the_installed_cms_says_how_to_install_it(site):
    (site.root / "node_modules").unlink()
    try:
        cms.bundle_files(site.root)
    except cms.CmsError as err:
        assert "npm ci" in str(err)
    else:
        raise AssertionError("a missing bundle must be refused")


def test_the_cms_comes_from_npm_at_exact_versions_pinned_by_the_lockfile():
    root = Path(__file__).resolve().parents[2]
    wanted = json.loads((root / "package.json").read_text("utf-8"))["dependencies"]
    locked = json.loads((root / "package-lock.json").read_text("utf-8"))["packages"]
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} pinned exactly, not {version}"
        assert locked[f"node_modules/{name}"]["version"] == version
        assert locked[f"node_modules/{name}"]["integrity"].startswith("sha512-")


def test_a_grouping_declared_in_the_content_becomes_a_choice_of_its_terms(site):
    site.declare_fields()
    corpus = load_corpus(site.root)
    field = fields_of(cms.cms_config(corpus, cms.exemplar_schema(corpus), SETTINGS))["linh_vuc"]
    assert field["label"] == "Lĩnh vực" and field["widget"] == "select" and field["multiple"] is True
    assert field["options"] == [{"label": "Giáo dục", "value": "giao-duc"}, {"label": "Y tế", "value": "y-te"}]


def test_a_forge_the_form_cannot_use_is_refused_at_its_line_in_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Thử\nextra:\n  thidua:\n    cms:\n      backend: bitbucket\n"
                                         "      repo: so/kho\n", encoding="utf-8")
    problems = [str(p) for p in config_problems(tmp_path)]
    assert problems == ["mkdocs.yml:5: extra.thidua.cms.backend: chỉ nhận github, gitlab hoặc gitea (cms backend)"]


def test_the_forms_policy_lets_it_reach_its_forge_and_nothing_else():
    from thidua.hosting import csp

    github = dict(part.split(" ", 1) for part in csp.form_policy(cms.backend_origins({"name": "github"})).split("; "))
    assert github["connect-src"] == "'self' https://api.github.com"
    assert github["script-src"] == "'self' 'unsafe-eval'" and github["frame-ancestors"] == "'none'"
    gitlab = cms.backend_origins({"name": "gitlab", "base_url": "https://gitlab.tinh.example/api"})
    assert gitlab["connect-src"] == ["https://gitlab.tinh.example"]
    assert cms.backend_origins({"name": "gitea", "base_url": "http://gitea.local"})["connect-src"] == []  # https only
