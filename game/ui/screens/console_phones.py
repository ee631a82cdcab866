"""The console's phone-voting panel: "Let phones vote" (off by default: hand counts and clicker keys work
without it), and while it is on, how the room joins (address, room code), the phones in and how many voted,
each phone with "remove", "close joining", what phones show, and why phones cannot vote when they cannot
(loopback only, the server stopped)."""

from __future__ import annotations

from typing import Any

from game.engine import wording

from ..blocks import Block, Button, Flow, Panel, Stack, Text
from ..intents import PhoneJoining, PhoneRemove, PhoneSettings, PhonesOn
from ..parts import heading

LISTED = 24  # phones with their own "remove" button; past that, the facilitator types the phone's number


def phone_state(run: Any) -> tuple:
    """What the panel shows, to redraw the console when it changes (phones join between frames)."""
    link = _link(run)
    if link is None:
        return (None,)
    voting = link.voting
    tally = run.session.current.tally if run.session.current is not None else None
    return (voting.running, voting.notice, tuple(voting.room.labels()), voting.room.joining_open,
            link.numbers_only, link.share_result, len(tally.phones) if tally is not None else 0, run.join_slide)


def _link(run: Any) -> Any:
    link = run.app.phones
    return link if link is not None and link.session is run.session else None


def phones_panel(run: Any, type_number) -> Block:
    """`type_number`: a callable that starts typing a phone's number to remove (for long lists)."""
    link = _link(run)
    if link is None:
        return Panel(Stack([heading("Phones"),
                            Button("Let phones vote", PhonesOn(True), "phones-on", full=False),
                            Text("Off. People in the room can vote from their own phones (no app, no account). "
                                 "Hand counts and clicker keys work either way.", "small", "muted")], gap=0.4),
                     bg="surface", border="border", pad=0.8)
    voting = link.voting
    rows: list[Block | None] = [heading("Phones"),
                                Button("Phones vote: on (turn off)", PhonesOn(False), "phones-off", full=False,
                                       selected=True)]
    notice = voting.notice
    if not voting.running:
        rows += [Panel(Text(f"Phone voting stopped: {notice or 'the server is not answering'}. "
                            "Votes already in are kept; hand counts still work.", "body", "text"),
                       bg="discussion", border="discussion_border", pad=0.5),
                 Button("Turn phone voting on again", PhonesOn(True), "phones-again", full=False)]
        return Panel(Stack(rows, gap=0.5), bg="surface", border="border", pad=0.8)
    if not voting.reachable:
        rows.append(Panel(Text("Phones can't reach this computer (it is on no network); hand counts still work.",
                               "body", "text"), bg="discussion", border="discussion_border", pad=0.5))
    labels = voting.room.labels()
    current = run.session.current
    voted = len(current.tally.phones) if current is not None and current.tally is not None else 0
    rows += [Text(f"Join at {voting.short_address()}", "body", "heading", bold=True),
             Text(f"Room code: {voting.room_code}", "body", "heading", bold=True),
             Text(f"{wording.plural(len(labels), 'phone')} in; {voted} voted on this decision", "body", "text")]
    joining = voting.room.joining_open
    rows.append(Flow([
        Button("Close joining" if joining else "Let new phones join", PhoneJoining(not joining), "phones-joining",
               full=False),
        Button("Back to the slide" if run.join_slide else "Show how to join", lambda: run.show_join(not run.join_slide),
               "phones-join-slide", full=False, selected=run.join_slide),
        Button("Phones show numbers only", PhoneSettings(not link.numbers_only, link.share_result),
               "phones-numbers", full=False, selected=link.numbers_only),
        Button("Result shared on phones", PhoneSettings(link.numbers_only, not link.share_result),
               "phones-result", full=False, selected=link.share_result),
    ], gap=0.5))
    if labels:
        removes = [Button(f"Remove phone {n}", PhoneRemove(n), f"phone-remove-{n}", full=False)
                   for n in labels[:LISTED]]
        if len(labels) > LISTED:
            removes.append(Button("Remove another phone…", type_number, "phone-remove-typed", full=False))
        rows += [Text("Each phone shows its number. Take one out of the vote:", "small", "muted"),
                 Flow(removes, gap=0.4)]
    return Panel(Stack(rows, gap=0.5), bg="surface", border="border", pad=0.8)
