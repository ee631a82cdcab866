"""The desktop game's screen flow, driven through real pygame events by the test pilot: keyboard alone,
mouse alone, the pause menu, saves, history, review, settings, resizing and idle."""

import json

import pygame
import pytest

from game.settings import Preferences
from game.ui.blocks import Icon
from game.ui.intents import Choose, Push
from tests.ui_support import RICH, make_app, start, words


def scenario_button(pilot, title_start="The friend request"):
    screen = pilot.top
    for t in screen.targets:
        if t.button.id.startswith("scenario-") and title_start in " ".join(
                b.text for b, _, _ in t.button.walk() if hasattr(b, "text")):
            return t.button.id
    raise AssertionError("scenario not listed")


def test_screens_return_intents_without_an_app_acting(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    play = app.top
    event = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0, unicode="2", scancode=0)
    assert play.handle_event(event) == Choose(2)
    esc = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0)
    assert play.handle_event(esc) == Push("pause")
    assert app.names() == ["title", "play"]  # nothing happened until the app acts


def test_keyboard_only_playthrough(tmp_path):
    app, pilot = make_app(tmp_path)
    assert pilot.names == ["title"]
    assert "continue" not in pilot.top.button_ids()  # nothing to continue yet: shown, not focusable
    assert pilot.top.focus_id == "scenarios"
    pilot.press("activate")
    assert pilot.names == ["title", "scenarios"]
    pilot.top.set_focus(scenario_button(pilot))
    pilot.press("activate")
    assert pilot.names == ["title", "scenarios", "briefing"]  # the learning objectives first
    assert pilot.top.focus_id == "begin"
    pilot.press("activate")
    assert pilot.names == ["title", "play"]
    assert "You are on the sofa" in words(pilot)
    pilot.press("choose_2")
    assert pilot.names == ["title", "play", "feedback"]
    assert "Standard 3 · Personal conduct — upheld (+1)" in words(pilot)
    pilot.press("activate")  # Continue
    assert pilot.names == ["title", "play"]
    assert app.session.story.state.node == "ignored"  # a narration-only part: Continue
    assert pilot.top.button_ids()[0] == "continue"
    pilot.press("activate")
    assert app.session.story.state.node == "checkup"
    pilot.press("choose_1")
    pilot.press("activate")
    assert pilot.names == ["title", "ending"]
    assert "Your outcome: Commended for good practice" in words(pilot)
    pilot.press("activate")
    assert pilot.names == ["title", "ending", "debrief"]
    everything = words(pilot, "body")
    assert "Questions for reflection" in everything
    assert "How often do you check your own privacy settings?" in everything
    assert "The path you took" in everything


def test_mouse_only_playthrough(tmp_path):
    app, pilot = make_app(tmp_path)
    pilot.click("scenarios")
    pilot.click(scenario_button(pilot))
    pilot.click("begin")
    pilot.click("choice-3")
    assert pilot.names[-1] == "feedback"
    pilot.click("continue")
    assert app.session.story.state.node == "declined"
    pilot.click("continue")
    pilot.click("choice-1")
    pilot.click("continue")
    assert pilot.names == ["title", "ending"]
    pilot.click("debrief")
    assert pilot.names[-1] == "debrief"
    pilot.click("title")
    assert pilot.names == ["title"]


def test_feedback_names_each_standard_with_number_title_sign_words_and_icon(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_6")
    text = words(pilot)
    assert "Standard 2 · Confidentiality — breached (\u22123)" in text
    assert "Standard 13 · Honesty and public confidence — breached (\u22122)" in text
    icons = [b.kind for b, _, _ in pilot.top._body.walk() if isinstance(b, Icon)]
    assert icons.count("breached") == 2  # a shape beside the words, never colour alone


def test_pause_menu_and_confirmations(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_1")
    pilot.press("activate")
    pilot.press("back")
    assert pilot.names == ["title", "play", "pause"]
    assert pilot.top.button_ids() == ["resume", "save", "load", "history", "settings", "restart", "quit"]
    pilot.press("back")
    assert pilot.names == ["title", "play"]
    pilot.press("back")
    pilot.click("restart")
    assert pilot.names[-1] == "confirm"
    assert pilot.top.focus_id == "no"  # the safe answer has the focus
    pilot.press("activate")
    assert pilot.names == ["title", "play", "pause"]
    assert app.session.story.state.node == "accepted"
    pilot.click("restart")
    pilot.click("yes")
    assert pilot.names == ["title", "play"]
    assert app.session.story.state.node == "opening" and not app.session.story.state.steps
    pilot.press("back")
    pilot.click("quit")
    pilot.click("yes")
    assert pilot.names == ["title"]


def test_continue_resumes_the_latest_autosave(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_3")
    pilot.press("activate")
    assert app.session.story.state.node == "declined"
    store = app.store
    # a new game on the same save file
    from game.ui.app import App
    from game.ui.pilot import Pilot
    from game.ui.voice import Voice

    again = App(store=store, scenarios_dir=app.scenarios_dir, voice=Voice(exe=None))
    p2 = Pilot(again)
    assert p2.top.focus_id == "continue"
    p2.press("activate")
    assert p2.names == ["title", "play"]
    assert again.session.story.state.node == "declined"
    assert [s.number for s in again.session.story.state.steps] == [3]


def test_save_with_a_typed_name_then_load_it(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_1")
    pilot.press("activate")
    pilot.press("back")
    pilot.click("save")
    assert pilot.names[-1] == "save"
    pilot.top.slot_name = ""
    pilot.type("Session 2 with Sam")
    pilot.press("activate")  # Enter saves
    assert pilot.names[-1] == "message"
    assert "Saved as “Session 2 with Sam”" in words(pilot)
    assert any(s.name == "Session 2 with Sam" for s in app.store.slots())
    pilot.press("activate")
    pilot.press("back")  # resume
    pilot.press("choose_1")  # play on past the save
    pilot.press("activate")
    pilot.press("back")
    pilot.click("load")
    ids = pilot.top.button_ids()
    named = next(t.button.id for t in pilot.top.targets if "Session 2 with Sam" in
                 " ".join(b.text for b, _, _ in t.button.walk() if hasattr(b, "text")))
    assert named in ids
    pilot.click(named)
    assert pilot.names == ["title", "play"]
    assert app.session.story.state.node == "accepted"


def test_history_scrolls_by_keys_wheel_and_scrollbar(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_1")
    pilot.press("activate")
    pilot.press("choose_2")
    pilot.press("activate")
    pilot.press("activate")
    pilot.press("history")
    screen = pilot.top
    assert screen.name == "history"
    assert screen.max_scroll > 0
    assert screen.scroll == screen.max_scroll  # opens where the player is
    body = words(pilot, "body")
    assert "Accept the request." in body and "Accepting a friend request" in body
    assert "Jo has liked three of your posts" in body
    pilot.wheel(3)
    assert screen.scroll < screen.max_scroll
    pilot.press("home")
    assert screen.scroll == 0
    pilot.press("page_down")
    assert screen.scroll > 0
    track, thumb = screen.scrollbar_rects()
    pilot.drag(thumb.center, (thumb.centerx, track.bottom + 50))
    assert screen.scroll == screen.max_scroll
    pilot.drag(screen.scrollbar_rects()[1].center, (thumb.centerx, track.top - 50))
    assert screen.scroll == 0
    pilot.press("down")
    assert screen.scroll > 0  # no control in view to move to: the arrow scrolls
    pilot.press("back")
    assert pilot.names[-1] == "play"


def test_review_shows_earlier_parts_with_choices_locked(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_1")
    pilot.press("activate")
    steps = len(app.session.story.state.steps)
    pilot.press("review")
    screen = pilot.top
    assert screen.name == "review"
    assert "You are on the sofa" in words(pilot) or "You are on the sofa" in "\n".join(
        b.text for b in pilot.all_texts()["body"])
    body = words(pilot, "body")
    assert "You chose this" in body and "locked" in body
    assert not any(i.startswith("locked-") for i in screen.button_ids())  # shown, not choosable
    pilot.press("choose_2")
    assert pilot.names[-1] == "review" and len(app.session.story.state.steps) == steps
    pilot.click("later")
    assert screen.index == 1
    pilot.press("back")
    assert pilot.names[-1] == "play"


def test_feedback_at_the_debrief(tmp_path):
    app, pilot = make_app(tmp_path, prefs=Preferences(feedback="at_debrief"))
    start(app, pilot)
    pilot.press("choose_3")
    assert pilot.names == ["title", "play"]  # no feedback panel
    pilot.press("history")
    assert "Feedback is shown at the debrief." in words(pilot, "body")
    pilot.press("back")
    pilot.press("activate")
    pilot.press("choose_1")
    assert pilot.names == ["title", "ending"]
    pilot.press("activate")
    body = words(pilot, "body")
    assert "A brief, warm explanation keeps the boundary" in body


def test_settings_apply_at_once_and_persist(tmp_path):
    app, pilot = make_app(tmp_path, settings=True)
    px = app.look((1280, 720)).metrics.body_px
    pilot.click("settings")
    pilot.click("text_scale-larger")
    assert app.prefs.text_scale == 110
    assert app.look((1280, 720)).metrics.body_px > px
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["text_scale"] == 110
    pilot.click("theme-high-contrast")
    assert pilot.frame().get_at((2, 300))[:3] == (0, 0, 0)
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "high-contrast"
    assert pilot.top.focus_id == "theme-high-contrast"  # the focus stays where it was
    pilot.click("feedback-at_debrief")
    assert app.prefs.feedback == "at_debrief"


def test_self_voicing_is_disabled_with_a_reason_without_espeak(tmp_path):
    app, pilot = make_app(tmp_path)
    pilot.click("settings")
    ids = pilot.top.button_ids()
    assert "self_voicing-True" not in ids
    body = words(pilot, "body")
    assert "espeak-ng is not installed" in body


def test_arrows_and_tab_move_a_visible_focus_ring(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    screen = pilot.top
    assert screen.focus_id == "choice-1"
    pilot.press("down")
    assert screen.focus_id == "choice-2"
    pilot.press("up")
    assert screen.focus_id == "choice-1"
    pilot.press("next")
    assert screen.focus_id == "choice-2"
    pilot.press("next", mod=pygame.KMOD_SHIFT)
    assert screen.focus_id == "choice-1"
    frame = pilot.frame()
    t = screen.target("choice-1")
    r = screen.screen_rect(t)
    ring = app.look(frame.get_size()).theme.focus_ring
    ring_w = app.look(frame.get_size()).metrics.ring
    assert frame.get_at((r.centerx, r.top - 1 - ring_w // 2))[:3] == ring
    pilot.press("activate")
    assert pilot.names[-1] == "feedback"


def test_hover_highlights_and_a_number_not_offered_does_nothing(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_9")
    assert pilot.names == ["title", "play"] and not app.session.story.state.steps
    screen = pilot.top
    pilot.hover("choice-2")
    assert screen.hover_id == "choice-2"
    r = screen.screen_rect(screen.target("choice-2"))
    assert pilot.frame().get_at((r.right - 20, r.centery))[:3] == app.look((1280, 720)).theme.button_hover


def test_resizing_lays_the_page_out_again(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    wide = pilot.top.content_w
    pilot.resize(800, 600)
    assert pilot.surface.get_size() == (800, 600)
    assert pilot.top.content_w < wide
    for region in pilot.all_texts().values():
        for blit in region:
            assert blit.rect.left >= 0 and blit.rect.right <= 800, blit.text
    pilot.resize(1280, 720)


def test_idle_draws_nothing(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.step(3)
    drawn = app.frames_drawn
    pilot.step(30)
    assert app.frames_drawn == drawn  # nothing changed: no frame
    pilot.press("down")
    assert app.frames_drawn == drawn + 1


def test_f1_help_and_f11_fullscreen(tmp_path):
    app, pilot = make_app(tmp_path)
    pilot.press("help")
    assert pilot.names == ["title", "help"]
    assert "Choose a numbered choice" in words(pilot, "body")
    pilot.press("back")
    pilot.press("fullscreen")
    assert app.prefs.fullscreen is True
    pilot.press("fullscreen")
    assert app.prefs.fullscreen is False
    assert pilot.surface.get_size() == (1280, 720)


def test_picker_shows_minutes_framework_done_mark_and_best_outcome(tmp_path):
    app, pilot = make_app(tmp_path)
    pilot.click("scenarios")
    body = words(pilot, "body")
    assert "About 15 minutes · HCPC standards of conduct, performance and ethics (2012)" in body
    assert "Done" not in body
    start(app, pilot)
    for key in ("choose_3", "activate", "activate", "choose_1", "activate"):
        pilot.press(key)
    assert app.session.story.is_over
    app.act(Push("scenarios"))
    pilot.step()
    body = words(pilot, "body")
    assert "Done · best outcome so far: Commended for good practice" in body


def test_facilitator_prompt_is_prominent_on_a_projector(tmp_path):
    heights = {}
    for profile, size in (("desktop", (1280, 720)), ("projector", (1920, 1080))):
        app, pilot = make_app(tmp_path / profile, size=size, prefs=Preferences(profile=profile))
        start(app, pilot)
        body = pilot.all_texts()["body"]
        narration = next(b for b in body if b.text.startswith("You are on the sofa"))
        if profile == "projector":  # the question is on the decision's own slide, after the scene's
            while not pilot.top.on_decision:  # the scene may be in parts when it is long
                pilot.press("right")
            body = pilot.all_texts()["body"]
            assert body[0].text == "For discussion"  # first on the slide
        prompt = next(b for b in body if b.text.startswith("Would your"))
        assert any(b.text == "For discussion" for b in body)
        heights[profile] = prompt.rect.h / narration.rect.h
    assert heights["desktop"] == pytest.approx(1.0, abs=0.05)
    # on a projector never smaller than the body text (larger when the decision has room: see decision.FITS)
    assert heights["projector"] >= 1.0


def test_a_scenario_with_errors_is_listed_and_explained(tmp_path):
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "broken.yaml").write_text("format: 1\nid: broken\n")
    app, pilot = make_app(tmp_path)
    pilot.click("scenarios")
    body = words(pilot, "body")
    assert "broken.yaml" in body and "Cannot be played" in body
    app.act(__import__("game.ui.intents", fromlist=["StartScenario"]).StartScenario(
        tmp_path / "scenarios" / "broken.yaml"))
    pilot.step()
    assert pilot.names[-1] == "message"
    assert RICH  # the good file is still there to play


def test_esc_on_feedback_opens_the_menu_and_resume_returns_to_it(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    node = app.session.story.state.node
    pilot.press("choose_1")
    assert pilot.names[-1] == "feedback"
    after_choice = app.session.story.state.node
    pilot.press("back")
    assert pilot.names[-2:] == ["feedback", "pause"]
    assert app.session.story.state.node == after_choice != node  # Esc skipped nothing
    pilot.click("resume")
    assert pilot.names[-1] == "feedback"


def test_restart_scores_against_the_standards_chosen_since(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    first = app.session.story.framework.id
    other = "swe-2019" if first != "swe-2019" else "hcpc-2016"
    app.change("standards", other)
    pilot.press("back")
    pilot.click("restart")
    pilot.click("yes")
    assert pilot.names == ["title", "play"]
    assert app.session.story.framework.id == other
