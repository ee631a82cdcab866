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
