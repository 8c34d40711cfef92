"""The one URL policy: which link a body may publish. The checker refuses what it refuses, with a message; the
sanitiser drops the same URLs from whatever it is given, so a miss in one can never publish.

Stories, which press agencies copy elsewhere, link out only by full https:// addresses (and mailto:, and
#anchors); pages may also use paths inside the site. Other schemes can run code; "//host", "/\\host" and
"\\\\host" leave the site (browsers read "\\" as "/").
"""

from __future__ import annotations

NOT_HTTPS = "liên kết “{target}” phải là địa chỉ đầy đủ bắt đầu bằng https:// (link must be a full https:// address)"
NOT_HTTPS_OR_SITE = ("liên kết “{target}” phải là địa chỉ đầy đủ bắt đầu bằng https:// hoặc đường dẫn trong trang "
                     "(link must be https:// or a path inside the site)")
PROTOCOL_RELATIVE = ("liên kết “{target}” bắt đầu bằng // nên có thể dẫn sang trang lạ: hãy viết đầy đủ https://… "
                     "(protocol-relative link)")
SAFE_STARTS = ("https://", "mailto:", "#")


def refusal(url: str, site_paths: bool) -> str | None:
    """Why `url` (an attribute's value, entities decoded) may not be published, as a message template with
    {target}; None when it may."""
    # Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it.
    plain = "".join(ch for ch in url if ch > " ").lower()
    if "\\" in plain:
        return PROTOCOL_RELATIVE if plain[:2] in ("\\\\", "/\\", "\\/") else _elsewhere(site_paths)
    if not plain or plain.startswith(SAFE_STARTS):
        return None
    if plain.startswith("//"):
        return PROTOCOL_RELATIVE
    if site_paths and not _has_scheme(plain):
        return None
    return _elsewhere(site_paths)


def allowed(url: str, site_paths: bool) -> bool:
    return refusal(url, site_paths) is None


def _elsewhere(site_paths: bool) -> str:
    return NOT_HTTPS_OR_SITE if site_paths else NOT_HTTPS


def _has_scheme(url: str) -> bool:
    head = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" in head
