"""Issue 10: in the solo projector profile the whole decision is on one screen. For every decision node of
every library scenario, at 1920x1080 and 3840x2160 and 100 % text, the play screen is positioned at the node
with every choice the node has showing (as if every condition held: the most there can ever be), moved on to
its decision slide, and the question and every choice must be laid out in full inside the visible viewport,
with no scrolling, and every control reachable without scrolling. At 100 % the text keeps the profile's body size;
at 150 % and 200 % (1920x1080 and 1280x720) it may be stepped down, never below 1/22 of the screen height (what
the back of a room can read), and the slide then says nothing is hidden.
Then the slide keys: Enter/→ move on, ←/Backspace go back, a number on the scene slide only shows the
decision, and speech reads the slide showing."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from game.engine.library import open_scenario, scenario_files
from game.settings import Preferences
from game.ui.decision import FITS, SCENE_SHRUNK, SHRUNK
from game.ui.glyphs import displayable
from game.ui.intents import Choose, StartScenario
from game.ui.voice import Voice
from tests.conftest import SCENARIOS
from tests.ui_support import make_app

SIZES = [(1920, 1080), (3840, 2160)]
# (size, text scale %): big text on a projector, where the decision may step its text down to fit
BIG_TEXT = [((1920, 1080), 150), ((1920, 1080), 200), ((1280, 720), 150), ((1280, 720), 200)]


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@functools.cache  # loading and validating the library is slow: once for both sizes, not once per node
def decision_nodes() -> list[tuple[Path, str, str]]:
    """(file, scenario id, node id) for every decision node of the library."""
    out = []
    for path in scenario_files(SCENARIOS):
        scenario = open_scenario(str(path), SCENARIOS).scenario
        out += [(path, scenario.id, node_id) for node_id, node in scenario.nodes.items() if node.choices]
    return out


def at_node(app, pilot, path: Path, node_id: str, scenario_id: str | None = None, draw: bool = True):
    """The play screen at a node with all its choices showing, on its first slide. A caller that knows the
    scenario's id passes it, so that stepping through one file's nodes does not re-open the file each time;
    one that moves on at once (a key press draws a frame) passes draw=False, and the slide is only laid out:
    a 4K frame costs ~50 ms."""
    session = app.session
    if scenario_id is None:
        scenario_id = open_scenario(str(path), SCENARIOS).scenario.id
    if session is None or session.story.scenario.id != scenario_id:
        app.act(StartScenario(path))
        session = app.session
    story = session.story
    story._visible = lambda node: list(range(len(node.choices)))  # every choice: the most there can be
    story.state.node = node_id
    story.state.visited = [story.scenario.start, node_id]  # "Earlier parts" shows too: the most controls
    screen = pilot.top
    screen.refresh()
    if draw:
        pilot.step()
    else:
        screen.ensure(pilot.surface.get_size())
    return screen, story.scene


def check_decision(pilot, screen, scene, where: str, scale: int = 100) -> None:
    look = screen._look
    assert screen.max_scroll == 0, f"{where}: the decision scrolls by {screen.max_scroll} px"
    texts = pilot.all_texts()
    body = texts.get("body", [])
    for b in body:
        assert screen.viewport.contains(b.rect), f"{where}: {b.text!r} is outside the visible page"
        assert b.rect.h >= look.font("body").get_height() * 0.85, f"{where}: {b.text!r} is smaller than body text"
    laid_out = flat(" ".join(b.text for b in body))
    wanted = [scene.prompt] if scene.prompt else []
    wanted += [c.text for c in scene.choices]
    for text in wanted:  # as drawn: a character the font lacks is shown as words ("(flexed biceps)")
        text = displayable(look.font("body"), text)
        assert flat(text) in laid_out, f"{where}: not laid out in full: {text[:40]!r}"
    assert look.metrics.body_px >= pilot.surface.get_height() / 22, f"{where}: text below the room's floor"
    shrunk = look is not screen._wanted_look
    assert shrunk == (SHRUNK in laid_out), \
        f"{where}: smaller text must say so, and only then"
    if scale == 100:  # the profile's size, not shrunk
        assert not shrunk, f"{where}: the text was made smaller at 100 %"
    ids = screen.button_ids()
    assert [f"choice-{c.number}" for c in scene.choices] == [i for i in ids if i.startswith("choice-")]
    for t in screen.targets:  # every choice and control is on screen as it is
        assert screen.region_clip(t.region).contains(screen.screen_rect(t)), f"{where}: {t.button.id} off screen"


CASES = [(size, 100) for size in SIZES]  # BIG_TEXT: tests/test_projector_decision_big_text.py (another worker)


@pytest.mark.parametrize(("size", "scale"), CASES, ids=[f"{w}x{h}-{s}" for (w, h), s in CASES])
def test_every_library_decision_fits_one_projector_screen(tmp_path, size, scale):
    every_library_decision_fits(tmp_path, size, scale)


def every_library_decision_fits(tmp_path, size, scale) -> None:
    app, pilot = make_app(tmp_path, size=size, prefs=Preferences(profile="projector", text_scale=scale),
                          saves=False)
    nodes = decision_nodes()
    assert len(nodes) > 50  # the whole library, not a fixture
    problems = []
    for path, scenario_id, node_id in nodes:
        screen, scene = at_node(app, pilot, path, node_id, scenario_id, draw=False)
        where = f"{path.stem}:{node_id} at {size[0]}x{size[1]} {scale} %"
        if not screen.on_decision:
            screen.show_decision()  # from a scene in parts, as from any scene: a number key does the same
        pilot.step()
        assert screen.on_decision, f"{where}: not on the decision slide"
        try:
            check_decision(pilot, screen, scene, where, scale)
        except AssertionError as e:  # every node that does not fit, not just the first
            problems.append(str(e).splitlines()[0])
    assert not problems, "\n".join(problems)


def test_slide_keys_and_speech(tmp_path):
    voice = Voice(exe=None)
    app, pilot = make_app(tmp_path, size=(1920, 1080), prefs=Preferences(profile="projector"), saves=False,
                          voice=voice)
    path = SCENARIOS / "friend-request.yaml"
    screen, scene = at_node(app, pilot, path, "opening")
    # the long opening and its card do not fit one screen: the opening, then its last line with the card
    assert screen.slide == "scene" and screen.part == 0 and "scene-next" in screen.button_ids()
    assert "Next: more of the scene" in screen.speech() and "Kieran wrote" not in screen.speech()
    first = flat(" ".join(b.text for b in pilot.all_texts()["body"]))
    assert flat(scene.lines[0].text) == first and screen.max_scroll == 0  # the whole paragraph, no scrolling
    pilot.press("activate")  # the focused "More of the scene" button
    assert screen.part == 1 and screen.slide == "scene" and "decision" in screen.button_ids()
    words = " ".join(b.text for b in pilot.all_texts()["body"])
    assert scene.lines[1].text.split()[0] in words and scene.choices[0].text.split()[0] not in words.split()[:3]
    assert "What do you do?" not in screen.speech() and "Next: the decision" in screen.speech()
    pilot.press("left")
    assert screen.part == 0 and screen.slide == "scene"
    pilot.press("right")
    assert screen.part == 1
    pilot.press("choose_2")  # a number on the scene slide shows the options; it does not choose
    assert screen.on_decision and app.session.story.state.node == "opening"
    assert "For discussion" in screen.speech() and scene.choices[1].text.split()[0] in screen.speech()
    pilot.press("left")
    assert screen.slide == "scene" and screen.part == 1  # back from the decision: the scene's last part
    pilot.press("activate")  # the focused "Show the decision" button
    assert screen.on_decision
    pilot.press("review")  # Backspace
    assert screen.slide == "scene"
    pilot.press("right")
    assert screen.on_decision
    pilot.click("scene")
    assert screen.slide == "scene"
    pilot.click("decision")
    assert screen.on_decision and screen.focus_id == "scene"  # a second Enter must not choose for the room
    pilot.press("activate")
    assert screen.slide == "scene" and not app.session.story.state.steps
    pilot.press("activate")
    pilot.press("choose_2")
    assert app.session.story.state.steps[-1].number == 2


def test_a_scene_that_fits_smaller_text_is_one_slide_and_says_so(tmp_path):
    """A scene too long at 200 % that fits at a smaller size, not below the room's floor, is one slide."""
    app, pilot = make_app(tmp_path, size=(1920, 1080), prefs=Preferences(profile="projector", text_scale=200),
                          saves=False)
    screen, _scene = at_node(app, pilot, SCENARIOS / "after-court.yaml", "thread_grows")
    assert screen.slide == "scene" and not screen._parts and screen.max_scroll == 0
    assert screen._look is not screen._wanted_look and screen._look.metrics.body_px >= 1080 / 22
    assert SCENE_SHRUNK in flat(" ".join(b.text for b in pilot.all_texts()["footer"]))  # beside its button


def test_short_choices_in_two_columns_keep_their_keys(tmp_path):
    """Two columns read down then across (1, 2 | 3); the arrows move across them, Tab visits every choice in
    number order, and a number key chooses."""
    app, pilot = make_app(tmp_path, size=(1280, 720), prefs=Preferences(profile="projector", text_scale=200),
                          saves=False)
    screen, scene = at_node(app, pilot, SCENARIOS / "friend-request.yaml", "opening")
    screen.show_decision()
    pilot.step()
    assert FITS[screen._fit].columns == 2 and screen.max_scroll == 0
    one, two, three = (screen.screen_rect(screen.target(f"choice-{n}")) for n in (1, 2, 3))
    assert two.top >= one.bottom and two.left == one.left and three.left > one.right and three.top == one.top
    screen.set_focus("choice-1")
    pilot.press("right")
    assert screen.focus_id == "choice-3"
    screen.set_focus("choice-1")
    visited = []
    for _ in range(len(screen.targets)):
        pilot.press("next")
        visited.append(screen.focus_id)
    assert [v for v in visited if v.startswith("choice-")] == ["choice-2", "choice-3", "choice-1"]  # round
    pilot.press("choose_3")
    assert app.session.story.state.steps[-1].number == 3


def test_desktop_is_one_page(tmp_path):
    app, pilot = make_app(tmp_path, size=(1280, 720), saves=False)
    screen, scene = at_node(app, pilot, SCENARIOS / "friend-request.yaml", "opening")
    assert "choice-1" in screen.button_ids() and "decision" not in screen.button_ids()
    app.act(Choose(1))
    assert app.session.story.state.steps
