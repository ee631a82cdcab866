"""People in the scenario library have names of their own (issue 14 §7): the same first name or surname in two
scenarios makes a room wonder whether it is the same person (a good manager in one story, the offending worker in
another). A scenario's people are its `characters:` and the player's own name ("You are Toni Adebayo, …");
no word of their names may be anyone's name in another scenario, or appear in another scenario's text at all."""

from __future__ import annotations

import re
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest

from game.engine.loader import load_file

from .conftest import SCENARIOS

FILES = sorted(SCENARIOS.glob("*.yaml"))
# "You are Divya Nair, three months into…": the player's name, as the opening narration gives it
PLAYER = re.compile(r"\bYou are ((?:[A-Z][a-z]+)(?: [A-Z][a-z'-]+)?),")
WORD = re.compile(r"[A-Z][A-Za-z'-]+")


@cache
def people(path: Path) -> frozenset[str]:
    """Every word of every person's name in one scenario: its characters, and the player's name."""
    loaded = load_file(path)
    assert loaded.scenario is not None, [str(d) for d in loaded.diagnostics]
    names = [c.name for c in loaded.scenario.characters.values()]
    names += PLAYER.findall(path.read_text(encoding="utf-8"))
    return frozenset(w for name in names for w in WORD.findall(name))


def test_the_library_is_found_and_has_people():
    assert len(FILES) >= 9
    assert all(people(f) for f in FILES), [f.name for f in FILES if not people(f)]


def test_the_player_names_are_read():
    named = next(f for f in FILES if f.stem == "named-online")
    assert {"Toni", "Adebayo"} <= people(named)


@pytest.mark.parametrize("a, b", list(combinations(FILES, 2)), ids=lambda p: p.stem)
def test_no_name_is_shared_between_two_scenarios(a, b):
    shared = people(a) & people(b)
    assert not shared, f"{a.stem} and {b.stem} both have someone called {', '.join(sorted(shared))}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_one_elses_name_appears_in_a_scenario(path):
    """Catches a name used only in prose or on a card (a child mentioned by name, a commenter) that belongs to
    a person in another scenario."""
    text = path.read_text(encoding="utf-8")
    found = {}
    for other in FILES:
        if other == path:
            continue
        for name in people(other):
            if re.search(rf"(?<![\w'-]){re.escape(name)}(?![\w'-])", text):
                found.setdefault(other.stem, []).append(name)
    assert not found, f"{path.stem} uses names of people in other scenarios: {found}"
