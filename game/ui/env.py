"""What screens read from the app ("attributes down"): the preferences, the playthrough, the saves, the
scenario catalogue, and the look of the window they are in. Each window's View provides it, so a screen
laid out for the projector and one for the facilitator's laptop read the same game in their own look."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from game.engine.reference import Ladder
    from game.play import PlaySession
    from game.saves import BestOutcome, SaveSlot, SaveStore
    from game.settings import Preferences

    from .catalog import Entry
    from .keymap import KeyMap
    from .look import Look
    from .voice import Voice


class Env(Protocol):
    @property
    def prefs(self) -> Preferences: ...

    @property
    def keymap(self) -> KeyMap: ...

    @property
    def voice(self) -> Voice: ...

    @property
    def session(self) -> PlaySession | None:
        """The playthrough being played, if any (screens of a playthrough are only opened with one)."""

    @property
    def store(self) -> SaveStore | None:
        """The save file, or None when saving is off (see store_problem)."""

    @property
    def store_problem(self) -> str:
        """Why saving is off, for people ("" when it is on)."""

    @property
    def xapi(self) -> Any:
        """The xAPI recording (game/records/recorder.Recording: the outbox and its sender), or None."""

    @property
    def size(self) -> tuple[int, int]:
        """The size of the window this screen is in."""

    def look(self, size: tuple[int, int]) -> Look:
        """Fonts, colours and metrics for a window of this size, in this window's profile."""

    def catalog(self) -> list[Entry]:
        """The scenarios offered, rescanned when the folder has changed."""

    def ladder(self) -> Ladder: ...

    def latest_autosave(self) -> SaveSlot | None: ...

    def slots(self) -> list[SaveSlot]: ...

    def best_outcomes(self) -> dict[str, BestOutcome]: ...
