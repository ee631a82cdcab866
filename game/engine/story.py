"""The story engine: plays one Scenario. Pure Python: no window, no clock, no I/O.

A small API in the spirit of ink's runtime:

    story = Story(scenario)
    story.scene            # what to show now: lines, card, prompt, visible choices (None at an ending)
    story.choose(2)        # 1-based among the visible choices; returns the Feedback
    story.proceed()        # on a narration-only node ('next:')
    story.ending           # the EndingView once the story is over
    story.state.to_dict()  # the whole state, serialisable; Story.restore(scenario, data) resumes it

Every client (desktop UI, terminal player, snapshot, tests) drives the same object.
"""

from __future__ import annotations

import copy
import dataclasses
import random
from dataclasses import dataclass

from . import reference, wording
from .graph import StoryGraph, shown_choices, way_on
from .model import Card, Choice, Debrief, Node, Scenario
from .reference import Framework, Ladder, Outcome, Standard
from .regulator import Agreed, Regulator, rendered
from .state import PlayState, StartedAt, StateError, Step
from .tokens import render_scenario


@dataclass(frozen=True)
class LineView:
    text: str
    speaker: str | None = None  # character id
    name: str | None = None  # display name
    role: str | None = None
    portrait: str | None = None  # asset path


@dataclass(frozen=True)
class ChoiceView:
    number: int  # 1-based among the visible choices: what the player presses
    index: int  # index in the node's full list
    text: str


@dataclass(frozen=True)
class Scene:
    node: str
    title: str | None
    lines: tuple[LineView, ...]
    card: Card | None
    prompt: str | None
    choices: tuple[ChoiceView, ...]

    @property
    def continues(self) -> bool:
        """A narration-only node: the player just continues."""
        return not self.choices


@dataclass(frozen=True)
class Effect:
    """What one choice did to one standard."""

    standard: str
    short: str
    title: str
    delta: int
    reason: str | None = None

    @property
    def upheld(self) -> bool:
        return self.delta > 0

    @property
    def verdict(self) -> str:
        return wording.verdict(self.delta).words


@dataclass(frozen=True)
class Feedback:
    node: str
    choice: str
    text: str
    effects: tuple[Effect, ...]


@dataclass(frozen=True)
class EndingView:
    """An ending as played: `outcome` is the rung in the played framework's words (its regulator's sanction,
    for a regulator-level rung) and `months` its length under that framework (regulator.py's rules)."""

    id: str
    title: str
    text: str
    outcome: Outcome
    months: int | None
    debrief: Debrief
    regulator: Regulator | None = None  # who decided it, for a regulator-level outcome
    agreed: Agreed | None = None  # agreed without a hearing (an accepted outcome, a consent order)
    ladder: Ladder | None = None  # the whole ladder in the played framework's words, for showing the rung

    @property
    def outcome_label(self) -> str:
        """The words shown: 'Warning — 3 years (accepted outcome)'."""
        label = self.outcome.label(self.months)
        return f"{label} ({self.agreed.label})" if self.agreed else label


@dataclass(frozen=True)
class HistoryEntry:
    scene: Scene
    step: Step | None  # the choice made there, if any


class ChoiceError(ValueError):
    """A choice number that is not offered; the message is for people."""


class Story:
    def __init__(self, scenario: Scenario, framework: Framework | str | None = None, ladder: Ladder | None = None):
        """`framework` plays the scenario against another standards framework than the one it was written
        for: scores are carried across by the mapping in game/data/frameworks/mappings.yaml.

        `scenario` is the scenario with its text tokens ($regulator) filled in for the framework played, so
        every front end shows the played regulator; `written` is the scenario as the file has it.
        `ladder` is the generic ladder (`rungs`); `self.ladder` is it as the played framework words it."""
        own = scenario.framework
        fw = framework if isinstance(framework, Framework) else reference.framework(framework or own)
        if fw is None:
            raise ValueError(f"unknown standards framework '{framework or own}'")
        self.framework = fw
        self.written = scenario
        self.scenario = render_scenario(scenario, fw.regulator.words)
        self.graph = StoryGraph(self.scenario)  # the rules of the way on: routes, choices, next
        self._mapping = None if fw.id == own else reference.mapping(own, fw.id)
        if fw.id != own and self._mapping is None:
            raise ValueError(f"this scenario is scored against '{own}' and cannot be shown against '{fw.id}'")
        self.rungs = ladder or reference.ladder()
        self.ladder = self.rungs.played(fw)
        self._scored = self._scored_standards()
        self.last_feedback: Feedback | None = None
        self.state = self._fresh_state()
        self._enter(scenario.start)

    def scores_of(self, choice: Choice) -> dict[str, int]:
        """A choice's scores in the framework being played."""
        return self._mapping.translate(choice.scores) if self._mapping else dict(choice.scores)

    def reasons_of(self, choice: Choice) -> dict[str, str]:
        if not self._mapping:
            return dict(choice.reasons)
        out: dict[str, str] = {}
        for sid, text in choice.reasons.items():
            for target in self._mapping.standards.get(sid, []):
                out[target] = f"{out[target]} {text}" if target in out else text
        return out

    # --- state --------------------------------------------------------------------------------------------

    def _scored_standards(self) -> list[str]:
        used = {sid for node in self.scenario.nodes.values() for c in node.choices or () for sid in self.scores_of(c)}
        return [s for s in self.framework.ids if s in used] + sorted(used - set(self.framework.ids))

    def _fresh_state(self) -> PlayState:
        return PlayState(scenario=self.scenario.id, framework=self.framework.id, node=None,
                         scores=dict.fromkeys(self._scored, 0))

    def begin_at(self, start: StartedAt) -> None:
        """Play from `start` (part-way) as if the run had arrived there with its flags and scores: routes from
        that node apply as on arrival. Raises partway.StartError naming an unknown node, flag or standard."""
        from .partway import check

        check(self.scenario, self.framework, start)
        self.last_feedback = None
        self.state = self._fresh_state()
        self.state.flags = sorted(set(start.flags))
        for sid, value in start.scores.items():
            self.state.scores[sid] = value
        self.state.started_at = copy.deepcopy(start)
        self._enter(start.node)

    @property
    def partway(self) -> StartedAt | None:
        """Where the run began when it did not begin at the start, else None."""
        return self.state.started_at

    def restart(self) -> None:
        self.last_feedback = None
        self.state = self._fresh_state()
        self._enter(self.scenario.start)

    @classmethod
    def restore(cls, scenario: Scenario, data: object) -> tuple[Story, list[str]]:
        """Resume a saved state. Returns the story and notices for the player (e.g. the scenario changed).
        Raises StateError when the data is not a usable state for this scenario."""
        state = PlayState.from_dict(data)
        if state.scenario != scenario.id:
            raise StateError(f"the save is for scenario '{state.scenario}', not '{scenario.id}'")
        story = cls(scenario, state.framework)
        notices: list[str] = []
        where_ok = (state.node in scenario.nodes) if state.ending is None else (state.ending in scenario.endings)
        if not where_ok:
            missing = state.node if state.ending is None else state.ending
            raise StateError(f"the scenario has changed and no longer has '{missing}'; start it again")
        for sid in story._scored:
            state.scores.setdefault(sid, 0)
        story.state = state
        if state.ending is None and state.node is not None:
            node = scenario.nodes[state.node]
            if way_on(node) == "routes":  # a node that became a router since the save: route on from it
                story._enter(state.node, record=False)
        return story, notices

    # --- reading ------------------------------------------------------------------------------------------

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self.state.flags)

    @property
    def is_over(self) -> bool:
        return self.state.ending is not None

    @property
    def scene(self) -> Scene | None:
        if self.state.node is None:
            return None
        return self.scene_of(self.state.node, self._visible(self.scenario.nodes[self.state.node]))

    def scene_of(self, node_id: str, offered: list[int] | None = None) -> Scene:
        """The scene of any node (for review and history). `offered` limits the choices shown."""
        node = self.scenario.nodes[node_id]
        choices = node.choices or []
        indices = range(len(choices)) if offered is None else offered
        views = tuple(ChoiceView(n, i, choices[i].text) for n, i in enumerate(indices, 1) if i < len(choices))
        return Scene(node_id, node.title, tuple(self._line(line) for line in node.lines), node.card, node.prompt, views)

    def _line(self, line) -> LineView:
        if line.speaker is None:
            return LineView(line.text)
        who = self.scenario.characters.get(line.speaker)
        if who is None:
            return LineView(line.text, line.speaker, line.speaker)
        return LineView(line.text, line.speaker, who.name, who.role, who.portrait)

    def _visible(self, node: Node) -> list[int]:
        return shown_choices(node, self.flags, self.state.scores)

    @property
    def ending(self) -> EndingView | None:
        if self.state.ending is None:
            return None
        return self.ending_view(self.state.ending)

    def ending_view(self, ending_id: str) -> EndingView:
        e = self.scenario.endings[ending_id]
        played = self.rungs.played_rung(e.outcome, self.framework)
        if played is None:
            raise ValueError(f"ending '{ending_id}' names unknown outcome '{e.outcome}'")
        outcome, sanction = played
        if sanction is None:
            return EndingView(ending_id, e.title, e.text, outcome, e.months, e.debrief, ladder=self.ladder)
        regulator = self.framework.regulator
        agreed = self.framework.sanctions.agreed if e.agreed else None
        if agreed is not None:
            agreed = dataclasses.replace(agreed, words=rendered(agreed.words, regulator))
        return EndingView(ending_id, e.title, e.text, outcome, sanction.months_played(e.months), e.debrief,
                          regulator, agreed, self.ladder)

    def standards_at_stake(self, ending: EndingView) -> list[Standard]:
        """The debrief's standards, in the framework being played and in its order: those the ending names,
        those a choice on the way scored (an explicit 0 included) and any with a total. The debrief's list, its
        chart and the terminal's totals all show these (`totals_at_stake`), so a standard called "at stake" is
        always in the list."""
        ids = list(ending.debrief.standards)
        if self._mapping:
            ids = [t for sid in ids for t in self._mapping.standards.get(sid, [])]
        wanted = set(ids) | {sid for step in self.state.steps for sid in step.scores}
        wanted |= {sid for sid, total in self.state.scores.items() if total}  # a part-way run's scores too
        return [s for s in self.framework.standards if s.id in wanted]

    def totals_at_stake(self, ending: EndingView) -> list[tuple[Standard, int]]:
        """Each standard at stake (above) with the player's total on it."""
        return [(s, self.state.scores.get(s.id, 0)) for s in self.standards_at_stake(ending)]

    def history(self) -> list[HistoryEntry]:
        """Every node shown so far, in order, with the choice made there (if any)."""
        steps = iter(self.state.steps)
        pending = next(steps, None)
        entries = []
        for node_id in self.state.visited:
            if node_id not in self.scenario.nodes:
                continue
            step = None
            if pending is not None and pending.node == node_id:
                step, pending = pending, next(steps, None)
            entries.append(HistoryEntry(self.scene_of(node_id, step.offered if step else []), step))
        return entries

    def effects(self, scores: dict[str, int], reasons: dict[str, str] | None = None) -> tuple[Effect, ...]:
        out = []
        for sid, delta in scores.items():
            std = self.framework.get(sid)
            out.append(Effect(sid, std.short if std else sid, std.title if std else sid, delta,
                              (reasons or {}).get(sid)))
        order = {s: i for i, s in enumerate(self.framework.ids)}
        return tuple(sorted(out, key=lambda e: order.get(e.standard, len(order))))

    def feedback_of(self, step: Step) -> Feedback:
        node = self.scenario.nodes.get(step.node)
        reasons = None
        if node and node.choices and step.choice < len(node.choices):
            reasons = self.reasons_of(node.choices[step.choice])
        return Feedback(step.node, step.text, step.feedback, self.effects(step.scores, reasons))

    # --- acting -------------------------------------------------------------------------------------------

    def choose(self, number: int) -> Feedback:
        scene = self.scene
        if scene is None:
            raise ChoiceError("the story is over: there is nothing to choose")
        if not scene.choices:
            raise ChoiceError("this part has no choices: continue instead")
        if not 1 <= number <= len(scene.choices):
            raise ChoiceError(f"choose a number from 1 to {len(scene.choices)}")
        view = scene.choices[number - 1]
        choice: Choice = self.scenario.nodes[scene.node].choices[view.index]
        flags = set(self.state.flags)
        flags.update(choice.set_flags)
        flags.difference_update(choice.clear_flags)
        self.state.flags = sorted(flags)
        scores = self.scores_of(choice)
        for sid, delta in scores.items():
            self.state.scores[sid] = self.state.scores.get(sid, 0) + delta
        self.state.steps.append(Step(node=scene.node, choice=view.index, number=number,
                                     offered=[c.index for c in scene.choices], text=choice.text,
                                     feedback=choice.feedback, scores=scores))
        self.last_feedback = Feedback(scene.node, choice.text, choice.feedback,
                                      self.effects(scores, self.reasons_of(choice)))
        self._enter(choice.goto)
        return self.last_feedback

    def proceed(self) -> None:
        """Continue from a narration-only node."""
        scene = self.scene
        if scene is None or scene.choices:
            raise ChoiceError("there is nothing to continue to here" if scene is None else "make a choice first")
        moves = self.graph.moves(scene.node, self.flags, self.state.scores)
        if not moves:
            raise ChoiceError(f"node '{scene.node}' has no way on")
        self.last_feedback = None
        self._enter(moves[0].target)

    def _enter(self, target: str, record: bool = True) -> None:
        target = self.graph.arrive(target, self.flags, self.state.scores)
        if self.graph.is_ending(target):
            self.state.node, self.state.ending = None, target
            return
        self.state.node = target
        if record:
            self.state.visited.append(target)


def autoplay(story: Story, rng: random.Random, max_steps: int = 10_000) -> list[int]:
    """Pick at random until an ending; return the numbers chosen. Raises ValueError if it cannot end."""
    numbers = []
    for _ in range(max_steps):
        scene = story.scene
        if scene is None:
            return numbers
        if scene.choices:
            number = rng.randint(1, len(scene.choices))
            numbers.append(number)
            story.choose(number)
        else:
            story.proceed()
    raise ValueError(f"no ending after {max_steps} steps")
