"""How long the cards take: first layout, first paint (rendering text), and every later draw.

    python bench/cards.py            # last line: key=value pairs, times in milliseconds

The target: a typical post with three comments in a 1920 px wide rect draws in about 1 ms once laid out.
"""

from __future__ import annotations

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

from game.ui.cards import CardContext, clear_cache, draw_card, layout_card, measure_card  # noqa: E402
from game.ui.chart import draw_chart, measure_chart, totals_from_scores  # noqa: E402
from game.ui.fonts import Fonts  # noqa: E402
from tests.support.cards_gallery import examples  # noqa: E402


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def timed(fn, repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_card(card, width: int, scale: float, hc: bool, fonts) -> tuple[float, float, float]:
    ctx = CardContext(fonts, scale, hc, ROOT / "assets")
    clear_cache()
    start = time.perf_counter()
    h = measure_card(card, width, ctx)
    layout_s = time.perf_counter() - start
    surface = pygame.display.set_mode((width, min(h, 4000)))  # a real display surface, as in the game
    rect = pygame.Rect(0, 0, width, h)
    start = time.perf_counter()
    draw_card(surface, rect, card, ctx)
    first_s = time.perf_counter() - start
    draw_s = timed(lambda: draw_card(surface, rect, card, ctx), 200)
    return layout_s, first_s, draw_s


def main() -> int:
    pygame.display.init()
    pygame.font.init()
    fonts = Fonts()
    cards = examples()
    results = {}
    for key, name, width, scale, hc in [
        ("post1920", "post-facebook", 1920, 1.0, False),
        ("post1920_s2", "post-facebook", 1920, 2.0, False),
        ("post1920_hc", "post-facebook", 1920, 1.0, True),
        ("post3840_s4.5", "post-facebook", 3840, 4.5, False),
        ("chat1920", "messages-whatsapp", 1920, 1.0, False),
        ("privacy1920", "privacy-facebook", 1920, 1.0, False),
    ]:
        layout_s, first_s, draw_s = bench_card(cards[name], width, scale, hc, fonts)
        results[f"{key}_layout_ms"] = ms(layout_s)
        results[f"{key}_first_draw_ms"] = ms(first_s)
        results[f"{key}_draw_ms"] = ms(draw_s)
        print(f"{key:16} layout {ms(layout_s):8.3f} ms  first draw {ms(first_s):8.3f} ms  "
              f"draw {ms(draw_s):7.3f} ms")
    fw_scores = {"1": 2, "2": -4, "3": -1, "13": -2}
    from game.engine.reference import framework

    fw = framework("hcpc-2012")
    totals = totals_from_scores(fw_scores, fw)
    ctx = CardContext(fonts, 1.0, False, ROOT / "assets")
    h = measure_chart(totals, 1920, ctx, fw)
    surface = pygame.display.set_mode((1920, h))
    draw_chart(surface, pygame.Rect(0, 0, 1920, h), totals, fw, ctx)
    chart_s = timed(lambda: draw_chart(surface, pygame.Rect(0, 0, 1920, h), totals, fw, ctx), 200)
    results["chart1920_draw_ms"] = ms(chart_s)
    boxes = len(layout_card(cards["post-facebook"], 1920, CardContext(fonts, 1.0, False, ROOT / "assets")).boxes)
    results["post_boxes"] = boxes
    print(" ".join(f"{k}={v}" for k, v in results.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
