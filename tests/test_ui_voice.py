"""Self-voicing: espeak-ng in its own process, never blocking the UI; a new utterance kills the last."""

import shutil
import time

import pytest

from game.settings import Preferences
from game.ui.voice import Voice
from tests.ui_support import make_app, start

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")


def test_without_espeak_the_feature_is_off_and_says_why():
    voice = Voice(exe=None, enabled=True)
    assert not voice.available and not voice.enabled
    assert "espeak-ng is not installed" in voice.reason
    voice.say("Hello")  # silently nothing
    assert voice.last is None


@needs_espeak
def test_speaking_never_blocks_and_a_new_utterance_kills_the_last():
    voice = Voice.detect(enabled=True)
    long_text = "This is a long sentence that takes several seconds to read aloud. " * 20
    t0 = time.perf_counter()
    voice.say(long_text)
    first = voice._proc
    assert time.perf_counter() - t0 < 0.2  # Popen returns at once
    assert first.poll() is None  # still speaking
    voice.say("Second.")
    assert first.wait(timeout=2) is not None  # the first utterance was killed
    assert voice.last == "Second."
    voice.stop()
    assert not voice.speaking


@needs_espeak
def test_the_game_reads_the_screen_and_the_focused_choice(tmp_path):
    voice = Voice.detect(enabled=True)
    app, pilot = make_app(tmp_path, prefs=Preferences(self_voicing=True), voice=voice)
    try:
        start(app, pilot)
        assert "You are on the sofa" in voice.last and "What do you do?\n1. Accept the request" in voice.last
        pilot.press("down")
        assert voice.last.startswith("Ignore the request")
        pilot.click("menu")
        assert voice.last.startswith("Paused.")
    finally:
        voice.stop()


@needs_espeak
def test_the_setting_turns_voicing_on_and_off(tmp_path):
    voice = Voice.detect(enabled=False)
    app, pilot = make_app(tmp_path, voice=voice)
    pilot.click("settings")
    pilot.click("self_voicing-True")
    assert app.prefs.self_voicing and voice.enabled
    pilot.click("self_voicing-False")
    assert not voice.enabled and not voice.speaking
