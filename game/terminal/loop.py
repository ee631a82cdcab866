"""One playthrough in the terminal: show each scene, get a choice from somewhere, show the feedback.

Where choices come from is a small strategy (the player at the keyboard, a fixed list, a seeded random
pick), so the terminal player, its scripted modes and the transcript tests run the same loop. Everything
shown is also kept as logical lines, for the transcript tests to search.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol, TextIO

from ..engine import wording
from ..engine.controls import escape
from ..engine.story import Scene, Story
from . import render
from .wrap import wrap

Status = Literal["ended", "quit", "eof", "stopped"]


class Leave(Exception):
    """The player left: 'q', or the input ended (Ctrl-D, a closed pipe)."""

    def __init__(self, why: Literal["quit", "eof"]):
        super().__init__(why)
        self.why = why


class ScriptError(ValueError):
    """A scripted choice that is not offered; the message names the step and the valid range."""


class ChoiceSource(Protocol):
    def choose(self, scene: Scene) -> int | None:
        """A 1-based number among the visible choices; None when there are no more (the run stops)."""

    def proceed(self, scene: Scene) -> bool:
        """Whether to go on from a narration-only scene; False stops the run."""


class Scripted:
    """A fixed list of choice numbers (--choices, transcripts). Narration continues by itself."""

    def __init__(self, numbers: list[int], then: ChoiceSource | None = None):
        self.numbers = list(numbers)
        self.used = 0
        self.then = then  # who chooses once the list runs out (the keyboard, if there is one)

    @property
    def leftover(self) -> list[int]:
        return self.numbers[self.used:]

    def choose(self, scene: Scene) -> int | None:
        if self.used >= len(self.numbers):
            return self.then.choose(scene) if self.then else None
        number = self.numbers[self.used]
        self.used += 1
        if not 1 <= number <= len(scene.choices):
            raise ScriptError(f"step {self.used} of the choices: {number} is not offered at '{scene.node}'; "
                              f"choose from 1 to {len(scene.choices)}")
        return number

    def proceed(self, scene: Scene) -> bool:
        return True


class RandomChoices:
    """--autoplay: a seeded random pick among the visible choices."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def choose(self, scene: Scene) -> int | None:
        return self.rng.randint(1, len(scene.choices))

    def proceed(self, scene: Scene) -> bool:
        return True


class Keyboard:
    """The player: reads a line per answer. Bad input asks again with the valid range."""

    def __init__(self, read: Callable[[str], str], write: Callable[[str], object], echo: bool = False):
        self.read = read
        self.write = write
        self.echo = echo  # input from a pipe is not shown by the terminal: show it, so the output reads on

    def _ask(self, prompt: str) -> str:
        try:
            answer = self.read(prompt)
        except EOFError:
            self.write("\n")
            raise Leave("eof") from None
        if self.echo:
            self.write(escape(answer) + "\n")
        if answer.strip().casefold() in ("q", "quit"):
            raise Leave("quit")
        return answer.strip()

    def choose(self, scene: Scene) -> int | None:
        count = len(scene.choices)
        # Short, so that it fits a narrow terminal on one line: the terminal would break it mid-word.
        prompt = f"Your choice, 1 to {count} (q to quit): " if count > 1 else "Your choice, 1 (q to quit): "
        while True:
            answer = self._ask(prompt)
            if answer.isascii() and answer.isdigit() and 1 <= int(answer) <= count:
                return int(answer)
            if answer:
                wanted = f"a number from 1 to {count}" if count > 1 else "1"
                self.write(f"'{escape(answer)}' is not one of the choices: type {wanted}.\n")

    def proceed(self, scene: Scene) -> bool:
        self.write("\n")
        self._ask("Press Enter to continue (q to quit): ")
        return True


@dataclass
class TerminalPlay:
    """One Story played in the terminal: shows each scene and its feedback, keeps what it showed. What is
    saved and recorded is the PlaySession's (game/play.py), passed in as `after_step`."""

    story: Story
    out: TextIO
    width: int | None = None  # None: one printed line per logical line (for tests)
    after_step: Callable[[Story], Story] | None = None  # saves; may hand back a different (restored) Story
    shown: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)

    def show(self, lines: list[str]) -> None:
        for logical in lines:
            self.shown.append(logical)
            for printed in wrap(logical, self.width):
                self.out.write(printed + "\n")
        self.out.flush()

    def play(self, source: ChoiceSource, intro: bool = True, max_steps: int | None = None) -> Status:
        """Play until an ending, the player leaving ('quit', or 'eof' when the input ends), or a scripted
        source running out ('stopped')."""
        if intro:
            self.show([*render.intro(self.story), ""])
        steps = 0
        while True:
            scene = self.story.scene
            if scene is None:
                self.show(render.ending(self.story))
                return "ended"
            self.show(wording.scene(scene))
            steps += 1
            if max_steps is not None and steps > max_steps:  # random play round a loop that rarely exits
                raise ScriptError(f"no ending after {max_steps} steps; the scenario may go round in a loop")
            try:
                if scene.continues:
                    if not source.proceed(scene):
                        return "stopped"
                    self.story.proceed()
                else:
                    number = source.choose(scene)
                    if number is None:
                        return "stopped"
                    lines = render.feedback(self.story.choose(number))
                    self.feedback += lines
                    self.show(["", *lines])
            except Leave as leave:
                return leave.why
            self.show([""])
            if self.after_step is not None:
                self.story = self.after_step(self.story)
