"""The facilitator's console (the laptop, desktop profile): the notes, turnout, the counts per option
(typed, + and −, clicker keys), the timer, and every step of the session by mouse or key. The split
shows here before the reveal only when the facilitator turns it on; the room never sees it early."""

from __future__ import annotations

import math

import pygame

from game.engine import wording

from ..blocks import Block, Button, Columns, Flow, Panel, Stack, Text
from ..group_run import ending_pages, slide_name
from ..groupblocks import HOW_WORDS, clock, numbered
from ..groupkeys import end_question, group_intent
from ..intents import (
    GroupAllFeedback,
    GroupDecide,
    GroupNext,
    GroupReveal,
    GroupSetCount,
    GroupShowSplit,
    GroupSummary,
    GroupTimer,
    GroupVote,
    GroupVoting,
    PhoneRemove,
    Push,
)
from ..look import Look
from ..page import Page, PageScreen
from ..parts import header, heading, tool
from .console_phones import phone_state, phones_panel

ON_SCREEN = {"scene": "the scene", "decision": "the decision, voting open", "closed": "the decision, voting closed",
             "revealed": "the vote chart", "feedback": "the feedback of the group's choice", "ending": "the ending"}
MAX_DIGITS = 6


class ConsoleScreen(PageScreen):
    name = "console"
    help_screen = "group_help"

    def __init__(self, env, run):
        super().__init__(env)
        self.run = run
        self.entry: tuple[str, int, str] | None = None  # ("count", option, digits) or ("folder", 0, text)
        self._seen: tuple | None = None

    # --- keeping up with the session ----------------------------------------------------------------------

    def _state(self) -> tuple:
        run, s = self.run, self.run.session
        now = run.now()
        return (s.phase, s.counts, s.votes_in, math.ceil(s.timer.remaining(now) - 1e-6), s.timer.running,
                run.notice, run.show_split, self.entry, s.all_feedback, run.page, s.save_problem,
                s.scene.node if s.scene is not None else None, len(s.decisions), phone_state(run))

    def update(self, dt: float) -> None:
        seen = self._state()
        if seen != self._seen:
            if self._seen is not None and seen[0] != self._seen[0]:
                self.entry = None
            self._seen = seen
            self.refresh()

    # --- keys ---------------------------------------------------------------------------------------------

    def handle_event(self, event):
        if self.entry is not None and event.type in (pygame.KEYDOWN, pygame.TEXTINPUT):
            return self._typing(event)
        s = self.run.session
        intent = group_intent(event, s.phase, s.all_feedback)
        return intent if intent is not None else super().handle_event(event)

    def _typing(self, event):
        kind, option, text = self.entry
        if event.type == pygame.TEXTINPUT:
            if kind in ("count", "phone"):
                text = (text + "".join(ch for ch in event.text if ch.isdigit()))[:MAX_DIGITS]
            else:
                text = (text + event.text)[:400]
            self.entry = (kind, option, text)
        elif event.key == pygame.K_BACKSPACE:
            self.entry = (kind, option, text[:-1])
        elif event.key == pygame.K_ESCAPE:
            self.entry = None
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.entry = None
            if kind == "count":
                return GroupSetCount(option, int(text)) if text else None
            if kind == "phone":
                return PhoneRemove(int(text)) if text else None
            return GroupSummary(text.strip() or None)
        self.refresh()
        return None  # while typing, no other key acts

    def _start_typing(self, kind: str, option: int = 0):
        def start():
            self.entry = (kind, option, "")
            self.refresh()
            return None
        return start

    def back(self):
        return end_question()

    # --- the page -----------------------------------------------------------------------------------------

    def build(self, look: Look) -> Page:
        run, s = self.run, self.run.session
        phase = s.phase
        pages = ending_pages(len(s.decisions))
        where = ON_SCREEN[phase] if phase != "ending" else slide_name(run.page, pages)
        if run.join_slide:
            where = "how to join with phones (N goes back to the slide)"
        tools = [tool("Help (F1)", Push("group_help"), "help"), tool("End session (Esc)", end_question(), "end")]
        head = header("Group session: console", f"The room sees {where}", tools, context=s.story.scenario.title)
        # the next step first, then what was said about the last one, then the votes and the timer
        left: list[Block | None] = [self._place(look), self._steps()]
        if self.entry is not None and self.entry[0] == "folder":
            left.append(Panel(Text(f"Folder: {self.entry[2]}▏  (Enter writes there, Esc cancels)", "body", "text"),
                              bg="surface", border="focus_ring", pad=0.6))
        if self.entry is not None and self.entry[0] == "phone":
            left.append(Panel(Text(f"Remove phone number: {self.entry[2]}▏  (Enter removes it, Esc cancels)",
                                   "body", "text"), bg="surface", border="focus_ring", pad=0.6))
        if run.notice:
            left.append(Panel(Text(run.notice, "body", "text"), bg="discussion", border="discussion_border", pad=0.6))
        if s.current is not None and phase in ("decision", "closed", "revealed"):
            left += [self._timer(), self._votes(look)]
        # phones first: the toggle and the room code are in view without scrolling; the notes follow
        right = Stack([phones_panel(run, self._start_typing("phone")), self._notes()], gap=1.0)
        body = Columns([(Stack(left, gap=1.0), 22, 3), (right, 14, 2)], gap=1.5)
        return Page(header=head, body=body, width_em=74)

    def _place(self, look: Look) -> Block:
        s = self.run.session
        if s.phase == "ending":
            e = s.story.ending
            return Stack([heading("The ending"), Text(f"{e.title}: {e.outcome_label}")], gap=0.3)
        current = s.current
        if current is not None:
            title = current.question
            decided = (f"Chosen: option {current.chosen}, {HOW_WORDS.get(current.how or '', '')}."
                       if current.chosen else None)
            return Stack([Text(f"Decision {len(s.decisions) + (0 if current.chosen else 1)}", "label", "muted"),
                          heading(title), Text(decided, "body", "text") if decided else None], gap=0.3)
        scene = s.scene
        return Stack([Text("Scene", "label", "muted"), heading(scene.title or "The story so far")], gap=0.3)

    def _votes(self, look: Look) -> Block:
        run, s = self.run, self.run.session
        current = s.current
        revealed = s.phase == "revealed"
        counting = s.phase in ("decision", "closed")
        counts = s.counts or ()
        rows: list[Block] = []
        for n, text in enumerate(current.options, 1):
            if self.entry is not None and self.entry[:2] == ("count", n):
                shown = f"Typing a count: {self.entry[2]}▏ (Enter sets it, Esc cancels)"
            elif revealed or run.show_split:
                c = counts[n - 1] if n <= len(counts) else 0
                shown = wording.plural(c, "vote")
            else:
                shown = "count hidden"
            controls: list[Button | None] = [  # counts change only while counting: after the reveal, choose
                Button(wording.MINUS, GroupVote(n, -1), f"minus-{n}", full=False) if counting else None,
                Button("+", GroupVote(n, 1), f"plus-{n}", full=False) if counting else None,
                Button("Type a count", self._start_typing("count", n), f"type-{n}", full=False) if counting else None,
                Button("Choose this", GroupDecide(n), f"choose-{n}", full=False),
            ]
            rows.append(Stack([numbered(n, text), Flow([Text(shown, "body", "heading", bold=True, measure=False),
                                                       *controls], gap=0.5)], gap=0.3))
        turnout = Text(f"Votes in: {s.votes_in}", "heading", "heading")
        split = Button("Split shown here" if run.show_split else "Show the split here (not to the room)",
                       GroupShowSplit(not run.show_split), "split", full=False, selected=run.show_split)
        return Stack([turnout, Stack(rows, gap=0.7), split if not revealed else None], gap=0.7)

    def _timer(self) -> Block:
        run, s = self.run, self.run.session
        left = s.timer.remaining(run.now())
        state = "time is up" if left <= 0 else ("running" if s.timer.running else "paused")
        return Stack([Text(f"Timer: {clock(left)} ({state})", "body", "heading", bold=True),
                      Flow([Button("Pause (T)" if s.timer.running else "Start timer (T)", GroupTimer("toggle"),
                                   "timer", full=False),
                            Button("+1 min (E)", GroupTimer("add"), "timer-add", full=False)], gap=0.5)], gap=0.4)

    def _steps(self) -> Block:
        run, s = self.run, self.run.session
        phase = s.phase
        buttons: list[Button] = []
        if phase == "scene":
            label = "Show the decision (N)" if s.scene is not None and s.scene.choices else "Next (N)"
            buttons.append(Button(label, GroupNext(), "next", full=False))
        elif phase == "decision":
            buttons += [Button("Close voting (C)", GroupVoting(False), "close", full=False),
                        Button("Reveal the vote (R)", GroupReveal(), "reveal", full=False)]
        elif phase == "closed":
            buttons += [Button("Reopen voting (C)", GroupVoting(True), "reopen", full=False),
                        Button("Reveal the vote (R)", GroupReveal(), "reveal", full=False)]
        elif phase == "revealed":
            result = s.current.tally.result()
            if result.majority is not None:
                buttons.append(Button(f"Choose the majority: option {result.majority} (M)", GroupDecide(None),
                                      "majority", full=False))
        elif phase == "feedback":
            every = s.all_feedback
            buttons += [Button("Hide the other options (A)" if every else "Show every option's feedback (A)",
                               GroupAllFeedback(not every), "all", full=False),
                        Button("Next (N)", GroupNext(), "next", full=False)]
        elif phase == "ending" and run.page < ending_pages(len(s.decisions)) - 1:
            upcoming = slide_name(run.page + 1, ending_pages(len(s.decisions)))
            buttons.append(Button(f"Next slide: {upcoming} (N)", GroupNext(), "next", full=False))
        buttons += [Button("Write the summary (S)", GroupSummary(), "summary", full=False),
                    Button("Write it to a folder…", self._start_typing("folder"), "summary-folder", full=False)]
        hint = None
        if phase == "revealed" and s.current.tally.result().majority is None:
            hint = Text("No majority: choose among the tied options (Choose this, or the option's number).",
                        "body", "muted")
        return Stack([hint, Flow(buttons, gap=0.5)], gap=0.4)

    def _notes(self) -> Block:
        notes = self.run.session.notes
        rows: list[Block] = [heading("Your notes"), Text("Not shown to the room.", "small", "muted")]
        if notes is None:
            rows.append(Text("No notes for this part.", "body", "muted"))
        else:
            if notes.points:
                rows.append(Text("Points to draw out", "label", "heading"))
                rows += [Text(f"• {p}") for p in notes.points]
            if notes.model_answer:
                rows += [Text("Model answer", "label", "heading"), Text(notes.model_answer)]
            if notes.timing:
                rows += [Text("Timing", "label", "heading"), Text(notes.timing)]
        return Panel(Stack(rows, gap=0.4), bg="discussion", border="discussion_border", pad=0.8)

    def speech(self) -> str:
        return "Group session console."
