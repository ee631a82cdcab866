"""Emoji drawn as pictures (the bundled Noto Color Emoji): every emoji the library uses is a coloured picture,
clusters stay whole when words break, a hostile string of emoji is bounded, speech says their names, and a
missing font file means words, never a crash."""

from __future__ import annotations

import pygame
import pytest

from game.ui import emoji, emojitext
from game.ui.glyphs import MAX_PICTURES, displayable
from game.ui.measure import text_width
from game.ui.text import LineCache, wrap
from game.ui.wordbreak import break_word
from tests.hostile.bounded import bounded

from .conftest import ROOT, SCENARIOS

FONT = ROOT / "assets/fonts/AtkinsonHyperlegible-Regular.ttf"


@pytest.fixture(scope="module")
def font():
    pygame.font.init()
    emoji.reset()
    return pygame.font.Font(str(FONT), 20)


def library_clusters() -> set[str]:
    found: set[str] = set()
    for path in sorted(SCENARIOS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found.update(text[a:b] for a, b in emojitext.clusters(text))
    return found


def coloured_pixels(surf: pygame.Surface) -> int:
    """Opaque pixels whose channels differ (a hue): text drawn in black or grey has none."""
    n = 0
    w, h = surf.get_size()
    for x in range(w):
        for y in range(h):
            r, g, b, a = surf.get_at((x, y))
            n += a > 128 and max(r, g, b) - min(r, g, b) > 40
    return n


def picture_pixels(surf: pygame.Surface) -> int:
    """Opaque pixels that are not the text colour (black) a glyph or an empty box would be drawn in."""
    w, h = surf.get_size()
    return sum(1 for x in range(w) for y in range(h)
               if surf.get_at((x, y)).a > 128 and max(surf.get_at((x, y))[:3]) > 60)


def test_the_font_and_its_licence_are_bundled():
    assert (ROOT / "assets/fonts" / emoji.FILE).stat().st_size > 1_000_000
    licence = (ROOT / "assets/fonts/NotoColorEmoji-OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Noto Color Emoji" in licence


def test_every_emoji_in_the_library_renders_as_a_coloured_picture(font):
    clusters = library_clusters()
    assert len(clusters) >= 20  # the library does use emoji (the mock-ups' reactions and messages)
    blank = font.render("\ue000", True, (0, 0, 0))  # what a missing glyph looks like in the text font
    hues = 0
    for cluster in sorted(clusters):
        assert emoji.is_picture(font, cluster), f"{cluster!r} ({emojitext.name(cluster)}) is not drawn"
        assert displayable(font, f"a {cluster} b") == f"a {cluster} b"  # kept, not named in words
        surf = emoji.render(font, cluster, (0, 0, 0))
        assert surf.get_height() == font.get_height()
        assert surf.get_width() == text_width(font, cluster) > blank.get_width()
        area = surf.get_width() * surf.get_height()
        assert picture_pixels(surf) > area // 10, f"{cluster!r} ({emojitext.name(cluster)}) draws no picture"
        hues += coloured_pixels(surf) > 5
    assert hues >= len(clusters) - 2  # in colour (the eyes are white and black, and grey ones may come)


def test_a_line_is_measured_as_it_is_drawn(font):
    text = "Night night 😴👍🏽 from 👩‍👩‍👧‍👦 in 🇬🇧 ❤️ x"
    surf = LineCache().render(font, text, (0, 0, 0))
    assert surf.get_width() == text_width(font, text)
    assert coloured_pixels(surf) > 50


@pytest.mark.parametrize("cluster", ["👍🏽", "👩‍👩‍👧‍👦", "🇬🇧", "❤️", "1️⃣",
                                     "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"])
def test_a_cluster_is_one_unit_for_layout(font, cluster):
    assert [cluster] == [emoji_text for emoji_text, pic in emoji.segments(font, cluster) if pic]
    for width in (1, 5, 30):
        pieces = break_word(font, cluster * 6, width)
        assert "".join(pieces) == cluster * 6
        assert all(piece and len(piece) % len(cluster) == 0 and set(piece.split(cluster)) == {""}
                   for piece in pieces), pieces


def test_text_presentation_and_letters_stay_text(font):
    assert not emoji.is_picture(font, "\u2764\ufe0e")  # U+FE0E asks for the text glyph
    assert emoji.segments(font, "plain — ‘words’ 9.40") == [("plain — ‘words’ 9.40", False)]
    assert displayable(font, "社会") == "(cjk unified ideograph-793e)(cjk unified ideograph-4f1a)"


def test_a_hostile_string_of_emoji_is_bounded(font):
    """Thousands of different emoji, skin tones and joined sequences: pictures past MAX_PICTURES a text are
    named (then summed up), so drawing it costs a bounded number of new pictures."""
    bases = [chr(c) for c in range(0x1F600, 0x1F650)] + [chr(c) for c in range(0x1F466, 0x1F46A)]
    tones = [chr(c) for c in range(0x1F3FB, 0x1F400)]
    hostile = "".join(b + tones[i % 5] + "\u200d" + bases[(i * 7) % len(bases)] + "\ufe0f\u200d"
                      for i, b in enumerate(bases * 40)) + "\u200d" * 500 + "\U0001f3fd" * 500

    def work() -> None:
        shown = displayable(font, hostile)
        assert sum(pic for _, pic in emoji.segments(font, shown)) <= MAX_PICTURES
        cache = LineCache()
        for width in (1, 40, 600, 4000):
            for line in wrap(font, hostile, width)[:200]:
                cache.render(font, line, (0, 0, 0))

    outcome, trace = bounded(work, 20.0)  # a hang detector, not a timing: bench/layout.py times layouts
    assert outcome == "ok", trace


def test_without_the_font_file_emoji_are_words_and_nothing_fails(tmp_path):
    emoji.reset(tmp_path / "deleted.ttf")
    try:
        font = pygame.font.Font(str(FONT), 20)  # a fresh font: nothing measured with pictures
        assert not emoji.available()
        assert displayable(font, "Long day 😩👍🏽") == "Long day (weary face)(thumbs up sign)"
        surf = LineCache().render(font, "a 😩 b", (0, 0, 0))
        assert surf.get_width() == font.size("a 😩 b")[0]
        assert wrap(font, "😩 " * 50, 100)
    finally:
        emoji.reset()
    assert emoji.available()


def test_speech_says_the_names(monkeypatch):
    assert emojitext.spoken("Night night 😴") == "Night night (sleeping face)"
    assert emojitext.spoken("Great!👍🏽.") == "Great! (thumbs up sign)."
    assert emojitext.spoken("🇬🇧 and 1️⃣") == "(flag GB) and (keycap 1)"
    assert emojitext.spoken("no emoji — here") == "no emoji — here"

    from game.ui import voice as voice_module

    class FakeProc:
        def __init__(self, *args, **kwargs):
            import io

            self.stdin = io.BytesIO()
            self.stdin.close = lambda: None

        def poll(self):
            return 0

    import subprocess  # the voice imports it when it first speaks

    monkeypatch.setattr(subprocess, "Popen", FakeProc)
    v = voice_module.Voice(exe="espeak-ng", enabled=True)
    v.say("Long day 😩")
    assert v.last == "Long day (weary face)"


def test_what_is_known_about_a_font_goes_with_it():
    # answers keyed by id(font) outlived their font: a new font at the freed address inherited them (a test
    # that removed the emoji font then saw pictures where words were due)
    import gc
    import weakref

    from game.ui import glyphs

    font = pygame.font.Font(str(FONT), 21)
    glyphs.has_glyph(font, "a")
    emoji.is_picture(font, "\U0001f629")
    gone = weakref.ref(font)
    sizes = (len(glyphs._glyphs), len(emoji._decided))
    assert font in glyphs._glyphs and font in emoji._decided
    del font
    gc.collect()
    assert gone() is None
    assert len(glyphs._glyphs) < sizes[0] and len(emoji._decided) < sizes[1]  # (other freed fonts go too)


def test_the_emoji_font_is_opened_again_after_the_font_module_restarts():
    # pygame.font.quit() kills every font made before it; a cached dead emoji font would name nothing and
    # draw nothing (seen when an earlier test in the same process quit pygame). Quitting the font module
    # here would kill other tests' cached fonts too, so a dead font is stood in for.
    class Dead:
        def get_height(self):
            raise pygame.error("Invalid font (font module quit since font created)")

    pygame.font.init()
    font = pygame.font.Font(str(FONT), 20)
    emoji._state["font"] = Dead()
    try:
        assert emoji.available()
        assert isinstance(emoji.source_font(), pygame.font.Font)
        assert text_width(font, "a \U0001f634 b") > font.size("a \U0001f634 b")[0]
    finally:
        emoji.reset()
