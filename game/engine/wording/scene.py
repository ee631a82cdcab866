"""A scene as plain text: the logical lines (one paragraph each) that the terminal player prints and the
desktop game reads aloud."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cards import card_lines

if TYPE_CHECKING:  # the story imports the vocabulary, so only for annotations here
    from ..story import LineView, Scene


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
    """'Sam Reid (former service user): Hey!' or, for narration, the text alone."""
    if view.speaker is None:
        return paragraphs(view.text)
    who = view.name or view.speaker
    if view.role:
        who += f" ({_role(view.role)})"
    return paragraphs(view.text, f"{who}: ")


def blocks(*parts: list[str]) -> list[str]:
    """The non-empty parts, one blank line between each: sighted readers see where a card or the choices
    start; a screen reader just skips the blank."""
    out: list[str] = []
    for part in parts:
        if part:
            out += [""] * bool(out) + part
    return out


def scene(view: Scene) -> list[str]:
    """A part of the story as logical lines (one paragraph each): its title, lines, card, the facilitator's
    prompt and the numbered choices. What the terminal player prints and the desktop game reads aloud."""
    story = [f"Scene: {view.title}"] if view.title else []
    for item in view.lines:
        story += line(item)
    card = card_lines(view.card) if view.card is not None else []
    prompt = paragraphs(view.prompt, "For discussion: ") if view.prompt else []
    choices = ["What do you do?", *(f"{c.number}. {c.text.strip()}" for c in view.choices)] if view.choices else []
    return blocks(story, card, prompt, choices)
