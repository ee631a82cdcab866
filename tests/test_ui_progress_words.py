"""My progress in plain words: a scenario played once says so ("Played once", not "Played 1 time"), and with
saving off and no reason known the message ends as a sentence, not on a colon with nothing after it."""

from game.ui.intents import Push
from tests.records_support import RecordsStore, playthrough
from tests.ui_support import make_app, words


def test_a_scenario_played_once_says_once(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    app, pilot = make_app(tmp_path, saves=False)
    app.store = RecordsStore([playthrough(1), playthrough(2), playthrough(3, scenario="after-court",
                                                                          title="After court")])
    app.act(Push("progress"))
    pilot.step()
    text = words(pilot)
    assert "Played once" in text and "Played 1 time" not in text
    assert "Played 2 times" in text


def test_saving_off_without_a_reason_ends_as_a_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    app, pilot = make_app(tmp_path, saves=False)
    app.store, app.store_problem = None, ""
    app.act(Push("progress"))
    pilot.step()
    text = words(pilot)
    assert "Saving is off, so there are no records to show." in text
    assert "show:" not in text
