"""The group session on the desktop, driven headlessly through the pilot with two windows (the console in
the game window, the audience view in a second pygame Window) on the dummy driver: votes, reveal, majority,
feedback, ending and summary; a tie; an override; resuming after a crash; one window with the notes peek;
and privacy: every text the audience view lays out, in every phase, holds no facilitator note and no count
before the reveal."""

from __future__ import annotations

import json

import pygame
import pytest

from game.ui.group_run import GroupSetup
from game.ui.intents import RunGroup
from game.ui.pilot import Pilot
from tests.ui_support import make_app

NOTE = "NOTE-"
FILE = "group.yaml"  # tests/fixtures/group.yaml: intro -> request (3 options) -> reflect -> share (2) -> ending


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def saves(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(folder))
    return folder


def group_app(tmp_path, one_window: bool = False, clock: Clock | None = None):
    app, pilot = make_app(tmp_path, size=(1280, 800), files=(FILE,), saves=False)
    clock = clock or Clock()
    app.group_setup = GroupSetup(one_window=one_window, clock=clock)
    return app, pilot, clock


def run(app, pilot) -> Pilot:
    app.act(RunGroup(app.scenarios_dir / FILE))
    pilot.step()
    if app.group.one_window:
        return pilot
    room = Pilot(app, app.group.audience)
    room.step()
    return room


def room_words(room: Pilot) -> str:
    room.step()
    texts = room.all_texts()
    return " ".join(b.text for blits in texts.values() for b in blits).replace("\u00a0", " ")


class Watch:
    """Every word the audience view lays out, phase by phase."""

    def __init__(self, app, room: Pilot):
        self.app, self.room, self.seen = app, room, []

    def look(self) -> str:
        words = room_words(self.room)
        self.seen.append((self.app.group.session.phase, words))
        return words

    def assert_private(self) -> None:
        assert self.seen
        for phase, words in self.seen:
            assert NOTE not in words, (phase, words)


def to_request_vote(pilot: Pilot, watch: Watch) -> None:
    watch.look()  # the intro scene
    pilot.press("n")
    assert "Hi! Remember me?" in watch.look()
    pilot.click("next")  # the decision, by mouse
    assert watch.app.group.session.phase == "decision"


def type_count(pilot: Pilot, option: int, digits: str) -> None:
    pilot.click(f"type-{option}")
    pilot.type(digits)
    pilot.press("return")


def test_title_to_a_whole_session_with_two_windows(tmp_path, saves):
    app, pilot, clock = group_app(tmp_path)
    pilot.click("group")
    assert pilot.names == ["title", "group_pick"]
    pilot.click("scenario-0")
    assert pilot.names == ["title", "console"] and len(app.views) == 2
    room = Pilot(app, app.group.audience)
    assert room.names == ["audience"]
    assert app.group.audience.look((1920, 1080)).metrics.profile.projector
    watch = Watch(app, room)
    to_request_vote(pilot, watch)
    session = app.group.session
    type_count(pilot, 1, "17")
    type_count(pilot, 2, "23")
    pilot.click("plus-3")
    pilot.press("3")  # a clicker press: one vote
    pilot.press("3")
    pilot.press("3", mod=pygame.KMOD_SHIFT)  # and one taken off again
    assert session.counts == (17, 23, 2)
    console = " ".join(b.text for b in pilot.texts())
    assert "NOTE-POINT-BOUNDARIES" in console and "NOTE-MODEL-ANSWER" in console  # the notes, on the console
    assert "count hidden" in console and "23 votes" not in console  # the split only when allowed
    pilot.click("split")
    assert "23 votes" in " ".join(b.text for b in pilot.texts())
    pilot.press("t")  # the timer starts; it never moves the story on
    clock.t += 500
    before = watch.look()
    assert "Votes in: 42" in before and "Time is up" in before
    for secret in ("17", "23", "%"):
        assert secret not in before
    pilot.click("reveal")
    revealed = watch.look()
    assert "23 votes · 55 % · majority" in revealed and "17 votes · 40 %" in revealed
    assert "The majority chose option 2." in revealed
    pilot.press("m")
    assert session.phase == "feedback"
    assert "A clear boundary, recorded." in watch.look()
    pilot.click("all")
    every = watch.look()
    assert "Accepting blurs boundaries." in every and "It leaves Sam guessing." in every
    pilot.click("next")  # reflect: narration only
    watch.look()
    pilot.press("n")  # share: straight to its vote
    assert session.phase == "decision"
    watch.look()
    pilot.press("1", times=3)
    pilot.press("r")
    watch.look()
    pilot.press("m")
    watch.look()
    pilot.press("n")
    assert session.phase == "ending"
    assert "Well done" in watch.look()
    pilot.press("n")
    assert "What happened" in watch.look()
    pilot.press("n")
    assert "23 votes · 55 % · majority" in watch.look()  # the group's path, one decision a slide
    pilot.press("n")
    assert "3 votes · 100 % · majority" in watch.look()
    watch.assert_private()
    folders = list((saves / "group").glob("group-fixture-*"))
    assert len(folders) == 1  # written at the ending
    names = sorted(p.name for p in folders[0].iterdir())
    assert names == ["handout-facilitator.html", "handout.html", "session-facilitator.csv", "session-facilitator.json",
                     "session.csv", "session.json"]
    record = json.loads((folders[0] / "session.json").read_text("utf-8"))
    assert [d["votes"] for d in record["decisions"]] == [[17, 23, 2], [3, 0]]
    assert [(d["chosen"], d["how"]) for d in record["decisions"]] == [(2, "majority"), (1, "majority")]
    assert NOTE not in (folders[0] / "session.json").read_text("utf-8")
    assert record["ending"]["id"] == "good"
    assert app.group.notice.startswith("Summary written to ")
    pilot.press("escape")
    pilot.click("yes")
    assert pilot.names == ["title"] and len(app.views) == 1 and app.group is None


def test_a_tie_goes_to_the_facilitators_pick_among_the_tied(tmp_path, saves):
    app, pilot, _ = group_app(tmp_path)
    room = run(app, pilot)
    watch = Watch(app, room)
    to_request_vote(pilot, watch)
    pilot.press("1", times=2)
    pilot.press("3", times=2)
    pilot.press("r")
    tied = watch.look()
    assert "2 votes · 50 % · tied" in tied and "A tie between options 1 and 3" in tied
    pilot.press("m")  # no majority: the console says so, nothing is chosen
    assert app.group.session.phase == "revealed" and "no majority" in app.group.notice
    pilot.press("3")
    assert app.group.session.decisions[-1].how == "tie-break" and app.group.session.decisions[-1].chosen == 3
    watch.assert_private()


def test_an_override_asks_first_and_is_recorded(tmp_path, saves):
    app, pilot, _ = group_app(tmp_path)
    room = run(app, pilot)
    to_request_vote(pilot, Watch(app, room))
    type_count(pilot, 2, "5")
    pilot.press("1")
    pilot.click("reveal")
    pilot.click("choose-1")
    assert pilot.names == ["title", "console", "confirm"]
    pilot.click("no")
    assert app.group.session.phase == "revealed"
    pilot.click("choose-1")
    pilot.click("yes")
    d = app.group.session.decisions[-1]
    assert (d.chosen, d.how) == (1, "override") and pilot.names == ["title", "console"]


def test_pick_without_a_vote(tmp_path, saves):
    app, pilot, _ = group_app(tmp_path)
    room = run(app, pilot)
    to_request_vote(pilot, Watch(app, room))
    pilot.press("2", mod=pygame.KMOD_CTRL)
    pilot.click("yes")
    assert (app.group.session.decisions[-1].chosen, app.group.session.decisions[-1].how) == (2, "facilitator")


def test_resume_after_a_crash_from_the_autosave(tmp_path, saves):
    app, pilot, _ = group_app(tmp_path)
    room = run(app, pilot)
    to_request_vote(pilot, Watch(app, room))
    pilot.press("1", times=4)
    pilot.press("2")
    pilot.press("c")  # voting closed
    # the power goes: nothing is closed or saved on the way out; a new app starts from the files
    for view in list(app.views):
        view.close()
    app2, pilot2, _ = group_app(tmp_path)
    pilot2.click("group")
    pilot2.click("scenario-0")
    assert pilot2.names == ["title", "group_pick", "group_offer"]
    pilot2.click("resume")
    session = app2.group.session
    assert pilot2.names == ["title", "console"]
    assert session.phase == "closed" and session.counts == (4, 1, 0)
    room2 = Pilot(app2, app2.group.audience)
    words = room_words(room2)
    assert "Voting is closed. Votes in: 5" in words and "4 votes" not in words
    pilot2.press("r")
    pilot2.press("m")
    assert session.decisions[-1].chosen == 1


def test_start_afresh_instead_of_resuming(tmp_path, saves):
    app, pilot, _ = group_app(tmp_path)
    run(app, pilot)
    pilot.press("n")
    app.act(RunGroup(app.scenarios_dir / FILE))
    pilot.step()
    assert pilot.names[-1] == "group_offer"
    pilot.click("fresh")
    assert app.group.session.scene.node == "intro" and pilot.names == ["title", "console"]


def test_a_damaged_autosave_says_so_plainly(tmp_path, saves):
    (saves / "group").mkdir(parents=True)
    (saves / "group" / "group-fixture.json").write_text("{not json", "utf-8")
    app, pilot, _ = group_app(tmp_path)
    app.act(RunGroup(app.scenarios_dir / FILE))
    pilot.step()
    pilot.click("resume")
    assert pilot.names[-1] == "message"
    assert "not a group session file" in " ".join(b.text for b in pilot.texts())


def test_one_window_keys_and_the_notes_peek(tmp_path, saves):
    app, pilot, _ = group_app(tmp_path, one_window=True)
    room = run(app, pilot)
    assert room is pilot and pilot.names == ["title", "audience"] and len(app.views) == 1
    assert app.view.look((1920, 1080)).metrics.profile.projector
    watch = Watch(app, room)
    to_request_vote_keys = watch.look()
    assert NOTE not in to_request_vote_keys
    pilot._post(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="v", scancode=0)
    pilot.step()
    peek = room_words(pilot)
    assert "The room can see this" in peek and "NOTE-INTRO-TIMING" in peek
    pilot._post(pygame.KEYUP, key=pygame.K_v, mod=0, unicode="v", scancode=0)
    pilot.step()
    assert NOTE not in room_words(pilot)
    pilot.press("n")
    pilot.press("n")
    pilot.press("2", times=2)
    pilot.press("r")
    pilot.press("m")
    assert app.group.session.decisions[-1].chosen == 2
    pilot.press("f1")
    assert pilot.names[-1] == "group_help"
    pilot.press("escape")
    pilot.press("r")  # refused now: a plain message, no traceback
    assert pilot.names[-1] == "message"
    pilot.press("return")
    pilot.press("escape")
    pilot.click("yes")
    assert pilot.names == ["title"] and app.view.profile_id is None
    watch.assert_private()
