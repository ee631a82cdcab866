"""The save database: slots, autosaves, finished playthroughs, resuming (also after the scenario changed),
and two stores open on one file at once."""

import re
import sqlite3
import threading

import pytest

from game import paths
from game.engine.loader import load_file, load_text
from game.engine.story import Story
from game.engine.validate import validate
from game.saves import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    BestOutcome,
    SaveError,
    SaveStore,
    StartAgain,
    resume,
    set_aside,
)
from tests.conftest import FIXTURES

TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")


@pytest.fixture
def tiny():
    loaded = load_file(FIXTURES / "tiny.yaml")
    assert loaded.ok
    return loaded


@pytest.fixture
def cards():
    loaded = load_file(FIXTURES / "engine-cards.yaml")
    assert loaded.ok
    return loaded


@pytest.fixture
def store(tmp_path):
    with SaveStore.open(tmp_path / "saves.sqlite3") as opened:
        yield opened


def played(loaded, *numbers):
    """A story after these choices, continuing through narration-only scenes before each one."""
    story = Story(loaded.scenario)
    for n in numbers:
        while story.scene.continues:
            story.proceed()
        story.choose(n)
    return story


# --- slots ----------------------------------------------------------------------------------------------

def test_a_named_save_loads_back_exactly(store, cards):
    story = played(cards, 1)
    slot = store.save("before the meeting", story, cards)
    assert (slot.name, slot.kind, slot.scenario, slot.title) == \
        ("before the meeting", "named", "engine-cards", "A request after the case closed")
    assert (slot.version, slot.content_hash, slot.node, slot.steps) == ("2", cards.content_hash, "accepted", 1)
    assert slot.saved_at.utcoffset().total_seconds() == 0
    record = store.load("before the meeting")
    assert record.slot == slot
    assert record.state == story.state.to_dict()
    resumed, notices = resume(record, cards)
    assert notices == [] and resumed.state == story.state and resumed.scene == story.scene


def test_saving_again_replaces_the_slot(store, tiny):
    store.save("mine", played(tiny), tiny)
    store.save("mine", played(tiny, 2), tiny)
    assert [s.name for s in store.slots()] == ["mine"]
    assert store.load("mine").slot.node == "b"


def test_one_autosave_per_scenario(store, tiny, cards):
    store.autosave(played(tiny), tiny)
    store.autosave(played(tiny, 2), tiny)
    store.autosave(played(cards), cards)
    autosaves = [s for s in store.slots() if s.is_autosave]
    assert sorted(s.scenario for s in autosaves) == ["engine-cards", "tiny"]
    assert store.autosave_of("tiny").node == "b"


def test_slots_are_newest_first_and_filter_by_scenario(store, tiny, cards):
    store.save("first", played(tiny), tiny)
    store.autosave(played(cards), cards)
    store.save("third", played(cards, 2), cards)
    assert [(s.kind, s.name) for s in store.slots()] == \
        [("named", "third"), ("autosave", "engine-cards"), ("named", "first")]
    assert [s.name for s in store.slots("tiny")] == ["first"]
    store.save("first", played(tiny), tiny)  # saving again makes it the newest
    assert store.slots()[0].name == "first"


def test_latest_autosave_leaves_out_finished_playthroughs_unless_asked(store, tiny, cards):
    assert store.latest_autosave() is None
    store.autosave(played(cards), cards)
    store.autosave(played(tiny, 1), tiny)  # 'Accept' ends the tiny scenario at once
    assert store.latest_autosave().scenario == "engine-cards"
    assert store.latest_autosave(include_finished=True).scenario == "tiny"
    assert store.latest_autosave("tiny") is None


def test_delete_removes_the_slot_only(store, tiny):
    store.save("mine", played(tiny), tiny)
    store.autosave(played(tiny), tiny)
    assert store.delete("mine") is True
    assert store.delete("mine") is False
    assert [s.kind for s in store.slots()] == ["autosave"]
    assert store.delete(store.autosave_of("tiny")) is True
    assert store.slots() == [] and store.path.exists()


@pytest.mark.parametrize("name, message", [
    ("", "needs a name"),
    ("   ", "needs a name"),
    ("x" * 61, "at most 60 characters"),
    ("tab\there", "control characters"),
    ("Autosave", "kept for automatic saves"),
])
def test_slot_names_are_checked(store, tiny, name, message):
    with pytest.raises(SaveError, match=message):
        store.save(name, played(tiny), tiny)


def test_loading_a_missing_slot_says_so(store):
    with pytest.raises(SaveError, match="there is no save called 'nope'"):
        store.load("nope")


def test_the_file_says_whose_it_is(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    SaveStore.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_saves_survive_closing_and_reopening(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as store:
        store.save("mine", played(tiny, 2), tiny)
    with SaveStore.open(path) as store:
        assert store.load("mine").slot.node == "b"
        assert store.integrity() == ["ok"]


def test_the_default_file_is_in_the_saves_folder_from_the_environment(tmp_path, monkeypatch, tiny):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path / "elsewhere"))
    assert paths.save_file() == tmp_path / "elsewhere" / "crossing-paths.sqlite3"
    with SaveStore.open() as store:  # creates the missing folder
        store.save("mine", played(tiny), tiny)
    assert (tmp_path / "elsewhere" / "crossing-paths.sqlite3").is_file()
    monkeypatch.delenv(paths.SAVES_ENV)
    assert paths.save_file() == paths.ROOT / "saves" / "crossing-paths.sqlite3"


# --- finished playthroughs ------------------------------------------------------------------------------

def test_best_outcomes_keep_the_best_finish_per_scenario(store, tiny, cards):
    assert store.best_outcomes() == {}
    store.record_finish(played(tiny, 1))  # conditions of practice
    bad = BestOutcome("bad", "conditions_of_practice_order", 7)
    assert store.best_outcomes() == {"tiny": bad}
    good = played(tiny, 2)
    good.proceed()
    store.record_finish(good)
    store.record_finish(played(tiny, 1))  # a worse finish later does not replace the best
    story = played(cards, 1, 2)
    store.record_finish(story)
    best = store.best_outcomes()
    assert best["tiny"] == ("good", "commended", 0)  # a tuple: (ending, outcome id, severity)
    assert best["engine-cards"] == BestOutcome("referral", "suspension_order", story.ending.outcome.severity)


def test_recording_an_unfinished_playthrough_is_a_mistake(store, tiny):
    with pytest.raises(ValueError, match="not reached an ending"):
        store.record_finish(played(tiny))


# --- resuming -------------------------------------------------------------------------------------------

def changed(text: str):
    """The tiny scenario edited, still valid: an author's later version of it."""
    loaded = load_text("tests/fixtures/tiny.yaml", text)
    assert not [d for d in validate(loaded) if d.is_error]
    return loaded


def test_resuming_after_the_scenario_changed_but_the_node_is_still_there(store, tiny):
    store.save("mine", played(tiny, 2), tiny)
    edited = changed(TINY.replace('version: "1"', 'version: "2"').replace("later", "a week later"))
    story, notices = resume(store.load("mine"), edited)
    assert story.scene.node == "b" and story.scene.lines[0].text == "a week later"
    assert notices == ["This scenario has changed since you saved (you saved version 1; this is version 2). "
                       "You carry on from where you were, but some text, choices or scores may differ from before."]


def test_an_edit_without_a_new_version_still_gives_the_notice(store, tiny):
    store.save("mine", played(tiny), tiny)
    _, notices = resume(store.load("mine"), changed(TINY.replace("Hello", "Hello again")))
    assert notices and notices[0].startswith("This scenario has changed since you saved. ")


def test_resuming_when_the_node_is_gone_offers_the_start(store, tiny):
    store.save("mine", played(tiny, 2), tiny)
    edited = changed(re.sub(r"goto: b\b", "goto: c", TINY).replace("  b:\n", "  c:\n"))
    with pytest.raises(StartAgain, match=r"the part you had reached \('b'\) is no longer in it. Start it again"):
        resume(store.load("mine"), edited)


def test_resuming_a_finished_save_whose_ending_is_gone_offers_the_start(store, tiny):
    store.save("mine", played(tiny, 1), tiny)
    edited = changed(TINY.replace("goto: bad", "goto: worse").replace("  bad: {", "  worse: {"))
    with pytest.raises(StartAgain, match=r"\('bad'\)"):
        resume(store.load("mine"), edited)


def test_a_damaged_state_is_a_save_error(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as store:
        store.save("json", played(tiny), tiny)
        store.save("shape", played(tiny), tiny)
        store.save("place", played(tiny), tiny)
    db = sqlite3.connect(path)
    db.execute("UPDATE slot SET state = '{not json' WHERE name = 'json'")
    db.execute("""UPDATE slot SET state = '{"format": 1, "scenario": "tiny", "node": 5}' WHERE name = 'shape'""")
    db.execute("UPDATE slot SET state = json_set(state, '$.node', 'nowhere') WHERE name = 'place'")
    db.commit()
    db.close()
    with SaveStore.open(path) as store:
        with pytest.raises(SaveError, match="the save 'json' is damaged"):
            store.load("json")
        with pytest.raises(SaveError, match=r"the save 'shape' cannot be used: the saved state is damaged \(node"):
            resume(store.load("shape"), tiny)
        with pytest.raises(SaveError, match="'place' is damaged: it names 'nowhere'") as caught:
            resume(store.load("place"), tiny)
        assert not isinstance(caught.value, StartAgain)  # same file: not a changed scenario, a damaged save


def test_resuming_into_another_scenario_is_refused(store, tiny, cards):
    store.save("mine", played(tiny), tiny)
    with pytest.raises(SaveError, match="is of the scenario 'tiny', not 'engine-cards'"):
        resume(store.load("mine"), cards)


def test_resuming_against_a_scenario_with_errors_is_refused(store, tiny):
    store.save("mine", played(tiny), tiny)
    broken = load_text("tiny.yaml", TINY.replace("start: a", "start: [a]"))
    with pytest.raises(SaveError, match="has errors"):
        resume(store.load("mine"), broken)


# --- two stores on one file -----------------------------------------------------------------------------

def test_two_stores_see_each_others_saves(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as a, SaveStore.open(path) as b:
        a.save("from a", played(tiny), tiny)
        b.save("from b", played(tiny, 2), tiny)
        assert {s.name for s in a.slots()} == {s.name for s in b.slots()} == {"from a", "from b"}


def test_two_stores_saving_at_once_lose_nothing(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    SaveStore.open(path).close()
    failures = []

    def saver(prefix: str) -> None:
        try:
            with SaveStore.open(path) as store:
                for i in range(40):
                    store.save(f"{prefix}{i}", played(tiny, 1 + i % 2), tiny)
                    store.autosave(played(tiny), tiny)
        except Exception as exc:  # noqa: BLE001 - reported below: an exception in a thread would otherwise vanish
            failures.append(exc)

    threads = [threading.Thread(target=saver, args=(p,)) for p in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with SaveStore.open(path) as store:
        names = {s.name for s in store.slots() if not s.is_autosave}
        assert names == {f"{p}{i}" for p in "ab" for i in range(40)}
        assert store.integrity() == ["ok"]


# --- setting an unusable file aside ---------------------------------------------------------------------

def test_set_aside_renames_the_file_and_its_journal(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    path.write_bytes(b"not a database at all, but the player's" * 10)
    journal = tmp_path / "saves.sqlite3-journal"
    journal.write_bytes(b"journal")
    with pytest.raises(SaveError):
        SaveStore.open(path)
    moved = set_aside(path)
    assert moved.name.startswith("saves.sqlite3.unusable-") and moved.read_bytes().startswith(b"not a database")
    assert (tmp_path / (moved.name + "-journal")).read_bytes() == b"journal"
    assert not path.exists() and not journal.exists()
    with SaveStore.open(path) as store:
        store.save("fresh", played(tiny), tiny)
