"""The records screens in hostile conditions: hostile text typed and pasted into the reflection (a 12,000-letter
word, stacked accents, emoji, right to left), hostile titles and outcome words on My progress, in window sizes
from the smallest allowed to 4K, at 100-200 % text, both profiles, fonts and themes. No traceback, no hang,
and the field's text stays inside its box."""

import random
import time

import pygame
import pytest

from game.ui.intents import ChangeSetting, Push
from tests.hostile.layout import HOSTILE_TEXT
from tests.records_support import RecordsStore, playthrough
from tests.ui_support import make_app

CASES = 6


@pytest.fixture(scope="module")
def driven(tmp_path_factory):
    app, pilot = make_app(tmp_path_factory.mktemp("hostile"), saves=False)
    hostile = [playthrough(i, title=HOSTILE_TEXT[:300 * i], outcome_label=HOSTILE_TEXT[-200:],
                           scenario=f"s{i}", scores={"2": 99, "3": -99, HOSTILE_TEXT[-40:]: 1}) for i in (1, 2)]
    app.store = RecordsStore(hostile)
    return app, pilot


@pytest.mark.parametrize("seed", range(CASES))
def test_hostile_sizes_and_settings(driven, seed):
    app, pilot = driven
    rng = random.Random(seed)
    for name, value in (("text_scale", rng.randrange(100, 201, 10)), ("profile", rng.choice(("desktop", "projector"))),
                        ("font", rng.choice(("atkinson", "opendyslexic"))),
                        ("theme", rng.choice(("default", "high-contrast")))):
        app.act(ChangeSetting(name, value))
    app.view.to_base()
    size = rng.choice(((480, 360), (3840, 2160), (2560, 480), (rng.randint(480, 3000), rng.randint(360, 2000))))
    pilot.resize(*size)
    started = time.monotonic()
    app.act(Push("progress"))
    pilot.step()
    pilot.top.scroll_to(pilot.top.max_scroll)
    pilot.step()
    app.act(Push("reflection", {"playthrough": playthrough(1).id, "title": HOSTILE_TEXT[:500]}))
    pilot.step()
    pygame.scrap.put_text(HOSTILE_TEXT)
    pilot._post(pygame.KEYDOWN, key=pygame.K_v, mod=pygame.KMOD_CTRL, unicode="", scancode=0)
    pilot.type("社会福祉 שלום 👩‍👩‍👧")
    field = pilot.top.target("field-happened").button
    assert len(field.value) == field.buffer.limit and "were not added" in field.message
    pilot._post(pygame.KEYDOWN, key=pygame.K_UP, mod=0, unicode="", scancode=0)
    pilot.step()
    for blit in pilot.texts():
        if blit.container == field.screen_rect:
            assert blit.rect.left >= field.screen_rect.left and blit.rect.right <= field.screen_rect.right + 2
    assert time.monotonic() - started < 20
