"""The key map: action -> keys, from game/data/keymap.yaml (Ren'Py's `keymap` idea).

Screens ask `keymap.action(event)` and think in actions ("activate", "back", "choose_2"), never in
key codes, so a trainer can remap keys in the data file without touching code.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pygame

from game import paths
from game.engine.yamlsafe import read_file

log = logging.getLogger("crossing_paths.ui")

KEYMAP_FILE = paths.DATA / "keymap.yaml"

DEFAULTS: dict[str, list[str]] = {
    "activate": ["RETURN", "KP_ENTER", "SPACE"],
    "back": ["ESCAPE"],
    "next": ["TAB"],
    "up": ["UP"], "down": ["DOWN"], "left": ["LEFT"], "right": ["RIGHT"],
    "page_up": ["PAGEUP"], "page_down": ["PAGEDOWN"], "home": ["HOME"], "end": ["END"],
    **{f"choose_{n}": [str(n), f"KP{n}"] for n in range(1, 10)},
    "history": ["h"], "review": ["BACKSPACE", "b"], "fullscreen": ["F11"], "help": ["F1"], "speak": ["F5"],
    "zoom_in": ["PLUS", "EQUALS", "KP_PLUS"], "zoom_out": ["MINUS", "KP_MINUS"], "fit": ["0", "KP0"],
}


def key_code(name: str) -> int | None:
    code = getattr(pygame, f"K_{name}", None)
    if isinstance(code, int):
        return code
    try:
        with warnings.catch_warnings():  # key_code warns when the display is not up yet; names still resolve
            warnings.simplefilter("ignore")
            return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


class KeyMap:
    def __init__(self, actions: dict[str, list[str]]):
        self.names = {a: list(keys) for a, keys in actions.items()}
        self._by_key: dict[int, str] = {}
        for action, keys in actions.items():
            for name in keys:
                code = key_code(name)
                if code is None:
                    log.warning("keymap: unknown key %r for %s ignored", name, action)
                    continue
                self._by_key.setdefault(code, action)

    def action(self, event: pygame.event.Event) -> str | None:
        """The action a KEYDOWN event asks for (shift+next is 'previous'), or None."""
        if event.type != pygame.KEYDOWN:
            return None
        action = self._by_key.get(event.key)
        if action == "next" and getattr(event, "mod", 0) & pygame.KMOD_SHIFT:
            return "previous"
        return action

    def keys_for(self, action: str) -> list[str]:
        """Human names of the keys bound to an action: ['Enter', 'Space']."""
        out = []
        for name in self.names.get(action, []):
            code = key_code(name)
            if code is not None:
                label = pygame.key.name(code)
                out.append(label[:1].upper() + label[1:] if label else name)
        return out

    @classmethod
    def load(cls, path: Path = KEYMAP_FILE) -> KeyMap:
        actions = {a: list(k) for a, k in DEFAULTS.items()}
        doc = read_file(path)
        data = doc.data.get("actions") if isinstance(doc.data, dict) else None
        if not isinstance(data, dict):
            log.warning("keymap: %s unreadable; using the built-in keys", path)
            return cls(actions)
        for action, keys in data.items():
            if action not in DEFAULTS:
                log.warning("keymap: unknown action %r ignored", action)
            elif not isinstance(keys, list) or not all(isinstance(k, str | int) for k in keys):
                log.warning("keymap: %s should be a list of key names; keeping the default", action)
            else:
                actions[action] = [str(k) for k in keys]
        return cls(actions)
