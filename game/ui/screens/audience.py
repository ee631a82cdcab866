"""The room's view of a group session: slides drawn only from a Slide (the session's AudienceState,
and at the ending the group's path without notes), never from the session itself.

Scene: the narration and the card. Decision: the question, the numbered options, "votes in" and the timer,
always on one screen (the text shrinks until it fits; never the scroll bar). Reveal: a bar per option with
its number, words, count and percentage, and the majority or the tie in words. Feedback: the chosen
option's, and on demand every option's side by side. Ending: the solo ending, its debrief, then the
group's path with the vote at every decision.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from game.engine import wording

from ..blocks import Beside, Block, Columns, Panel, Stack, Text
from ..embeds import CardBlock
from ..group_run import PATH_PER_SLIDE, ending_pages, slide_name
from ..groupblocks import HOW_WORDS, TimerBlock, numbered, result_words, vote_bars
from ..groupkeys import end_question, group_intent
from ..inplace import InPlace
from ..joinblocks import join_corner, join_slide
from ..look import Look
from ..page import Page, PageScreen
from ..parts import (
    RoomScene,
    SceneLayout,
    effect_row,
    header,
    heading,
    ladder_block,
    line_block,
    outcome_panel,
)

FIT_PHASES = ("decision", "closed", "revealed")
def turnout_words(state) -> str:
    return f"Votes in: {state.votes_in}" if state.voting_open else f"Voting is closed. Votes in: {state.votes_in}"


def shows_timer(timer) -> bool:
    return timer is not None and (timer.running or timer.remaining < timer.length)


class AudienceScreen(InPlace, PageScreen):
    name = "audience"
    help_screen = "group_help"

    def __init__(self, env, feed):
        super().__init__(env)
        self.feed = feed  # () -> Slide
        self.slide = feed()
        self._turnout: Text | None = None  # the decision's live blocks, repainted in place (_in_place)
        self._timer: TimerBlock | None = None

    def update(self, dt: float) -> None:
        slide = self.feed()
        if slide != self.slide:
            if self._in_place(slide):
                return
            if slide.state.phase != self.slide.state.phase or slide.page != self.slide.page:
                self.scroll = 0
            self.slide = slide
            self.refresh()

    def _in_place(self, slide) -> bool:
        """Only the timer's shown second or the number of votes in changed: change those blocks and repaint
        just their rectangles over the cached slide, without rebuilding it (a tick at 4K: a few small blits)."""
        old, new = self.slide.state, slide.state
        if new.phase not in ("decision", "closed") or replace(slide, state=old) != self.slide \
                or replace(new, timer=old.timer, votes_in=old.votes_in) != old:
            return False
        live: list[Block] = []
        if new.votes_in != old.votes_in:
            if self._turnout is None:
                return False
            self._turnout.text = turnout_words(new)
            live.append(self._turnout)
        if new.timer != old.timer:
            timer = self._timer
            if timer is None or not shows_timer(new.timer):
                return False
            timer.remaining, timer.running, timer.finished = new.timer.remaining, new.timer.running, new.timer.finished
            live.append(timer)
        if not self.repaint(live):
            return False  # the caller rebuilds the slide, from the new one
        self.slide = slide
        return True

    def handle_event(self, event):
        state = self.slide.state
        intent = group_intent(event, state.phase, state.all_feedback is not None)
        return intent if intent is not None else super().handle_event(event)

    def back(self):
        return end_question()

    # --- fitting ----------------------------------------------------------------------------------------

    def ensure(self, size: tuple[int, int]) -> None:
        """Lay out; then, while the page scrolls, shrink the text: a decision down to whatever fits (it is
        one screen, always), other slides to 60 % (then they scroll)."""
        stale = self._stale or size != self._size or self.env.look(size) is not self._wanted_look
        super().ensure(size)
        if not stale or self.max_scroll <= 0:
            return
        look = self._look
        base = look.metrics.scale
        state = self.slide.state
        floor = base * (0.25 if state.phase in FIT_PHASES else 0.45 if state.all_feedback else 0.6)
        scale = base
        for _ in range(24):
            if self.max_scroll <= 0 or scale <= floor:
                break
            ratio = (self.viewport.h - 2 * self.content_pad) / max(1, self.content_h - 2 * self.content_pad)
            scale = max(floor, scale * max(0.8, min(0.96, ratio ** 0.5)))
            look = Look(replace(look.metrics, scale=scale), look.theme, look.fonts, look.lines, look.assets)
            self._look = look
            self._page = self.build(look)
            self._layout()
        self._layer_key = None

    # --- slides -----------------------------------------------------------------------------------------

    def build(self, look: Look) -> Page:
        slide = self.slide
        state = slide.state
        phase = state.phase
        if slide.join_slide and slide.join is not None:
            title, body = "Join the vote", join_slide(slide.join)
        elif phase == "ending":
            title, body = self._ending(look)
        elif phase == "scene":
            title, body = state.title or "The story so far", self._scene(look)
        elif phase == "feedback" and state.all_feedback:
            title, body = "What every option would have meant", self._feedback(look)
        elif phase == "feedback":
            title, body = "What the group chose", self._feedback(look)
        else:
            title, body = state.title or "Decision", self._decision(look)
        if slide.peek is not None:
            body = Stack([self._peek(slide.peek), body], gap=1.0)
        wide = (phase in FIT_PHASES or phase == "ending" or (phase == "feedback" and state.all_feedback)
                or slide.join_slide)
        width = 80 if wide else 60
        return Page(header=header(title), body=body, width_em=width)

    def _scene(self, look: Look) -> Block:
        state = self.slide.state
        words = Stack([line_block(line) for line in state.lines], gap=0.9) if state.lines else Block()
        if state.card is None:
            return SceneLayout(words, None, None)
        return RoomScene(words, CardBlock(state.card))

    def _decision(self, look: Look) -> Block:
        state = self.slide.state
        question = Text(state.question or "What do you do?", "heading", "heading")
        if state.phase == "revealed" and state.split is not None:
            total = sum(r.count for r in state.split)
            options = Stack([vote_bars(state.split, state.majority, state.tied),
                             Text(result_words(state.majority, state.tied, total), "heading", "heading")], gap=0.8)
            return Stack([question, options, Text(f"Votes in: {total}", "body", "muted")], gap=0.9)
        options = Stack([numbered(o.number, o.text) for o in state.options], gap=0.6)
        hint = "Vote by number" if state.voting_open else "The result comes next"
        self._turnout = Text(turnout_words(state), "heading", "heading")
        self._timer = None
        side: list[Block] = [self._turnout, Text(hint, "body", "muted")]
        if shows_timer(state.timer):
            self._timer = TimerBlock(state.timer.remaining, state.timer.running, state.timer.finished)
            side.append(self._timer)
        if self.slide.join is not None and state.voting_open:  # latecomers: small, under the turnout
            side.append(join_corner(self.slide.join))
        return Stack([question, Columns([(options, 18, 3), (Stack(side, gap=0.5), 10, 1)], gap=1.5)], gap=1.0)

    def _feedback(self, look: Look) -> Block:
        state = self.slide.state
        chosen = next((o for o in state.options if o.number == state.chosen), None)
        how = HOW_WORDS.get(state.how or "", "")
        head = Stack([Text(f"The group chose option {state.chosen}" + (f", {how}" if how else "") + ".",
                           "label", "muted"),
                      numbered(state.chosen or 0, chosen.text if chosen else "", "heading")], gap=0.4)
        if state.all_feedback:
            # the slide's title says what it is and the chosen column says so in words: no line above the
            # columns repeats either, so the feedback itself gets the room (and a larger size)
            columns = []
            for fb in state.all_feedback:
                mark = Text("The group's choice", "label", "heading") if fb.number == state.chosen else None
                col = Panel(Stack([numbered(fb.number, fb.text), mark,
                                   Text(fb.feedback.text),
                                   Stack([effect_row(e, reasons=False) for e in fb.feedback.effects], gap=0.3)],
                                  gap=0.5), bg="surface", border="text" if fb.number == state.chosen else "border",
                            pad=0.6)
                columns.append((col, 9, 1))
            return Columns(columns, gap=0.8)
        fb = state.feedback
        if fb is None:
            return head
        effects = (Stack([effect_row(e) for e in fb.effects], gap=0.5) if fb.effects
                   else Text("No standard was affected by this choice.", "body", "muted"))
        return Stack([head, Text(fb.text), effects], gap=1.0)

    def _ending(self, look: Look) -> tuple[str, Block]:
        slide = self.slide
        ending = slide.state.ending
        if slide.page == 0:
            # the ladder in the played framework's words (Social Work England's "Warning", not "Caution order")
            ladder = SimpleNamespace(ladder=ending.ladder or self.env.ladder())
            told = Stack([Text(ending.title, "title", "heading"), Text(ending.text), outcome_panel(ending)], gap=0.9)
            rungs = ladder_block(ladder, ending.outcome.id, ending.outcome_label)
            return "The ending", Columns([(told, 16, 3), (rungs, 14, 2)], gap=1.5)
        if slide.page == 1:
            d = ending.debrief
            # two columns (the story; the standards and the questions): one column used half the screen
            # and scrolled at 60 % size
            parts: list[Block | None] = [heading("What happened"), Text(d.what_happened)]
            if d.why:
                parts += [heading("Why"), Text(d.why)]
            side: list[Block | None] = []
            if slide.scores:
                side.append(heading("The standards"))
                side += [Text(wording.standing(sid, title, score)) for sid, title, score in slide.scores]
            if d.reflection:
                side.append(heading("Questions for the room"))
                side += [Beside(Text(f"{i}.", "body", "heading", bold=True), Text(q), 1.4, 0.3)
                         for i, q in enumerate(d.reflection, 1)]
            if not side:
                return "Debrief", Stack(parts, gap=0.5)
            return "Debrief", Columns([(Stack(parts, gap=0.5), 14, 1), (Stack(side, gap=0.5), 14, 1)], gap=1.5)
        steps: list[Block] = []
        first = (slide.page - 2) * PATH_PER_SLIDE
        for step in slide.path[first:first + PATH_PER_SLIDE]:
            total = sum(step.votes)
            rows = [SimpleNamespace(number=n, text=text, count=c, percent=100.0 * c / total if total else 0.0)
                    for n, (text, c) in enumerate(zip(step.options, step.votes, strict=False), 1)]
            how = HOW_WORDS.get(step.how or "", "")
            top = max(step.votes, default=0)
            winners = tuple(n for n, c in enumerate(step.votes, 1) if top and c == top)
            majority, tied = (winners[0], ()) if len(winners) == 1 else (None, winners)
            steps.append(Stack([Text(f"{step.number}. {step.question}", "body", "heading", bold=True),
                                vote_bars(rows, majority, tied),
                                Text(f"Chosen: option {step.chosen}, {how}." if step.chosen else "Not decided.",
                                     "body", "muted")], gap=0.4))
        if not steps:
            steps.append(Text("The group made no decisions on the way.", "body", "muted"))
        pages = ending_pages(len(slide.path))
        return slide_name(slide.page, pages).capitalize(), Stack(steps, gap=1.2)

    def _peek(self, notes) -> Block:
        rows: list[Block] = [Text("The room can see this: your notes are on the shared screen while you hold V.",
                                  "heading", "selected_text")]
        rows += [Text(f"• {p}", "body", "selected_text") for p in notes.points]
        if notes.model_answer:
            rows.append(Text(f"Model answer: {notes.model_answer}", "body", "selected_text"))
        if notes.timing:
            rows.append(Text(f"Timing: {notes.timing}", "body", "selected_text"))
        return Panel(Stack(rows, gap=0.3), bg="selected", border="text", pad=0.7, border_em=0.15)

    def speech(self) -> str:
        return ""
