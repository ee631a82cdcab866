"""Hostile strings (NUL, escape sequences, bidirectional overrides, lone surrogates, 1,000 combining marks,
...) through every renderer and every terminal printer: no traceback, no hang, and nothing printed with a
raw control character. The quick run draws the strings up to 300 characters; `python bench/hostile.py`
runs them all."""

from __future__ import annotations

from tests.hostile import strings
from tests.hostile.texts import STRINGS


def test_hostile_strings_never_crash_hang_or_reach_a_terminal_raw():
    problems: list[str] = []
    result = strings.run(problems, quick=True)
    assert len(STRINGS) >= 30
    assert result["cases"] >= 4 * len(STRINGS), result  # every string through every in-process printer at least
    assert (result["tracebacks"], result["hangs"], result["raw_controls"]) == (0, 0, 0), "\n".join(problems)
    assert not problems


def test_the_suite_notices_a_raw_control_character():
    tally = strings.Tally()
    tally.check_printed("printer", "fine\n")
    tally.check_printed("printer", "clear \x1b[2J")
    tally.check_printed("printer", "reordered \u202e")
    assert tally.raw_controls == 2 and len(tally.failures) == 2


def test_printed_text_shows_control_characters_escaped_and_keeps_newlines():
    from game.engine.controls import escape
    from game.engine.diagnostics import Diagnostic, format_text

    assert escape("\x1b[2J\x1b]0;title\x07 ok\n") == "\\x1b[2J\\x1b]0;title\\x07 ok\n"
    assert escape("a\u202eb\0\ud800") == "a\\u202eb\\x00\\ud800"
    line = format_text(Diagnostic("CP201", "unknown key '\x1b[2J'", "a.yaml", 2, 1, "remove '\x07'"))
    assert line == "a.yaml:2:1: error CP201: unknown key '\\x1b[2J'\n    hint: remove '\\x07'"


def test_text_drawn_on_screen_has_no_control_characters():
    import pygame

    from game.ui.glyphs import displayable

    pygame.font.init()
    font = pygame.font.Font(None, 20)
    assert displayable(font, "a\0b\x1b[2J\tc\nd") == "ab[2J\tc\nd"
    font.render(displayable(font, "a\0b"), True, (0, 0, 0))  # a NUL would raise here
