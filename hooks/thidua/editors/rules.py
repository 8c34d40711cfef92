"""The checker's rules for the web form, as data: generated at every build from `checks/` itself.

What Decap's configuration cannot say (personal data, invisible and control characters, markup, links,
placeholder sentences, photo format, size and width, lengths, requirements that depend on another field)
travels to the browser as JSON beside the configuration, and `docs/assets/thidua-cms.js` interprets it.
Patterns are the checker's own, translated to JavaScript with the same meaning (`jsregex`); messages are
the checker's own templates, without their English tag, so the form says what `thidua check` says.
"""

from __future__ import annotations

import re
import string

from jsonschema import Draft202012Validator

from ..checks import bounds, controls, hygiene, links, marks, photos, placeholders, privacy, schemas
from ..checks.loader import EXEMPLAR_PLAIN_FIELDS
from ..content import source
from ..content.model import Corpus
from ..content.text import format_date
from ..content.words import word
from .jsregex import to_js

# Where a link's address is written, for the form's first look at a body: the browser has no Python-Markdown, so
# it finds addresses by their Markdown and HTML shapes and judges each by the checker's rule (checks/links.py).
# The checker itself judges what the renderer makes, and `thidua cms` refuses to publish what it refuses.
_INLINE = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)")  # one level of (…) inside, as Markdown reads it
_REFERENCE = re.compile(r" {0,3}\[[^\]]{1,999}\]:[ \t]*<?([^\s>]*)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>")
_ATTRIBUTE = re.compile(r"\b(?:href|src|srcset|action|formaction|poster|data|cite|background)[ \t]*=[ \t]*[\"']?([^\"'\s>]*)",
                        re.IGNORECASE)

# Python format specs the checker's messages use, and how the browser writes them.
SPECS = {"": "", "04X": "hex4", ",": "thousands", ".1f": "fixed1"}


def form_rules(corpus: Corpus, schema: dict) -> dict:
    return {
        "fields": {key: _field(spec) for key, spec in schema.get("properties", {}).items()},
        "plain": sorted(EXEMPLAR_PLAIN_FIELDS),
        "text": _text_rules(),
        "body": _body_rules(),
        "photo": _photo_rules(),
        "requires": requirements(schema),
        "periods": [{"start": p.period_start.isoformat(), "end": p.period_end.isoformat(),
                     "message": word("cms.outside_period", p.period_label, format_date(p.period_start),
                                     format_date(p.period_end))}
                    for p in sorted(corpus.plans.values(), key=lambda p: p.period_start)],
    }


def template(message: str) -> str:
    """A checker message as the browser fills it: "{code:04X}" → "{code|hex4}", the English tag dropped."""
    out = []
    for literal, name, spec, _ in string.Formatter().parse(plain(message)):
        out.append(literal)
        if name is not None:
            if spec not in SPECS:
                raise ValueError(f"format {spec!r} of {{{name}}} has no browser equivalent: {message}")
            out.append(f"{{{name}|{SPECS[spec]}}}" if SPECS[spec] else f"{{{name}}}")
    return "".join(out)


def plain(message: str) -> str:
    """Without the English tag that ends the checker's messages: "… số này (phone number)" → "… số này"."""
    return message.rsplit(" (", 1)[0] if message.endswith(")") and " (" in message else message


def _field(spec: dict) -> dict:
    rules: dict = {"label": spec.get("title", "")}
    if spec.get("maxLength"):
        rules["max"] = spec["maxLength"]
        rules["too_long"] = _generic_template({"maxLength": 7531}, "x" * 8642, {"8642": "length", "7531": "limit"})
    if spec.get("minLength"):
        rules["empty"] = template(_generic_message({"minLength": 1}, ""))
    if spec.get("pattern"):
        rules["pattern"] = {**to_js(spec["pattern"]), "message": template(spec.get("x-message")
                                                                          or _generic_message({"pattern": "^$"}, "x"))}
    items = spec.get("items", {})
    if items.get("type") == "object":
        rules["items"] = {key: _field(sub) for key, sub in items.get("properties", {}).items()}
    elif items:
        rules["item"] = _field(items)
    return rules


def _generic_message(schema: dict, instance) -> str:
    """What the checker says when `instance` breaks `schema`: its own words, from a real validation."""
    error = next(Draft202012Validator(schema).iter_errors(instance))
    return schemas._generic(error)


def _generic_template(schema: dict, instance, values: dict[str, str]) -> str:
    message = plain(_generic_message(schema, instance))
    for value, name in values.items():
        if value not in message:
            raise ValueError(f"the checker's message no longer shows {value}: {message}")
        message = message.replace(value, f"{{{name}}}")
    return message


def _finder(pattern, message: str, **extra) -> dict:
    return {**to_js(pattern), "message": template(message), **extra}


def _text_rules() -> dict:
    """Rules for every text, in the order the checker reports them: damage, invisible, markup, personal data."""
    return {
        "replacement": template(hygiene.REPLACEMENT), "not_nfc": template(hygiene.NOT_NFC),
        "stray_mark": template(hygiene.STRAY_MARK),
        "marks": {"max": marks.MAX_MARKS, "alone": template(marks.MARK_ALONE), "piled": template(marks.MARKS_PILED)},
        "invisible": _finder(hygiene._INVISIBLE, hygiene.BIDI, zero_width=template(hygiene.ZERO_WIDTH),
                             zero_width_codes=sorted(hygiene.ZERO_WIDTH_CODES)),
        "control": _finder(controls._CONTROL, controls.MESSAGE),
        "markup": _finder(hygiene._MARKUP, hygiene.MARKUP),
        # Citizen IDs first, then what is left is searched for e-mail addresses, then for phone numbers.
        "personal": [_finder(privacy.CITIZEN_ID, privacy.CITIZEN_ID_MESSAGE, mask="digits"),
                     _finder(privacy.EMAIL, privacy.EMAIL_MESSAGE, mask="email"),
                     _finder(privacy.PHONE, privacy.PHONE_MESSAGE, mask="digits")],
        "placeholders": list(placeholders.PLACEHOLDERS), "placeholder": template(placeholders.MESSAGE),
    }


def _body_rules() -> dict:
    return {
        "max": source.MAX_BODY_CHARS, "too_long": template(source.BODY_TOO_LONG),
        "max_line": bounds.MAX_LINE, "line_too_long": template(bounds.LINE_TOO_LONG),
        "bounds": {"nesting": bounds.MAX_NESTING, "brackets": bounds.MAX_BRACKETS, "headings": bounds.MAX_HEADINGS,
                   "unclosed": bounds.MAX_UNCLOSED_TAGS, "tags": bounds.MAX_TAGS,
                   "significant": to_js(bounds._SIGNIFICANT),
                   "too_deep": template(bounds.TOO_DEEP), "too_many_brackets": template(bounds.TOO_MANY_BRACKETS),
                   "too_many_parentheses": template(bounds.TOO_MANY_PARENTHESES),
                   "too_many_tags": template(bounds.TOO_MANY_TAGS),
                   "too_many_tags_in_all": template(bounds.TOO_MANY_TAGS_IN_ALL),
                   "too_many_headings": template(bounds.TOO_MANY_HEADINGS),
                   "html_nesting": bounds.MAX_HTML_NESTING, "too_deep_html": template(bounds.TOO_DEEP_HTML),
                   "blocks": sorted(bounds._BLOCKS), "tag_name": to_js(bounds._TAG_NAME),
                   "emphasis": bounds.MAX_EMPHASIS, "too_deep_emphasis": template(bounds.TOO_DEEP_EMPHASIS)},
        "links": [to_js(_INLINE), to_js(_AUTOLINK), to_js(_ATTRIBUTE)],
        "reference": to_js(_REFERENCE),
        "allowed": list(links.SAFE_STARTS),
        "not_https": template(links.NOT_HTTPS), "protocol_relative": template(links.PROTOCOL_RELATIVE),
    }


def _photo_rules() -> dict:
    def alternatives(table):
        return [[[at, list(part)] for at, part in parts] for parts in table]

    return {
        "max_bytes": photos.MAX_BYTES, "min_width": photos.MIN_WIDTH,
        "formats": {kind: alternatives(table) for kind, table in photos.SIGNATURES.items()},
        "others": [{"name": name, "alternatives": alternatives(table), "strip": strip}
                   for name, table, strip in photos.OTHER_KINDS],
        "empty": photos.EMPTY, "unknown": photos.UNKNOWN,
        "not_an_image": template(photos.NOT_AN_IMAGE), "damaged": template(photos.DAMAGED),
        "too_large": template(photos.TOO_LARGE), "too_narrow": template(photos.TOO_NARROW),
        "checking": word("cms.photo_checking"),
    }


def requirements(schema: dict) -> list[dict]:
    """Requirements that depend on another field, from the schema, in the form's words (labels, not keys)."""
    rules = []
    title = lambda key: schema["properties"][key].get("title", key)  # noqa: E731
    for trigger, needs in schema.get("dependentRequired", {}).items():
        for needed in needs:
            rules.append({"if_set": trigger, "require": needed, "equals": None,
                          "message": word("cms.required_with", title(needed), title(trigger).lower())})
    condition, then = schema.get("if", {}), schema.get("then", {})
    trigger = next(iter(condition.get("properties", {}).items()), None)
    if trigger and "const" in trigger[1]:
        for needed in then.get("required", []):
            equals = then.get("properties", {}).get(needed, {}).get("const")
            message = word("cms.turn_on" if equals is True else "cms.required_when", title(needed))
            rules.append({"if_equals": [trigger[0], trigger[1]["const"]], "require": needed,
                          "equals": equals, "message": message})
    return rules
