"""What the terminal player prints, as logical lines (one paragraph each; wrap.py fits them to the screen).

Plain words only: no colour codes, no box drawing, no decorative runs of symbols, because a screen reader
reads every character aloud. Each kind of text says what it is ("For discussion:", "Feedback:"). The words
themselves (standards, verdicts, scores, audiences, a scene) come from game.engine.wording.
"""

from __future__ import annotations

from ..engine import wording
from ..engine.model import Debrief
from ..engine.reference import Framework
from ..engine.story import Effect, EndingView, Feedback, Story
from ..engine.wording import paragraphs


def intro(story: Story) -> list[str]:
    s = story.scenario
    lines = [f"Scenario: {s.title}", *paragraphs(s.summary),
             f"About {s.minutes} minutes. Your choices are scored against the {story.framework.title}."]
    if story.framework.id != s.framework:
        lines.append(f"(The scenario was written for another framework, {s.framework}; its scores are carried "
                     "across to these standards.)")
    lines.append("What you will practise:")
    lines += [f"  {n}. {objective.strip()}" for n, objective in enumerate(s.objectives, 1)]
    return lines


def effect(e: Effect) -> str:
    text = wording.effect(e.standard, e.short, e.delta)
    return f"{text}: {e.reason.strip()}" if e.reason else text


def feedback(fb: Feedback) -> list[str]:
    return [f"You chose: {fb.choice.strip()}", *paragraphs(fb.text, "Feedback: "), *(effect(e) for e in fb.effects)]


def totals(story: Story) -> list[str]:
    """The per-standard totals. At an ending, exactly the debrief's "Standards at stake" (as the desktop's
    chart), so a "0 at stake" is never said of a standard the debrief does not list; the total is the run's."""
    framework: Framework = story.framework
    scores = story.state.scores
    if not scores:
        return []
    ending = story.ending
    shown = {s.id: total for s, total in story.totals_at_stake(ending)} if ending is not None else scores
    lines = [f"Your scores against the {framework.title}:"]
    for sid, total in shown.items():
        std = framework.get(sid)
        lines.append(f"  {wording.standing(sid, std.short if std else None, total)}")
    lines.append(f"  Total: {wording.signed(sum(scores.values()))}")
    return lines


def debrief(story: Story, ending: EndingView) -> list[str]:
    d: Debrief = ending.debrief
    lines = ["Debrief"]
    start = story.partway
    if start is not None:
        lines.append(wording.started_partway(start.node, start.flags, start.scores))
    lines += paragraphs(d.what_happened, "What happened: ")
    if d.why:
        lines += paragraphs(d.why, "Why: ")
    at_stake = story.standards_at_stake(ending)
    if at_stake:
        lines.append("Standards at stake:")
        lines += [f"  {wording.standard_long(s.id, s.short, s.title)}" for s in at_stake]
    case = d.real_case
    if case is not None:
        lines += paragraphs(case.summary, "The real case: ")
        facts = [x for x in (case.regulator, str(case.year) if case.year else None) if x]
        if facts:
            lines.append(f"  Heard by: {', '.join(facts)}")
        if case.outcome:
            lines.append(f"  Outcome: {case.outcome}")
        if case.source:
            lines.append(f"  Source: {case.source}")
    lines.append("Questions to reflect on:")
    lines += [f"{n}. {q.strip()}" for n, q in enumerate(d.reflection, 1)]
    if story.scenario.references:
        lines.append("Read more:")
        lines += [f"  {wording.reference(ref)}" for ref in story.scenario.references]
    return lines


def ending(story: Story) -> list[str]:
    view = story.ending
    if view is None:
        return []
    lines = [f"Ending: {view.title}", *paragraphs(view.text),
             f"Outcome: {view.outcome_label}", *paragraphs(view.outcome.summary)]
    if view.regulator is not None:
        agreed = f", {view.agreed.words}" if view.agreed else ""
        lines.append(f"Decided by: {view.outcome.by}{agreed}.")
    return [*lines, "", *totals(story), "", *debrief(story, view)]
