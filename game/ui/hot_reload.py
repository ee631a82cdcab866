"""Hot reload for trainers (`python main.py play PATH --watch`): when the scenario file being played is
saved, play goes on in the new version within a frame or two.

Once a frame the app asks `tick`; it asks the watcher (one stat, at most ten times a second) and only on a
finished save reads and checks the file. A version with errors never replaces the one being played: its
first few diagnostics (file:line:col and the message, control characters escaped) are shown on a message
screen and the last good version stays playable until the next save.

What was open over the scene stays open (`reopen`): the pause menu, settings, history, a question, and the
story map (drawn again from the new version). A screen about one moment of the story (the feedback on a
choice, an earlier part, the debrief) stays only while the player is still where they were.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from game.engine.checked import check_file
from game.engine.diagnostics import format_text
from game.reload import ReloadError, carry_over
from game.watch import POLL_SECONDS, Watcher

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger("crossing_paths.ui")

SHOWN_ERRORS = 5
SCENE = ("play", "ending")  # the screens _show_session builds afresh
MOMENT = ("feedback", "review", "debrief")  # about where the player is: kept only if they still are


class HotReload:
    """Watches whichever scenario file the solo playthrough comes from (a new watcher when another starts)."""

    def __init__(self, interval: float = POLL_SECONDS):
        self.interval = interval
        self.watcher: Watcher | None = None
        self.reloads = 0  # versions taken up (for tests and bench/reload.py)
        self.rejected = 0  # versions with errors, not taken up
        self._message = None  # the message screen this showed last, closed when the next version comes

    def tick(self, app: App) -> None:
        session = app.session
        if app.group is not None:
            return
        # the playthrough's file; with none, the file of a story map opened on its own (`map PATH --window`)
        path = session.path if session is not None else _map_path(app)
        if path is None:
            return
        if self.watcher is None or self.watcher.path != path:
            self.watcher = Watcher(path, self.interval)
            return
        if self.watcher.changed():
            try:
                self.reload(app) if session is not None else self.redraw_map(app, path)
            except Exception as exc:  # noqa: BLE001 - whatever is in the file, the game goes on
                log.warning("hot reload of %s failed: %s", path, exc)
                self._say(app, "The scenario could not be reloaded",
                          f"{exc}\nYou are still playing the last version that worked.")

    def redraw_map(self, app: App, path) -> None:
        """A story map opened without a playthrough: drawn again from the new version, on the same node."""
        checked = check_file(path)
        if not checked.ok:
            self._errors(app, checked, path)
            return
        view = app.view
        for i, screen in enumerate(view.stack):
            if screen.name == "map" and screen.session is None:
                view.stack[i] = view.make("map", path=screen.path, focus=screen.focused_id())
        if self._message is not None and self._message in view.stack:
            view.stack.remove(self._message)
        self._message = None
        self.reloads += 1
        view.changed()

    def _errors(self, app: App, checked, path) -> None:
        self.rejected += 1
        errors = checked.errors or list(checked.diagnostics)
        lines = [format_text(d) for d in errors[:SHOWN_ERRORS]]
        if len(errors) > SHOWN_ERRORS:
            lines.append(f"… and {len(errors) - SHOWN_ERRORS} more (python main.py validate {path.name})")
        if not lines:
            lines = ["the file cannot be read as a scenario"]
        self._say(app, "The scenario has errors",
                  "You are still playing (or seeing) the last version that worked. Save the file again once it "
                  "is fixed.\n\n" + "\n".join(lines))

    def reload(self, app: App) -> None:
        session = app.session
        checked = check_file(session.path)
        if not checked.ok:
            self._errors(app, checked, session.path)
            return
        if checked.loaded.content_hash == session.loaded.content_hash:
            return  # saved without a change (or changed back): nothing to do
        try:
            story, notices = carry_over(session.story, checked.scenario)
        except ReloadError as exc:
            self.rejected += 1
            self._say(app, "The scenario could not be reloaded", f"{exc}.\nYou are still playing the last version "
                      "that worked.")
            return
        view = app.view
        was = _place(session.story)
        above = [s for s in view.stack[1:] if s.name not in SCENE and s is not self._message]
        session.story, session.loaded = story, checked.loaded
        session.after_step()  # the autosave follows the new version, so Continue resumes it
        self.reloads += 1
        app._show_session(view)
        self._message = None  # the stack was rebuilt: any earlier error message is gone
        reopen(view, above, moved=_place(story) != was, path=session.path)
        if notices:
            self._say(app, "The scenario was reloaded", "\n".join(notices))

    def _say(self, app: App, title: str, text: str) -> None:
        """Show a message in place of the one this showed before, if that is still open."""
        view = app.view
        if self._message is not None and self._message in view.stack:
            view.stack.remove(self._message)
        view.message(title, text)
        self._message = view.top


def _map_path(app: App):
    return next((s.path for s in app.view.stack if s.name == "map" and s.session is None), None)


def _place(story) -> tuple:
    return story.state.node, story.state.ending


def reopen(view, screens: list, moved: bool, path) -> None:
    """Put back over the rebuilt scene the screens that were open over it, each refreshed for the new
    version; the story map is made again (its nodes are the new version's)."""
    for screen in screens:
        if screen.name in MOMENT and moved:
            continue
        if screen.name == "map":
            screen = view.make("map", path=screen.path if screen.session is None else path, focus=screen.focused_id())
        screen.refresh()
        view.stack.append(screen)
    view.changed()
