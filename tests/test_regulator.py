"""The regulator and its sanctions follow the framework played (issue 14 §1): text tokens ($regulator,
$Regulator, $$) in every text the player sees, and regulator-level endings in the played regulator's words,
with lengths it allows."""

import dataclasses

import pytest

from game.engine import reference, tokens
from game.engine.loader import load_file
from game.engine.story import Story
from tests.conftest import FIXTURES


def played(framework: str | None, number: int = 1) -> Story:
    loaded = load_file(FIXTURES / "regulator.yaml")
    assert loaded.ok, loaded.diagnostics
    story = Story(loaded.scenario, framework)
    story.choose(number)
    return story


# --- tokens -------------------------------------------------------------------------------------------------

def test_tokens_render_with_a_capital_a_literal_dollar_and_unknown_names_left_as_written():
    words = tokens.words_for("the HCPC")
    assert tokens.render("$Regulator wrote; tell $regulator. $$5, $5, $regulatr.", words) == \
        "The HCPC wrote; tell the HCPC. $5, $5, $regulatr."
    assert tokens.unknown("tell $regulatr and $Regulator, $$x") == [(5, "regulatr")]


@pytest.mark.parametrize("framework, name", [(None, "the HCPC"), ("hcpc-2016", "the HCPC"),
                                             ("swe-2019", "Social Work England")])
def test_every_text_the_player_sees_names_the_played_regulator(framework, name):
    story = Story(load_file(FIXTURES / "regulator.yaml").scenario, framework)
    capital = name[0].upper() + name[1:]
    s = story.scenario
    assert (s.title, s.summary, s.objectives[0]) == (f"Before {name}", f"A referral to {name}.",
                                                     f"Know what {name} does")
    assert s.references[0].url == "https://example.org/$regulator"  # an address is never prose
    scene = story.scene
    assert scene.title == f"The letter from {name}"
    assert [line.text for line in scene.lines] == [
        f"{capital} writes to you. It costs $5 to post a reply, or $5.", f"Tell {name} the truth."]
    assert scene.card.results[0].title == f"Check the register — {capital}"
    assert scene.card.results[0].snippet == f"Search {name}'s register"
    assert scene.prompt == f"What would {name} expect?"
    assert s.nodes["a"].notes.points == [f"Ask what {name} is for"]
    assert scene.choices[0].text == f"Reply to {name}"
    feedback = story.choose(1)
    assert feedback.text == f"{capital} notes your reply."
    ending = story.ending
    assert (ending.title, ending.text) == (f"A sanction from {name}", f"{capital} agrees an outcome with you.")
    assert ending.debrief.what_happened.startswith(capital)
    assert ending.debrief.reflection == [f"What would you tell {name} now?"]
    assert "$" not in str(story.history()[0].step.text)


def test_a_scenario_without_tokens_is_played_as_the_same_object():
    loaded = load_file(FIXTURES / "tiny.yaml")
    assert Story(loaded.scenario, "swe-2019").scenario is loaded.scenario


# --- endings in the played regulator's words ------------------------------------------------------------------

def test_one_ending_is_an_hcpc_caution_or_a_social_work_england_warning():
    hcpc, swe = played(None).ending, played("swe-2019").ending
    assert hcpc.outcome_label == "Caution order — 2 years (consent order)"
    assert swe.outcome_label == "Warning — 1 year (accepted outcome)"  # 24 months: 1 or 3 years, the shorter
    assert (hcpc.regulator.name, swe.regulator.name) == ("Health and Care Professions Council", "Social Work England")
    assert (hcpc.outcome.by, swe.outcome.by) == ("The HCPC", "Social Work England")
    assert swe.agreed.words == "proposed by the case examiners and accepted by you, without a hearing"
    assert hcpc.outcome.id == swe.outcome.id == "caution_order"


def test_a_rung_the_framework_lacks_is_played_as_the_nearest_milder_one():
    hcpc, swe = played(None, 3).ending, played("swe-2019", 3).ending
    assert swe.outcome_label == "Advice" and swe.outcome.id == "regulator_advice"
    assert hcpc.outcome.id == "regulator_no_sanction" and hcpc.outcome_label == "Referred to the HCPC, no sanction"
    assert "regulator_advice" not in [o.id for o in played(None, 3).ladder.outcomes]


def test_striking_off_is_never_called_permanent_and_removal_is_social_work_englands_word():
    hcpc, swe = played(None, 4).ending, played("swe-2019", 4).ending
    assert (hcpc.outcome_label, swe.outcome_label) == ("Striking-off order", "Removal order")
    for text in (hcpc.outcome.summary, swe.outcome.summary, *(o.summary for o in reference.ladder().outcomes)):
        assert "permanent" not in text.lower() and "no longer practise" not in text
    assert "five years" in hcpc.outcome.summary


def test_employer_level_endings_have_no_regulator():
    story = Story(load_file(FIXTURES / "tiny.yaml").scenario, "swe-2019")
    story.choose(2)
    story.proceed()
    assert story.ending.regulator is None and story.ending.outcome_label == "Commended for good practice"


@pytest.mark.parametrize("months, allowed, expected", [
    (24, [12, 36, 60], 12), (30, [12, 36, 60], 36), (72, [12, 36, 60], 60), (6, [12, 36, 60], 12)])
def test_months_move_to_the_nearest_allowed_length_the_shorter_on_a_tie(months, allowed, expected):
    from game.engine.regulator import Sanction

    assert Sanction(title="W", summary="s", allowed_months=allowed).months_played(months) == expected


def test_months_are_clamped_to_the_played_range():
    suspension = reference.framework("hcpc-2012").sanctions.rungs["suspension_order"]
    assert suspension.months_played(24) == 12 and suspension.months_played(6) == 6
    assert reference.framework("swe-2019").sanctions.rungs["suspension_order"].months_played(24) == 24
    assert reference.framework("swe-2019").sanctions.rungs["striking_off_order"].months_played(12) is None


def test_the_regulators_and_their_dates_are_data():
    hcpc, swe = reference.framework("hcpc-2012").regulator, reference.framework("swe-2019").regulator
    assert (hcpc.prose, hcpc.until, swe.prose, swe.since) == ("the HCPC", "2019-12-01", "Social Work England",
                                                              "2019-12-02")
    assert reference.framework("hcpc-2016").regulator == hcpc


def test_a_sanction_on_a_rung_that_is_not_the_regulators_is_a_clear_data_file_error(tmp_path, monkeypatch):
    from game.engine import datafile

    text = (reference.DATA / "frameworks" / "swe-2019.yaml").read_text()
    bad = tmp_path / "swe-2019.yaml"
    bad.write_text(text.replace("    regulator_advice:", "    manager_advice:"))
    with pytest.raises(datafile.DataFileError) as err:
        datafile.validated(bad, reference.Framework, reference._check_sanctions)
    assert "'manager_advice' is not a regulator-level rung" in str(err.value)
    assert str(err.value).startswith(f"{bad}:")


# --- the validator's prose checks (CP336-CP338) ------------------------------------------------------------------

def _checked(text: str):
    from game.engine.loader import load_text
    from game.engine.validate import validate

    return validate(load_text("prose.yaml", text))


def test_unknown_tokens_are_errors_with_the_closest_token_and_real_cases_may_name_the_regulator():
    text = (FIXTURES / "regulator.yaml").read_text()
    assert [d.code for d in _checked(text)] == ["CP339"]  # advice under the HCPC: see the fixture
    found = _checked(text.replace("Tell $regulator the truth.", "Tell $Regulatr and $HCPC the truth."))
    unknown = [d for d in found if d.code == "CP336"]
    assert [(d.line, d.col) for d in unknown] == [(20, 30), (20, 30)]  # the line of Sam's words
    assert unknown[0].hint.startswith("did you mean '$Regulator'?") and unknown[0].is_error
    assert "'$HCPC'" in unknown[1].message  # a token spelt as the regulator's name is not one
    typo_in_case = _checked(text.replace("regulator: HCPC, year", "regulator: $regulatr, year"))
    assert "CP336" in [d.code for d in typo_in_case]


def test_prose_naming_a_regulator_or_a_standards_number_is_a_warning_outside_real_cases_and_references():
    text = (FIXTURES / "regulator.yaml").read_text()
    found = _checked(text.replace("feedback: bad,", "feedback: Social Work England would see standards 2 and 13,"))
    assert sorted(d.code for d in found) == ["CP337", "CP338", "CP339"]
    hint = next(d.hint for d in found if d.code == "CP338")
    assert "'confidentiality'" in hint
    # the fixture's real case says "The HCPC gave…" and its reference is "HCPC social media guidance": not reported
    assert not [d for d in _checked(text) if d.code == "CP337"]


# --- the terminal player ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("framework, label, regulator", [
    ("hcpc-2012", "Caution order — 2 years (consent order)", "Health and Care Professions Council"),
    ("swe-2019", "Warning — 1 year (accepted outcome)", "Social Work England")])
def test_the_terminal_json_ending_has_the_words_shown_and_the_regulator(capsys, monkeypatch, tmp_path, framework,
                                                                         label, regulator):
    import json

    from game import paths, textplayer

    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path))
    code = textplayer.main([str(FIXTURES / "regulator.yaml"), "--choices", "1", "--json", "--framework", framework])
    out = capsys.readouterr().out
    ending = json.loads(out.rstrip("\n").splitlines()[-1])["ending"]
    assert code == 0
    assert (ending["outcome"], ending["outcome_label"], ending["regulator"]) == ("caution_order", label, regulator)
    assert f"Outcome: {label}" in out and "$regulator" not in out.replace("example.org/$regulator", "")
    assert "Read more:\n  HCPC social media guidance (2017). https://example.org/$regulator" in out


def test_an_employer_outcome_has_a_label_and_no_regulator_in_the_json():
    from game.textplayer import summary

    story = Story(load_file(FIXTURES / "tiny.yaml").scenario, "swe-2019")
    story.choose(2)
    story.proceed()
    assert summary(story)["ending"] == {"id": "good", "title": "G", "outcome": "commended",
                                        "outcome_label": "Commended for good practice"}


def test_rendering_only_where_the_loader_found_tokens_equals_rendering_everything():
    loaded = load_file(FIXTURES / "regulator.yaml")
    paths = loaded.scenario._token_paths
    assert paths and ("nodes", "a", "card", "results", 0, "title") in paths
    words = reference.framework("swe-2019").regulator.words
    assert tokens.render_scenario(loaded.scenario, words) == tokens.render_model(loaded.scenario, words)
    assert load_file(FIXTURES / "tiny.yaml").scenario._token_paths == ()  # nothing to walk


# --- feedback in the framework played (§2) -----------------------------------------------------------------------

@pytest.mark.parametrize("framework, badges", [
    (None, ["Standard 2 · Confidentiality", "Standard 3 · Personal conduct"]),
    ("hcpc-2016", ["Standard 5 · Confidentiality", "Standard 9 · Honesty and trust"]),
    ("swe-2019", ["Standard 2 · Trust and confidence", "Standard 5 · Safety and integrity"])])
def test_feedback_badges_and_the_debrief_name_the_standards_of_the_framework_played(framework, badges):
    from game.engine import wording

    story = Story(load_file(FIXTURES / "tiny.yaml").scenario, framework)
    feedback = story.choose(1)
    assert [wording.standard(e.standard, e.short) for e in feedback.effects] == badges
    ending = story.ending
    assert [wording.standard(s.id, s.short) for s in story.standards_at_stake(ending)] == badges


def test_the_terminal_totals_at_an_ending_are_the_standards_at_stake():
    from game.terminal import render

    story = Story(load_file(FIXTURES / "regulator.yaml").scenario)
    story.choose(1)
    lines = render.totals(story)
    assert lines[1:] == ["  Standard 3 · Personal conduct: −2 breached", "  Total: −2"]  # no "13 … 0 at stake"


# --- lengths in the regulator's own unit --------------------------------------------------------------------------

@pytest.mark.parametrize("framework, rung, months, label", [
    ("swe-2019", "caution_order", 12, "Warning — 1 year"),  # "a warning for 1, 3 or 5 years"
    ("swe-2019", "caution_order", 36, "Warning — 3 years"),
    ("swe-2019", "caution_order", 60, "Warning — 5 years"),
    ("hcpc-2012", "caution_order", 12, "Caution order — 1 year"),  # art. 29: one to five years
    ("hcpc-2012", "caution_order", 18, "Caution order — 18 months"),  # not a whole year: as it is
    # set in months by the regulator's own wording: Condon's "12-month conditions of practice order"
    ("hcpc-2012", "conditions_of_practice_order", 12, "Conditions of practice order — 12 months"),
    ("hcpc-2012", "suspension_order", 12, "Suspension order — 12 months"),
    ("swe-2019", "conditions_of_practice_order", 12, "Conditions of practice order — 12 months"),
    ("swe-2019", "suspension_order", 24, "Suspension order — 2 years"),
])
def test_a_sanction_set_in_years_names_a_whole_year_in_years(framework, rung, months, label):
    outcome, sanction = reference.ladder().played_rung(rung, reference.framework(framework))
    assert outcome.label(sanction.months_played(months)) == label


def test_a_sanction_set_in_years_must_have_whole_year_lengths():
    from game.engine.reference import _check_sanctions

    swe = reference.framework("swe-2019")
    rungs = dict(swe.sanctions.rungs)
    rungs["caution_order"] = dataclasses.replace(rungs["caution_order"], allowed_months=[12, 18])
    broken = dataclasses.replace(swe, sanctions=dataclasses.replace(swe.sanctions, rungs=rungs))
    where, message = _check_sanctions(broken)
    assert where == ("sanctions", "rungs", "caution_order") and "whole years" in message
