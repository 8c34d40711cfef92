"""What nginx reads beside the site: the CSP header and the 301s of renamed stories.

Written into `site/_nginx/` (nginx.conf includes them and refuses to serve the folder; `thidua deploy`
leaves it out of object storage). Inside the build output rather than beside it, so they are replaced
atomically with the pages they belong to: the hashes always match the pages being served. They hold
nothing private: the policy is sent with every page, and the former ids are public redirects.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content import urls
from ..editors import cms
from . import csp

FOLDER = "_nginx"
CSP_CONF = "csp.conf"
FORM_CSP_CONF = "csp-bieu-mau.conf"  # the web form's own policy, for its path only (deploy/nginx.conf)
REDIRECT_MAP = "redirects.map"


def write_csp(site_dir: Path) -> str:
    """`add_header Content-Security-Policy …` with the site's script hashes; returns the policy."""
    value = csp.policy(csp.site_script_hashes(site_dir))
    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    (folder / CSP_CONF).write_text(
        "# Written by `thidua build` (hooks/thidua/hosting/csp.py): the hashes follow the theme's inline scripts.\n"
        f'add_header Content-Security-Policy "{value}" always;\n', "utf-8")
    (folder / FORM_CSP_CONF).write_text(
        "# Written by `thidua build` (hooks/thidua/hosting/csp.py): the web form's policy, from its config.yml.\n"
        f'add_header Content-Security-Policy "{csp.form_policy(_form_origins(site_dir))}" always;\n', "utf-8")
    return value


def _form_origins(site_dir: Path) -> dict[str, list[str]]:
    """The forge the built form talks to, read from the configuration the build wrote beside it."""
    config = site_dir / urls.CMS / "config.yml"
    if not config.is_file():
        return {}
    return cms.backend_origins(yaml.safe_load(config.read_text("utf-8")).get("backend", {}))


def write_redirect_map(site_dir: Path, redirects: dict[str, str]) -> Path:
    """One `map` entry per former address (with and without the trailing slash) → the story's path."""
    lines = ["# Written by `thidua build`: former story ids (aliases) → their story, served as 301."]
    for old, new in sorted(redirects.items()):
        for key in (f"/{old}", f"/{old.rstrip('/')}", f"/{old}index.html"):
            lines.append(f"{_quote(key)} {_quote('/' + new)};")
    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    path = folder / REDIRECT_MAP
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _quote(value: str) -> str:
    """Ids are slugs ([a-z0-9-]); quoting keeps nginx's parser safe whatever they become."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
