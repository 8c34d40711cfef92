"""The editors' web form at /bien-tap/gui-bai/: Decap CMS, configured at every build from the exemplar schema
and the content, so the form cannot drift from `thidua check` (as the field reference cannot).

Labels and hints are the field reference's words (`guide.field_reference`); units and movements are choices
read from the content; conditional requirements the CMS cannot express (consent for individuals, photo
credits when a photo is set) travel as rules that `docs/assets/thidua-cms.js` enforces before saving.
No MkDocs here: the adapter registers `cms_files`, and `thidua cms` writes the same files for offline use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..checks.loader import grouping_properties
from ..checks.schemas import extended_schema
from ..content import urls
from ..content.model import KIND_LABELS, Corpus
from ..content.text import format_date
from ..content.words import catalogue, word
from . import guide

BUNDLE = Path("node_modules") / "decap-cms" / "dist"  # installed by `npm ci` from package-lock.json
BUNDLE_MAIN = "decap-cms.js"
SCRIPT = Path("docs") / "assets" / "thidua-cms.js"
TEMPLATE = "thidua/cms.html"
COLLECTION = "exemplars"
# Keys in the order `thidua new` writes them (a test holds the two together); schema keys not listed
# here (a field added later) follow in the schema's order, so a new field appears without editing this file.
KEY_ORDER = ("title", "kind", "name", "unit", "movements", "date", "time", "summary", "consent", "award", "photo",
             "photo_alt", "photo_credit", "updated", "corrections", "aliases")
NOT_OFFERED = frozenset({"sample"})  # sample content is for developers, never for ordinary editors
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


def _field(doc: guide.FieldDoc, spec: dict, required: bool, corpus: Corpus) -> dict:
    field = {"name": doc.key, "label": doc.title, "required": required, "hint": _hint(doc)}
    field.update(_widget(doc.key, spec, corpus))
    if doc.fields:  # a list of groups, e.g. corrections: date and note
        item_spec = spec.get("items", {})
        inner_required = set(item_spec.get("required", []))
        field["fields"] = [_field(sub, item_spec["properties"][sub.key], sub.key in inner_required, corpus)
                           for sub in doc.fields]
    return field


def _hint(doc: guide.FieldDoc) -> str:
    words = [doc.description.rstrip(".") + "."] if doc.description else []
    if doc.required not in ("bắt buộc", "không bắt buộc"):  # conditional: say when, as the reference does
        words.append(doc.required[:1].upper() + doc.required[1:] + ".")
    rules = [r for r in doc.rules if not r.startswith("chỉ nhận")]  # choices are offered, not listed
    if rules:
        words.append(rules[0][:1].upper() + "; ".join(rules)[1:] + ".")
    return " ".join(words)


def _widget(key: str, spec: dict, corpus: Corpus) -> dict:
    if key == "unit":
        return {"widget": "select", "options": _unit_options(corpus)}
    if key == "movements":
        return {"widget": "select", "multiple": True, "min": spec.get("minItems", 0),
                "options": _movement_options(corpus)}
    if key == "photo":
        return {"widget": "image", "choose_url": False, "media_library": {"config": {"max_file_size": 10_000_000}}}
    if "enum" in spec:
        labels = KIND_LABELS if key == "kind" else {}
        return {"widget": "select", "options": [{"label": labels.get(v, str(v)), "value": v} for v in spec["enum"]]}
    kind = spec.get("type")
    if kind == "boolean":
        return {"widget": "boolean", "default": False}
    if spec.get("pattern") == guide.DATE_PATTERN:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY", "time_format": False,
                "picker_utc": True}
    if kind == "array":
        items = spec.get("items", {})
        if "enum" in items:  # a grouping's terms (content/groupings.yml), labelled as the grouping names them
            terms = next((g.terms for g in corpus.groupings.values() if g.field == key), {})
            return {"widget": "select", "multiple": True, "min": spec.get("minItems", 0),
                    "options": [{"label": terms.get(v, str(v)), "value": v} for v in items["enum"]]}
        if items.get("type") == "object":
            return {"widget": "list", "collapsed": False}
        return {"widget": "list", "field": {"name": "item", "label": word("cms.list_item"), "widget": "string",
                                            **_pattern(items)}}
    widget = "text" if spec.get("maxLength", 0) >= MULTILINE_FROM else "string"
    return {"widget": widget, **_pattern(spec)}


def _pattern(spec: dict) -> dict:
    """Decap checks one pattern per field: the schema's own, or its length as a pattern."""
    if spec.get("pattern"):
        message = spec.get("x-message", "").split(" (")[0] or word("cms.bad_format")
        return {"pattern": [spec["pattern"], message[:1].upper() + message[1:]]}
    if spec.get("maxLength"):
        low = spec.get("minLength", 0)
        return {"pattern": [f"^[\\s\\S]{{{low},{spec['maxLength']}}}$", word("cms.max_length", spec["maxLength"])]}
    return {}


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


def save_rules(schema: dict) -> list[dict]:
    """Requirements that depend on another field, from the schema: checked in the browser before saving."""
    rules = []
    for trigger, needs in schema.get("dependentRequired", {}).items():
        for needed in needs:
            title = schema["properties"][needed].get("title", needed)
            when = schema["properties"][trigger].get("title", trigger).lower()
            rules.append({"if_set": trigger, "require": needed, "equals": None,
                          "message": word("cms.required_with", title, when)})
    condition, then = schema.get("if", {}), schema.get("then", {})
    trigger = next(iter(condition.get("properties", {}).items()), None)
    if trigger and "const" in trigger[1]:
        for needed in then.get("required", []):
            message = _plain(then.get("x-required", {}).get(needed, f"{needed}: bắt buộc"))
            equals = then.get("properties", {}).get(needed, {}).get("const")
            if equals is True:  # the checker names the key; the form shows the switch's label
                message = word("cms.turn_on", message, schema["properties"][needed].get("title", needed))
            rules.append({"if_equals": [trigger[0], trigger[1]["const"]], "require": needed,
                          "equals": equals, "message": message})
    return rules


def _plain(message: str) -> str:
    """The checker's message without its English tag: "… công bố (consent required)" → "… công bố"."""
    return message.rsplit(" (", 1)[0] if message.endswith(")") else message


def config_yaml(config: dict) -> str:
    header = "# Tạo tự động từ lược đồ bài và nội dung (hooks/thidua/editors/cms.py) mỗi lần dựng trang: đừng sửa tay.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def render_page(root: Path, site_name: str, schema: dict) -> str:
    env = Environment(loader=FileSystemLoader(str(root / "overrides")), autoescape=select_autoescape(["html"]))
    rules = json.dumps(save_rules(schema), ensure_ascii=False).replace("</", "<\\/")
    return env.get_template(TEMPLATE).render(site_name=site_name, rules=rules, bundle=f"js/{BUNDLE_MAIN}",
                                            words=catalogue()["cms"],
                                            script=f"../../assets/{SCRIPT.name}", guide_url=f"../../{urls.EDITORS_GUIDE}")


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
    """Every file of /bien-tap/gui-bai/ by site path: text generated now, or an installed file to copy."""
    config = cms_config(corpus, schema, settings)
    files: dict[str, str | Path] = {
        f"{urls.CMS}index.html": render_page(root, site_name, schema),
        f"{urls.CMS}config.yml": config_yaml(config),
    }
    files.update(bundle_files(root))
    return files
