"""A decision as a projector slide (issue 10): the question for the room, every numbered choice in full and
the controls, on one screen and never scrolled. The scene (narration and card) is the slide before it, so
the two never compete for the screen.

Text is never made smaller than the profile's body size to fit. Instead the slide is laid out in turn with
less generous spacing (FITS, most generous first) and the play screen keeps the first that fits: the question
at body size rather than heading size, tighter boxes, gaps and leading, then the question beside the choices,
which leaves the choices the most lines. Short choices may also sit in two columns (1 and 2 on the left, 3 and
4 on the right), which halves their height.

Only when no layout fits at the chosen text size (200 % text, a small screen) is the text stepped down
(smaller_looks), never below what the room can read from the back: body text 1/22 of the screen height (the
projector profile's rule, game/data/profiles.yaml). The slide then says that nothing is hidden. A decision that
does not fit even then keeps the scroll bar and the "More below" band.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace

from game.engine.story import Scene

from .blocks import Bar, Block, Button, Columns, Flow, Panel, Stack, Text, icon_text
from .intents import Choose
from .look import Look
from .parts import discussion


@dataclass(frozen=True)
class Fit:
    question: str  # the question's text role: "heading" (prominent) or "body"
    tight: bool  # snug boxes, gaps and leading
    beside: bool  # the question to the left of the choices rather than above them
    left_em: float = 8.0  # beside: the question's column at least this wide (a long question wants more)
    columns: int = 1  # 2: the choices in two columns (only when every choice is short)


FITS = (Fit("heading", False, False), Fit("heading", True, False), Fit("body", False, False),
        Fit("body", True, False), Fit("heading", True, False, columns=2), Fit("body", True, False, columns=2),
        *(Fit("body", True, True, em) for em in (8.0, 10.0, 12.0, 14.0)))

# a choice this long (characters) reads badly in half the width: such a decision keeps one column
SHORT_CHOICE = 110

SHRUNK = "Text made smaller so the whole decision fits on one screen: nothing is hidden."
SCENE_SHRUNK = "Text made smaller so the scene fits the screen: nothing is hidden."


def usable(fit: Fit, scene: Scene) -> bool:
    """Whether a layout suits this decision: two columns only for short choices, and more than two of them."""
    return fit.columns == 1 or (len(scene.choices) > 2 and all(len(c.text) <= SHORT_CHOICE for c in scene.choices))


def room_floor_px(height: int) -> int:
    """The smallest body text the back of a room can read: 1/22 of the screen's height (the projected picture
    is the same size whatever its resolution, so the rule is a share of the height, not pixels)."""
    return math.ceil(height / 22)


def smaller_looks(look: Look, shrink: float = 1.0, step: float = 0.88) -> Iterator[Look]:
    """The same look with the text a step smaller each time, down to (never below) room_floor_px. Steps that
    keep the text bigger than `shrink` times its size are skipped: the caller knows that they cannot fit."""
    m = look.metrics
    floor = room_floor_px(m.height)
    unscaled = m.body_px / m.scale
    lowest = floor / unscaled  # the scale that gives the floor exactly
    scale = m.scale
    while scale > lowest:
        scale = max(lowest, scale * step)
        if scale > m.scale * shrink and scale > lowest:
            continue
        smaller = Look(replace(m, scale=scale), look.theme, look.fonts, look.lines, look.assets)
        if smaller.metrics.body_px < floor:  # rounding: never below the floor
            return
        yield smaller


class SnugText(Text):
    """Text with the font's own line height: the leading is tightened, never the letters."""

    def layout(self, look: Look, width: int) -> None:
        super().layout(look, width)
        self._lh = self._font_obj.get_height()
        self.h = len(self.lines) * self._lh


class SnugTool(Button):
    """A control with less padding (still a full target high and wide)."""

    pad_em = (0.5, 0.12)


class SnugChoice(Button):
    """A choice button with less padding and a smaller number badge (still a full target high)."""

    pad_em = (0.5, 0.12)
    badge_em, badge_gap_em = 1.35, 0.4


def choice_buttons(scene: Scene, fit: Fit) -> Block:
    """Every choice in full, numbered; on a projector the lines run the width of the screen (the room reads
    a wide line more easily than a long column)."""
    if fit.tight:
        buttons = [SnugChoice(SnugText(c.text, measure=False), Choose(c.number), f"choice-{c.number}",
                              number=c.number) for c in scene.choices]
    else:
        buttons = [Button(Text(c.text, measure=False), Choose(c.number), f"choice-{c.number}", number=c.number)
                   for c in scene.choices]
    gap = 0.25 if fit.tight else 0.6
    if fit.columns == 2:  # read down then across, as a list is: 1 and 2 on the left, 3 and 4 on the right
        half = (len(buttons) + 1) // 2
        return Columns([(Stack(buttons[:half], gap=gap), 10, 1), (Stack(buttons[half:], gap=gap), 10, 1)],
                       gap=0.6, stack_gap=gap)
    return Stack(buttons, gap=gap)


def question(prompt: str | None, look: Look, fit: Fit) -> Block:
    """The facilitator's question, labelled "For discussion"; "What do you do?" when the node has none."""
    if not prompt:
        return Text("What do you do?", "heading", "heading")
    if fit.question == "heading":
        return discussion(prompt, look)
    words = SnugText(prompt, "body", "text", bold=False, measure=False) if fit.tight \
        else Text(prompt, "body", "text", bold=False, measure=False)
    title = Text("For discussion", "body", "heading", bold=True) if fit.beside else \
        icon_text("speech", "discussion_border", "For discussion", "body", text_colour="heading", bold=True)
    return Panel(Stack([title, words], gap=0.15 if fit.tight else 0.3), bg="discussion",
                 border="discussion_border", pad=0.45 if fit.tight else 0.7, bar="discussion_border",
                 border_em=0.12)


def decision_body(scene: Scene, look: Look, fit: Fit, controls: list[Button]) -> Block:
    """The question, then the choices; beside them, the question with the controls under it."""
    ask = question(scene.prompt, look, fit)
    choices = choice_buttons(scene, fit)
    if fit.beside:
        left = Stack([ask, Flow(controls, gap=0.3)], gap=0.5)
        return Columns([(left, fit.left_em, 1), (choices, 20, 4)], gap=0.6)
    if fit.tight:
        return Stack([ask, choices], gap=0.5)
    heading = Text("What do you do?", "label", "heading") if scene.prompt else None
    return Stack([ask, Stack([heading, choices], gap=0.5)], gap=0.9)


def snug(button: Button) -> Button:
    """The same control, with less padding."""
    return SnugTool(button.content, button.intent, button.id, full=False)


def decision_controls(back: Button | None, tools: list[Button]) -> Block:
    """The way back to the scene on the left, the screen's tools on the right, in one row."""
    return Bar(Flow([back]), Flow(tools, gap=0.5, align="right"), min_left_em=6)
