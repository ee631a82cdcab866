"""The warm-up after the title's first frame (game/ui/warmup.py): it loads what My progress's first open needs,
starts only once the title is drawn, and a module it cannot load is left for the screen that needs it."""

from __future__ import annotations

import threading

from game.ui import warmup
from tests.ui_support import make_app


def test_warm_loads_the_screen_and_its_data_and_reports_what_it_could_not():
    assert warmup.warm() == []
    assert warmup.warm(("game.ui.screens.progress", "game.no_such_module"), data=False) == ["game.no_such_module"]


def test_the_game_loop_starts_it_after_the_first_frame(tmp_path, monkeypatch):
    started = []
    app, pilot = make_app(tmp_path, saves=False)

    def start(after: float = warmup.AFTER) -> threading.Thread:
        started.append(app.frames_drawn)
        return threading.Thread(target=lambda: None)

    monkeypatch.setattr(warmup, "start", start)
    app.run(max_seconds=0.2)
    assert started == [1]  # once, with the title already drawn
