"""The terminal player: `python main.py text PATH [options]`.

Plain text for screen readers and terminals without graphics; also the quickest way for a trainer to try a
path through a scenario (--choices), to shake it (--autoplay) or to script it (--json). Never imports pygame.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

from . import paths
from .engine import library, shape, wording
from .engine.controls import escape
from .engine.diagnostics import format_text
from .engine.loader import Loaded
from .engine.partway import StartError, parse_flags, parse_scores
from .engine.reference import framework_ids
from .engine.state import StartedAt
from .engine.story import Story
from .play import PlaySession
from .saves import SaveError, SaveStore, StartAgain, resume, slot_name
from .terminal import render
from .terminal.loop import Keyboard, RandomChoices, Scripted, ScriptError, TerminalPlay
from .terminal.wrap import terminal_width

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
LOAD_AUTOSAVE = "autosave"
MAX_AUTOPLAY_STEPS = 10_000

EPILOG = """\
interactive keys: a choice's number then Enter; Enter alone on a narration-only scene; q to quit.
Interactive play autosaves after every step (resume with --load autosave). --choices and --autoplay
leave your saves alone unless you give --save or --load.

exit codes: 0 the scenario ended, or you quit (q, or the input ended); 1 an error (the scenario has
errors, a choice that is not offered, a save that cannot be used, or saving failed so that the end of
your play is not saved); 2 wrong command-line options; 130 interrupted (Ctrl-C).
"""


def _numbers(text: str) -> list[int]:
    parts = [p.strip() for p in text.split(",")]
    if not all(p.isascii() and p.isdigit() and int(p) >= 1 for p in parts):
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of choice numbers such as 1,3,2")
    return [int(p) for p in parts]


def _argument(parse):
    """An argparse type from a partway parser: its StartError becomes argparse's own message and exit 2."""

    def read(text: str):
        try:
            return parse(text)
        except StartError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return read


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python main.py text", epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Play a scenario in the terminal, in plain text.")
    p.add_argument("scenario", metavar="PATH", help="a scenario file, or the id of one in scenarios/")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--choices", type=_numbers, metavar="1,3,2",
                     help="play this fixed path: 1-based numbers among the choices shown at each step")
    how.add_argument("--autoplay", action="store_true", help="choose at random until an ending")
    p.add_argument("--seed", type=int, help="the random seed for --autoplay (default: a new one, printed)")
    p.add_argument("--json", action="store_true",
                   help="end the output with one line of JSON: scenario, ending, scores, path, choices")
    p.add_argument("--save", metavar="SLOT", help="save in this named slot after every step")
    p.add_argument("--load", metavar="SLOT", help=f"resume from this slot ('{LOAD_AUTOSAVE}': the scenario's autosave)")
    p.add_argument("--framework", metavar="ID",
                   help=f"score against another standards framework: {', '.join(framework_ids())}")
    p.add_argument("--from", dest="from_node", metavar="NODE",
                   help="start part-way, at this node (its routes apply as on arrival); the debrief says so")
    p.add_argument("--flags", type=_argument(parse_flags), metavar="a,b",
                   help="with --from: the flags the run has there")
    p.add_argument("--scores", type=_argument(parse_scores), metavar="2=-1,3=1",
                   help="with --from: the scores the run has there, standard=number")
    return p


def start_point(args: argparse.Namespace) -> StartedAt | None:
    """The part-way start asked for, or None. Raises StartError for options that do not go together."""
    if args.from_node is None:
        if args.flags is not None or args.scores is not None:
            raise StartError("--flags and --scores only go with --from NODE")
        return None
    if args.load:
        raise StartError("--from cannot go with --load: a save already says where to carry on from")
    return StartedAt(node=args.from_node, flags=args.flags or [], scores=args.scores or {})


def _saver(play: PlaySession):
    """After every step, the PlaySession saves; this says what became of it. A failed save warns once and
    play goes on: losing the game because the disk is full would be worse. Every later step tries again
    (room on the disk again, a folder put back); if the last try failed, the end of the run says so and
    exits 1, so that no script takes the run for saved."""

    def after_step(story: Story) -> Story:
        play.story = story
        saved = play.after_step()
        if saved.status == "failed":
            _warn(f"warning: saving has stopped: {play.problem}")
        if saved.notice:  # the file had gone and a new one was started
            _warn(f"note: {saved.notice}")
        if saved.status == "recovered":
            _warn("note: saving works again; your progress is saved")
        return story

    return after_step


def _warn(message: str) -> None:
    # messages quote ids, slot names and paths from files: a control character in them is shown, not sent
    print(escape(message), file=sys.stderr, flush=True)


def _error(message: str) -> int:
    _warn(f"crossing-paths text: {message}")
    return EXIT_ERROR


def summary(story: Story) -> dict:
    """The --json line."""
    ending = story.ending
    out = {
        "scenario": story.scenario.id,
        "ending": _ending(ending) if ending else None,
        "scores": dict(story.state.scores),
        "path": list(story.state.visited),
        "choices": [step.number for step in story.state.steps],
    }
    if story.partway is not None:  # only then, so a whole run's line is as it always was
        out["started_at"] = shape.to_data(story.partway)
    return out


def _ending(ending) -> dict:
    """The outcome as shown, in the framework played; `regulator` names who decided a regulator-level one."""
    out = {"id": ending.id, "title": ending.title, "outcome": ending.outcome.id, "outcome_label": ending.outcome_label}
    if ending.regulator is not None:
        out["regulator"] = ending.regulator.name
    return out


def _load_story(args: argparse.Namespace, store: SaveStore | None, loaded: Loaded,
                interactive: bool) -> tuple[Story, list[str]]:
    """The story to play: resumed from a save, or new. Raises SaveError or ValueError with a message."""
    scenario = loaded.scenario
    if args.load:
        assert store is not None
        if args.load.strip().casefold() == LOAD_AUTOSAVE:
            slot = store.autosave_of(scenario.id)
            if slot is None:
                raise SaveError(f"there is no autosave of '{scenario.id}' yet")
        else:
            slot = args.load
        record = store.load(slot)
        try:
            story, notices = resume(record, loaded)
        except StartAgain as exc:
            if not interactive:
                raise
            return _new_story(args, scenario), [str(exc), "Starting from the beginning."]
        if args.framework and args.framework != story.framework.id:
            _warn(f"note: the save was played against {story.framework.id}; --framework is ignored")
        when = record.slot.saved_at.astimezone().strftime("%d %B %Y at %H:%M")  # the player's local time
        which = "your autosave" if record.slot.is_autosave else f"your save '{record.slot.name}'"
        return story, [f"Resuming {which} from {when}.", *notices]
    return _new_story(args, scenario), []


def _new_story(args: argparse.Namespace, scenario) -> Story:
    story = Story(scenario, args.framework)
    if args.start is not None:
        story.begin_at(args.start)  # raises StartError naming the unknown node, flag or standard
    return story


def _play(args: argparse.Namespace) -> int:
    # a path, a file name or an id; a name that matches nothing is a CP100 with close names in its hint
    checked = library.open_scenario(args.scenario, paths.scenarios_dir())
    path, loaded = checked.file, checked.loaded
    for d in checked.diagnostics:
        _warn(format_text(d))
    errors = len(checked.errors)
    if checked.unreadable:  # no such file, or unreadable: the message says it all
        return EXIT_ERROR
    if not checked.ok:
        return _error(f"{path} has {wording.plural(errors, 'error')}; fix {'them' if errors != 1 else 'it'} "
                      f"and try again (python main.py validate {path})")
    if args.seed is not None and not args.autoplay:
        return _error("--seed only goes with --autoplay")
    if args.framework and args.framework not in framework_ids():
        return _error(f"there is no standards framework '{args.framework}'; choose one of {', '.join(framework_ids())}")

    interactive = args.choices is None and not args.autoplay
    store = None
    if args.save or args.load or interactive:
        try:
            if args.save:
                slot_name(args.save)  # a name that cannot be used is an error now, not after the first choice
            store = SaveStore.open()
        except SaveError as exc:
            if args.save or args.load:
                return _error(str(exc))
            _warn(f"note: autosave is off: {exc}")
    try:
        return _run(args, path, loaded, store, interactive)
    finally:
        if store is not None:
            store.close()


def _run(args: argparse.Namespace, path: Path, loaded: Loaded, store: SaveStore | None, interactive: bool) -> int:
    try:
        story, notices = _load_story(args, store, loaded, interactive)
    except StartError as exc:  # a wrong --from, --flags or --scores: a command-line mistake
        _warn(f"crossing-paths text: {exc}")
        return EXIT_USAGE
    except (SaveError, ValueError) as exc:
        return _error(str(exc))

    keyboard = Keyboard(input, sys.stdout.write, echo=not sys.stdin.isatty())
    if args.autoplay:
        seed = args.seed if args.seed is not None else random.randrange(1_000_000)
        source = RandomChoices(random.Random(seed))
        notices.append(f"Autoplay: choosing at random (seed {seed}).")
    elif args.choices is not None:
        source = Scripted(args.choices, then=keyboard if sys.stdin.isatty() else None)
    else:
        source = keyboard

    # the learner's own play only: a fixed path or autoplay (no saves) is a check, not a record
    xapi = _recording() if store is not None else None
    try:
        return _play_on(args, story, loaded, path, store, source, notices, xapi)
    finally:
        _send_at_exit(xapi)


def _recording():
    """xAPI statements for this playthrough (always kept; sent only if the learner turned sending on). The
    settings are read when first needed, by the sender, after the first scene is on the screen."""
    from functools import cache

    from .records.recorder import Recording

    @cache
    def prefs():
        from . import settings

        return settings.load(paths.saves_dir() / settings.SETTINGS_FILE)

    return Recording.open(prefs)


# After an ending kept in the learner's records: the terminal's way to the desktop's Reflect screen. The
# reflect command lists the latest playthrough first.
REFLECT_HINT = ["", "This playthrough is in your records. To write your CPD reflection on it, run:",
                "  python main.py results reflect", "(it is number 1 in the list: the latest)."]

SEND_AT_EXIT_S = 2.0  # the most the terminal player waits at exit for statements to reach the LRS


def _send_at_exit(xapi) -> None:
    if xapi is None:
        return
    report = xapi.finish(cap=SEND_AT_EXIT_S)
    if report is not None and report.left:
        _warn(f"note: {wording.plural(report.left, 'xAPI statement')} wait to be sent"
              f"{f' ({report.error})' if report.error else ''}; they go next time, or with: "
              "python main.py results send")


def _play_on(args: argparse.Namespace, story: Story, loaded: Loaded, path: Path, store: SaveStore | None,
             source, notices: list[str], xapi) -> int:
    play = PlaySession(story, loaded, path, store, slot=args.save, front_end="terminal",
                       observers=[xapi.recorder] if xapi is not None else [])
    terminal = TerminalPlay(story, sys.stdout, terminal_width(), after_step=_saver(play))
    terminal.show([*render.intro(story), "", *notices, *([""] if notices else [])])
    try:
        status = terminal.play(source, intro=False, max_steps=MAX_AUTOPLAY_STEPS if args.autoplay else None)
    except ScriptError as exc:
        return _error(str(exc))
    except ValueError as exc:  # a scenario the validator passed but the engine cannot play: never a traceback
        return _error(f"the scenario cannot be played on: {exc}")
    story = terminal.story

    if status == "ended" and isinstance(source, Scripted) and source.leftover:
        left = ",".join(map(str, source.leftover))
        _warn(f"note: the scenario ended before the last {wording.plural(len(source.leftover), 'choice')} ({left}); "
              f"{'they were' if len(source.leftover) != 1 else 'it was'} ignored")
    elif status == "stopped":
        _warn(f"note: the choices ran out before an ending (at '{story.state.node}')")
    elif status in ("quit", "eof"):
        lines = ["You left the scenario."]
        # Play since loading went to the autosave (and the named slot, with --save); else the save loaded holds it.
        slot = (args.save or LOAD_AUTOSAVE) if play.saved else args.load
        if slot and play.problem is None:
            lines += ["Your progress is saved. To carry on later, run:",
                      f"  python main.py text {args.scenario} --load {slot}"]
        terminal.show(lines)
    if status == "ended" and play.recorded:
        terminal.show(REFLECT_HINT)
    if args.json:  # after every other line: the JSON is the last line, alone
        print(json.dumps(summary(story)), flush=True)
    if play.problem is not None:
        return _error(f"your progress was NOT saved: {play.problem}")
    return EXIT_OK


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a console that cannot show a character shows '?', never crashes
            stream.reconfigure(errors="replace")
    p = parser()
    args = p.parse_args(argv)
    try:
        args.start = start_point(args)
    except StartError as exc:
        p.error(str(exc))  # exits 2, as argparse does for every option that does not fit
    try:
        return _play(args)
    except KeyboardInterrupt:
        _warn("\nInterrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into `head`: the reader has gone, so stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
