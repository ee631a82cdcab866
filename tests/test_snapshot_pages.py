"""Full-page snapshots and the playthrough handout (issue 12 §7): a page taller than the window as one image
per screenful (overlapping, top to bottom) or one tall image holding every line; `snapshot --pages`,
`--full` and `--handout`; the handout's content, and hostile text in it escaped."""

from __future__ import annotations

from itertools import pairwise

import pygame
import pytest

from game.engine.loader import load_text
from game.engine.story import Story
from game.settings import Preferences
from game.trainer.handout import handout_html
from game.ui.fullpage import screenfuls, tall
from game.ui.text import record_text
from tests.conftest import FIXTURES
from tests.support.in_process import run_main
from tests.test_ui_main import FIXTURE, run
from tests.ui_support import make_app, start


@pytest.fixture
def long_page(tmp_path):
    app, pilot = make_app(tmp_path, size=(960, 600), prefs=Preferences(text_scale=200))
    start(app, pilot)
    screen = app.top
    screen.ensure((960, 600))
    assert screen.max_scroll > 0  # the first part at 200 % is taller than the window
    return app, pilot, screen


def test_screenfuls_cover_the_page_top_to_bottom_with_overlap(long_page):
    app, pilot, screen = long_page
    stops = []
    for page in screenfuls(screen, (960, 600)):
        stops.append((page, screen.scroll))
    assert [p for p, _ in stops] == list(range(1, len(stops) + 1)) and len(stops) >= 2
    assert stops[0][1] == 0 and stops[-1][1] == screen.max_scroll
    for (_, a), (_, b) in pairwise(stops):
        assert 0 < b - a < screen.viewport.h  # a little overlap: no line cut in two between images
    assert screen.scroll == 0


def test_a_tall_image_holds_every_line_of_the_page(long_page):
    app, pilot, screen = long_page
    body = [b.text for b in pilot.all_texts()["body"]]
    with record_text() as blits:
        image = tall(screen, (960, 600), record=True)
    assert image.get_width() == 960
    assert image.get_height() == screen.header_rect.h + screen.content_h + screen.footer_rect.h
    assert image.get_height() > 600
    painted = [b for b in blits if b.rect.bottom <= image.get_height()]
    texts = [b.text for b in painted]
    assert body and all(line in texts for line in body)  # the last line below the fold included
    last = max(b.rect.bottom for b in painted if b.text == body[-1])
    assert last <= image.get_height() - screen.footer_rect.h


def test_snapshot_pages_full_and_handout(tmp_path):
    common = ["snapshot", str(FIXTURE), "--choices", "1,1,2,2", "--size", "960x600", "--text-scale", "2"]
    pages = run([*common, "--pages", "--out", str(tmp_path / "p"), "--handout", str(tmp_path / "h.html")])
    assert pages.returncode == 0, pages.stderr
    names = sorted(p.name for p in (tmp_path / "p").iterdir())
    assert "01-node-opening.png" in names and "02-node-opening-p2.png" in names
    assert not any("debrief-1" in n for n in names) and any(n.endswith("-debrief.png") for n in names)
    handout = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert 'src="p/01-node-opening.png"' in handout and 'src="p/02-node-opening-p2.png"' in handout
    full = run([*common[:3], "1", *common[4:], "--full", "--out", str(tmp_path / "f")])  # the first part only
    assert full.returncode == 0, full.stderr
    shots = sorted((tmp_path / "f").iterdir())
    assert not any("-p2" in p.name for p in shots)
    pygame.init()
    first = pygame.image.load(shots[0])
    assert first.get_width() == 960 and first.get_height() > 600
    # usage errors end before any window: in this process (the runs above are the end-to-end ones)
    both = run_main([*common, "--pages", "--full", "--out", str(tmp_path / "x")])
    assert both.returncode == 2 and "not allowed with" in both.stderr
    wrong = run_main([*common, "--out", str(tmp_path / "x"), "--handout", str(tmp_path / "h.pdf")])
    assert wrong.returncode == 2 and ".html" in wrong.stderr


HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> &amp; \u202eevil\u202c \x1b[2J'


def _hostile_story() -> Story:
    text = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\e").replace("\u202e", "\\u202e") \
        .replace("\u202c", "\\u202c")
    text = text.replace("title: T\n", f'title: "T {quoted}"\n').replace("- text: Hello", f'- text: "Hello {quoted}"')
    text = text.replace("{text: Accept,", f'{{text: "Accept {quoted}",').replace("feedback: bad,",
                                                                               f'feedback: "bad {quoted}",')
    text = text.replace("reflection: [q], real_case", f'reflection: ["Why {quoted}?"], real_case')
    scenario = load_text("tiny.yaml", text).scenario
    assert scenario is not None
    story = Story(scenario)
    story.choose(1)
    assert story.is_over
    return story


def test_the_handout_has_the_whole_playthrough_and_escapes_hostile_text():
    story = _hostile_story()
    page = handout_html(story)
    assert page.startswith("<!doctype html>") and "@media print" in page
    for raw in ("<script>", "<img src=x", "\u202e", "\u202c", "\x1b", "&amp; "):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp;amp;" in page
    assert "onerror=alert(2)&gt;" in page and "&quot;&gt;&lt;img" in page
    assert "Hello &lt;script&gt;" in page and "Sam (former service user): Hi!" in page  # the scene's lines
    assert page.count('class="chosen"') == 1 and "Accept &lt;script&gt;" in page  # the choice made
    assert "Decline" in page  # the choice not made is listed too
    assert "Feedback: bad &lt;script&gt;" in page and "breached" in page  # feedback with its standards
    assert "Ending: B" in page and "Debrief" in page
    assert "Why &lt;script&gt;" in page  # the debrief's question


def test_a_handout_of_an_unfinished_playthrough_says_where_it_stops():
    scenario = load_text("tiny.yaml", (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")).scenario
    page = handout_html(Story(scenario))
    assert "Part 1" in page and "stops here, before an ending" in page and "Debrief" not in page
