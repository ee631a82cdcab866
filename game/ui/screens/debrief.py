"""The debrief: the outcome on the ladder, what happened and why, the real kind of case it mirrors, the
per-standard chart, the path taken with each choice's feedback, and the questions for reflection."""

from __future__ import annotations

import dataclasses

from game.engine import wording

from ..blocks import Beside, Block, Button, Panel, Stack, Text
from ..embeds import ChartBlock, chart_words, story_rows
from ..intents import Confirm, Push, Restart, ToTitle
from ..look import Look
from ..page import Page, PageScreen
from ..parts import (
    discussion,
    feedback_block,
    footer,
    header,
    heading,
    ladder_block,
    outcome_panel,
    tool,
)


class DebriefScreen(PageScreen):
    name = "debrief"
    initial_focus = "again"

    def build(self, look: Look) -> Page:
        story = self.env.session.story
        ending = story.ending
        d = ending.debrief
        def section(title: str, *blocks: Block | None) -> Block:
            return Stack([heading(title), *blocks], gap=0.5)

        outcome = outcome_panel(ending)
        parts: list[Block | None] = [
            Stack([Text(f"Debrief: {ending.title}", "title", "heading"), self._partway(), outcome,
                   ladder_block(story, ending.outcome.id, ending.outcome_label)], gap=1.0),
            section("What happened", Text(d.what_happened)),
            section("Why", Text(d.why)) if d.why else None,
        ]
        at_stake = story.standards_at_stake(ending)  # in the framework being played, not only as written
        if at_stake:
            parts.append(section("The standards at stake", Stack(
                [Stack([Text(wording.standard(s.id, s.short), "body", "heading", bold=True),
                        Text(s.title, "small", "muted")], gap=0.1) for s in at_stake], gap=0.5)))
        if d.real_case is not None:
            rc = d.real_case
            facts = " · ".join(str(x) for x in (rc.year, rc.regulator, rc.outcome) if x)
            parts.append(section("The real kind of case it mirrors",
                                 Panel(Stack([Text(rc.summary), Text(facts, "small", "muted") if facts else None,
                                              Text(f"Source: {rc.source}", "small", "muted") if rc.source else None],
                                             gap=0.4), bg="surface", border="border", pad=0.9)))
        parts.append(section("Your standards", ChartBlock(story_rows(story), story.framework)))
        steps = story.state.steps
        path: list[Block] = []
        if not steps:
            path.append(Text("You made no choices on the way.", "body", "muted"))
        for i, step in enumerate(steps, 1):
            node = story.scenario.nodes.get(step.node)
            where = node.title if node and node.title else f"Choice {i}"
            path.append(Panel(Stack([Text(f"{i}. {where}", "label", "heading"),
                                     feedback_block(story.feedback_of(step), None)], gap=0.6),
                              bg="surface", border="border", pad=0.9))
        parts.append(section("The path you took", Stack(path, gap=0.8)))
        questions = [Beside(Text(f"{i}.", "body", "heading", bold=True), Text(q), 1.4, 0.3)
                     for i, q in enumerate(d.reflection, 1)]
        parts.append(section("Questions for reflection", Stack(questions, gap=0.6)))
        prompts = [story.scenario.nodes[n].prompt for n in dict.fromkeys(story.state.visited)
                   if n in story.scenario.nodes and story.scenario.nodes[n].prompt]
        if prompts:  # under a heading of their own, before the reading: not stray boxes after "Read more"
            parts.append(section("Questions from the scenes",
                                 Stack([discussion(prompt, look) for prompt in prompts], gap=0.8)))
        if story.scenario.references:  # the guidance and policies the scenario draws on
            parts.append(section("Read more", Stack([_reference(ref) for ref in story.scenario.references], gap=0.8)))
        buttons = [self._reflect(),
                   Button("Play again", Confirm("Play this scenario again from the start?", "Play again",
                                                Restart()), "again", full=False),
                   Button("Other scenarios", Push("scenarios"), "scenarios", full=False),
                   Button("Title", ToTitle(), "title", full=False)]
        return Page(header=header("Debrief", None, [tool("Menu", Push("pause"), "menu")], context=story.scenario.title),
                    body=Stack(parts, gap=1.8), footer=footer(buttons),
                    width_em=look.measure / look.metrics.body_px)

    def _reflect(self) -> Button | None:
        """Write a CPD reflection on this playthrough: once its record is kept (a whole playthrough, saving on)."""
        record = self.env.session.playthrough
        if record is None or self.env.store is None:
            return None
        when = record.finished_at.astimezone().strftime("%d %b %Y")
        return Button("Reflect", Push("reflection", {"playthrough": record.id, "title": record.title, "when": when}),
                      "reflect", full=False)

    def _partway(self) -> Block | None:
        start = self.env.session.story.partway
        if start is None:
            return None
        words = wording.started_partway(start.node, start.flags, start.scores)
        return Panel(Text(words, "body", "text", bold=True), bg="surface", border="border", pad=0.6)

    def speech(self) -> str:
        e = self.env.session.story.ending
        d = e.debrief
        start = self.env.session.story.partway
        first = f"{wording.started_partway(start.node, start.flags, start.scores)} " if start else ""
        return wording.speakable(f"Debrief. {first}Outcome: {e.outcome_label}. {d.what_happened} {d.why or ''} "
                                 f"{chart_words(self.env.session.story)}")


def _reference(ref) -> Block:
    """One source: its title and author in bold, then the note and the address, so that a list of several
    reads as a list rather than one run of paragraphs."""
    head = wording.reference(dataclasses.replace(ref, note=None, url=None))
    more = " ".join(ref.note.split()) if ref.note else ""
    return Stack([Text(head, "body", "heading", bold=True), Text(more) if more else None,
                  Text(ref.url, "small", "muted") if ref.url else None], gap=0.2)
