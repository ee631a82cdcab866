"""The play screen: the part of the story being shown (narration, dialogue, the node's card, the
facilitator's prompt) and its choices as large numbered buttons (1-9), or Continue.

While choices are below the fold (1280x720 with a long scene or card), the "More below" cue at the foot of the
view names them ("Choices 3 and 4 below"); number keys choose at once wherever the choice is, and moving the
focus to a choice scrolls it clear of the cue.

On a projector a decision is two slides, as in a group session: the scene (narration and card), then the
decision (the question for the room, every choice in full and the controls), which always fits one screen
(see decision.py). Enter, Space, → or Page Down (what a presentation clicker sends) and the "Show the
decision" button move on; ←, Backspace or Page Up go back to the scene. A number key on the scene slide shows
the decision rather than choosing: nothing is chosen before the room has seen the options.
"""

from __future__ import annotations

from dataclasses import replace

from ..blocks import Bar, Button, Flow, Stack, Text
from ..decision import (
    FITS,
    SCENE_SHRUNK,
    SHRUNK,
    decision_body,
    decision_controls,
    smaller_looks,
    snug,
    usable,
)
from ..embeds import CardBlock
from ..intents import Choose, Proceed, Push
from ..look import Look
from ..page import TOO_SMALL, Page, PageScreen
from ..parts import RoomScene, SceneLayout, discussion, header, lines_block, scene_speech, tool


class PlayScreen(PageScreen):
    name = "play"
    _node: str | None = None
    slide = "scene"  # a decision on a projector: "scene", then "decision"
    _fit = 0  # the decision slide's layout: an index into decision.FITS
    # a scene slide too long for one screen even at the room's smallest text is shown in parts: each part the
    # indices of the scene's lines it shows and whether it shows the card; None: the whole scene on one slide
    _parts: list[tuple[tuple[int, ...], bool]] | None = None
    part = 0  # the part of the scene slide showing
    _part_count = 0  # how many parts the scene had when last laid out (kept while the decision shows)

    # --- slides (projector) ---------------------------------------------------------------------------------

    def two_slides(self, look: Look | None = None) -> bool:
        """Whether this part is shown as two slides, the scene then the decision (a decision on a projector)."""
        look = look or self._look or self.env.look(self.env.size)
        scene = self.env.session.story.scene
        return look.metrics.profile.projector and scene is not None and bool(scene.choices)

    def _has_scene(self) -> bool:
        scene = self.env.session.story.scene
        return bool(scene.lines) or scene.card is not None or bool(self.env.session.problem)

    @property
    def on_decision(self) -> bool:
        return self.slide == "decision" or not self._has_scene()

    def show_decision(self) -> None:
        self._turn("decision")

    def show_scene(self) -> None:
        if self._has_scene():
            self.part = max(0, self._part_count - 1)  # back from the decision: the scene's end
            self._turn("scene")

    @property
    def last_part(self) -> bool:
        return not self._parts or self.part >= len(self._parts) - 1

    def _to_part(self, part: int) -> None:
        self.part, self.scroll, self.focus_id = part, 0, None
        self.refresh()
        self.env.voice.say(self.speech())

    def next_part(self) -> None:
        self._to_part(self.part + 1)

    def _turn(self, slide: str) -> None:
        if slide != self.slide:
            self.slide, self.scroll, self.focus_id = slide, 0, None
            self.refresh()
            self.env.voice.say(self.speech())  # a new slide is read as a new screen is

    def ensure(self, size: tuple[int, int]) -> None:
        """Lay out; on a projector, a slide that would scroll is laid out again until it fits (_fit_decision,
        _fit_scene)."""
        stale = self._stale or size != self._size or self.env.look(size) is not self._wanted_look
        if stale:  # laid out afresh: the whole scene first, then its parts if it needs them
            self._fit, self._parts = 0, None
        super().ensure(size)
        if not stale or not self.two_slides(self._look) or self.max_scroll == 0:
            return
        if self.on_decision:
            self._fit_decision()
        else:
            self._fit_scene()
        self._layer_key = None

    def _fit_decision(self) -> None:
        """The first layout (decision.FITS) that shows the whole decision, at the text size chosen; failing
        that, at the first smaller size that does, down to what the room can read (decision.smaller_looks).
        If none does, the layout that scrolls least is kept, with its scroll bar and "More below" band."""
        scene = self.env.session.story.scene
        chosen = self._look
        best = (self.max_scroll, chosen, self._fit)

        def first_fit(look) -> bool:
            nonlocal best
            for i, fit in enumerate(FITS):
                if (look is chosen and i == 0) or not usable(fit, scene):
                    continue  # the first layout at the chosen size is the one just laid out
                self._relayout(look, i, SHRUNK if look is not chosen else None)
                if self.max_scroll == 0:
                    return True
                best = min(best, (self.max_scroll, look, i), key=lambda b: b[0])
            return False

        if first_fit(chosen):
            return
        # wrapped text's height goes with the square of its size: sizes well above what the shortest layout
        # needs are not tried (each costs every layout)
        view = self.viewport.h
        if any(first_fit(look) for look in smaller_looks(chosen, shrink=1.08 * (view / (view + best[0])) ** 0.5)):
            return
        self._relayout(best[1], best[2], SHRUNK if best[1] is not chosen else None)

    def _fit_scene(self) -> None:
        """A scene slide that scrolls at the text size chosen (200 %, a long opening beside a card) is shown at
        the largest smaller size at which it fits, down to what the room can read. One that does not fit even
        then is shown in parts (_paginate) at the size chosen, or, when at that size the header or the footer
        would scroll away with the text or one paragraph alone would not fit (200 % on a projector), at the
        largest size at which neither happens (a card taller than the screen may still scroll)."""
        chosen, view, scroll, wanted = self._look, self.viewport.h, self.max_scroll, self.part
        fixed = self.fixed_header is not None and self.fixed_footer is not None
        looks = list(smaller_looks(chosen))
        if looks:
            self._relayout(looks[-1], 0, SCENE_SHRUNK)  # the floor: if the scene does not fit there, it never will
            if self.max_scroll == 0:
                for look in smaller_looks(chosen, shrink=1.08 * (view / (view + scroll)) ** 0.5):
                    self._relayout(look, 0, SCENE_SHRUNK)
                    if self.max_scroll == 0:
                        return
        lines = self.env.session.story.scene.lines
        longest_first = sorted(range(len(lines)), key=lambda i: -len(lines[i].text))  # the likeliest misfit first

        def parts_fit(look: Look) -> bool:
            """Whether at this size the header and footer stay put (tried with an empty body: they do not depend
            on it) and every line fits a screen on its own."""
            note = SCENE_SHRUNK if look is not chosen else None
            chrome = [] if look is chosen and fixed else [((), False)]
            for part in chrome + [((i,), False) for i in longest_first]:
                self._parts, self.part = [part], 0
                self._relayout(look, 0, note)
                if not part[0] and (self.fixed_header is None or self.fixed_footer is None):
                    return False
                if part[0] and self.max_scroll > 0:
                    return False
            return True

        candidates = [chosen, *looks]
        paged = next((look for look in candidates if parts_fit(look)), candidates[-1])
        self._parts, self.part = None, wanted  # the trials above laid out single lines as part 0
        self._paginate(paged, SCENE_SHRUNK if paged is not chosen else None)

    def _paginate(self, look: Look, note: str | None) -> None:
        """The scene in parts at the text size chosen: as many of its lines as fit one screen in each, in order,
        then the card, with the last lines when that costs no narration. A part too long even alone (one very
        long paragraph, a tall card) scrolls with its "More below" band."""
        scene = self.env.session.story.scene

        def fits(lines: list[int], card: bool, words_only: bool = False) -> bool:
            """Whether a part shows whole; with words_only, whether its words do (its card may scroll)."""
            self._parts, self.part = [(tuple(lines), card)], 0
            self._relayout(look, 0, note)
            return self.max_scroll == 0 or (words_only and not self._words_below(self.viewport.bottom
                                                                                 - self._cue_room()))

        wanted, parts, current = self.part, [], []
        for i in range(len(scene.lines)):
            if current and not fits([*current, i], False):
                parts.append(current)
                current = []
            current.append(i)
        parts = [(tuple(p), False) for p in parts]
        # the card with the last lines if they fit together, or if the card does not fit even on its own and
        # the lines stay in view beside it (the card scrolls, the narration never does: one slide fewer)
        if scene.card is not None and current and not fits(current, True) \
                and (fits([], True) or not fits(current, True, words_only=True)):
            parts += [(tuple(current), False), ((), True)]
        else:
            parts.append((tuple(current), scene.card is not None))
        self._parts = parts if len(parts) > 1 else None
        self._part_count = len(parts)
        self.part = min(wanted, len(parts) - 1)
        self._relayout(look, 0, note)

    def _relayout(self, look: Look, fit: int, shrunk: str | None) -> None:
        """Lay the page out again with this look and decision layout; `shrunk` says why its text is smaller."""
        self._look, self._fit = look, fit
        self._page = self.build(look)
        note = shrunk or (TOO_SMALL if look is not self._wanted_look else None)
        if note is SCENE_SHRUNK and self._page.footer is not None:  # beside the scene's one button: no line lost
            self._page.footer = Bar(Text(note, "small", "muted"), self._page.footer, min_left_em=8)
        elif note is not None:
            self._page.body = Stack([Text(note, "small", "muted", measure=False), self._page.body], gap=0.4)
        self._layout()

    # --- the page -------------------------------------------------------------------------------------------

    def build(self, look: Look) -> Page:
        session = self.env.session
        story = session.story
        scene = story.scene
        if scene.node != self._node:  # a new part of the story: start at its top, focus its first choice
            self._node, self.scroll, self.focus_id = scene.node, 0, None
            self.slide, self._fit, self._parts, self.part, self._part_count = "scene", 0, None, 0, 0
        tools = []
        if len(story.state.visited) > 1:
            tools.append(tool("Earlier parts", Push("review"), "review"))
        tools += [tool("History", Push("history"), "history"), tool("Menu", Push("pause"), "menu")]
        head = header(scene.title or story.scenario.title, None, tools,
                      context=story.scenario.title if scene.title else None)
        reading: list = [lines_block(scene)] if scene.lines else []
        if session.problem:
            reading.append(Text(f"Autosave failed: {session.problem}", "small", "breached"))
        card = CardBlock(scene.card) if scene.card is not None else None
        text_em = look.measure / look.metrics.body_px
        width_em = text_em + (28 if card is not None else 0)
        if self.two_slides(look):
            if self.on_decision:
                fit = FITS[self._fit]
                back = tool("Back to the scene" if not fit.beside else "The scene", self.show_scene, "scene") \
                    if self._has_scene() else None
                # arriving from the scene slide with Enter, a second Enter must not choose option 1 for the room:
                # the focus starts on the way back; arrows or a number key reach the choices
                self.initial_focus = "scene" if back is not None else "choice-1"
                if fit.beside:  # the controls go under the question, and the choices have the whole height
                    controls = [snug(b) for b in ([back] if back else []) + tools]
                    return Page(body=decision_body(scene, look, fit, controls), width_em=1000, pad_em=0.35,
                                gutter=False)
                return Page(body=decision_body(scene, look, fit, []), footer=decision_controls(back, tools),
                            width_em=1000, pad_em=0.5 if fit.tight else 1.0, gutter=False, centre=True)
            if self._parts:  # the part showing: its lines, and the card if it is the card's part
                lines, with_card = self._parts[min(self.part, len(self._parts) - 1)]
                shown = replace(scene, lines=tuple(scene.lines[i] for i in lines))
                reading[:1] = [lines_block(shown)] if lines else []
                card = card if with_card else None
            if self.last_part:
                onward = Button("Show the decision", self.show_decision, "decision", full=False)
            else:
                onward = Button(f"More of the scene: part {self.part + 2} of {len(self._parts)}", self.next_part,
                                "scene-next", full=False)
            self.initial_focus = onward.id
            # the scene slide has no choices under it: the card may take the wider column if that is shorter
            words = Stack(reading, gap=1.1)
            if card is None:
                scene = SceneLayout(words, None, None)
            else:  # a part of its own: the card alone
                scene = RoomScene(words, card) if reading else card
            return Page(header=head, body=scene,
                        footer=Flow([onward], align="right"), width_em=width_em)
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
        return Page(header=head, body=SceneLayout(Stack(reading, gap=1.1), card, choices), width_em=width_em)

    # --- keys -----------------------------------------------------------------------------------------------

    def _key(self, action: str | None):
        if action is not None and self.two_slides() and self._has_scene():
            forward = action == "right" or (action == "page_down" and self.scroll >= self.max_scroll)
            if self.slide == "scene" and (action.startswith("choose_") or (forward and self.last_part)):
                self.show_decision()
                return None
            if self.slide == "scene" and forward:
                self.next_part()
                return None
            if self.slide == "scene" and self.part > 0 and (action == "left"
                                                            or (action == "page_up" and self.scroll == 0)):
                self._to_part(self.part - 1)
                return None
            if self.slide == "decision" and action in ("left", "review", "page_up"):
                self.show_scene()
                return None
        return super()._key(action)

    def on_action(self, action: str):
        scene = self.env.session.story.scene
        if action.startswith("choose_") and scene is not None:
            n = int(action[-1])
            if 1 <= n <= len(scene.choices):
                return Choose(n)  # always, in view or not: a number key needs nothing extra
        if action == "history":
            return Push("history")
        if action == "review" and len(self.env.session.story.state.visited) > 1:
            return Push("review")
        return None

    def more_below_words(self) -> str:
        """'Choices 3 and 4 below', 'Choice 4 and more of the card below' while choices are out of view (half
        or more) under the page; 'More of the card below' while the card goes on under it; else the page's
        own words."""
        scene = self.env.session.story.scene
        foot = self.viewport.bottom - self._cue_room()
        below = [c.number for c in (scene.choices if scene is not None else ())
                 if (t := self.target(f"choice-{c.number}")) is not None and self.screen_rect(t).centery > foot]
        card = self._card_below(foot)
        if not below:  # the card alone: "More of the card below"; the story's words as well: "More below"
            return "More of the card below" if card and not self._words_below(foot) else super().more_below_words()
        named = f"Choice {below[0]}" if len(below) == 1 else \
            f"Choices {', '.join(map(str, below[:-1]))} and {below[-1]}"
        return f"{named} and more of the card below" if card else f"{named} below"

    def _card_below(self, foot: int) -> bool:
        """Whether the scene's card goes on under the foot of the view (a fourth search result, a third
        comment: later parts may refer to them)."""
        top = self.viewport.y - self.scroll + self.content_pad + self.body_top
        return any(isinstance(block, CardBlock) and top + y + block.h > foot
                   for block, _x, y in self._body.walk(self.content_x, 0))

    def _words_below(self, foot: int) -> bool:
        """Whether the scene's own words (narration, a speaker's line, the prompt) go on under the foot of the
        view, outside the card: on a projector's scene slide the narration can run on beside a long card."""
        top = self.viewport.y - self.scroll + self.content_pad + self.body_top
        return any(isinstance(block, Text) and top + y + block.h > foot
                   for block, _x, y in self._body.walk(self.content_x, 0))

    def back(self):
        return Push("pause")

    def speech(self) -> str:
        scene = self.env.session.story.scene
        if scene is None:
            return ""
        if self.two_slides():
            if self.on_decision:
                return scene_speech(replace(scene, title=None, lines=(), card=None))
            shown = replace(scene, prompt=None, choices=())
            if self._parts:
                lines, with_card = self._parts[min(self.part, len(self._parts) - 1)]
                shown = replace(shown, lines=tuple(scene.lines[i] for i in lines),
                                card=scene.card if with_card else None)
            onward = "the decision" if self.last_part else "more of the scene"
            return scene_speech(shown) + f"\nNext: {onward}. Press Enter."
        return scene_speech(scene)
