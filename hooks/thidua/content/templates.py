"""The domain's own Jinja templates (`hooks/thidua/templates/`): text files the site generates outside the
theme, such as the `thidua new` archetype and the field reference. Theme pages live in `overrides/`."""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .text import format_date

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


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
    return env


def markdown_text(text: str) -> str:
    """Plain text safe inside Markdown and its tables: no HTML, no table breaks."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
