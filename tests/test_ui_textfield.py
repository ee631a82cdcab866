"""The text field on the reflection screen, driven by real pygame events under the dummy video driver:
TEXTINPUT in any script, an input method's TEXTEDITING, editing keys, paste, clicks, the cap, 200 % text."""

import pygame
import pytest

from game.settings import Preferences
from game.ui.blocks import Canvas
from game.ui.text import record_text
from game.ui.textfield import TextField
from tests.records_support import RecordsStore, playthrough
from tests.ui_support import make_app


def open_reflection(tmp_path, prefs=None, size=(1280, 720)):
    app, pilot = make_app(tmp_path, size=size, prefs=prefs, saves=False)
    app.store = RecordsStore([playthrough(1)])
    from game.ui.intents import Push

    app.act(Push("reflection", {"playthrough": playthrough(1).id, "title": "The friend request"}))
    pilot.step()
    return app, pilot


def key(pilot, code, mod=0):
    pilot._post(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)
    pilot._post(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)
    pilot.step()


def field(pilot, name="happened") -> TextField:
    return pilot.top.target(f"field-{name}").button


def test_typing_non_latin_text_and_paragraphs(tmp_path):
    app, pilot = open_reflection(tmp_path)
    assert pilot.top.focus_id == "field-happened"
    pilot.type("Zoë 社会福祉")
    key(pilot, pygame.K_RETURN)
    pilot.type("Second paragraph")
    assert field(pilot).value == "Zoë 社会福祉\nSecond paragraph"
    assert pilot.names == ["title", "reflection"]  # Enter typed a newline; it activated nothing


def test_letters_that_are_shortcuts_elsewhere_are_just_typing(tmp_path):
    app, pilot = open_reflection(tmp_path)
    for ch in "h1b ":
        code = pygame.key.key_code(ch if ch != " " else "space")
        pilot._post(pygame.KEYDOWN, key=code, mod=0, unicode=ch, scancode=0)
        pilot._post(pygame.TEXTINPUT, text=ch)
    key(pilot, pygame.K_BACKSPACE)  # Backspace is "review" elsewhere: here it deletes the space
    assert field(pilot).value == "h1b"
    assert pilot.names == ["title", "reflection"]


def test_cursor_keys_word_moves_and_delete(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pilot.type("one two three")
    key(pilot, pygame.K_LEFT, pygame.KMOD_CTRL)
    key(pilot, pygame.K_LEFT, pygame.KMOD_CTRL)
    assert field(pilot).buffer.cursor == 4
    key(pilot, pygame.K_DELETE, pygame.KMOD_CTRL)
    assert field(pilot).value == "one  three"
    key(pilot, pygame.K_HOME)
    pilot.type(">")
    key(pilot, pygame.K_END)
    key(pilot, pygame.K_BACKSPACE)
    assert field(pilot).value == ">one  thre"


def test_shift_selection_then_typing_replaces_it(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pilot.type("hello world")
    key(pilot, pygame.K_LEFT, pygame.KMOD_SHIFT | pygame.KMOD_CTRL)
    pilot.type("there")
    assert field(pilot).value == "hello there"


def test_up_and_down_move_by_visual_line(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pilot.type("word " * 60)  # several wrapped lines
    f = field(pilot)
    wrapped = f.wrapped()
    assert len(wrapped.lines) >= 3
    key(pilot, pygame.K_UP)
    assert wrapped.line_of(f.buffer.cursor) == len(wrapped.lines) - 2
    key(pilot, pygame.K_HOME, pygame.KMOD_CTRL)
    key(pilot, pygame.K_DOWN)
    assert f.wrapped().line_of(f.buffer.cursor) == 1


def test_the_field_scrolls_inside_itself_to_keep_the_cursor_in_view(tmp_path):
    app, pilot = open_reflection(tmp_path)
    for _ in range(12):
        pilot.type("a line")
        key(pilot, pygame.K_RETURN)
    f = field(pilot)
    assert f.top > 0 and f.wrapped().line_of(f.buffer.cursor) < f.top + f.rows
    key(pilot, pygame.K_HOME, pygame.KMOD_CTRL)
    assert f.top == 0


def test_ime_composition_is_shown_underlined_then_committed(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pilot.type("ab")
    pilot._post(pygame.TEXTEDITING, text="しゃかい", start=2, length=0)
    pilot.step()
    f = field(pilot)
    assert f.value == "ab" and f.buffer.composition == "しゃかい"
    surface = pygame.Surface(pilot.surface.get_size())
    with record_text() as blits:
        f.paint(Canvas(surface, pilot.top._look), 10, 10, "focus")
    assert [b.text for b in blits][:2] == ["ab", "しゃかい"]
    assert blits[1].rect.x == blits[0].rect.right  # drawn at the cursor
    pilot._post(pygame.TEXTINPUT, text="社会")
    pilot.step()
    assert f.value == "ab社会" and f.buffer.composition == ""


def test_focus_starts_text_input_at_the_cursor_and_leaving_restores_it(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(pygame.key, "set_text_input_rect", lambda r: calls.append(("rect", pygame.Rect(r))))
    monkeypatch.setattr(pygame.key, "stop_text_input", lambda: calls.append("stop"))
    monkeypatch.setattr(pygame.key, "start_text_input", lambda: calls.append("start"))
    app, pilot = open_reflection(tmp_path)
    pilot.type("abc")
    rects = [c[1] for c in calls if isinstance(c, tuple)]
    assert rects and rects[-1].colliderect(field(pilot).screen_rect)
    pilot.top.set_focus("save")
    pilot.step()
    assert calls[-1] == "stop"  # no field focused: no candidate window over the buttons
    pilot.press("escape")
    assert pilot.names == ["title"] and calls[-1] == "start"  # the save screen's name field relies on it


def test_paste_from_the_clipboard(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pygame.scrap.put_text("pasted\r\ntext\x07\u202e")
    key(pilot, pygame.K_v, pygame.KMOD_CTRL)
    assert field(pilot).value == "pasted\ntext"


def test_paste_without_a_clipboard_says_so(tmp_path, monkeypatch):
    app, pilot = open_reflection(tmp_path)

    def broken():
        raise pygame.error("no clipboard")
    monkeypatch.setattr(pygame.scrap, "get_text", broken)
    key(pilot, pygame.K_v, pygame.KMOD_CTRL)
    assert "Pasting is not available" in field(pilot).message


def test_the_cap_keeps_what_fits_and_says_so(tmp_path):
    app, pilot = open_reflection(tmp_path)
    f = field(pilot)
    f.buffer.limit = 10
    pygame.scrap.put_text("0123456789ABCDEF")
    key(pilot, pygame.K_v, pygame.KMOD_CTRL)
    assert f.value == "0123456789"
    assert "can hold 10 characters: 6 were not added" in f.message
    assert "6 were not added" in " ".join(b.text for b in pilot.texts())


def test_a_click_places_the_cursor(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pilot.type("hello world")
    f = field(pilot)
    r = f.screen_rect
    pilot.click((r.x + 2, r.y + 5))
    assert f.buffer.cursor == 0
    pilot.click((r.x + f.wrapped().x_of(6) + 1, r.y + 5))
    assert f.buffer.cursor == 6


def test_clicking_another_field_focuses_it(tmp_path):
    app, pilot = open_reflection(tmp_path)
    pilot.click("field-learnt")
    assert pilot.top.focus_id == "field-learnt"
    pilot.type("x")
    assert field(pilot, "learnt").value == "x" and field(pilot).value == ""


@pytest.mark.parametrize("scale,theme", [(200, "default"), (200, "high-contrast"), (100, "high-contrast")])
def test_the_field_keeps_its_text_inside_at_200_percent_and_in_high_contrast(tmp_path, scale, theme):
    app, pilot = open_reflection(tmp_path, prefs=Preferences(text_scale=scale, theme=theme))
    pilot.type("Zoë 社会福祉 " + "reflection " * 40)
    f = field(pilot)
    pilot.frame()
    blits = [b for b in pilot.texts() if b.container == f.screen_rect]
    assert blits
    for b in blits:
        assert f.screen_rect.contains(b.rect) or b.rect.right <= f.screen_rect.right + 2


def test_dragging_selects_and_the_wheel_scrolls_the_field_not_the_page(tmp_path, monkeypatch):
    app, pilot = open_reflection(tmp_path)
    pilot.type("hello world")
    f = field(pilot)
    r = f.screen_rect
    pilot.drag((r.x + 1, r.y + 5), (r.x + f.wrapped().x_of(5) + 1, r.y + 5))
    assert f.buffer.selected_text() == "hello"
    for _ in range(12):
        key(pilot, pygame.K_RETURN)
    page_scroll = pilot.top.scroll
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: r.center)  # the wheel turns over the field
    top = f.top
    assert top > 0
    pilot.wheel(3)
    assert f.top < top and pilot.top.scroll == page_scroll
