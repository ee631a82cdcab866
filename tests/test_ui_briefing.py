"""The desktop game before and after play (issue 14 §2, §10): the picker names the standards that will be
played, a briefing shows the learning objectives before the first scene, and the debrief shows the played
regulator's sanction, the references, and a chart whose standards are exactly "The standards at stake"."""

from __future__ import annotations

import pytest

from game.settings import Preferences
from tests.ui_support import make_app, words

FILES = ("regulator.yaml", "tiny.yaml")


def _to_briefing(pilot, name="regulator.yaml") -> None:
    pilot.click("scenarios")
    index = next(i for i, e in enumerate(pilot.app.catalog()) if e.path.name == name)
    pilot.click(f"scenario-{index}")


@pytest.mark.parametrize("standards, shown", [
    ("as_written", "HCPC standards of conduct, performance and ethics (2012)"),
    ("swe-2019", "Social Work England professional standards (2019) — written for the HCPC standards")])
def test_the_picker_names_the_standards_that_will_be_played(tmp_path, standards, shown):
    app, pilot = make_app(tmp_path, files=FILES, prefs=Preferences(standards=standards))
    pilot.click("scenarios")
    assert shown in words(pilot, "body")


def test_the_briefing_shows_the_objectives_in_the_played_regulators_words_then_begins(tmp_path):
    app, pilot = make_app(tmp_path, files=FILES, prefs=Preferences(standards="swe-2019"))
    _to_briefing(pilot)
    assert pilot.names[-1] == "briefing" and app.session is None  # nothing is played before Begin
    text = words(pilot)
    assert "What you will practise" in text and "1. Know what Social Work England does" in text
    assert "Scored against the Social Work England professional standards (2019)" in text
    assert "Its regulator, Social Work England, has regulated social workers in England since 2 December 2019." in text
    assert "$regulator" not in text
    pilot.click("begin")
    assert pilot.names[-1] == "play" and app.session.story.framework.id == "swe-2019"


def test_back_from_the_briefing_returns_to_the_list(tmp_path):
    app, pilot = make_app(tmp_path, files=FILES)
    _to_briefing(pilot)
    pilot.click("back")
    assert pilot.names[-1] == "scenarios" and app.session is None


def _debrief(tmp_path, standards: str, number: int = 1):
    app, pilot = make_app(tmp_path, files=FILES, prefs=Preferences(standards=standards, feedback="at_debrief"))
    _to_briefing(pilot)
    pilot.click("begin")
    pilot.press(str(number))
    pilot.step()
    assert pilot.names[-1] == "ending"
    from game.ui.intents import ShowDebrief

    app.act(ShowDebrief())
    pilot.step()
    return app, pilot


@pytest.mark.parametrize("standards, label, regulator", [
    ("as_written", "Caution order — 2 years (consent order)", "HCPC"),
    ("swe-2019", "Warning — 1 year (accepted outcome)", "Social Work England")])
def test_the_debrief_shows_the_played_sanction_and_the_references(tmp_path, standards, label, regulator):
    app, pilot = _debrief(tmp_path, standards)
    text = words(pilot)
    assert f"Your outcome: {label}" in text
    assert "Read more" in text and "HCPC social media guidance (2017)" in text
    ladder = [o.title for o in app.session.story.ladder.outcomes]
    assert ("Warning" in ladder) == (regulator == "Social Work England")


def test_the_debrief_chart_lists_exactly_the_standards_at_stake(tmp_path):
    from game.ui.embeds import scores_shown

    app, pilot = _debrief(tmp_path, "as_written")
    story = app.session.story
    at_stake = story.standards_at_stake(story.ending)
    assert [s.id for s in at_stake] == ["3"]  # the ending names 3; the path scored only 3 (13 is scored elsewhere)
    assert scores_shown(story) == {"3": -2}
    assert "13" in story.state.scores  # the state still totals every scored standard
    text = words(pilot)
    assert "Honesty and public confidence" not in text  # no "0 at stake" row for a standard not at stake
