"""The facilitator's keys in a group session, the same on the console and on the audience window (which
is all there is with one window). Clicker keys count one vote per press; nothing here moves the story
without the facilitator asking."""

from __future__ import annotations

import pygame

from .intents import (
    Confirm,
    EndGroup,
    GroupAllFeedback,
    GroupDecide,
    GroupNext,
    GroupPeek,
    GroupReveal,
    GroupSummary,
    GroupTimer,
    GroupVote,
    GroupVoting,
    Intent,
)

PEEK_KEY = pygame.K_v

# (keys, what they do): the help overlay lists these
KEYS: list[tuple[str, str]] = [
    ("N", "Next: from the scene to its decision, from the feedback to the next part, through the ending"),
    ("1 to 9", "While voting: one vote for that option (a clicker press). After the reveal: choose it"),
    ("Shift + 1 to 9", "Take one vote off that option (a slip of the clicker)"),
    ("Ctrl + 1 to 9", "Choose that option now, without a vote (asks first)"),
    ("C", "Close voting; press again to reopen it (before the reveal)"),
    ("R", "Reveal the vote to the room"),
    ("M", "Choose the majority option"),
    ("T", "Start or pause the discussion timer"),
    ("E", "One more minute on the timer"),
    ("A", "Show or hide what every option would have meant"),
    ("S", "Write the session summary"),
    ("V (hold)", "One window only: show your notes while held (the room can see them)"),
    ("F1", "This help"),
    ("Esc", "End the session (it stays saved and can be resumed)"),
]


def number_of(event: pygame.event.Event) -> int | None:
    for base in (pygame.K_1, pygame.K_KP1):
        if base <= event.key <= base + 8:
            return event.key - base + 1
    return None


def group_intent(event: pygame.event.Event, phase: str, all_feedback: bool = False) -> Intent | None:
    """The intent a key asks for in this phase of the session, or None (not a group key)."""
    if event.type == pygame.KEYUP and event.key == PEEK_KEY:
        return GroupPeek(False)
    if event.type == pygame.WINDOWFOCUSLOST:
        return GroupPeek(False)  # a held key's release may go to another window
    if event.type != pygame.KEYDOWN:
        return None
    mod = getattr(event, "mod", 0)
    n = number_of(event)
    if n is not None:
        if mod & pygame.KMOD_CTRL:
            return GroupDecide(n)
        if phase in ("decision", "closed"):
            return GroupVote(n, -1 if mod & pygame.KMOD_SHIFT else 1)
        if phase == "revealed":
            return GroupDecide(n)
        return None
    simple = {pygame.K_n: GroupNext(), pygame.K_r: GroupReveal(), pygame.K_m: GroupDecide(None),
              pygame.K_t: GroupTimer("toggle"), pygame.K_e: GroupTimer("add"), pygame.K_s: GroupSummary(),
              pygame.K_v: GroupPeek(True)}
    if event.key in simple:
        return simple[event.key]
    if event.key == pygame.K_c:
        return GroupVoting(phase == "closed")
    if event.key == pygame.K_a:
        return GroupAllFeedback(not all_feedback)
    if event.key == pygame.K_ESCAPE:
        return end_question()
    return None


def end_question() -> Confirm:
    return Confirm("End the group session?", "End it", EndGroup(),
                   "It stays saved: Run a group session offers to resume it.")
