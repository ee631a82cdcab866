"""Facilitated group sessions, below any window: phases, votes, the timer, the record, the autosave and
the summary. Pure Python: no pygame, no sockets, no clock (time is passed in as `now`)."""

from .audience import AudienceState
from .notes import notes_for
from .savefile import GroupSaveError
from .session import GroupSession, StepRefused
from .tally import Result, VoteRefused
from .timer import Timer

__all__ = ["AudienceState", "GroupSaveError", "GroupSession", "Result", "StepRefused", "Timer", "VoteRefused",
           "notes_for"]
