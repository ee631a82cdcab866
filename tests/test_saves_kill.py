"""A process killed while saving loses nothing saved before: each save is one transaction.

A writer process saves in a loop and reports each save only after it has returned (committed). It is
SIGKILLed at a random moment, several times over the same file; after every kill the file must open, pass
SQLite's full integrity check, and every save reported so far must load and resume."""

import random
import signal
import subprocess
import sys
import time

import pytest

from game.engine.loader import load_file
from game.saves import SaveStore, resume
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

KILLS = 6

_WRITER = r"""
import sys
sys.path.insert(0, sys.argv[1])
from game.engine.loader import load_file
from game.engine.story import Story
from game.saves import SaveStore
loaded = load_file(sys.argv[2])
store = SaveStore.open(sys.argv[3])
i = int(sys.argv[4])
while True:
    story = Story(loaded.scenario)
    story.choose(1 + i % 2)  # alternate the two paths, so each slot's state says which save it was
    store.save(f"slot-{i}", story, loaded)
    store.autosave(story, loaded)
    print(i, flush=True)
    i += 1
"""


def test_killing_the_saver_at_random_moments_loses_nothing(tmp_path):
    db = tmp_path / "saves.sqlite3"
    fixture = FIXTURES / "tiny.yaml"
    loaded = load_file(fixture)
    rng = random.Random(20240501)
    committed: list[int] = []
    hot_journals = 0
    started = time.monotonic()
    for _ in range(KILLS):
        first = committed[-1] + 1 if committed else 0
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(ROOT), str(fixture), str(db), str(first)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = writer.stdout.readline()  # the first save is done: the loop is running
        assert line, writer.stderr.read()
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        rest, errors = writer.communicate(timeout=10)
        assert writer.returncode == -signal.SIGKILL, errors
        committed += [int(n) for n in (line + rest).split()]
        hot_journals += (tmp_path / "saves.sqlite3-journal").exists()

        with SaveStore.open(db) as store:  # also rolls back any half-done save
            assert store.integrity() == ["ok"]
            names = {s.name for s in store.slots() if not s.is_autosave}
            missing = {f"slot-{i}" for i in committed} - names
            assert not missing, f"saves reported as done are gone: {sorted(missing)[:5]}"
            for i in committed[-20:] + committed[:5]:
                story, notices = resume(store.load(f"slot-{i}"), loaded)
                assert notices == [] and story.state.steps[0].number == 1 + i % 2
            assert store.autosave_of("tiny") is not None
    assert len(committed) > KILLS  # the kills landed while saves were going on, not before the first
    assert time.monotonic() - started < 30
    print(f"{len(committed)} saves over {KILLS} kills; {hot_journals} kills left a half-done save behind")
