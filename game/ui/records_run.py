"""How the app acts on the learner's records (intents from My progress and the reflection screen): keep a
reflection, export the records or the CPD record into the exports folder and say where, clear the records.

The exports folder is `saves/exports/` (beside the save file, or under CROSSING_PATHS_SAVES): one place the
player can find from the message that names the file, whatever the system calls its documents folder.
A failure (a full disk, a damaged save file) is said in a message; nothing typed is dropped.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import paths

from .intents import ClearRecords, ExportCpd, ExportRecords, SaveReflection, SendNow

if TYPE_CHECKING:
    from .app import App
    from .view import View

log = logging.getLogger("crossing_paths.ui")

EXPORT_SUFFIX = {"csv": ".csv", "json": ".json"}


def exports_dir() -> Path:
    return paths.saves_dir() / "exports"


def _no_store(app: App, view: View) -> bool:
    if app.store is None:
        view.message("Saving is off", app.store_problem or "There is no save file to keep records in.")
        return True
    return False


def save_reflection(app: App, intent: SaveReflection, view: View) -> None:
    from game.records.playthrough import Reflection

    screen = next((s for s in reversed(view.stack) if getattr(s, "playthrough", None) == intent.playthrough
                   and hasattr(s, "saved")), None)
    if _no_store(app, view):
        return
    try:
        app.store.set_reflection(intent.playthrough, Reflection(dict(intent.parts), datetime.now(UTC)))
    except Exception as exc:  # noqa: BLE001 - SaveError or a disk error: the text stays on screen
        log.warning("reflection not saved: %s", exc)
        view.message("Your reflection is not saved", f"{exc}\n\nIt is still on screen: try Save again.")
        return
    if screen is not None:
        screen.saved(intent.parts)
    if intent.close and view.top is screen:
        view.pop()
    if not intent.quiet:
        view.message("Saved", "Your reflection is kept with this playthrough. My progress on the title screen "
                              "exports it as a CPD record.")


def _playthroughs(app: App, view: View) -> list | None:
    try:
        return list(app.store.playthroughs())
    except Exception as exc:  # noqa: BLE001
        view.message("Your records cannot be read", str(exc))
        return None


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


def export_records(app: App, intent: ExportRecords, view: View) -> None:
    from game.records import export

    if _no_store(app, view) or intent.format not in EXPORT_SUFFIX:
        return
    try:
        records = app.store.export_rows()  # the rows the command exports, read without decoding each record
    except Exception as exc:  # noqa: BLE001
        view.message("Your records cannot be read", str(exc))
        return
    write = export.write_csv if intent.format == "csv" else export.write_json
    folder = exports_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _free_name(folder, f"records-{datetime.now():%Y-%m-%d-%H%M%S}", EXPORT_SUFFIX[intent.format])
        with open(path, "x", encoding="utf-8", newline="") as stream:
            write(records, stream)
    except OSError as exc:
        view.message("Not exported", f"The file could not be written: {exc.strerror or exc}")
        return
    view.message("Exported", f"{len(records):,} playthroughs written to\n{path}")


def export_cpd(app: App, intent: ExportCpd, view: View) -> None:
    from game.records import cpd, cpd_cmd
    from game.records.cpd_pdf import PdfUnavailable

    if _no_store(app, view):
        return
    records = _playthroughs(app, view)
    if records is None:
        return
    if not cpd.reflected(records):
        view.message("No reflections yet", "The CPD record is made from your reflections. Write one with "
                                           "Reflect on a playthrough, or at the end of a scenario's debrief.")
        return
    try:
        path = cpd_cmd.write_record(records, intent.format, exports_dir())
    except OSError as exc:
        view.message("Not exported", f"The file could not be written: {exc.strerror or exc}")
        return
    except PdfUnavailable as exc:
        view.message("No PDF here", f"{exc}.")
        return
    how = "Open it to print it." if intent.format == "pdf" else "Open it in a web browser to print it or save it as a PDF."
    view.message("CPD record written", f"{path}\n\n{how}")


def clear_records(app: App, _intent: ClearRecords, view: View) -> None:
    if _no_store(app, view):
        return
    try:
        app.store.clear_records()
    except Exception as exc:  # noqa: BLE001
        view.message("Your records were not cleared", str(exc))
        return
    view.top.refresh()
    view.message("Records cleared", "Every finished playthrough and reflection has been deleted. Your saves and "
                                    "settings are kept.")


def send_now(app: App, _intent: SendNow, view: View) -> None:
    """Everything queued is made due and the background sender is woken; the frame never waits: even the
    outbox write that makes them due is done on a thread of its own (another copy of the game may be writing)."""
    import threading

    from game.records.recorder import why_not_sending

    recording = app.xapi
    if recording is None:
        view.message("Nothing can be sent", "The statements' outbox could not be opened; the log says why.")
        return
    why = why_not_sending(app.prefs)
    if why is not None:
        view.message("Nothing is sent", f"Nothing is sent: {why}. Settings has the learning record store's "
                                        "address, user and password, and who your records say you are.")
        return

    def due_now() -> None:
        from game.records.outbox import OutboxError

        try:
            recording.outbox.retry_now()
        except OutboxError as exc:
            log.warning("xapi: %s", exc)
        recording.sender.nudge()

    threading.Thread(target=due_now, name="xapi-send-now", daemon=True).start()
    view.message("Sending", "Your statements are being sent in the background; you can go on playing. "
                            "My progress shows how many are left when you come back to it.")


RECORDS_HANDLERS: dict[type, Any] = {
    SaveReflection: save_reflection, ExportRecords: export_records, ExportCpd: export_cpd,
    ClearRecords: clear_records, SendNow: send_now,
}
