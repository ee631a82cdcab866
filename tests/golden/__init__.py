"""Golden images of the desktop game at 1280x720: title, play with a card, feedback, debrief.

They are compared with a tolerance (mean absolute difference per channel < 2, and fewer than 1 % of the
pixels differing by more than 32 in any channel) and regenerated only on purpose, after looking at them:

    python -m tests.golden.update          (or UPDATE_GOLDEN=1 python -m pytest tests/test_ui_golden.py)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "ui-rich.yaml"
SIZE = (1280, 720)
NAMES = ("title", "play-card", "feedback", "debrief", "play-card-high-contrast")
MAX_MEAN, MAX_FRACTION, PIXEL_DIFF = 2.0, 0.01, 32


def render(name: str) -> pygame.Surface:
    """Drive the real app to the screen `name` and return a copy of the frame."""
    from game.settings import Preferences
    from game.ui.app import App
    from game.ui.intents import StartScenario
    from game.ui.pilot import Pilot
    from game.ui.voice import Voice

    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copy(FIXTURE, folder / FIXTURE.name)
        theme = "high-contrast" if name.endswith("high-contrast") else "default"
        app = App(Preferences(theme=theme), scenarios_dir=folder, voice=Voice(exe=None))
        app.open_display(SIZE)
        pilot = Pilot(app)
        if name != "title":
            app.act(StartScenario(folder / FIXTURE.name))
            pilot.step()
        if name in ("feedback", "debrief"):
            pilot.press("choose_6")
        if name == "debrief":
            for _ in range(4):
                pilot.press("activate")
        return pilot.frame()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def difference(a: pygame.Surface, b: pygame.Surface) -> tuple[float, float]:
    """(mean absolute difference per channel, fraction of pixels differing by more than PIXEL_DIFF)."""
    if a.get_size() != b.get_size():
        return 255.0, 1.0
    a, b = a.convert(24) if a.get_bitsize() != 24 else a, b.convert(24) if b.get_bitsize() != 24 else b
    up, down = a.copy(), b.copy()
    up.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(a - b, 0)
    down.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(b - a, 0)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # |a - b|
    mean = sum(pygame.transform.average_color(up)[:3]) / 3
    close = pygame.mask.from_threshold(up, (0, 0, 0), (PIXEL_DIFF + 1, PIXEL_DIFF + 1, PIXEL_DIFF + 1, 255))
    total = up.get_width() * up.get_height()
    return mean, (total - close.count()) / total


def path(name: str) -> Path:
    return HERE / f"{name}.png"
