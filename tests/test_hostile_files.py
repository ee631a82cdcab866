"""Broken settings.json files and broken or foreign save files, through the real code: no traceback, no hang,
and no file the game refused is changed (tests/hostile/settings_files.py and save_files.py say how)."""

from tests.hostile import save_files, settings_files


def test_broken_settings_files_start_the_game_and_are_never_lost():
    problems: list[str] = []
    counts = settings_files.run(problems)
    assert counts["cases"] >= 50
    assert counts == {"cases": counts["cases"], "tracebacks": 0, "hangs": 0, "changed": 0}, problems
    assert problems == []  # nor more than one log line for any file


def test_broken_and_foreign_save_files_give_messages_and_stay_untouched():
    problems: list[str] = []
    counts = save_files.run(problems)
    assert counts["cases"] >= 30
    assert counts == {"cases": counts["cases"], "tracebacks": 0, "hangs": 0, "changed": 0}, problems
