"""Share cards: CPU time and bytes of each PNG encoder on the same cards, to choose by cost per byte saved.

Usage: .venv/bin/python scripts/card_encoders.py [N]
Draws N cards (titles like the synthetic stories', half of them samples) with press/share_image.py, then
encodes the same palette images with each encoder and prints milliseconds of CPU per card (best of two
rounds; oxipng's threads included) and kilobytes per card. A tool to report from, not a test.

Measured on this 2-core machine (shared), 18 cards, 4 December 2026:

The earlier drawing (RGB, then octree-quantized; oxipng level 2 chosen), per card:
  colours  Pillow level 1   Pillow level 9   oxipng 0       oxipng 1       oxipng 2       oxipng 3
  4        1.1 ms  7.6 KB  17.7 ms 5.3 KB   36 ms  5.5 KB  45 ms  4.8 KB  65 ms  4.8 KB  170 ms 4.8 KB
  5        1.8 ms 10.9 KB  25.0 ms 7.0 KB   33 ms  7.3 KB  56 ms  6.1 KB  84 ms  5.9 KB  265 ms 5.9 KB
  6        2.7 ms 11.7 KB  32.0 ms 7.7 KB   33 ms  7.8 KB  64 ms  6.5 KB  82 ms  6.3 KB  244 ms 6.3 KB
  8        2.1 ms 12.6 KB  32.8 ms 8.4 KB   34 ms  8.2 KB  59 ms  6.9 KB  87 ms  6.7 KB  255 ms 6.7 KB
  plus drawing 3.4 ms and quantizing 5.0 ms per card: ≈95 ms a card as shipped (5 colours, oxipng 2).
  zlib's run-length strategy (Z_RLE) on the same images: 4 colours 0.9 ms 5.7 KB, 5 colours 1.6 ms 7.8 KB.

The drawing now shipped writes palette indices directly (4 entries: a 2-bit PNG, nothing to quantize):
3.3 ms a card. This script's table for it (50 cards) chose `share_image.PNG_OPTIONS`:
  Pillow zlib 9, Z_RLE (shipped)    0.9 ms  5.87 KB  baseline
  Pillow zlib 1                     1.0 ms  7.93 KB  saves nothing
  Pillow zlib 6                     2.1 ms  6.16 KB  saves nothing
  Pillow zlib 9                    18.8 ms  5.54 KB   55 ms per KB saved
  Pillow optimize                  18.9 ms  5.57 KB   60 ms per KB saved
  oxipng 0 (on Z_RLE)              35.1 ms  5.59 KB  120 ms per KB saved
  oxipng 1 (on Z_RLE)              43.6 ms  4.98 KB   48 ms per KB saved
  oxipng 2 (on Z_RLE)              61.4 ms  4.89 KB   62 ms per KB saved
  oxipng 2, filters None+Up        63.9 ms  4.89 KB   64 ms per KB saved
  oxipng 2, fast evaluation        68.1 ms  4.89 KB   69 ms per KB saved
  oxipng 1, libdeflate 12          87.2 ms  4.72 KB   75 ms per KB saved
At 1,000 stories the cheapest saving (oxipng 1) would buy 0.9 KB a story for 43 s of CPU, more than the
whole cold build's budget: a card costs about 4 ms in all, 5.9 KB (sample cards 6.5, others 5.2).

Letters drawn as whole pixels (ink from half coverage, no edge shade: three colours), 30 cards, same day:
  Pillow zlib 9, Z_RLE (shipped)     1.2 ms  4.86 KB  baseline (5.87 KB with the edge shade)
  Pillow zlib 9                     15.7 ms  4.52 KB   42 ms per KB saved
  Pillow optimize                   14.8 ms  4.52 KB   40 ms per KB saved
  oxipng 1 (on Z_RLE)               44.0 ms  4.20 KB   65 ms per KB saved
  oxipng 2 (on Z_RLE)               61.7 ms  4.12 KB   82 ms per KB saved
  oxipng 1, libdeflate 12           81.1 ms  3.95 KB   87 ms per KB saved
The drawing itself saved 1 KB a card for nothing (3.5 ms, as before); every encoder still costs 40 ms or
more per KB saved, so Z_RLE stays.
"""

from __future__ import annotations

import io
import sys
import time
import zlib
from pathlib import Path

import oxipng

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import DEEDS  # noqa: E402
from thidua.press import share_image  # noqa: E402


def pillow(**options):
    def encode(image, _png):
        out = io.BytesIO()
        image.save(out, "PNG", **options)
        return out.getvalue()
    return encode


def oxi(**options):
    return lambda _image, png: oxipng.optimize_from_memory(png, **options)


ENCODERS = {
    "Pillow zlib 9, Z_RLE (shipped)": pillow(compress_level=9, compress_type=zlib.Z_RLE),
    "Pillow zlib 1": pillow(compress_level=1),
    "Pillow zlib 6": pillow(compress_level=6),
    "Pillow zlib 9": pillow(compress_level=9),
    "Pillow optimize": pillow(optimize=True),
    "oxipng 0 (on Z_RLE)": oxi(level=0),
    "oxipng 1 (on Z_RLE)": oxi(level=1),
    "oxipng 2 (on Z_RLE)": oxi(level=2),
    "oxipng 2, filters None+Up": oxi(level=2, filter=[oxipng.RowFilter.NoOp, oxipng.RowFilter.Up]),
    "oxipng 2, fast evaluation": oxi(level=2, fast_evaluation=True),
    "oxipng 1, libdeflate 12": oxi(level=1, deflate=oxipng.Deflaters.libdeflater(12)),
}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    drawn = []
    share_image.png, encode = drawn.append, share_image.png  # keep the palette images, not their PNG
    start = time.process_time()
    for i in range(n):
        share_image.card(f"Gương mẫu {i}: {DEEDS[i % len(DEEDS)]}", "", "Thi đua nước rút Bình Thuận", i % 2 == 0)
    print(f"drawing: {(time.process_time() - start) / n * 1000:.1f} ms a card (palette indices, no quantizing)")
    shipped = [encode(image) for image in drawn]
    base_ms = base_kb = None
    for name, encoder in ENCODERS.items():
        best = None
        for _ in range(2):
            start = time.process_time()
            out = [encoder(image, png) for image, png in zip(drawn, shipped)]
            elapsed = (time.process_time() - start) / n * 1000
            best = elapsed if best is None else min(best, elapsed)
        kb = sum(map(len, out)) / n / 1000
        if base_ms is None:
            base_ms, base_kb = best, kb
            note = "baseline"
        else:
            saved = base_kb - kb
            note = f"{(best - base_ms) / saved:6.0f} ms per KB saved" if saved > 0 else "saves nothing"
        print(f"{name:32s} {best:7.1f} ms {kb:6.2f} KB   {note}", flush=True)


if __name__ == "__main__":
    main()
