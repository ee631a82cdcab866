"""The play screen: the part of the story being shown (narration, dialogue, the node's card, the
facilitator's prompt) and its choices as large numbered buttons (1-9), or Continue."""

from __future__ import annotations

from ..blocks import Button, Stack, Text
from ..embeds import CardBlock
from ..intents import Choose, Proceed, Push
from ..look import Look
from ..page import Page, PageScreen
from ..parts import SceneLayout, discussion, header, lines_block, scene_speech, tool


class PlayScreen(PageScreen):
    name = "play"
    _node: str | None = None

    def build(self, look: Look) -> Page:
        session = self.env.session
        story = session.story
        scene = story.scene
        if scene.node != self._node:  # a new part of the story: start at its top, focus its first choice
            self._node, self.scroll, self.focus_id = scene.node, 0, None
        tools = []
        if len(story.state.visited) > 1:
            tools.append(tool("Earlier parts", Push("review"), "review"))
        tools += [tool("History", Push("history"), "history"), tool("Menu", Push("pause"), "menu")]
        head = header(scene.title or story.scenario.title, None, tools,
                      context=story.scenario.title if scene.title else None)
        reading: list = [lines_block(scene)] if scene.lines else []
        if session.problem:
            reading.append(Text(f"Autosave failed: {session.problem}", "small", "breached"))
        if scene.prompt:
            reading.append(discussion(scene.prompt, look))
        if scene.choices:
            choices = Stack([Text("What do you do?", "label", "heading"),
                             Stack([Button(Text(c.text, measure=True), Choose(c.number), f"choice-{c.number}",
                                           number=c.number) for c in scene.choices], gap=0.6)], gap=0.7)
            self.initial_focus = "choice-1"
        else:
            choices = Button("Continue", Proceed(), "continue", full=False)
            self.initial_focus = "continue"
        card = CardBlock(scene.card) if scene.card is not None else None
        body = SceneLayout(Stack(reading, gap=1.1), card, choices)
        text_em = look.measure / look.metrics.body_px
        return Page(header=head, body=body, width_em=text_em + (28 if card is not None else 0))

    def on_action(self, action: str):
        scene = self.env.session.story.scene
        if action.startswith("choose_") and scene is not None:
            n = int(action[-1])
            if 1 <= n <= len(scene.choices):
                return Choose(n)
        if action == "history":
            return Push("history")
        if action == "review" and len(self.env.session.story.state.visited) > 1:
            return Push("review")
        return None

    def back(self):
        return Push("pause")

    def speech(self) -> str:
        scene = self.env.session.story.scene
        return scene_speech(scene) if scene else ""
