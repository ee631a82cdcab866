"""`python main.py results send`: counts, exit codes, options falling back to Settings, and bad input."""

from __future__ import annotations

import json
import os
import stat

import pytest

from game import paths, settings
from game.records import recorder, send_cmd
from game.records.outbox import Outbox
from tests.support.fake_lrs import FakeLrs
from tests.support.xapi_playthroughs import playthrough


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path))
    monkeypatch.delenv(recorder.PASSWORD_ENV, raising=False)
    return tmp_path


@pytest.fixture
def fake():
    server = FakeLrs()
    yield server
    server.close()


def _queue(saves, n=1) -> int:
    with Outbox.open(saves / "xapi-outbox.sqlite") as box:
        return sum(box.add(recorder.statements_of(playthrough(2))) for _ in range(n))


def test_sends_with_options_and_says_how_many(saves, fake, capsys):
    queued = _queue(saves, 2)
    code = send_cmd.main(["--lrs", fake.url, "--user", "u", "--password", "p", "--identity", "named",
                          "--name", "Sam", "--email", "sam@example.org"])
    out = capsys.readouterr().out
    assert code == send_cmd.EXIT_OK and f"sent: {queued}, already there: 0, left queued: 0" in out
    assert {s["actor"]["mbox"] for s in fake.stored.values()} == {"mailto:sam@example.org"}
    assert not (saves / settings.SETTINGS_FILE).exists()  # nothing remembered without --remember


def test_remember_keeps_the_options_in_settings_readable_by_the_owner_only(saves, fake, capsys):
    _queue(saves)
    assert send_cmd.main(["--lrs", fake.url, "--user", "u", "--password", "p", "--identity", "anonymous",
                          "--remember"]) == send_cmd.EXIT_OK
    assert send_cmd.main(["--sending", "on"]) == send_cmd.EXIT_OK  # the game's switch: kept, nothing sent
    assert "Sending in the background is on." in capsys.readouterr().out
    path = saves / settings.SETTINGS_FILE
    kept = json.loads(path.read_text())
    assert kept["lrs_endpoint"] == fake.url and kept["lrs_password"] == "p" and kept["lrs_sending"] is True
    assert kept["xapi_identity"] == "anonymous" and len(kept["xapi_account"]) == 36
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    _queue(saves, 1)  # another playthrough; the command needs no options now
    assert send_cmd.main([]) == send_cmd.EXIT_OK
    assert "sent: 4, already there: 0, left queued: 0" in capsys.readouterr().out
    # the same anonymous id both times
    assert len({s["actor"]["account"]["name"] for s in fake.stored.values()}) == 1


def test_the_password_can_come_from_the_environment(saves, fake, monkeypatch, capsys):
    _queue(saves)
    monkeypatch.setenv(recorder.PASSWORD_ENV, "p")
    assert send_cmd.main(["--lrs", fake.url, "--user", "u", "--identity", "anonymous"]) == send_cmd.EXIT_OK


def test_an_unreachable_lrs_leaves_everything_queued(saves, capsys):
    queued = _queue(saves)
    code = send_cmd.main(["--lrs", "http://127.0.0.1:9/", "--identity", "anonymous", "--timeout", "1"])
    captured = capsys.readouterr()
    assert code == send_cmd.EXIT_LEFT
    assert f"sent: 0, already there: 0, left queued: {queued}" in captured.out
    assert "cannot reach the LRS" in captured.err and "Traceback" not in captured.err
    assert send_cmd.main(["--status"]) == send_cmd.EXIT_LEFT
    assert f"queued: {queued}" in capsys.readouterr().out


def test_a_refused_password_is_said_plainly(saves, fake, capsys):
    _queue(saves)
    assert send_cmd.main(["--lrs", fake.url, "--user", "u", "--password", "wrong", "--identity",
                          "anonymous"]) == send_cmd.EXIT_LEFT
    assert "refused the user name or password" in capsys.readouterr().err


@pytest.mark.parametrize("argv, words", [
    ([], "no LRS address is set"),
    (["--lrs", "ftp://lrs.example.org/"], "http:// or https://"),
    (["--lrs", "http://127.0.0.1:9/"], "no identity"),
    (["--lrs", "http://127.0.0.1:9/", "--identity", "named", "--email", "sam@localhost"], "not an email address"),
    (["--lrs", "http://127.0.0.1:9/", "--identity", "anonymous", "--timeout", "0"], "--timeout"),
    (["--lrs", "http://127.0.0.1:9/", "--name", "a\x00b"], "control characters"),
    (["--identity", "everyone"], "invalid choice"),
    (["--timeout", "soon"], "invalid float"),
])
def test_usage_errors_exit_2_with_one_clear_line(saves, capsys, argv, words):
    if "invalid" in words:  # argparse's own checks: it exits 2, as for every command
        with pytest.raises(SystemExit) as exited:
            send_cmd.main(argv)
        assert exited.value.code == send_cmd.EXIT_USAGE
    else:
        assert send_cmd.main(argv) == send_cmd.EXIT_USAGE
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_a_foreign_outbox_is_refused_untouched(saves, capsys):
    (saves / "xapi-outbox.sqlite").write_bytes(b"my notes")
    assert send_cmd.main(["--status"]) == send_cmd.EXIT_FILES
    assert "not a Crossing Paths xAPI outbox" in capsys.readouterr().err
    assert (saves / "xapi-outbox.sqlite").read_bytes() == b"my notes"


def test_the_results_dispatcher_reaches_it(saves, capsys):
    from game.records import cli

    assert cli.main(["send", "--status"]) == send_cmd.EXIT_OK
    assert "sent: 0, queued: 0" in capsys.readouterr().out


def test_sending_off_is_kept_and_says_why_not_when_on(saves, capsys):
    assert send_cmd.main(["--sending", "on"]) == send_cmd.EXIT_OK
    assert "Sending in the background is on (no LRS address is set)." in capsys.readouterr().out
    assert json.loads((saves / settings.SETTINGS_FILE).read_text())["lrs_sending"] is True
    assert send_cmd.main(["--sending", "off"]) == send_cmd.EXIT_OK
    assert json.loads((saves / settings.SETTINGS_FILE).read_text())["lrs_sending"] is False
