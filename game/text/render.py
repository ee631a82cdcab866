"""What the terminal player prints, as logical lines (one paragraph each; wrap.py fits them to the screen).

Plain words only: no colour codes, no box drawing, no decorative runs of symbols, because a screen reader
reads every character aloud. Each kind of text says what it is ("Facilitator prompt:", "Feedback:").
"""

from __future__ import annotations

from ..engine.model import Debrief
from ..engine.reference import Framework
from ..engine.story import Effect, EndingView, Feedback, LineView, Scene, Story
from .cards import card_lines


def paragraphs(text: str, first_prefix: str = "") -> list[str]:
    """Author text as logical lines: one per non-empty line of the source, the prefix on the first."""
    parts = [p.strip() for p in text.strip().splitlines() if p.strip()]
    if not parts:
        return []
    return [first_prefix + parts[0], *parts[1:]]


def _role(role: str) -> str:
    # "Former service user" reads better mid-sentence as "former service user"; "HCPC officer" stays as is.
    if len(role) > 1 and role[0].isupper() and role[1].islower():
        return role[0].lower() + role[1:]
    return role


def line(view: LineView) -> list[str]:
    if view.speaker is None:
        return paragraphs(view.text)
    who = view.name or view.speaker
    if view.role:
        who += f" ({_role(view.role)})"
    return paragraphs(view.text, f"{who}: ")


def standard_name(standard_id: str, short: str | None) -> str:
    return f"Standard {standard_id} ({short})" if short and short != standard_id else f"Standard {standard_id}"


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


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


def blocks(*parts: list[str]) -> list[str]:
    """The non-empty parts, one blank line between each: sighted readers see where a card or the choices
    start; a screen reader just skips the blank."""
    out: list[str] = []
    for part in parts:
        if part:
            out += [""] * bool(out) + part
    return out


def scene(view: Scene) -> list[str]:
    story = [f"Scene: {view.title}"] if view.title else []
    for item in view.lines:
        story += line(item)
    card = card_lines(view.card) if view.card is not None else []
    prompt = paragraphs(view.prompt, "Facilitator prompt: ") if view.prompt else []
    choices = ["What do you do?", *(f"{c.number}. {c.text.strip()}" for c in view.choices)] if view.choices else []
    return blocks(story, card, prompt, choices)


def effect(e: Effect) -> str:
    text = f"{standard_name(e.standard, e.short)}: {e.verdict}, {signed(e.delta)}"
    if e.reason:
        text += f" \u2014 {e.reason.strip()}"
    return text


def feedback(fb: Feedback) -> list[str]:
    return [f"You chose: {fb.choice.strip()}", *paragraphs(fb.text, "Feedback: "), *(effect(e) for e in fb.effects)]


def totals(story: Story) -> list[str]:
    framework: Framework = story.framework
    scores = story.state.scores
    if not scores:
        return []
    lines = [f"Your scores against the {framework.title}:"]
    for sid, total in scores.items():
        std = framework.get(sid)
        verdict = "upheld" if total > 0 else "breached" if total < 0 else "no change"
        lines.append(f"  {standard_name(sid, std.short if std else None)}: {signed(total)}, {verdict}")
    lines.append(f"  Total: {signed(sum(scores.values()))}")
    return lines


def debrief(story: Story, ending: EndingView) -> list[str]:
    d: Debrief = ending.debrief
    lines = ["Debrief", *paragraphs(d.what_happened, "What happened: ")]
    if d.why:
        lines += paragraphs(d.why, "Why: ")
    at_stake = story.standards_at_stake(ending)
    if at_stake:
        lines.append("Standards at stake:")
        lines += [f"  {standard_name(s.id, s.short)}: {s.title}" for s in at_stake]
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
    return lines


def ending(story: Story) -> list[str]:
    view = story.ending
    if view is None:
        return []
    lines = [f"Ending: {view.title}", *paragraphs(view.text),
             f"Outcome: {view.outcome_label}", *paragraphs(view.outcome.summary)]
    return [*lines, "", *totals(story), "", *debrief(story, view)]
