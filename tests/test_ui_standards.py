"""A facilitator can score every scenario against another framework (e.g. Social Work England's)."""

from __future__ import annotations

from game.settings import BY_NAME, Preferences

from .ui_support import make_app, start, words


def test_the_setting_offers_every_shipped_framework_and_refuses_others():
    values = [v for v, _ in BY_NAME["standards"].choices]
    assert values == ["as_written", "hcpc-2012", "hcpc-2016", "swe-2019"]
    assert Preferences.from_dict({"standards": "made-up"}).standards == "as_written"


def test_feedback_names_the_chosen_frameworks_standards(tmp_path):
    app, pilot = make_app(tmp_path, prefs=Preferences(standards="swe-2019"))
    start(app, pilot)
    assert app.session.story.framework.id == "swe-2019"
    pilot.press("choose_6")
    text = words(pilot)
    # HCPC 2012 standard 2 (confidentiality) is carried to SWE standard 2 (trust and confidence)
    assert "Standard 2 · Trust and confidence — breached" in text
    assert "Confidentiality" not in text


def test_as_written_keeps_the_scenarios_own_framework(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    assert app.session.story.framework.id == "hcpc-2012"


def test_the_debrief_lists_the_standards_at_stake_in_the_chosen_framework(tmp_path):
    app, pilot = make_app(tmp_path, prefs=Preferences(standards="hcpc-2016"))
    start(app, pilot)
    for key in ("choose_2", "activate", "activate", "choose_1", "activate", "activate"):
        pilot.press(key)  # the keyboard-only path of test_ui_flow, to the debrief
    assert pilot.names[-1] == "debrief"
    everything = words(pilot, "body")
    assert "The standards at stake" in everything
    at_stake = app.session.story.standards_at_stake(app.session.story.ending)
    assert at_stake and all(s in app.session.story.framework.standards for s in at_stake)
    for s in at_stake:
        assert f"Standard {s.id} · {s.short}" in everything
