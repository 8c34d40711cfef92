"""How much the built site weighs, by kind of file, and whether it fits the host.

GitHub Pages publishes at most 1 GB; a province's own server or object storage may set another limit
(`extra.thidua.host_limit_mb` in mkdocs.yml). The build refuses a site over the limit, keeping the last
good one, rather than letting the host reject (or silently truncate) a deploy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content import urls

DEFAULT_LIMIT_MB = 1000  # GitHub Pages: "published sites may be no larger than 1 GB"
KINDS = ("pages", "feeds", "images", "search", "compressed", "other")
LABELS = {"pages": "trang HTML", "feeds": "nguồn tin (Atom, RSS, JSON, lưu trữ)", "images": "ảnh",
          "search": "chỉ mục tìm kiếm", "compressed": "bản nén sẵn .gz", "other": "khác (CSS, JS, JSON, CSV…)"}
FEED_NAMES = frozenset(urls.feeds("").values())
FEED_ARCHIVES = "/" + urls.feed_archive("", 1).rsplit("/", 1)[0] + "/"  # "/feed/trang/": RFC 5005 archive documents
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".ico"})


@dataclass(frozen=True)
class Host:
    name: str
    precompressed: bool  # nginx serves the build's .gz copies (gzip_static); Pages and CDNs compress themselves


HOSTS = {"github-pages": Host("github-pages", False), "nginx": Host("nginx", True), "s3": Host("s3", False)}
DEFAULT_HOST = "github-pages"


def host_of(extra: dict) -> Host:
    name = extra.get("host", DEFAULT_HOST)
    if name not in HOSTS:
        raise LimitError(f"extra.thidua.host “{name}” không hợp lệ: chọn một trong {', '.join(HOSTS)}")
    return HOSTS[name]


class TooLarge(Exception):
    pass


class LimitError(ValueError):
    pass


@dataclass
class Footprint:
    sizes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    files: int = 0

    @property
    def total(self) -> int:
        return sum(self.sizes.values())


def kind_of(relative: str) -> str:
    name = relative.rsplit("/", 1)[-1]
    if name.endswith(".gz"):
        return "compressed"
    if relative.startswith(urls.SEARCH_INDEX):
        return "search"
    if name in FEED_NAMES or FEED_ARCHIVES in "/" + relative:
        return "feeds"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == ".html":
        return "pages"
    return "images" if suffix in IMAGE_SUFFIXES else "other"


def measure(site_dir: Path) -> Footprint:
    footprint = Footprint()
    for path in site_dir.rglob("*"):
        if path.is_file():
            footprint.sizes[kind_of(path.relative_to(site_dir).as_posix())] += path.stat().st_size
            footprint.files += 1
    return footprint


def limit_bytes(extra: dict) -> int:
    raw = extra.get("host_limit_mb", DEFAULT_LIMIT_MB)
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw <= 0:
        raise LimitError(f"extra.thidua.host_limit_mb “{raw}” không hợp lệ: cần một số MB dương (mặc định "
                         f"{DEFAULT_LIMIT_MB}, giới hạn của GitHub Pages)")
    return int(raw * 1_000_000)


def check(footprint: Footprint, limit: int) -> None:
    if footprint.total > limit:
        raise TooLarge(f"trang dựng ra nặng {_mb(footprint.total)}, vượt giới hạn của nơi lưu trữ {_mb(limit)} "
                       "(extra.thidua.host_limit_mb trong mkdocs.yml). Hãy giảm ảnh hoặc chuyển sang máy chủ "
                       "riêng/kho S3 (README, mục “Hosting”) rồi nâng giới hạn.\n" + report(footprint))


def report(footprint: Footprint) -> str:
    lines = [f"Dung lượng: {_mb(footprint.total)} trong {footprint.files} tệp"]
    width = max(map(len, LABELS.values()))
    lines += [f"  {LABELS[kind]:<{width}} {_mb(size):>10}" for kind, size in footprint.sizes.items() if size]
    return "\n".join(lines)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"
