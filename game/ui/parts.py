"""Pieces several screens show the same way: headers, a scene's lines, a standard's verdict, the outcome
ladder, the facilitator's "For discussion" panel. Screens import these, never each other."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from game.engine import wording

if TYPE_CHECKING:  # annotations only: the title and My progress import these parts without the story engine
    from game.engine.story import Effect, Feedback, LineView, Scene

from .blocks import Bar, Beside, Block, Button, Flow, Icon, Panel, Stack, Text, icon_text
from .embeds import Portrait
from .look import Look


def tool(label: str, intent: Any, id: str) -> Button:
    """A compact control for headers and footers (still at least a full target high)."""
    return Button(label, intent, id, full=False)


class Header(Block):
    """The bar at the top: a small context line (the scenario), the screen's title, a subtitle, tools.
    On a projector the context line is left out: the room knows which scenario it is playing."""

    def __init__(self, title: str, subtitle: str | None, tools: list[Button] | None, context: str | None):
        super().__init__()
        self.title, self.subtitle, self.tools, self.context = title, subtitle, tools, context

    def _bar(self, look: Look) -> Block:
        context = None if look.metrics.profile.projector else self.context
        left = Stack([Text(context, "small", "header_text", measure=False) if context else None,
                      Text(self.title, "bar", "header_text", measure=False),
                      Text(self.subtitle, "small", "header_text", measure=False) if self.subtitle else None],
                     gap=0.1)
        return Bar(left, Flow(self.tools, gap=0.5, align="right") if self.tools else None)

    def layout(self, look: Look, width: int) -> None:
        bar = self._bar(look)
        bar.layout(look, width)
        self.kids = [(bar, 0, 0)]
        self.w, self.h = width, bar.h


def header(title: str, subtitle: str | None = None, tools: list[Button] | None = None,
           context: str | None = None) -> Block:
    return Header(title, subtitle, tools, context)


class SceneLayout(Block):
    """A part of the story: its words and its card side by side when there is room (16:9 windows), the
    choices under the words on a desktop, across the whole width on a projector; stacked when narrow,
    the card always before the choices."""

    def __init__(self, words: Block, card: Block | None, choices: Block | None):
        super().__init__()
        self.words, self.card, self.choices = words, card, choices

    def layout(self, look: Look, width: int) -> None:
        projector = look.metrics.profile.projector
        gap = look.em(1.5 if projector else 2.0)
        text_min, card_min = look.em(16 if projector else 20), look.em(14 if projector else 18)
        self.kids = []
        if self.card is not None and text_min + card_min + gap <= width:
            card_w = max(card_min, min(look.em(26), (width - gap) * 2 // 5))
            text_w = width - gap - card_w
            left = Stack([self.words, self.choices], gap=1.1) if not projector else self.words
            left.layout(look, text_w)
            self.card.layout(look, card_w)
            self.kids = [(left, 0, 0), (self.card, text_w + gap, 0)]
            h = max(left.h, self.card.h)
            if projector and self.choices is not None:
                self.choices.layout(look, width)
                self.kids.append((self.choices, 0, h + look.em(1.1)))
                h += look.em(1.1) + self.choices.h
        else:
            stack = Stack([self.words, self.card, self.choices], gap=1.1)
            stack.layout(look, width)
            self.kids = [(stack, 0, 0)]
            h = stack.h
        self.w, self.h = width, h


CARD_SHARES = (0.4, 0.5, 0.6)  # of the width, tried for a scene's card: the split with the shortest slide wins


class RoomScene(Block):
    """A scene's words beside its card, split so the slide is as short as it can be: a tall card (a post
    with an image and comments) beside two lines of narration gets the wider column, which shortens it,
    rather than a fixed 2/5 that left half the screen empty and made the slide scroll at 60 % size."""

    def __init__(self, words: Block, card: Block):
        super().__init__()
        self.words, self.card, self.choices = words, card, None

    def layout(self, look: Look, width: int) -> None:
        gap = look.em(1.5)
        if look.em(16) + look.em(14) + gap > width:
            SceneLayout.layout(self, look, width)  # narrow: stacked, as everywhere else
            return
        best = None
        for share in CARD_SHARES:
            card_w = max(look.em(14), round((width - gap) * share))
            text_w = width - gap - card_w
            if text_w < look.em(12):
                continue
            self.words.layout(look, text_w)
            self.card.layout(look, card_w)
            h = max(self.words.h, self.card.h)
            if best is None or h < best[0] - look.em(0.5):
                best = (h, text_w, card_w)
        h, text_w, card_w = best
        self.words.layout(look, text_w)
        self.card.layout(look, card_w)
        self.kids = [(self.words, 0, 0), (self.card, text_w + gap, 0)]
        self.w, self.h = width, h


def footer(buttons: list[Button]) -> Block:
    return Flow(buttons, gap=0.7, align="right")


def heading(text: str, role: str = "heading") -> Text:
    return Text(text, role, "heading")


# --- a scene's words ---------------------------------------------------------------------------------------

def line_block(line: LineView) -> Block:
    if line.speaker is None:
        return Text(line.text)
    who = line.name or line.speaker
    if line.role:
        who = f"{who} · {line.role}"
    said = Stack([Text(who, "label", "heading"),
                  Panel(Text(line.text), bg="surface", border=None, pad=0.6, bar="border")], gap=0.25)
    if line.portrait:
        return Beside(Portrait(line.portrait, line.name or line.speaker), said, 2.8, 0.7)
    return said


def lines_block(scene: Scene) -> Block:
    return Stack([line_block(line) for line in scene.lines], gap=0.9)


def discussion(prompt: str, look: Look) -> Block:
    """The facilitator's question: prominent on a projector, present on a desktop."""
    prominent = look.metrics.profile.projector
    body = Text(prompt, "heading" if prominent else "body", "text", bold=False)
    title = icon_text("speech", "discussion_border", "For discussion", "label" if not prominent else "heading",
                      text_colour="heading", bold=True)
    return Panel(Stack([title, body], gap=0.4), bg="discussion", border="discussion_border",
                 pad=1.0 if prominent else 0.8, bar="discussion_border", border_em=0.12 if prominent else None)


def scene_speech(scene: Scene) -> str:
    """The scene as the terminal player words it, card included, with signs said as words."""
    return wording.speakable("\n".join(line for line in wording.scene(scene) if line))


# --- feedback ------------------------------------------------------------------------------------------

def keep_together(label: str) -> str:
    """'Conditions of practice order — 12\u00a0months': a number never wraps away from its unit."""
    return re.sub(r"(\d+) (months?|years?)", "\\1\u00a0\\2", label)


def effect_words(e: Effect) -> str:
    """'Standard 2 · Confidentiality — breached (−2)': number, short title, verdict in words, and the sign."""
    return wording.effect(e.standard, e.short, e.delta)


def effect_kind(e: Effect) -> str:
    return wording.verdict(e.delta).key


def effect_row(e: Effect, reasons: bool = True) -> Block:
    kind = effect_kind(e)
    row = Beside(Icon(kind, kind, "body", 1.1), Text(effect_words(e), "body", kind, bold=True), 1.5, 0.5)
    if reasons and e.reason:
        return Stack([row, Beside(Block(), Text(e.reason, "body", "muted"), 1.5, 0.5)], gap=0.15)
    return row


def feedback_block(fb: Feedback, title: str | None = "What this choice means") -> Block:
    chose = Stack([Text("You chose", "label", "muted"),
                   Panel(Text(fb.choice, "body", "text", italic=True), bg="surface", border=None, pad=0.6,
                         bar="border")], gap=0.4)
    means = Stack([heading(title, "label") if title else None, Text(fb.text)], gap=0.4)
    if fb.effects:
        standards = Stack([heading("Standards", "label"), Stack([effect_row(e) for e in fb.effects], gap=0.6)],
                          gap=0.5)
    else:
        standards = Text("No standard was affected by this choice.", "body", "muted")
    return Stack([chose, means, standards], gap=1.1)


def feedback_speech(fb: Feedback) -> str:
    words = [f"You chose: {fb.choice}", fb.text]
    words += [wording.speakable(effect_words(e)) for e in fb.effects]
    return "\n".join(words)


# --- the outcome ladder -----------------------------------------------------------------------------------

def outcome_panel(ending: Any, decided_by: bool = False) -> Block:
    """'Outcome: Conditions of practice order — 12 months', boxed (and who decided it, on the ending screen)."""
    rows = [Text("Outcome", "label", "muted"), Text(keep_together(ending.outcome_label), "heading", "heading")]
    if decided_by:
        agreed = getattr(ending, "agreed", None)  # an accepted outcome or consent order: say how it was agreed
        rows.append(Text(f"Decided by: {ending.outcome.by}" + (f", {agreed.words}" if agreed else ""), "small", "muted"))
    return Panel(Stack(rows, gap=0.25), bg="surface", border="border", pad=0.9)


def ladder_block(story: Any, reached_id: str, label: str) -> Block:
    """Every rung, best first; the one reached boxed, with a marker and the words "Your outcome"."""
    rows: list[Block] = []
    for outcome in story.ladder.outcomes:
        if outcome.id == reached_id:
            rows.append(Panel(Beside(Icon("marker", "reached_border", "body", 0.8),
                                     Stack([Text(f"Your outcome: {keep_together(label)}", "body", "text",
                                                 bold=True),
                                            Text(outcome.summary, "small", "text")], gap=0.15), 1.3, 0.5),
                              bg="reached", border="reached_border", pad=0.5, border_em=0.12))
        else:
            rows.append(Beside(Icon("rung", "muted", "small"), Text(outcome.title, "small", "muted"), 1.3, 0.5))
    ends = Text("Best at the top, most serious at the bottom.", "small", "muted")
    return Stack([ends, Stack(rows, gap=0.25)], gap=0.4)
