"""The xAPI outbox: always written, never duplicates, refuses files that are not its own, a damaged row costs
only itself."""

from __future__ import annotations

import sqlite3

import pytest

from game.records import recorder
from game.records.outbox import APPLICATION_ID, Outbox, OutboxError
from tests.support.xapi_playthroughs import playthrough


@pytest.fixture
def outbox(tmp_path):
    with Outbox.open(tmp_path / "xapi-outbox.sqlite") as box:
        yield box


def test_statements_are_kept_once_in_order(outbox):
    pt = playthrough(3)
    made = recorder.statements_of(pt)
    assert outbox.add(made) == 5
    assert outbox.add(recorder.statements_of(pt)) == 0  # recorded again: nothing new
    assert [s["id"] for s in outbox.statements()] == [s["id"] for s in made]
    assert outbox.counts().queued == 5
    assert [p.id for p in outbox.pending(2)] == [s["id"] for s in made[:2]]


def test_sent_and_failed_rows(outbox):
    made = recorder.statements_of(playthrough(3))
    outbox.add(made)
    outbox.mark_sent([made[0]["id"]], "stored")
    outbox.mark_sent([made[1]["id"]], "already there")
    outbox.mark_sent([made[2]["id"]], "rejected")
    outbox.mark_failed([made[3]["id"]], "offline", next_try=10**12)
    c = outbox.counts()
    assert (c.sent, c.queued, c.rejected, c.damaged) == (2, 2, 1, 0)
    assert [p.id for p in outbox.pending(10)] == [made[4]["id"]]  # the failed one waits for its next try
    assert outbox.next_due() == 0
    outbox.retry_now()
    assert [p.id for p in outbox.pending(10)] == [made[3]["id"], made[4]["id"]]
    assert outbox.pending(10)[0].attempts == 1


def test_a_damaged_row_costs_only_itself(tmp_path, caplog):
    path = tmp_path / "box.sqlite"
    with Outbox.open(path) as box:
        made = recorder.statements_of(playthrough(3))
        box.add(made)
    db = sqlite3.connect(path)
    db.execute("UPDATE statement SET body = '{not json' WHERE id = ?", (made[1]["id"],))
    db.execute("UPDATE statement SET body = CAST(x'ff00fe' AS TEXT) WHERE id = ?", (made[2]["id"],))
    db.execute("UPDATE statement SET body = '[1, 2]' WHERE id = ?", (made[3]["id"],))
    db.commit()
    db.close()
    with Outbox.open(path) as box:
        assert [p.id for p in box.pending(10)] == [made[0]["id"], made[4]["id"]]
        c = box.counts()
        assert (c.queued, c.damaged) == (2, 3)
        assert len(box.statements()) == 2


@pytest.mark.parametrize("content", [b"", b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 84])
def test_a_file_that_is_not_ours_is_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "xapi-outbox.sqlite"
    path.write_bytes(content)
    with pytest.raises(OutboxError, match="left untouched"):
        Outbox.open(path)
    assert path.read_bytes() == content


def test_another_programs_database_and_a_newer_outbox_are_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = other.read_bytes()
    with pytest.raises(OutboxError, match="another program"):
        Outbox.open(other)
    assert other.read_bytes() == before
    newer = tmp_path / "newer.sqlite"
    db = sqlite3.connect(newer)
    db.execute("CREATE TABLE t (x)")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    with pytest.raises(OutboxError, match="newer version"):
        Outbox.open(newer)


def test_a_folder_in_its_place_is_refused(tmp_path):
    (tmp_path / "box").mkdir()
    with pytest.raises(OutboxError, match="folder"):
        Outbox.open(tmp_path / "box")


def test_no_temporary_file_is_left_and_a_second_open_shares_the_file(tmp_path):
    path = tmp_path / "saves" / "xapi-outbox.sqlite"
    with Outbox.open(path) as a, Outbox.open(path) as b:
        a.add(recorder.statements_of(playthrough(1)))
        assert b.counts().queued == 3
    assert sorted(p.name for p in path.parent.iterdir()) == ["xapi-outbox.sqlite"]


def test_the_recorder_keeps_statements_and_nudges_the_sender(outbox):
    nudged = []
    rec = recorder.XapiRecorder(outbox, on_new=lambda: nudged.append(1))
    pt = playthrough(2)
    rec.finished(None, pt)
    rec.finished(None, pt)  # the same playthrough again: nothing new, no nudge
    assert outbox.counts().queued == 4 and nudged == [1]


def test_the_recorder_never_raises_into_play(tmp_path, caplog):
    box = Outbox.open(tmp_path / "box.sqlite")
    box.close()  # a closed connection: every write fails
    assert recorder.XapiRecorder(box).record(playthrough(1)) == 0
    assert recorder.XapiRecorder(None).record(playthrough(1)) == 0


def test_many_damaged_rows_never_hide_the_good_ones_behind_them(tmp_path):
    path = tmp_path / "box.sqlite"
    with Outbox.open(path) as box:
        made = []
        for _ in range(40):
            made += recorder.statements_of(playthrough(3))
        box.add(made)
    db = sqlite3.connect(path)
    db.execute("UPDATE statement SET body = 'x' WHERE seq <= 150")
    db.commit()
    db.close()
    with Outbox.open(path) as box:
        assert [p.id for p in box.pending(5)] == [s["id"] for s in made[150:155]]
        assert len(box.pending(1000)) == len(made) - 150
