"""The text field's editing model (game/ui/editing.py) without pixels: a fixed-width 'font' of 10 px a
character, so every wrap and cursor place can be worked out by hand."""

from game.ui.editing import EditBuffer, Wrapped, clean


def mono(s: str) -> int:
    return 10 * len(s)


def chop(word: str, width: int) -> list[str]:
    n = max(1, width // 10)
    return [word[i:i + n] for i in range(0, len(word), n)]


def wrap(text: str, width: int = 100) -> Wrapped:
    return Wrapped(text, width, mono, chop)


def spans(w: Wrapped) -> list[str]:
    return [w.text[line.start:line.end] for line in w.lines]


def test_wrap_keeps_every_character_and_hangs_spaces():
    w = wrap("the quick brown fox jumps over\nthe lazy dog")
    assert spans(w) == ["the quick ", "brown fox ", "jumps over", "the lazy ", "dog"]
    assert "".join(spans(w)).replace("over", "over\n", 1) == w.text  # only the newline is not on a line
    assert [line.last for line in w.lines] == [False, False, True, False, True]


def test_wrap_breaks_a_word_longer_than_the_line_and_keeps_empty_paragraphs():
    w = wrap("a " + "x" * 25 + "\n\nend")
    assert spans(w) == ["a ", "x" * 10, "x" * 10, "x" * 5, "", "end"]


def test_a_soft_wrap_puts_the_cursor_on_the_next_line_and_a_paragraph_end_on_its_own():
    w = wrap("the quick brown")
    assert w.line_of(0) == 0
    assert w.line_of(10) == 1  # the start of "brown"
    assert w.line_of(15) == 1  # the very end
    assert w.x_of(12) == 20


def test_typing_non_latin_text_and_the_cap():
    b = EditBuffer("", limit=10)
    assert b.insert("Zoë 社会福祉") == 0
    assert b.text == "Zoë 社会福祉" and b.cursor == 8
    assert b.insert("abcdef") == 4  # only two more fit
    assert b.text == "Zoë 社会福祉ab" and b.dropped == 4


def test_clean_keeps_newlines_and_drops_control_characters():
    assert clean("a\r\nb\rc\td\x00e\u202e") == "a\nb\nc    de"


def test_backspace_and_delete_by_character_and_word():
    b = EditBuffer("hello brave world")
    b.backspace(word=True)
    assert b.text == "hello brave "
    b.backspace()
    assert b.text == "hello brave"
    b.cursor = 0
    b.delete(word=True)
    assert b.text == " brave"
    b.delete()
    assert b.text == "brave"


def test_backspace_takes_a_letter_with_its_accent():
    b = EditBuffer("cafe\u0301")  # e + combining acute
    b.backspace()
    assert b.text == "caf"


def test_left_right_by_word():
    b = EditBuffer("one two  three")
    b.cursor = 0
    b.right(word=True)
    assert b.cursor == 3
    b.right(word=True)
    assert b.cursor == 7
    b.left(word=True)
    assert b.cursor == 4
    b.left()
    assert b.cursor == 3


def test_shift_selects_and_typing_replaces_the_selection():
    b = EditBuffer("hello world")
    b.cursor = 0
    b.right(select=True, word=True)
    assert b.selected_text() == "hello"
    b.insert("goodbye")
    assert b.text == "goodbye world" and b.selection() is None
    b.select_all()
    b.backspace()
    assert b.text == ""


def test_left_without_shift_collapses_a_selection_to_its_start():
    b = EditBuffer("abcdef")
    b.cursor = 1
    b.right(select=True)
    b.right(select=True)
    b.left()
    assert b.cursor == 1 and b.selection() is None


def test_up_and_down_by_visual_line_keep_the_column():
    text = "the quick brown fox jumps over"
    w = wrap(text)
    b = EditBuffer(text)
    b.cursor = 7  # "the qui|ck"
    assert b.vertical(w, 1)
    assert b.cursor == 17 and w.line_of(b.cursor) == 1  # "brown f|ox"
    assert b.vertical(w, 1)
    assert b.cursor == 27
    assert not b.vertical(w, 1)  # past the last line: to the end
    assert b.cursor == len(text)
    b.cursor = 3
    assert not b.vertical(w, -1)
    assert b.cursor == 0


def test_up_down_remember_the_column_across_a_short_line():
    text = "abcdefgh\nab\nabcdefgh"
    w = wrap(text)
    b = EditBuffer(text)
    b.cursor = 6
    b.vertical(w, 1)
    assert b.cursor == 11  # the end of "ab"
    b.vertical(w, 1)
    assert b.cursor == 18  # back to column 6


def test_home_and_end_of_the_visual_line_and_of_everything():
    text = "the quick brown fox"
    w = wrap(text)
    b = EditBuffer(text)
    b.cursor = 12
    b.home(w)
    assert b.cursor == 10
    b.end(w)
    assert b.cursor == len(text)
    b.cursor = 2
    b.end(w)
    assert b.cursor == 9 and w.line_of(b.cursor) == 0  # before the hanging space, still on line 0
    b.home(w, everything=True)
    assert b.cursor == 0
    b.end(w, select=True, everything=True)
    assert b.selected_text() == text


def test_a_click_places_the_cursor_at_the_nearest_boundary():
    text = "the quick brown fox"
    w = wrap(text)
    b = EditBuffer(text)
    b.place(w, 1, 24)  # between "br" and "own": 24 px is nearer 20
    assert b.cursor == 12
    b.place(w, 9, 999)  # below the last line: its end
    assert b.cursor == len(text)


def test_composition_is_kept_apart_from_the_text():
    b = EditBuffer("ab")
    b.compose("しゃか", 2)
    assert b.text == "ab" and b.composition == "しゃか" and b.composition_cursor == 2
    b.compose("")
    b.insert("社会")
    assert b.text == "ab社会"
