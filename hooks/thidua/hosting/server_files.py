"""What nginx reads beside the site: the CSP header, the 301s of renamed stories and the size of their table.

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
REDIRECT_HASH = "redirects-hash.conf"
CSP_HEADER = "# Written by `thidua build` (hooks/thidua/hosting/csp.py)"


def write_csp(site_dir: Path) -> str:
    """`add_header Content-Security-Policy …` with the site's script hashes; returns the policy."""
    value = csp.policy(csp.site_script_hashes(site_dir))
    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    (folder / CSP_CONF).write_text(
        f"{CSP_HEADER}: the hashes follow the theme's inline scripts.\n"
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
    """One `map` entry per former address (with and without the trailing slash) → the story's path, and the
    map's hash sizes for exactly these keys (`redirects-hash.conf`, included before the map)."""
    entries = [(key, "/" + new) for old, new in sorted(redirects.items())
               for key in (f"/{old}", f"/{old.rstrip('/')}", f"/{old}index.html")]
    lines = ["# Written by `thidua build`: former story ids (aliases) → their story, served as 301.",
             *(f"{_quote(key)} {_quote(target)};" for key, target in entries)]
    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    bucket, max_size = hash_sizes([key for key, _ in entries])
    (folder / REDIRECT_HASH).write_text(
        f"# Written by `thidua build`: room in nginx's table for the longest of the {len(entries)} keys of "
        f"{REDIRECT_MAP}.\nmap_hash_bucket_size {bucket};\nmap_hash_max_size {max_size};\n", "utf-8")
    path = folder / REDIRECT_MAP
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# nginx's hash (src/core/ngx_hash.c, 64-bit): an entry takes a pointer, a 2-byte length and the key, aligned
# to 8 bytes; a bucket ends with a pointer and is rounded up to a cache line; it may not reach 64 KB.
POINTER, CACHE_LINE, LARGEST_BUCKET = 8, 64, 65536 - 64


def hash_sizes(keys: list[str]) -> tuple[int, int]:
    """`map_hash_bucket_size` holding four of the longest key (one if it is huge), and `map_hash_max_size`
    at four buckets a key: nginx then finds a table at its first tries, in linear time, and never warns."""
    longest = max((len(key.encode("utf-8")) for key in keys), default=0)
    entry = POINTER + _align(longest + 2, POINTER)
    bucket = max(entry + POINTER, min(4 * entry + POINTER, LARGEST_BUCKET))
    return _align(bucket, CACHE_LINE), max(2048, 4 * len(keys))


def _align(size: int, to: int) -> int:
    return -(-size // to) * to


def _quote(value: str) -> str:
    """Ids are slugs ([a-z0-9-]); quoting keeps nginx's parser safe whatever they become."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
