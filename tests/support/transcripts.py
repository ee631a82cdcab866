"""Transcript tests: a fixed path through a scenario and what it must lead to, written by scenario authors.

    scenario: friend-request          # found as <scenario dir>/<id>.yaml
    transcripts:
      - name: decline-and-review
        choices: [2, 1, 3, 1]         # 1-based among the visible choices, as the terminal player takes them
        expect:
          ending: commended           # required: every transcript plays to an ending
          outcome: commended
          scores: {1: 2, 2: 1}        # exact totals for the standards listed; others unchecked
          path: [opening, ...]        # exact visited nodes
          lines: ["shown somewhere"]  # substrings of any line the terminal player shows
          feedback: ["said after a choice"]

A transcript runs through the terminal player's own play loop (game/terminal/loop.py), so it checks what a player would see.
`run(..., store=...)` also saves and resumes (a fresh Story from the database) between every step.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from game.engine import wording
from game.engine.loader import Loaded
from game.engine.story import Story
from game.engine.yamlsafe import read_file
from game.saves import SaveStore, resume
from game.terminal.loop import Scripted, ScriptError, TerminalPlay


class TranscriptError(ValueError):
    """A transcript file that cannot be read or names what does not exist; the message says where."""


def _key_to_str(value: object) -> object:
    if isinstance(value, dict):
        return {str(k) if isinstance(k, int) and not isinstance(k, bool) else k: v for k, v in value.items()}
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expect(_Strict):
    ending: str
    outcome: str | None = None
    scores: Annotated[dict[str, int], BeforeValidator(_key_to_str)] = Field(default_factory=dict)
    path: list[str] | None = None
    lines: list[str] = Field(default_factory=list)
    feedback: list[str] = Field(default_factory=list)


class Transcript(_Strict):
    name: str
    choices: list[Annotated[int, Field(ge=1)]]
    expect: Expect


class TranscriptFile(_Strict):
    scenario: str
    transcripts: list[Transcript] = Field(min_length=1)


def read_transcripts(path: str | Path) -> TranscriptFile:
    doc = read_file(path)
    if doc.data is None or any(d.is_error for d in doc.diagnostics):
        raise TranscriptError("\n".join(f"{d.file}:{d.line}: {d.message}" for d in doc.diagnostics))
    try:
        return TranscriptFile.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for e in exc.errors(include_url=False):
            line, _ = doc.locate(tuple(e["loc"]), at_key=e["type"] == "extra_forbidden")
            where = ".".join(str(p) for p in e["loc"])
            problems.append(f"{path}:{line}: {where}: {e['msg']}")
        raise TranscriptError("\n".join(problems)) from None


def scenario_file(scenario_id: str, directory: Path) -> Path:
    path = directory / f"{scenario_id}.yaml"
    if not path.is_file():
        raise TranscriptError(f"the transcripts are for scenario '{scenario_id}', but there is no {path}")
    return path


@dataclass
class Run:
    """What one transcript did."""

    story: Story
    status: str
    shown: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    leftover: list[int] = field(default_factory=list)
    error: str | None = None
    round_trips: int = 0
    notices: list[str] = field(default_factory=list)  # from resuming: there should be none


def _round_trip(store: SaveStore, loaded: Loaded, run: Run):
    """A fresh Story after every step, by way of the save database, as if the player had quit and come back."""

    def after_step(story: Story) -> Story:
        store.save("transcript", story, loaded)
        restored, notices = resume(store.load("transcript"), loaded)
        run.notices += notices
        run.round_trips += 1
        return restored

    return after_step


def run(transcript: Transcript, loaded: Loaded, store: SaveStore | None = None) -> Run:
    story = Story(loaded.scenario)
    result = Run(story, "stopped")
    terminal = TerminalPlay(story, io.StringIO(), width=None,
                            after_step=_round_trip(store, loaded, result) if store is not None else None)
    script = Scripted(transcript.choices)
    try:
        result.status = terminal.play(script)
    except ScriptError as exc:
        result.error = str(exc)
    result.story = terminal.story
    result.shown, result.feedback, result.leftover = terminal.shown, terminal.feedback, script.leftover
    return result


def problems(transcript: Transcript, loaded: Loaded, result: Run) -> list[str]:
    """Everything in which the run differs from the transcript's expectations; [] when it passes."""
    scenario = loaded.scenario
    expect = transcript.expect
    found: list[str] = []
    if expect.ending not in scenario.endings:
        found.append(f"expects ending '{expect.ending}', which the scenario does not have "
                     f"(its endings: {', '.join(scenario.endings)})")
    if result.notices:
        found.append(f"resuming from a save of the same file gave notices: {result.notices}")
    if result.error:
        return [*found, result.error]
    story = result.story
    if result.status != "ended":
        return [*found, f"the choices ran out at '{story.state.node}' before an ending"]
    if result.leftover:
        found.append(f"the scenario ended with {wording.plural(len(result.leftover), 'choice')} left over: "
                     f"{result.leftover}")
    ending = story.ending
    if ending.id != expect.ending:
        found.append(f"ended at '{ending.id}' ({ending.title}), expected '{expect.ending}'")
    if expect.outcome is not None and ending.outcome.id != expect.outcome:
        found.append(f"outcome '{ending.outcome.id}', expected '{expect.outcome}'")
    scores = story.state.scores
    for sid, want in expect.scores.items():
        if sid not in scores:
            found.append(f"standard {sid} is never scored in this scenario (scored: {', '.join(scores) or 'none'})")
        elif scores[sid] != want:
            found.append(f"standard {sid} totals {scores[sid]}, expected {want}")
    if expect.path is not None and story.state.visited != expect.path:
        found.append(f"visited {story.state.visited}, expected {expect.path}")
    found += [f"no line shown contains {text!r}" for text in expect.lines
              if not any(_typed(text) in _typed(shown) for shown in result.shown)]
    found += [f"no feedback shown contains {text!r}" for text in expect.feedback
              if not any(_typed(text) in _typed(shown) for shown in result.feedback)]
    return found


def _typed(text: str) -> str:
    """Text as a trainer would type it, so that '(-2)' finds the '(\u22122)' shown: the real minus sign is a
    hyphen and the no-break space that keeps the sign by its word is a space (on both sides, so pasted output
    matches too)."""
    return text.replace(wording.MINUS, "-").replace(wording.NBSP, " ")
