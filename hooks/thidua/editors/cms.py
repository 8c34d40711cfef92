"""The editors' web form at /bien-tap/gui-bai/: Decap CMS, configured at every build from the exemplar schema
and the content, so the form cannot drift from `thidua check` (as the field reference cannot).

Labels are the schema's titles; hints are written for an editor (`cms.hints` in the word catalogue), with
the limits taken from the schema and the checker; units and movements are choices read from the content.
What the configuration cannot express travels as rules generated from the checker (`rules.py`), which
`docs/assets/thidua-cms.js` runs beside each field. The configuration uses only what Decap and Sveltia CMS
both read. No MkDocs here: the adapter registers `cms_files`, and `thidua cms` writes the same files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..checks import photos
from ..checks.loader import grouping_properties
from ..checks.schemas import extended_schema
from ..content import urls
from ..content.model import KIND_LABELS, Corpus
from ..content.text import format_date
from ..content.words import catalogue, word
from . import guide, rules

BUNDLE = Path("node_modules") / "decap-cms" / "dist"  # installed by `npm ci` from package-lock.json
BUNDLE_MAIN = "decap-cms.js"
SCRIPT = Path("docs") / "assets" / "thidua-cms.js"
RULES_SCRIPT = Path("docs") / "assets" / "thidua-rules.js"  # interprets the checker's rules (rules.py)
STYLESHEET = Path("docs") / "assets" / "thidua-cms.css"  # the form at 375 px, our words on the sign-in screen
TEMPLATE = "thidua/cms.html"
COLLECTION = "exemplars"
DATA = "bieu-mau.json"  # the rules, words and settings thidua-cms.js reads beside config.yml
# Keys in the order `thidua new` writes them (a test holds the two together); schema keys not listed
# here (a field added later) follow in the schema's order, so a new field appears without editing this file.
KEY_ORDER = ("title", "kind", "name", "unit", "movements", "date", "time", "summary", "consent", "award", "photo",
             "photo_alt", "photo_credit", "updated", "corrections", "aliases")
NOT_OFFERED = frozenset({"sample"})  # sample content is for developers, never for ordinary editors
LATER_EDITS = ("updated", "corrections", "aliases")  # not shown while a story is new
MULTILINE_FROM = 300  # strings allowed this long get a text area


class CmsError(ValueError):
    """The form cannot be built: its JavaScript is not installed, or its settings are wrong."""


@dataclass(frozen=True)
class CmsSettings:
    """`extra.thidua.cms` in mkdocs.yml: where submissions go and how editors sign in."""

    repo: str = ""  # owner/name on the forge; from repo_url when not set
    backend: str = "github"  # github, gitlab or gitea (see docs/bien-tap/bieu-mau.md)
    branch: str = "main"
    base_url: str = ""  # the OAuth proxy that signs editors in (GitHub, Gitea), or the GitLab/Gitea server
    auth_endpoint: str = ""
    app_id: str = ""  # GitLab/Gitea OAuth application id (PKCE: no secret anywhere)
    open_authoring: bool = True  # editors without write access submit from their own fork (GitHub)
    local_url: str = ""  # decap-server's address; only `thidua cms` sets it


def cms_settings(extra: dict, repo_url: str = "") -> CmsSettings:
    """From `extra.thidua.cms`, already checked by the settings schema; the repository from repo_url if unset."""
    raw = {key: value for key, value in (extra.get("cms") or {}).items() if value not in (None, "")}
    raw.setdefault("repo", _repo_from_url(repo_url))
    if not raw["repo"]:
        raise CmsError("mkdocs.yml: extra.thidua.cms.repo: cần kho nhận bài gửi, dạng chủ-sở-hữu/tên-kho "
                       "(hoặc đặt repo_url) (no repository for the web form)")
    return CmsSettings(**raw)


def _repo_from_url(url: str) -> str:
    """"https://github.com/owner/name" → "owner/name"."""
    parts = url.rstrip("/").removesuffix(".git").split("/")
    return "/".join(parts[-2:]) if len(parts) >= 5 else ""


def cms_config(corpus: Corpus, schema: dict, settings: CmsSettings) -> dict:
    """Decap CMS's configuration, as data: every schema field with its label, hint and rules."""
    backend = {"name": settings.backend, "repo": settings.repo, "branch": settings.branch,
               "commit_messages": word("cms.commit")}
    for key in ("base_url", "auth_endpoint", "app_id"):
        if getattr(settings, key):
            backend[key] = getattr(settings, key)
    if settings.app_id:
        backend["auth_type"] = "pkce"
    if settings.open_authoring and settings.backend == "github":
        backend["open_authoring"] = True
    config = {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every submission is a branch and a pull request
        "locale": "vi",
        "media_folder": COLLECTION,
        "public_folder": "",
        "show_preview_links": False,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(corpus, schema)],
    }
    if settings.local_url:
        config["local_backend"] = {"url": settings.local_url}
    return config


# Where each forge's API and avatars live when the configuration names no server of its own.
FORGE_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com"}
FORGE_IMAGES = {"github": ["https://avatars.githubusercontent.com"]}


def backend_origins(backend: dict) -> dict[str, list[str]]:
    """The origins the form in the browser must reach, by CSP directive: the forge's API, its avatars."""
    name = backend.get("name", "")
    api = backend.get("api_root") or backend.get("base_url") if name != "github" else FORGE_API["github"]
    api = api or FORGE_API.get(name, "")
    origin = "/".join(api.split("/")[:3]) if api.startswith("https://") else ""
    return {"connect-src": [origin] if origin else [], "img-src": FORGE_IMAGES.get(name, [])}


def _collection(corpus: Corpus, schema: dict) -> dict:
    return {
        "name": COLLECTION, "label": word("cms.collection"), "label_singular": word("cms.collection_singular"),
        "description": word("cms.collection_description"),
        "folder": COLLECTION, "extension": "md", "format": "frontmatter", "create": True, "delete": False,
        "slug": "{{title}}", "identifier_field": "title", "summary": "{{title}}",
        "media_folder": "", "public_folder": "",  # photos beside the story, named in `photo` by file name
        "editor": {"preview": False},  # Decap's preview shows raw ids, not our page: it would mislead
        "fields": form_fields(corpus, schema),
    }


def form_fields(corpus: Corpus, schema: dict) -> list[dict]:
    docs = {doc.key: doc for doc in guide.field_reference(schema)}
    required = set(schema.get("required", []))
    order = [key for key in KEY_ORDER if key in docs] + [key for key in docs if key not in KEY_ORDER]
    fields = [_field(docs[key], schema["properties"][key], key in required, corpus)
              for key in order if key not in NOT_OFFERED]
    for field in fields:
        if field["name"] == "date" and corpus.plans:  # the story's date should fall within the plan
            field["hint"] += " " + _period_hint(corpus)
    body = {"name": "body", "label": word("cms.body_label"), "widget": "markdown", "hint": word("cms.body_hint"),
            "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list", "quote"],
            "editor_components": [], "modes": ["rich_text", "raw"]}
    return fields + [body]


def _field(doc: guide.FieldDoc, spec: dict, required: bool, corpus: Corpus, parent: str = "") -> dict:
    field = {"name": doc.key, "label": doc.title, "required": required, "hint": _hint(f"{parent}{doc.key}", spec)}
    field.update(_widget(doc.key, spec, corpus))
    if doc.fields:  # a list of groups, e.g. corrections: date and note
        item_spec = spec.get("items", {})
        inner_required = set(item_spec.get("required", []))
        field["fields"] = [_field(sub, item_spec["properties"][sub.key], sub.key in inner_required, corpus,
                                  f"{doc.key}.") for sub in doc.fields]
    return field


def _hint(key: str, spec: dict) -> str:
    """For an editor: what to write (the catalogue's words, else the schema's), and the length in characters."""
    hints = catalogue()["cms"]["hints"]
    if key == "photo":
        return word("cms.hints.photo", photos.MIN_WIDTH, photos.MAX_BYTES // (1024 * 1024))
    words = hints.get(key) or spec.get("description", "")
    if spec.get("maxLength") and spec.get("type") == "string" and key != "photo":
        words += " " + word("cms.max_length", spec["maxLength"])
    return words.strip()


def _widget(key: str, spec: dict, corpus: Corpus) -> dict:
    if key == "unit":
        return {"widget": "select", "options": _unit_options(corpus)}
    if key == "movements":
        return {"widget": "select", "multiple": True, "min": spec.get("minItems", 0),
                "options": _movement_options(corpus)}
    if key == "photo":
        return {"widget": "image", "choose_url": False,
                "media_library": {"config": {"max_file_size": photos.MAX_BYTES}}}
    if "enum" in spec:
        labels = KIND_LABELS if key == "kind" else {}
        return {"widget": "select", "options": [{"label": labels.get(v, str(v)), "value": v} for v in spec["enum"]]}
    kind = spec.get("type")
    if kind == "boolean":
        return {"widget": "boolean", "default": False}
    if spec.get("pattern") == guide.DATE_PATTERN:  # a date picker; "today" is today in Vietnam (thidua-cms.js)
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY", "time_format": False,
                "picker_utc": False}
    if spec.get("pattern") == guide.TIME_PATTERN:
        return {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm",
                "picker_utc": False}
    if kind == "array":
        items = spec.get("items", {})
        if "enum" in items:  # a grouping's terms (content/groupings.yml), labelled as the grouping names them
            terms = next((g.terms for g in corpus.groupings.values() if g.field == key), {})
            return {"widget": "select", "multiple": True, "min": spec.get("minItems", 0),
                    "options": [{"label": terms.get(v, str(v)), "value": v} for v in items["enum"]]}
        if items.get("type") == "object":
            return {"widget": "list", "collapsed": False}
        return {"widget": "list", "field": {"name": "item", "label": word("cms.list_item"), "widget": "string"}}
    # Lengths and patterns are checked by the checker's own rules (rules.py), in its words, not by Decap's.
    return {"widget": "text" if spec.get("maxLength", 0) >= MULTILINE_FROM else "string"}


def _unit_options(corpus: Corpus) -> list[dict]:
    units = sorted(corpus.units.values(), key=lambda u: (corpus.unit_types[u.type].order, u.order, u.name))
    return [{"label": u.name, "value": u.id} for u in units]


def _movement_options(corpus: Corpus) -> list[dict]:
    movements = sorted(corpus.movements.values(), key=lambda m: (m.plan, m.order))
    return [{"label": m.short_title, "value": m.id} for m in movements]


def _period_hint(corpus: Corpus) -> str:
    periods = [word("cms.period_one", p.period_label, format_date(p.period_start), format_date(p.period_end))
               for p in sorted(corpus.plans.values(), key=lambda p: p.period_start)]
    return word("cms.period", "; ".join(periods))


def config_yaml(config: dict) -> str:
    header = "# Tạo tự động từ lược đồ bài và nội dung (hooks/thidua/editors/cms.py) mỗi lần dựng trang: đừng sửa tay.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def form_data(corpus: Corpus, schema: dict, site_name: str) -> dict:
    """What the form's script reads beside the configuration: the checker's rules, the CMS's words in
    Vietnamese, the site's name for the sign-in screen, and the fields kept for later edits."""
    return {"rules": rules.form_rules(corpus, schema), "locale": catalogue()["cms_locale"],
            "words": {key: word(f"cms.{key}") for key in ("today", "summary_title", "warnings_title", "problems_title",
                                                             "problems_title")},
            "site_name": site_name, "later": list(LATER_EDITS), "collection": COLLECTION}


def render_page(root: Path, site_name: str) -> str:
    env = Environment(loader=FileSystemLoader(str(root / "overrides")), autoescape=select_autoescape(["html"]))
    return env.get_template(TEMPLATE).render(site_name=site_name, bundle=f"js/{BUNDLE_MAIN}", words=catalogue()["cms"],
                                            data=DATA, script=f"../../assets/{SCRIPT.name}",
                                            stylesheet=f"../../assets/{STYLESHEET.name}",
                                            rules_script=f"../../assets/{RULES_SCRIPT.name}",
                                            guide_url=f"../../{urls.EDITORS_GUIDE}")


def bundle_files(root: Path) -> dict[str, Path]:
    """The CMS's JavaScript (main file and the chunks it loads), without source maps, by URL under the page."""
    folder = root / BUNDLE
    if not (folder / BUNDLE_MAIN).is_file():
        raise CmsError(f"chưa cài mã JavaScript của biểu mẫu gửi bài ({folder / BUNDLE_MAIN}): "
                       "chạy `npm ci` ở thư mục gốc của kho (hoặc `make site`, tự chạy lệnh này)")
    names = [BUNDLE_MAIN] + sorted(p.name for p in folder.glob(f"*.{BUNDLE_MAIN}"))
    names += [f"{BUNDLE_MAIN}.LICENSE.txt"] if (folder / f"{BUNDLE_MAIN}.LICENSE.txt").is_file() else []
    return {f"{urls.CMS}js/{name}": folder / name for name in names}


def exemplar_schema(corpus: Corpus) -> dict:
    """The schema `thidua check` applies, with the keys the content's groupings add (as the field reference)."""
    return extended_schema("exemplar", grouping_properties(corpus))


def cms_files(root: Path, corpus: Corpus, schema: dict, settings: CmsSettings, site_name: str) -> dict[str, str | Path]:
    """Every file of /bien-tap/gui-bai/ by site path: text generated now, or an installed file to copy.
    Its scripts and stylesheet under assets/ are docs/ files, which MkDocs copies (`thidua cms` adds them)."""
    config = cms_config(corpus, schema, settings)
    files: dict[str, str | Path] = {
        f"{urls.CMS}index.html": render_page(root, site_name),
        f"{urls.CMS}config.yml": config_yaml(config),
        f"{urls.CMS}{DATA}": json.dumps(form_data(corpus, schema, site_name), ensure_ascii=False),
    }
    files.update(bundle_files(root))
    return files
