"""Wrapping for the terminal: never inside a word or an address; numbered items hang; no control codes."""

from game.terminal.wrap import clean, wrap


def test_numbered_items_hang_under_their_text():
    lines = wrap("2. Ignore the request and check your privacy settings tonight.", 24)
    assert lines[0].startswith("2. Ignore")
    assert all(line.startswith("   ") and not line.startswith("    ") for line in lines[1:])
    assert all(len(line) <= 24 for line in lines)


def test_indented_lines_keep_their_indent():
    lines = wrap("  Jo Bloggs: a comment long enough to need a second line here", 30)
    assert len(lines) > 1 and all(line.startswith("  ") for line in lines)


def test_addresses_and_hyphenated_words_are_never_broken():
    url = "https://www.example.org/a/very/long/address/that/is/longer/than/the/line"
    lines = wrap(f"Address: {url} and a well-being check-in", 30)
    assert url in lines
    words = " ".join(lines).split()
    assert "well-being" in words and "check-in" in words


def test_no_width_means_one_line():
    text = "word " * 50
    assert wrap(text, None) == [text.rstrip()]


def test_control_characters_are_shown_escaped():
    assert clean("\x1b[31mred\x1b[0m\tand\x07 bell") == "\\x1b[31mred\\x1b[0m and\\x07 bell"
    assert wrap("\x1b[2J cleared? \u202eeman", 40) == ["\\x1b[2J cleared? \\u202eeman"]


def test_blank_lines_stay_blank():
    assert wrap("", 40) == [""] and wrap("   ", 40) == [""]
