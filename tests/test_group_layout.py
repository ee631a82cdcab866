"""Every decision of every library scenario fits one audience screen at 1920x1080 and 3840x2160, with
voting open and once revealed: the text shrinks, the decision never scrolls."""

from __future__ import annotations

import pytest

from game.engine import library
from game.engine.loader import load_file
from game.group.audience import AudienceState, OptionView, SplitRow, TimerView
from game.group.session import question_of
from game.play import story_for
from game.ui.group_run import Slide
from game.ui.screens.audience import AudienceScreen
from game.ui.view import View
from tests.conftest import SCENARIOS
from tests.ui_support import make_app

SIZES = [(1920, 1080), (3840, 2160)]


def decisions(path):
    loaded = load_file(path)
    story, _ = story_for(loaded, None)
    for node_id, node in loaded.scenario.nodes.items():
        if node.choices:
            yield node_id, story.scene_of(node_id)


def slides(scene):
    options = tuple(OptionView(c.number, c.text) for c in scene.choices)
    timer = TimerView(180.0, 95.0, True, False)
    voting = AudienceState("decision", "1-x", scene.title, scene.lines, scene.card, question_of(scene), options,
                           True, 38, timer)
    counts = [7 + 5 * n for n in range(len(options))]
    total = sum(counts)
    split = tuple(SplitRow(o.number, o.text, c, round(100 * c / total, 1)) for o, c in zip(options, counts, strict=True))
    revealed = AudienceState("revealed", "1-x", scene.title, scene.lines, scene.card, question_of(scene), options,
                             False, total, timer, split, len(options), ())
    return [Slide(voting), Slide(revealed)]


@pytest.fixture(scope="module")
def audience(tmp_path_factory):
    app, _ = make_app(tmp_path_factory.mktemp("layout"), files=(), saves=False)
    view = View(app, "audience", profile_id="projector", speaks=False)
    return view


@pytest.mark.parametrize("path", library.scenario_files(SCENARIOS), ids=lambda p: p.stem)
def test_every_decision_fits_one_screen(path, audience):
    checked = 0
    for node_id, scene in decisions(path):
        for slide in slides(scene):
            screen = AudienceScreen(audience, feed=lambda slide=slide: slide)
            for size in SIZES:
                screen.refresh()
                screen.ensure(size)
                assert screen.max_scroll == 0, (path.name, node_id, slide.state.phase, size)
                assert screen._look.metrics.body_px >= 24 * size[1] // 1080, (path.name, node_id, size)
                checked += 1
    assert checked
