"""Help: how to play with the keyboard or the mouse alone, and what the game is for."""

from __future__ import annotations

from ..blocks import Beside, Block, Button, Stack, Text
from ..intents import Pop
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header, heading

KEYS = [
    ("choose_1", "Choose a numbered choice (1 to 9)"),
    ("activate", "Press the control with the focus ring"),
    ("next", "Move the focus ring (Shift+Tab: back)"),
    ("back", "Go back, or open the menu while playing"),
    ("history", "History: everything shown so far"),
    ("review", "Step back to re-read earlier parts"),
    ("page_down", "Scroll a page down or up; to the start or the end"),
    ("fullscreen", "Full screen on or off"),
    ("speak", "Read the screen aloud again (self-voicing)"),
]


class HelpScreen(PageScreen):
    name = "help"
    initial_focus = "back"

    def build(self, look: Look) -> Page:
        keymap = self.env.keymap
        rows: list[Block] = []
        for action, words in KEYS:
            keys = ", ".join(keymap.keys_for(action)) or "(none)"
            if action == "choose_1":
                keys = "1 to 9"
            elif action == "page_down":
                keys = "Page Down, Page Up, Home, End"
            rows.append(Beside(Text(keys, "body", "heading", bold=True), Text(words), 9, 1.0))
        rows.append(Beside(Text("Arrows", "body", "heading", bold=True),
                           Text("Move the focus ring up, down, left and right"), 9, 1.0))
        body = Stack([
            Text("Crossing Paths lets you practise the decisions social media brings to social work: friend "
                 "requests from service users, posts about cases, your own privacy settings. Each choice is "
                 "weighed against your professional standards, and each ending is an outcome a regulator or "
                 "employer could reach."),
            heading("Keyboard"), Stack(rows, gap=0.5),
            heading("Mouse"),
            Text("Point and click any control. The wheel scrolls; you can also drag the scrollbar."),
            heading("Fonts"),
            Text("Atkinson Hyperlegible (Braille Institute) is under the SIL Open Font Licence; OpenDyslexic "
                 "is under CC-BY 3.0 with the Bitstream Vera licence; emoji are drawn with Noto Color Emoji "
                 "(Google), under the SIL Open Font Licence (assets/fonts/).", "small", "muted"),
        ], gap=0.9)
        return Page(header=header("Help"), body=body, footer=footer([Button("Back", Pop(), "back", full=False)]),
                    width_em=44)

    def on_action(self, action: str):
        return Pop() if action == "help" else None

    def speech(self) -> str:
        return "Help. " + ". ".join(words for _, words in KEYS)
