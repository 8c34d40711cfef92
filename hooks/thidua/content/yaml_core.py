"""YAML 1.2's core schema for PyYAML, so that front matter reads back exactly as the web form wrote it.

The form (Decap CMS) writes YAML 1.2; PyYAML reads YAML 1.1, where `14:45` is the number 885 (base 60),
`On`, `Yes`, `No` are booleans, `=` is a "value" tag nothing constructs, `012` is octal and `<<` merges
mappings. The core schema knows only null (`~`, `null`, nothing), `true`/`false`, integers (decimal,
`0o`, `0x`) and floats; everything else is text. Dates are text too: the schemas ask for "YYYY-MM-DD"
text and the loader parses it with its own messages. `<<` is an ordinary key, which no schema knows.
"""

from __future__ import annotations

import re

import yaml

NULL, BOOL, INT, FLOAT = (f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))

# (tag, the spec's regular expression (YAML 1.2.2, 10.3.2), the characters a match can start with)
CORE_RESOLVERS = (
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (FLOAT, r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    text = loader.construct_scalar(node)
    base = {"0o": 8, "0x": 16}.get(text[:2], 10)
    try:
        return int(text[2:] if base != 10 else text, base)
    except ValueError:  # more digits than Python converts (4,300): no field wants such a number; text it is
        return text


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float("nan") if text == ".nan" else float(text)


def core_schema(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """`loader` (a SafeLoader class) resolving plain scalars by YAML 1.2's core schema only."""
    loader.yaml_implicit_resolvers = {}
    for tag, pattern, first in CORE_RESOLVERS:
        loader.add_implicit_resolver(tag, re.compile(pattern), first)
    loader.add_constructor(INT, _int)
    loader.add_constructor(FLOAT, _float)
    return loader


@core_schema
class CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML 1.2 (core schema) through libyaml."""


@core_schema
class CoreExplainingLoader(yaml.SafeLoader):
    """The same, through the pure-Python parser, whose error messages `yaml_messages` explains."""
