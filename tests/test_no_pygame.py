"""The engine, the saves, the terminal player and the validator work where pygame cannot even be imported
(a server, an SSH session, a machine where the wheel failed to install)."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT

TINY = str(FIXTURES / "tiny.yaml")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """An environment in which `import pygame` fails: a broken pygame package first on the path."""
    blocked = tmp_path_factory.mktemp("no-pygame")
    (blocked / "pygame").mkdir()
    (blocked / "pygame" / "__init__.py").write_text(
        "raise ImportError('pygame is blocked for this test')\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocked), str(ROOT)]),
            "CROSSING_PATHS_SAVES": str(tmp_path_factory.mktemp("saves"))}


def python(env, *args, stdin=None):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, input=stdin)


def test_pygame_really_is_blocked(env):
    result = python(env, "-c", "import pygame")
    assert result.returncode != 0 and "pygame is blocked for this test" in result.stderr


_PLAY = f"""
import random, sys
from game.engine.loader import load_file
from game.engine.story import Story, autoplay
from game.saves import SaveStore, resume
from tests.support.transcripts import read_transcripts, run
import game.textplayer
loaded = load_file({TINY!r})
story = Story(loaded.scenario)
story.choose(2)
with SaveStore.open() as store:
    store.save("mine", story, loaded)
    story, _ = resume(store.load("mine"), loaded)
story.proceed()
assert story.ending.id == "good"
autoplay(Story(loaded.scenario), random.Random(1))
for t in read_transcripts({str(FIXTURES / "transcripts" / "tiny.yaml")!r}).transcripts:
    assert run(t, loaded).status == "ended"
assert not any(name == "pygame" or name.startswith("pygame.") for name in sys.modules), "pygame was imported"
print("played")
"""


def test_engine_saves_and_transcripts_without_pygame(env):
    result = python(env, "-c", _PLAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "played"


def test_terminal_player_without_pygame(env):
    result = python(env, "main.py", "text", TINY, "--choices", "2", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["ending"]["id"] == "good"
    result = python(env, "main.py", "text", TINY, "--save", "mine", stdin="1\n")
    assert result.returncode == 0, result.stderr
    assert "Outcome: Conditions of practice order" in result.stdout


def test_validate_without_pygame(env):
    if not (ROOT / "game" / "trainer" / "validate_cmd.py").exists():
        pytest.skip("the validate command is not written yet")
    result = python(env, "main.py", "validate", TINY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
