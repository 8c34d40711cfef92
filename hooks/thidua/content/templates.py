"""The domain's own Jinja templates (`hooks/thidua/templates/`): text files the site generates outside the
theme, such as the `thidua new` archetype and the field reference. Theme pages live in `overrides/`."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .text import format_date

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# The signs of Python-Markdown's inline syntax (links, images, emphasis, code spans, attribute lists, table
# cells), escaped wherever they are; and what starts a block (a heading, a list) where a text starts.
_INLINE_SIGNS = re.compile(r"([\\`*_{}\[\]()!|])")
_BLOCK_START = re.compile(r"^(\s*)([#+-]|\d+[.)])")


def template_environment(folder: Path, autoescape=False) -> Environment:
    """Every Jinja environment outside MkDocs' own (the domain's here, the press files' in site/templating):
    a missing variable is an error, block tags leave no blank lines, dates read dd/mm/yyyy."""
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=autoescape, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["vndate"] = format_date
    return env


@cache
def environment() -> Environment:
    # Markdown and YAML, not HTML: escaping is done by the filters each format needs.
    env = template_environment(TEMPLATES)
    env.filters["yaml_string"] = lambda text: json.dumps(text, ensure_ascii=False)  # a JSON string is YAML
    env.filters["md"] = markdown_text
    env.filters["md_code"] = code_text
    return env


def markdown_text(text: str) -> str:
    """Plain text that stays plain inside Markdown and its tables: no HTML, no Markdown (a unit named
    "[x](//evil)" is printed as written, not linked), no table breaks."""
    inline = _INLINE_SIGNS.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")
    return _BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], inline)


def code_text(text: str) -> str:
    """Plain text inside a code span, where Markdown escapes HTML itself and a backslash is shown as it is."""
    return text.replace("`", "'").replace("\n", " ")


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
