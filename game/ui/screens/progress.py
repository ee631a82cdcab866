"""My progress: the scenarios played (each with its latest and best outcome), the time spent, a chart of
per-standard totals across every playthrough (one per framework played, drawn as the debrief's is: a sign,
words and a hatch, never colour alone), and the records' tools: export, the CPD record, reflect, clear.

It reads one summary from the save file (`store.progress()`, worked out by SQLite), never every record, so
it opens quickly with 10,000 playthroughs (bench/progress.py).
"""

from __future__ import annotations

from typing import Any

from game.engine import wording

from ..blocks import Block, Button, Flow, Panel, Stack, Text
from ..embeds import ChartBlock
from ..intents import ClearRecords, Confirm, ExportCpd, ExportRecords, Pop, Push, SendNow
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header, heading

PROBLEM = "breached"  # the theme's style for a message that something went wrong

EMPTY = ("Nothing played yet. When you finish a scenario it is listed here, with its outcome, the time you spent "
         "and how your choices measured against the standards.")


def duration_words(seconds: float) -> str:
    """'2 hours 5 minutes', '12 minutes', 'under a minute'."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    parts = [wording.plural(hours, "hour")] if hours else []
    if minutes or not hours:
        parts.append(wording.plural(minutes, "minute"))
    return " ".join(parts)


def tendency(t: Any) -> str:
    """'Confidentiality: upheld in 40 and breached in 12 of 60 playthroughs'."""
    return (f"{wording.standard(t.standard, t.short)}: upheld in {t.upheld:,} and breached in {t.breached:,} "
            f"of {wording.plural(t.plays, 'playthrough')}")


class ProgressScreen(PageScreen):
    name = "progress"

    def __init__(self, env):
        super().__init__(env)
        self.progress, self.problem = self._read()
        self.queued = self._queued()

    def _queued(self) -> int | None:
        """How many xAPI statements wait to be sent (one count, read when the screen opens or comes back, never
        in a frame); None without an outbox."""
        recording = getattr(self.env, "xapi", None)
        if recording is None:
            return None
        try:
            return recording.outbox.queued()
        except Exception:  # noqa: BLE001 - OutboxError: the screen shows the records without the count
            return None

    def _sending(self) -> Block | None:
        n = self.queued
        if n is None:
            return None
        from game.records.recorder import why_not_sending

        on = self.env.prefs.lrs_sending
        why = why_not_sending(self.env.prefs)
        waiting = f"{wording.plural(n, 'xAPI statement')} waiting to be sent" if n else "No xAPI statements waiting"
        how = ("sending is off, so they stay on this computer (Settings turns it on)." if not on else
               f"nothing goes yet: {why} (see Settings)." if why else
               "they go to your learning record store in the background.")
        parts: list[Block] = [Text(f"{waiting}{'; ' + how if n else '.'}", "small", "text")]
        if on:
            parts.append(Flow([Button("Send now", SendNow(), "send-now", full=False, enabled=n > 0)]))
        return Stack(parts, gap=0.4)

    def _read(self) -> tuple[Any, str]:
        store = self.env.store
        if store is None:
            why = self.env.store_problem  # empty when the game was started without saves (snapshot, tests)
            return None, f"Saving is off, so there are no records to show: {why}" if why else \
                "Saving is off, so there are no records to show."
        try:
            return store.progress(), ""
        except Exception as exc:  # noqa: BLE001 - a damaged save file must not stop the menus
            return None, f"Your records cannot be read: {exc}"

    def refresh(self) -> None:
        self.progress, self.problem = self._read()  # back from a reflection, or the records cleared
        self.queued = self._queued()
        super().refresh()

    def build(self, look: Look) -> Page:
        p = self.progress
        back = footer([Button("Back", Pop(), "back", full=False)])
        head = header("My progress")
        if p is None or p.empty:
            words = self.problem or EMPTY
            body = Stack([Text(words, "body", PROBLEM if self.problem else "text"),
                          Flow([Button("Choose a scenario", Push("scenarios"), "scenarios", full=False)]),
                          self._sending()], gap=1.2)
            self.initial_focus = "scenarios"
            return Page(header=head, body=body, footer=back, width_em=44)
        self.initial_focus = "export-csv"
        summary = (f"{wording.plural(p.plays, 'playthrough')} of {wording.plural(len(p.scenarios), 'scenario')} · "
                   f"time spent: {duration_words(p.seconds)}")
        rows = [self._scenario(s) for s in p.scenarios]
        charts: list[Block] = []
        for fw in p.frameworks:
            plays = max((t.plays for t in fw.standards), default=0)
            charts.append(Stack([
                Text(f"Scored against {fw.title}: {wording.plural(plays, 'playthrough')}", "label", "heading"),
                ChartBlock([(t.standard, t.short, t.total) for t in fw.standards]),
                *(Text(tendency(t), "small", "text") for t in fw.standards)], gap=0.4))
        tools = Flow([
            Button("Export as CSV", ExportRecords("csv"), "export-csv", full=False),
            Button("Export as JSON", ExportRecords("json"), "export-json", full=False),
            Button("CPD record", ExportCpd("html"), "cpd", full=False),
            Button("CPD record as PDF", ExportCpd("pdf"), "cpd-pdf", full=False),
            Button("Reflect on a playthrough", Push("reflect_pick"), "reflect", full=False),
            Button("Clear my records", Confirm(
                "Clear all your records?", "Clear my records", ClearRecords(),
                f"This deletes {wording.plural(p.plays, 'finished playthrough')} and their reflections for good. "
                "Your saves and settings are kept. Export them first if you may need them."), "clear", full=False),
        ], gap=0.6)
        body = Stack([
            Text(summary, "body", "text", bold=True),
            Stack([heading("Your records"), tools,
                   Text("Exports and the CPD record are written to the exports folder beside your saves; the "
                        "message after each says exactly where.", "small", "muted"), self._sending()], gap=0.5),
            Stack([heading("Scenarios played"), Stack(rows, gap=0.6)], gap=0.5),
            Stack([heading("Your standards across all playthroughs"),
                   Text("How your choices measured against each standard, added up over every playthrough: "
                        "which you tend to uphold and which to breach.", "small", "muted"), *charts], gap=0.5),
        ], gap=1.6)
        return Page(header=head, body=body, footer=back, width_em=44)

    def _scenario(self, s: Any) -> Block:
        latest = s.latest.finished_at.astimezone().strftime("%d %b %Y")
        lines = [Text(s.title, "body", "heading", bold=True),
                 Text(f"Latest: {s.latest.label} ({latest})", "small", "text"),
                 Text(f"Best: {s.best.label}", "small", "text"),
                 # records kept before durations were (the first save files) add no time
                 Text(("Played once" if s.plays == 1 else f"Played {wording.plural(s.plays, 'time')}")
                      + (f" · {duration_words(s.seconds)}" if s.seconds > 0 else ""), "small", "muted")]
        return Panel(Stack(lines, gap=0.15), bg="surface", border="border", pad=0.7)

    def speech(self) -> str:
        p = self.progress
        if p is None or p.empty:
            return f"My progress. {self.problem or EMPTY}"
        played = "; ".join(f"{s.title}: latest {s.latest.label}, best {s.best.label}" for s in p.scenarios)
        waiting = f" {wording.plural(self.queued, 'xAPI statement')} waiting to be sent." if self.queued else ""
        return wording.speakable(f"My progress. {wording.plural(p.plays, 'playthrough')}, time spent "
                                 f"{duration_words(p.seconds)}. {played}.{waiting}")
