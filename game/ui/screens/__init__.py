"""The screens. Each is one file, imports only the shared parts (never another screen) and returns
intents. `Push("settings")` names a screen; `screen_class` finds it, importing its module only when it is
first opened, so the title's first frame does not wait for every other screen."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..page import Screen

BY_NAME: dict[str, tuple[str, str]] = {  # name -> (module, class)
    "title": ("title", "TitleScreen"),
    "scenarios": ("picker", "PickerScreen"),
    "briefing": ("briefing", "BriefingScreen"),
    "play": ("play", "PlayScreen"),
    "feedback": ("feedback", "FeedbackScreen"),
    "ending": ("ending", "EndingScreen"),
    "debrief": ("debrief", "DebriefScreen"),
    "pause": ("pause", "PauseScreen"),
    "history": ("history", "HistoryScreen"),
    "review": ("review", "ReviewScreen"),
    "settings": ("settings", "SettingsScreen"),
    "help": ("help", "HelpScreen"),
    "confirm": ("confirm", "ConfirmScreen"),
    "message": ("message", "MessageScreen"),
    "load": ("load", "LoadScreen"),
    "save": ("save", "SaveScreen"),
    "group_pick": ("group_pick", "GroupPickScreen"),
    "group_offer": ("group_offer", "GroupOfferScreen"),
    "group_help": ("group_help", "GroupHelpScreen"),
    "audience": ("audience", "AudienceScreen"),
    "console": ("console", "ConsoleScreen"),
    "map": ("story_map", "MapScreen"),
    "progress": ("progress", "ProgressScreen"),
    "reflection": ("reflection", "ReflectionScreen"),
    "reflect_pick": ("reflect_pick", "ReflectPickScreen"),
}


def screen_class(name: str) -> type[Screen]:
    """The screen class called `name`; KeyError for a name no screen has."""
    module, cls = BY_NAME[name]
    return getattr(import_module(f"{__name__}.{module}"), cls)
