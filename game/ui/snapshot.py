"""`python main.py snapshot SCENARIO --choices 1,2,1 --out DIR`: render every screen of one playthrough
to numbered PNGs, headlessly: each part of the story, each feedback panel, the ending and the debrief
(a debrief taller than the window as several images, a page apart).

`--pages` writes every screen taller than the window as one image per screenful (NN-label.png, then
NN-label-p2.png…), `--full` as one tall image, so nothing below the fold is missing (game/ui/fullpage.py).
`--framework ID` plays it scored against another standards framework, its regulator's sanctions and all
(as `text --framework` and the desktop's Standards setting). `--handout FILE.html` also writes a printable
handout of the playthrough, with these images beside each part (game/trainer/handout.py).

With --group --votes 5,1,2/1,7,0 it plays a scripted group session instead (snapshot_group.py).

It drives the real app through the test pilot (real key presses through the same screens and event
handling as the game), so a snapshot shows exactly what a player would see. Nothing is saved.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.engine.controls import escape
from game.engine.reference import framework_ids
from game.group.tally import MAX_COUNT

EXIT_OK, EXIT_ERROR = 0, 1


def _choices(text: str) -> list[int]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or not all(p.isascii() and p.isdigit() and int(p) >= 1 for p in parts):
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of choice numbers such as 1,3,2")
    return [int(p) for p in parts]


def _votes(text: str) -> list[list[int]]:
    groups = [g.strip() for g in text.split("/")]
    out = []
    for n, group in enumerate(groups, 1):
        parts = [p.strip() for p in group.split(",")]
        if not group or not all(p.isascii() and p.isdigit() for p in parts):
            raise argparse.ArgumentTypeError(f"'{text}': group {n} ('{group}') is not a list of counts such as 5,1,2 "
                                             "(whole numbers, ',' between options, '/' between decisions)")
        counts = [int(p) for p in parts]
        if max(counts) > MAX_COUNT:
            raise argparse.ArgumentTypeError(f"'{text}': a count is at most {MAX_COUNT}")
        out.append(counts)
    return out


DEFAULT_SIZES = {"desktop": (1280, 720), "projector": (1920, 1080)}  # a projector is 16:9 full HD at least


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720") from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"'{text}' is outside 320x240 to 8192x8192")
    return w, h


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number such as 1.5") from None
    if not 1.0 <= value <= 2.0:
        raise argparse.ArgumentTypeError("--text-scale goes from 1.0 to 2.0")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python main.py snapshot",
                                description="Render every screen of one playthrough to numbered PNG files.")
    p.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of one in scenarios/")
    p.add_argument("--choices", type=_choices, metavar="1,2,1",
                   help="the choice to make at each step (1-based among the choices shown)")
    p.add_argument("--group", action="store_true",
                   help="a scripted group session: audience slides and console images, and the summary")
    p.add_argument("--votes", type=_votes, metavar="5,1,2/1,7,0",
                   help="with --group: the room's counts per option, one group per decision, '/' between groups")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder for the images")
    p.add_argument("--size", type=_size, default=None, metavar="WxH",
                   help="window size (default 1280x720; 1920x1080 with --profile projector)")
    p.add_argument("--profile", choices=("desktop", "projector"), default="desktop")
    p.add_argument("--theme", choices=("default", "high-contrast"), default="default")
    p.add_argument("--text-scale", type=_scale, default=1.0, metavar="1.5", help="text size, 1.0 to 2.0")
    p.add_argument("--font", choices=("atkinson", "opendyslexic"), default="atkinson")
    # as the terminal player's option and the desktop's Standards setting: e.g. an ending under Social Work England
    p.add_argument("--framework", metavar="ID", choices=framework_ids(),
                   help=f"score against another standards framework: {', '.join(framework_ids())} "
                        "(default: the scenario's own)")
    whole = p.add_mutually_exclusive_group()
    whole.add_argument("--pages", action="store_true",
                       help="a screen taller than the window as one image per screenful")
    whole.add_argument("--full", action="store_true", help="a screen taller than the window as one tall image")
    p.add_argument("--handout", type=Path, metavar="FILE.html",
                   help="also write a printable handout of the playthrough (HTML, with the images)")
    return p


def _error(message: str) -> int:
    # paths, ids and diagnostics come from files: control characters in them are shown, never sent raw
    print(escape(f"crossing-paths snapshot: {message}"), file=sys.stderr)
    return EXIT_ERROR


def main(argv: list[str]) -> int:  # noqa: C901 - one loop over the screens a playthrough passes, in order
    p = parser()
    args = p.parse_args(argv)
    if args.group:
        if args.votes is None:
            p.error("--group needs --votes, e.g. --votes 5,1,2/1,7,0")
        if args.choices is not None:
            p.error("--group plays the room's votes: give --votes, not --choices")
        from .snapshot_group import run_group

        return run_group(args)
    if args.choices is None:
        p.error("--choices is required (or --group with --votes)")
    if args.votes is not None:
        p.error("--votes goes with --group")
    if args.handout is not None and args.handout.suffix.lower() not in (".html", ".htm"):
        p.error(f"--handout writes HTML: name a file ending in .html, not '{args.handout}'")
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # always headless: an invisible window of exactly this size
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game import paths
    from game.engine import library, wording
    from game.engine.diagnostics import Diagnostic, format_text
    from game.settings import Preferences

    from . import catalog
    from .app import App
    from .fullpage import screenfuls, tall
    from .intents import Choose, StartScenario
    from .page import PageScreen
    from .pilot import Pilot
    from .screens.debrief import DebriefScreen
    from .screens.ending import EndingScreen
    from .screens.feedback import FeedbackScreen
    from .screens.play import PlayScreen
    from .voice import Voice

    found = library.find(args.scenario, paths.scenarios_dir())
    if isinstance(found, Diagnostic):  # no such file or id: the hint names close ones
        return _error(format_text(found))
    path = found
    entry = catalog.check(path)
    if entry.errors:
        return _error(f"{path} has errors; check it with: python main.py validate {path}\n" + "\n".join(entry.errors))
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _error(f"cannot create {args.out}: {exc.strerror or exc}")

    prefs = Preferences(text_scale=round(args.text_scale * 100), theme=args.theme, profile=args.profile,
                        font=args.font, feedback="after_choice", standards=args.framework or "as_written")
    app = App(prefs, voice=Voice(exe=None))
    try:
        app.open_display(args.size or DEFAULT_SIZES[args.profile])
    except pygame.error as exc:
        return _error(f"cannot render: {exc}")
    pilot = Pilot(app)
    app.act(StartScenario(path))
    pilot.step()
    if app.session is None:  # the game refused it (its message says why)
        return _error(f"{path} cannot be played")

    choices = list(args.choices)
    written: list[Path] = []
    parts: list[list[Path]] = []  # the images of each part shown, for the handout
    end_images: list[Path] = []
    size = app.view.surface.get_size()

    def save(image, label: str, into: list[Path]) -> None:
        target = args.out / f"{len(written) + 1:02d}-{label}.png"
        pygame.image.save(image, target)
        written.append(target)
        into.append(target)

    def shot(label: str, into: list[Path] | None = None) -> None:
        """The screen as the window shows it; with --pages or --full, the whole of a page taller than it."""
        into = into if into is not None else (parts[-1] if parts else end_images)
        screen = app.top
        if isinstance(screen, PageScreen) and (args.pages or args.full):
            screen.ensure(size)
            if screen.max_scroll and args.full:
                save(tall(screen, size, app.view.surface), label, into)
                return
            if screen.max_scroll:
                for page in screenfuls(screen, size):
                    app.draw()
                    save(app.view.surface, label if page == 1 else f"{label}-p{page}", into)
                return
        app.draw()
        save(app.view.surface, label, into)

    story = app.session.story
    for _ in range(10_000):  # a bound, never reached by a valid scenario
        screen = app.top
        if isinstance(screen, PlayScreen):
            scene = story.scene
            parts.append([])
            shot(f"node-{scene.node}")
            for _ in range(20):  # a projector's scene too long for one screen: its parts (a bound, never reached)
                if not (scene.choices and screen.two_slides() and not screen.on_decision and not screen.last_part):
                    break
                pilot.press("right")
                shot(f"node-{scene.node}-part{screen.part + 1}")
            if scene.choices and screen.two_slides() and not screen.on_decision:
                pilot.press("right")  # on a projector the decision is the scene's next slide
                shot(f"node-{scene.node}-decision")
            if not scene.choices:
                pilot.press("activate")  # Continue has the focus
                continue
            if not choices:
                print(escape(f"note: the choices ran out at '{scene.node}' before an ending"), file=sys.stderr)
                break
            number = choices.pop(0)
            if number > len(scene.choices):
                return _error(f"choice {number} is not offered at '{scene.node}': choose from 1 to "
                              f"{len(scene.choices)}")
            if number <= 9:
                pilot.press(f"choose_{number}")
            else:
                app.act(Choose(number))
                pilot.step()
        elif isinstance(screen, FeedbackScreen):
            shot(f"feedback-{screen.feedback.node}")
            pilot.press("activate")
        elif isinstance(screen, EndingScreen):
            shot(f"ending-{story.ending.id}", end_images)
            pilot.press("activate")  # See the debrief
        elif isinstance(screen, DebriefScreen):
            if args.pages or args.full:
                shot("debrief", end_images)
                break
            page = 1
            shot(f"debrief-{page}", end_images)
            while screen.scroll < screen.max_scroll:
                pilot.press("page_down")
                page += 1
                shot(f"debrief-{page}", end_images)
            break
        else:
            return _error(f"unexpected screen '{screen.name}'")
    if choices and story.is_over:
        print(f"note: the scenario ended before the last {wording.plural(len(choices), 'choice')} "
              f"({','.join(map(str, choices))}); {'they were' if len(choices) != 1 else 'it was'} ignored",
              file=sys.stderr)
    print(escape(f"wrote {len(written)} images to {args.out}"))
    if args.handout is not None:
        from game.trainer import handout

        try:
            args.handout.parent.mkdir(parents=True, exist_ok=True)
            handout.write(story, args.handout, parts, end_images)
        except OSError as exc:
            pygame.quit()
            return _error(f"cannot write {args.handout}: {exc.strerror or exc}")
        print(escape(f"wrote the handout {args.handout}"))
    pygame.quit()
    return EXIT_OK
