"""Shared set-up for the desktop UI tests (tests/test_ui_*.py): an App on a headless window, driven by
the real test pilot, with its own scenarios folder and save file under tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.settings import Preferences
from game.ui.app import App
from game.ui.pilot import Pilot
from game.ui.voice import Voice

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RICH = "ui-rich.yaml"


def make_app(tmp_path: Path, size: tuple[int, int] = (1280, 720), prefs: Preferences | None = None,
             saves: bool = True, files: tuple[str, ...] = (RICH, "tiny.yaml"), settings: bool = False,
             voice: Voice | None = None) -> tuple[App, Pilot]:
    folder = tmp_path / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        shutil.copy(FIXTURES / name, folder / name)
    store = None
    if saves:
        from game.saves import SaveStore

        store = SaveStore.open(tmp_path / "saves.sqlite3")
    app = App(prefs or Preferences(), store=store, scenarios_dir=folder, voice=voice or Voice(exe=None),
              settings_path=tmp_path / "settings.json" if settings else None)
    app.open_display(size)
    return app, Pilot(app)


def start(app: App, pilot: Pilot, name: str = RICH) -> None:
    from game.ui.intents import StartScenario

    app.act(StartScenario(app.scenarios_dir / name))
    pilot.step()


def play_tiny_to_its_end(app: App, pilot: Pilot) -> None:
    """tiny.yaml from its start to an ending: Decline, then on through the feedback and the narration."""
    start(app, pilot, "tiny.yaml")
    pilot.press("choose_2")
    for _ in range(4):
        if app.session.story.is_over:
            break
        pilot.press("activate")
    assert app.session.story.is_over


def words(pilot: Pilot, region: str | None = None) -> str:
    """Every word on the current screen (the whole page, not just what is in view), one space apart,
    so a sentence wrapped over two lines still reads as one."""
    texts = pilot.all_texts()
    regions = [region] if region else list(texts)
    return " ".join(b.text for r in regions for b in texts.get(r, [])).replace("\u00a0", " ")
