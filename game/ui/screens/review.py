"""Review: step back through earlier parts to re-read them. Scored choices stay locked: shown (with the
one taken marked) but not choosable. Restart is the way to choose again."""

from __future__ import annotations

from ..blocks import Button, Stack, Text, icon_text
from ..embeds import CardBlock
from ..intents import Pop
from ..look import Look
from ..page import Page, PageScreen
from ..parts import SceneLayout, discussion, footer, header, lines_block, scene_speech


class ReviewScreen(PageScreen):
    name = "review"
    initial_focus = "earlier"

    def __init__(self, env, index: int | None = None):
        super().__init__(env)
        entries = self.env.session.story.history()
        # start one step back from where the player is
        self.index = max(0, len(entries) - 2) if index is None else max(0, min(index, len(entries) - 1))

    def _go(self, delta: int):
        def move():
            entries = self.env.session.story.history()
            self.index = max(0, min(len(entries) - 1, self.index + delta))
            self.scroll = 0
            self.refresh()
            return None
        return move

    def build(self, look: Look) -> Page:
        story = self.env.session.story
        entries = story.history()
        entry = entries[self.index]
        scene = entry.scene
        node = story.scenario.nodes[scene.node]
        parts: list = [lines_block(scene)] if scene.lines else []
        if scene.prompt:
            parts.append(discussion(scene.prompt, look))
        locked = None
        if node.choices and entry.step is None:  # where the player is now: choosing happens in the story
            locked = Text("This is where you are now: go back to the story to choose.", "body", "muted")
        elif node.choices:
            note = icon_text("lock", "muted", "Choices are locked: restart the scenario to choose again.",
                             "small", text_colour="muted")
            rows = []
            # numbered as the player saw them: only the choices that were offered, in order
            for number, index in enumerate(entry.step.offered, 1):
                if index >= len(node.choices):
                    continue
                taken = entry.step.choice == index
                content = Stack([Text(node.choices[index].text),
                                 icon_text("check", "upheld", "You chose this", "small", text_colour="text")
                                 if taken else None], gap=0.3)
                rows.append(Button(content, None, f"locked-{number}", number=number, locked=True))
            locked = Stack([note, Stack(rows, gap=0.5)], gap=0.6)
        card = CardBlock(scene.card) if scene.card is not None else None
        body = SceneLayout(Stack(parts, gap=1.0), card, locked)
        earlier = Button("Earlier", self._go(-1), "earlier", full=False, enabled=self.index > 0)
        later = Button("Later", self._go(1), "later", full=False, enabled=self.index < len(entries) - 1)
        back = Button("Back to the story", Pop(), "back", full=False)
        sub = f"Part {self.index + 1} of {len(entries)}" + (f" · {scene.title}" if scene.title else "")
        return Page(header=header("Earlier parts", sub, context=story.scenario.title), body=body, footer=footer([earlier, later, back]),
                    width_em=look.measure / look.metrics.body_px + (28 if scene.card else 0))

    def on_action(self, action: str):
        if action == "review":
            return self._go(-1)()
        return None

    def speech(self) -> str:
        entry = self.env.session.story.history()[self.index]
        return "Earlier part. " + scene_speech(entry.scene)
