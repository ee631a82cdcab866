"""`python main.py snapshot SCENARIO --group --votes 5,1,2/1,7,0 --out DIR`: a scripted group session, for
trainers' slides and for tests. Each vote group is the room's show of hands at one decision: the counts are
typed in, the vote revealed and the majority chosen (a tie goes to the lowest-numbered tied option, and the
summary says so). Every audience slide is saved as audience-NN-<what>.png and the console at the same step
as console-NN-<what>.png; session.json, session.csv and handout.html (and the facilitator's copies) go to DIR.

It drives the real session and windows (the group intents, the audience and console screens) headlessly.
Nothing is autosaved, and the clock stands still: the timings in the summary are zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.engine.controls import escape

EXIT_OK, EXIT_ERROR = 0, 1
CONSOLE_SIZE = (1280, 720)  # the facilitator's laptop
TIE_NOTE = ("A scripted session (python main.py snapshot --group): each decision went to the majority, and a "
            "tie to the lowest-numbered of the tied options.")


def _say(message: str) -> None:
    # scenario ids and node names come from files: control characters are shown, never sent raw
    print(escape(f"crossing-paths snapshot: {message}"), file=sys.stderr)


def run_group(args: argparse.Namespace) -> int:  # noqa: C901 - a session's steps in order, as a facilitator takes them
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # always headless
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game import paths
    from game.engine import library, wording
    from game.engine.diagnostics import Diagnostic, format_text
    from game.group import GroupSession
    from game.group.summary import write_summary
    from game.play import CannotPlay
    from game.settings import Preferences

    from . import catalog
    from .app import App
    from .group_run import GroupRun, GroupSetup, ending_pages
    from .intents import GroupAllFeedback, GroupDecide, GroupNext, GroupReveal, GroupSetCount
    from .voice import Voice

    found = library.find(args.scenario, paths.scenarios_dir())
    if isinstance(found, Diagnostic):
        _say(format_text(found))
        return EXIT_ERROR
    entry = catalog.check(found)
    if entry.errors or entry.scenario is None:
        _say(f"{found} has errors; check it with: python main.py validate {found}\n" + "\n".join(entry.errors))
        return EXIT_ERROR
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _say(f"cannot create {out}: {exc.strerror or exc}")
        return EXIT_ERROR

    prefs = Preferences(text_scale=round(args.text_scale * 100), theme=args.theme, font=args.font,
                        standards=args.framework or "as_written")
    app = App(prefs, voice=Voice(exe=None))
    try:
        app.open_display(CONSOLE_SIZE)
    except pygame.error as exc:
        _say(f"cannot render: {exc}")
        return EXIT_ERROR
    setup = GroupSetup(one_window=False, clock=lambda: 0.0)
    try:
        session = GroupSession.start(entry.loaded, found, now=0.0, standards=prefs.standards, file=None)
    except CannotPlay as exc:
        _say(str(exc))
        return EXIT_ERROR
    run = app.group = GroupRun(app, session, setup)
    run.open(app.view)
    run.summary_paths = [out]  # the snapshot writes the summary itself, into DIR, not saves/group/
    room_size = args.size or (1920, 1080)
    room = pygame.Surface(room_size, 0, app.view.surface)
    desk = pygame.Surface(CONSOLE_SIZE, 0, app.view.surface)
    written: list[Path] = []

    def shot(what: str) -> None:
        app.step()  # the screens catch up with the session
        number = len(written) // 2 + 1
        for view, surface, kind in ((run.audience, room, "audience"), (run.console, desk, "console")):
            screen = view.top
            screen.forget_frame()
            screen.draw(surface)
            target = out / f"{kind}-{number:02d}-{what}.png"
            pygame.image.save(surface, target)
            written.append(target)

    def act(intent) -> None:
        app.act(intent, app.view)

    groups = [list(g) for g in args.votes]
    decided = 0
    for _ in range(10_000):  # a bound, never reached by a valid scenario
        phase = session.phase
        if phase == "scene":
            shot(f"scene-{session.scene.node}")
            act(GroupNext())
        elif phase == "decision":
            node = session.current.node
            if not groups:
                _say(f"note: the vote groups ran out at '{node}' before an ending; the summary holds the "
                     "decisions made so far")
                shot(f"decision-{node}")
                break
            counts = groups.pop(0)
            offered = len(session.current.options)
            if len(counts) > offered:
                _say(f"warning: decision {decided + 1} ('{node}') offers {offered} options: the extra "
                     f"{wording.plural(len(counts) - offered, 'number')} ({','.join(map(str, counts[offered:]))}) "
                     "ignored")
            for option, count in enumerate(counts[:offered], 1):
                act(GroupSetCount(option, count))
            shot(f"votes-{node}")
            act(GroupReveal())
            shot(f"result-{node}")
            result = session.current.tally.result()
            option = result.majority or (result.tied[0] if result.tied else 1)
            act(GroupDecide(option, session.how_for(option)))
            decided += 1
        elif phase == "feedback":
            node = session.current.node
            shot(f"feedback-{node}")
            act(GroupAllFeedback(True))
            shot(f"every-option-{node}")
            act(GroupNext())
        elif phase == "ending":
            pages = ending_pages(len(session.decisions))
            for page in range(pages):
                shot(("ending", "debrief")[page] if page < 2 else f"path-{page - 1}")
                if page < pages - 1:
                    act(GroupNext())
            break
        else:  # nothing else is left in a phase the script does not reach
            _say(f"unexpected phase '{phase}'")
            return EXIT_ERROR
    if groups and session.phase == "ending":
        _say(f"note: the scenario ended before the last {wording.plural(len(groups), 'vote group')} "
             f"({'/'.join(','.join(map(str, g)) for g in groups)}); ignored")
    record = session.record()
    record["note"] = TIE_NOTE
    try:
        files = write_summary(record, out) + write_summary(record, out, facilitator=True)
    except OSError as exc:
        _say(f"cannot write the summary to {out}: {exc.strerror or exc}")
        return EXIT_ERROR
    run.close()
    print(escape(f"wrote {len(written)} images and {len(files)} summary files to {out}"))
    pygame.quit()
    return EXIT_OK
