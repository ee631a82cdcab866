"""The desktop game's command line: `python main.py` alone starts with the parser's defaults, known without
building the parser (game/ui/app.py NO_OPTIONS), and options given are parsed as before."""

from __future__ import annotations

from game.ui import app


def test_no_options_are_what_the_parser_gives_for_an_empty_command_line():
    assert vars(app.options([])) == vars(app.parser().parse_args([]))


def test_options_given_are_parsed():
    args = app.options(["friend-request", "--projector", "--size", "800x600"])
    assert (args.scenario, args.projector, args.size, args.fullscreen) == ("friend-request", True, (800, 600), False)
