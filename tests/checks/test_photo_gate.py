"""The photo gate: a photo is judged by its bytes once, and a decompression bomb is refused from its header,
before a single pixel is decoded, by `thidua check` and by the build alike."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

from image_bytes import SCRIPT, hostile_png, huge_png, metadata, secrets
from PIL import Image
from thidua.checks import loader, photos
from thidua.cli.main import main

BOMB = ("exemplars/bom.md:11: photo: ảnh “bom.png” có 9400 × 9400 điểm ảnh (hơn 88 triệu), tối đa 40 triệu: hãy "
        "thu nhỏ ảnh, chẳng hạn còn 4000 × 3000 điểm ảnh, rồi lưu lại (photo has too many pixels)")


def _story(site, story_id: str, photo: str) -> None:
    site.exemplar(story_id, photo=photo, photo_alt="Ảnh minh họa", photo_credit="Tổ tự quản")


def _run(*args: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue().splitlines()


def test_a_photo_of_88_million_pixels_in_11_kb_is_refused_by_check_and_build_with_its_line(site):
    (site.root / "exemplars" / "bom.png").write_bytes(huge_png())
    _story(site, "bom", "bom.png")
    code, lines = _run("--root", str(site.root), "check")
    assert (code, [line for line in lines if line.startswith("exemplars/")]) == (1, [BOMB])
    code, lines = _run("--root", str(site.root), "build", "--as-of", "2023-12-31")
    assert code == 1 and BOMB in lines
    assert not any("lỗi nội bộ" in line or "Traceback" in line for line in lines)
    assert not (site.root / "site").exists()


def test_refusing_a_bomb_decodes_nothing_measured_by_the_memory_of_a_real_check(site):
    """Decoding 9400 × 9400 pixels takes 88 MB as grey and 265 MB as RGB; reading the header takes nothing.
    The peak is the checking process's own (VmHWM after exec), not what it inherited from pytest's fork."""
    (site.root / "exemplars" / "bom.png").write_bytes(huge_png())
    _story(site, "bom", "bom.png")
    script = ("import re, sys\nfrom thidua.cli.main import main\ncode = main(sys.argv[1:])\n"
              "print('peak', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
              "sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", script, "--root", str(site.root), "check"], capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120)
    assert result.returncode == 1 and "(photo has too many pixels)" in result.stdout
    peak_mb = int(result.stdout.split("peak ")[-1]) / 1024
    assert peak_mb < 160, f"peak {peak_mb:.0f} MB: the pixels were decoded"


def test_the_budget_is_40_million_pixels_read_from_the_header():
    over = huge_png(8000, 5001)
    error = None
    try:
        photos.decode(over)
    except photos.PhotoError as err:
        error = err
    assert error is not None and error.text("a.png").startswith("ảnh “a.png” có 8000 × 5001 điểm ảnh (hơn 40 triệu)")
    assert 8000 * 5000 <= photos.MAX_PIXELS < 8000 * 5001


def test_twenty_stories_naming_one_photo_decode_it_once(site, monkeypatch):
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 700), (30, 90, 160)).save(buffer, "JPEG")
    shared = buffer.getvalue()
    (site.root / "exemplars" / "chung.jpg").write_bytes(shared)
    for n in range(20):
        _story(site, f"bai-{n:02d}", "chung.jpg")
    decoded = []
    real = photos.decode_sized
    monkeypatch.setattr(photos, "decode_sized", lambda data, *args, **kw: decoded.append(data) or real(data, *args, **kw))
    monkeypatch.setattr(photos, "_VERDICTS", {})
    assert not loader.load(site.root).errors
    assert decoded.count(shared) == 1 and len(decoded) == len(set(decoded))  # the repository's photos once each too
    assert not loader.load(site.root).errors and decoded.count(shared) == 1  # checked again (the build after check)


def test_a_picture_published_as_it_is_loses_its_metadata_and_keeps_its_pixels():
    """For docs/ and overrides/: a comment between the scans of a progressive JPEG and HTML after its end are
    gone; so is what follows a break in the structure; a file that is no picture is left for what it is."""
    buffer = io.BytesIO()
    Image.effect_noise((300, 200), 50).convert("RGB").save(buffer, "JPEG", progressive=True)
    plain = buffer.getvalue()
    second_scan = plain.find(b"\xff\xda", plain.find(b"\xff\xda") + 2)
    comment = b"\xff\xfe" + (2 + len(SCRIPT)).to_bytes(2, "big") + SCRIPT
    hostile = plain[:second_scan] + comment + plain[second_scan:] + b"<html>" + SCRIPT
    stripped = photos.without_metadata(hostile)
    assert metadata(hostile) and (metadata(stripped), secrets(stripped)) == ([], [])
    with Image.open(io.BytesIO(plain)) as original, Image.open(io.BytesIO(stripped)) as published:
        assert original.convert("RGB").tobytes() == published.convert("RGB").tobytes()
    assert photos.without_metadata(b"GIF89a" + SCRIPT) == b"GIF89a" + SCRIPT
    broken = plain[:second_scan] + b"\x00garbage" + comment + plain[second_scan:]
    assert SCRIPT not in photos.without_metadata(broken)
    assert SCRIPT not in photos.without_metadata(hostile_png()[:-40] + SCRIPT)  # truncated, then a tail
