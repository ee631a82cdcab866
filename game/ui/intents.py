"""Intents: what a screen (or another thread, through `App.post`) asks the app to do. Screens never import
each other or touch the story's saves; they return one of these from `handle_event` and the app acts on it
through one handler per intent class (testable without pixels). `Intent` is the union of them all: a test
checks that every class here is in it and has a handler.

They are plain frozen values, so they can cross threads (the phone-vote server posts Choose). They are
Frozen values rather than dataclasses: the title imports all of them, and forty dataclasses cost its first
frame about 45 ms of generated code (game/frozen.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

from game.frozen import Frozen, field

if TYPE_CHECKING:
    from game.engine.state import StartedAt
    from game.saves import SaveSlot

NO_ARGS: Mapping[str, Any] = MappingProxyType({})  # shared by every Push and Replace without arguments


class Push(Frozen):
    """Open a screen on top of this one: `screen` is a name the app knows ("settings", "history"…)."""

    screen: str
    args: Mapping[str, Any] = NO_ARGS


class Replace(Frozen):
    """Close this screen and open `screen` in its place."""

    screen: str
    args: Mapping[str, Any] = NO_ARGS


class Pop(Frozen):
    """Close this screen (back)."""


class Quit(Frozen):
    """Leave the game."""


class ToTitle(Frozen):
    """Close everything down to the title screen."""


class StartScenario(Frozen):
    """Start a scenario file afresh, scored against the standards setting as it is now; part-way at `start`
    when given (`play PATH --from NODE`)."""

    path: Path
    start: StartedAt | None = None


class ContinueLatest(Frozen):
    """Resume the newest autosave."""


class LoadFrom(Frozen):
    slot: SaveSlot


class SaveTo(Frozen):
    """Save the playthrough in the named slot, then close the save screen."""

    slot: str


class Choose(Frozen):
    """Make a choice; the story decides whether it is offered now (not whichever screen is showing)."""

    number: int  # 1-based among the visible choices


class Proceed(Frozen):
    """Continue from a narration-only part."""


class Restart(Frozen):
    """Start the scenario being played again from the beginning, with the standards setting as it is now."""


class ShowDebrief(Frozen):
    """Open the debrief of the ending reached."""


class ChangeSetting(Frozen):
    """Change a preference (and save it); it applies at once. `then` is acted on next (Back from a text field:
    keep what was typed, then leave)."""

    name: str
    value: str | int | bool = field(repr=False)  # a password typed in Settings must not reach a log line
    then: Intent | None = None


class ToggleFullscreen(Frozen):
    """Switch the game window between full screen and a window."""


class StartNewSaveFile(Frozen):
    """Move an unusable save file aside (renamed, never deleted) and start a new one."""


class Confirm(Frozen):
    """Ask before doing something that cannot be undone; `then` is the intent on yes."""

    question: str
    yes: str
    then: Intent
    detail: str = ""


# --- a facilitated group session (game/ui/group_run.py acts on these) ---------------------------------------

class RunGroup(Frozen):
    """Start a group session of a scenario; an unfinished one saved for it is offered first (fresh=False)."""

    path: Path
    fresh: bool = False


class ResumeGroup(Frozen):
    """Carry on the group session saved in `file`, where it was, with its votes."""

    file: Path


class GroupNext(Frozen):
    """On: scene -> decision, feedback -> next node, and through the ending's slides."""


class GroupVoting(Frozen):
    """Close the vote (open=False) or reopen it before the reveal (open=True)."""

    open: bool


class GroupReveal(Frozen):
    """Show the room the split (closing the vote if still open)."""


class GroupDecide(Frozen):
    """The room's choice: `option` (None: the majority). `how` None asks first when it overrules the
    majority or picks without a vote; the question's yes carries the `how` it will be recorded as."""

    option: int | None = None
    how: str | None = None


class GroupVote(Frozen):
    """A clicker press (+1) or a correction (-1) for an option."""

    option: int
    delta: int = 1


class GroupSetCount(Frozen):
    """A show-of-hands count typed in for an option."""

    option: int
    count: int


class GroupTimer(Frozen):
    """The discussion timer: "start", "pause", "toggle" or "add" (one more minute)."""

    action: str


class GroupAllFeedback(Frozen):
    """Show (or hide) what every option would have meant, side by side."""

    on: bool


class GroupSummary(Frozen):
    """Write the session summary (audience and facilitator copies) to `folder` (None: saves/group/)."""

    folder: str | None = None


class GroupPeek(Frozen):
    """One window only: show the facilitator's notes on the shared screen while a key is held."""

    on: bool


class GroupShowSplit(Frozen):
    """Let the console show the split of the votes before the reveal (the room never sees it)."""

    on: bool


class EndGroup(Frozen):
    """Leave the group session (it stays saved) and go back to the title."""


# --- phone voting in a group session (game/ui/phone_run.py acts on these) -----------------------------------

class PhonesOn(Frozen):
    """Let phones vote (start the phone server) or stop it; the session works the same either way."""

    on: bool


class PhoneVote(Frozen):
    """A phone's vote, posted by the phone server's thread: `device` is a hash of the phone's token,
    `decision` the key of the decision the phone was shown (a vote for any other is refused)."""

    device: str
    decision: str
    option: int


class PhoneRemove(Frozen):
    """Take a phone out of the vote ("phone 7", as its page shows): refused from now on, its vote withdrawn."""

    label: int


class PhoneJoining(Frozen):
    """Let new phones join (open=True) or close joining; phones already in stay."""

    open: bool


class PhoneSettings(Frozen):
    """What phones show: the options' text or their numbers only; the result after the reveal or not."""

    numbers_only: bool = False
    share_result: bool = True



# --- the learner's records: My progress, reflections, exports (game/ui/records_run.py acts on these) ----------

class SaveReflection(Frozen):
    """Keep the learner's reflection on a playthrough: `parts` is ((prompt key, text), ...). `close` leaves
    the reflection screen once kept; `quiet` says nothing when it worked (an autosave)."""

    playthrough: str
    parts: tuple[tuple[str, str], ...]
    close: bool = False
    quiet: bool = False


class ExportRecords(Frozen):
    """Write every finished playthrough as "csv" or "json" into the exports folder, and say where."""

    format: str


class ExportCpd(Frozen):
    """Write the CPD record of the learner's reflections ("html" or "md") into the exports folder."""

    format: str = "html"


class ClearRecords(Frozen):
    """Delete every finished playthrough and reflection (asked first, through Confirm)."""


class SendNow(Frozen):
    """Send the queued xAPI statements now (in the background: the frame never waits on it)."""

Intent: TypeAlias = (Push | Replace | Pop | Quit | ToTitle | StartScenario | ContinueLatest | LoadFrom | SaveTo
                     | Choose | Proceed | Restart | ShowDebrief | ChangeSetting | ToggleFullscreen
                     | StartNewSaveFile | Confirm | RunGroup | ResumeGroup | GroupNext | GroupVoting
                     | GroupReveal | GroupDecide | GroupVote | GroupSetCount | GroupTimer | GroupAllFeedback
                     | GroupSummary | GroupPeek | GroupShowSplit | EndGroup | PhonesOn | PhoneVote | PhoneRemove
                     | PhoneJoining | PhoneSettings | SaveReflection | ExportRecords | ExportCpd | ClearRecords
                     | SendNow)
