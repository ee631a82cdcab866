"""How long laying out one hostile text block takes, at every width from 1 px and every text scale.

    python bench/layout.py            # last line: key=value pairs, times in milliseconds
    python bench/layout.py --quick    # fewer widths and scales

Blocks: a 19,999-character unbroken word, a long URL, a long paragraph, and emoji, combining marks and
right-to-left text. Each is wrapped by both wrappers the game has (plain text, game.ui.text.wrap, and
styled runs, game.ui.cards.text.wrap) with fresh fonts, so the first measuring of every character counts.
The goal: any one block lays out in at most 50 ms. Columns narrower than a page ever gives (20 characters)
are timed too but counted apart: there one character per line costs Python's overhead per line.
In a column too narrow to read (fewer than 20 average characters of the font, game.ui.measure.too_narrow)
the styled wrapper lays out only the first 2,000 characters and then "…" (game.ui.cards.text.NARROW_MAX_CHARS):
a 20,000-letter word there made 17,000 one-letter lines, over 50 ms whatever was done per line. The plain
wrapper always lays out everything (its lines are at most as many as the text's characters).
The "emoji" block is 3,000 emoji joined with skin tones and joiners, then flags: drawn as pictures, at most
game.ui.glyphs.MAX_PICTURES a text (the rest named in words). The "marks" block is laid out with its 5,000
accents cut to 30 (game.ui.glyphs.MAX_MARKS: no script stacks
more, and SDL_ttf's cost grows with every stacked mark).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.ui.cards.boxes import FontSpec  # noqa: E402
from game.ui.cards.text import FontCache, Run  # noqa: E402
from game.ui.cards.text import wrap as wrap_runs  # noqa: E402
from game.ui.fonts import Fonts  # noqa: E402
from game.ui.text import wrap  # noqa: E402

GOAL_MS = 50.0
WIDTHS = (1, 2, 3, 5, 8, 13, 21, 34, 60, 100, 160, 250, 400, 640, 1000, 1600, 2500, 4000)
SCALES = (1.0, 1.25, 1.5, 2.0)
BODY_PX = (18, 48)  # desktop and projector body text at 100 %
# pages never lay text out narrower than this many characters (a window too small gets smaller text, see
# Look.readable): narrower columns are timed too, for bounded time, but counted apart
READABLE_CH = 20


def blocks() -> dict[str, str]:
    word = ("abcdefghijklmnopqrstuvwxyz" * 800)[:19_999]
    url = "https://www.example-social-network.example/" + "/".join(
        f"profile-{i}/photos.album_{i}?id={i}&ref=share" for i in range(120))
    paragraph = " ".join(["Accepting a friend request from a former service user blurs the boundary."] * 270)
    mixed = " ".join([
        "Jo 😩🙏🏽 replied 👩‍👩‍👧 — ",  # emoji, a skin tone, a family joined by ZWJ
        "e\u0301te\u0301 cafe\u0301 Z\u0351\u0364\u0307a\u0308\u0316l\u0337go\u0489",  # combining marks
        "שלום עליכם מה שלומך العربية نص من اليمين",  # right to left
        "全角の文字と漢字が並ぶ行",  # wide glyphs
    ] * 60)
    marks = "a" + "\u0301" * 5000 + "b" * 5000
    # 3,000 emoji (80 different) with skin tones in one endless chain of joiners, then words of flags: each
    # cluster is one picture (game.ui.emoji), at most 100 a text, the rest named in words
    emoji = "".join(chr(0x1F600 + i % 80) + chr(0x1F3FB + i % 5) + "\u200d" for i in range(3_000)) + " " \
        + " ".join(["\U0001f1ec\U0001f1e7\U0001f1eb\U0001f1f7\U0001f44d\U0001f3fd"] * 300)
    return {"word20k": word, "url": url, "paragraph": paragraph, "mixed": mixed, "marks": marks, "emoji": emoji}


def time_plain(fonts: Fonts, px: int, text: str, width: int) -> float:
    font = fonts.get(px)
    start = time.perf_counter()
    wrap(font, text, width)
    return time.perf_counter() - start


def time_runs(fonts: Fonts, px: int, text: str, width: int) -> float:
    cache = FontCache(fonts)
    runs = [Run(text, FontSpec(px, False, False), (0, 0, 0))]
    start = time.perf_counter()
    wrap_runs(cache, runs, width)
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer widths and scales")
    args = p.parse_args()
    pygame.font.init()
    widths = WIDTHS[::3] if args.quick else WIDTHS
    scales = SCALES[::3] if args.quick else SCALES
    times: list[float] = []
    readable: list[float] = []  # columns of at least READABLE_CH average characters: what pages lay out
    worst: dict[str, tuple[float, str]] = {}
    for name, text in blocks().items():
        per_block = []
        for base in BODY_PX:
            for scale in scales:
                px = round(base * scale)
                fonts = Fonts("atkinson")  # fresh fonts: per-character measures are not yet cached
                for width in widths:
                    for kind, fn in (("plain", time_plain), ("runs", time_runs)):
                        ms = fn(fonts, px, text, width) * 1000
                        per_block.append(ms)
                        if width >= READABLE_CH * px / 2:  # an average character is about half an em
                            readable.append(ms)
                        if ms > worst.get(name, (-1.0, ""))[0]:
                            worst[name] = (ms, f"{kind} {px}px width {width}")
        times += per_block
        print(f"{name:10} {len(text):6} chars  median {statistics.median(per_block):7.2f} ms  "
              f"max {worst[name][0]:7.2f} ms ({worst[name][1]})")
    median, top = statistics.median(times), max(times)
    over = sum(t > GOAL_MS for t in times)
    print(f"{len(times)} layouts; goal {GOAL_MS:.0f} ms per block; {over} over")
    print(f"readable columns (>= {READABLE_CH} characters): {len(readable)} layouts, median "
          f"{statistics.median(readable):.2f} ms, max {max(readable):.2f} ms, "
          f"{sum(t > GOAL_MS for t in readable)} over")
    print(f"cases={len(times)} median_block_ms={median:.2f} p95_block_ms={statistics.quantiles(times, n=20)[-1]:.2f} "
          f"max_block_ms={top:.2f} over_goal={over} readable_median_ms={statistics.median(readable):.2f} "
          f"readable_max_ms={max(readable):.2f} readable_over_goal={sum(t > GOAL_MS for t in readable)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
