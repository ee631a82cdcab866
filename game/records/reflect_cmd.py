"""`python main.py results reflect`: write the CPD reflection on a playthrough in the terminal, line by line.

For players who play in the terminal (screen-reader users among them), as the desktop's Reflect screen is for
the desktop: the latest playthroughs are listed, one is picked by its number, then each of the four prompts
(REFLECTION_PROMPTS) is answered on standard input. A blank line ends an answer; a blank first line keeps what
was written before; a lone "-" clears it. Only plain lines are read and printed (no cursor movement, no
colours), so a screen reader reads every prompt as it comes.

Exit codes: 0 saved (or nothing to change); 1 stopped before saving (end of input while choosing, Ctrl+C), no
records to reflect on, or the save file cannot be used; 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from .playthrough import REFLECTION_PROMPTS, Playthrough, Reflection

EXIT_SAVED, EXIT_STOPPED, EXIT_USAGE = 0, 1, 2
LIMIT = 4000  # characters per answer, as the desktop's text field holds
CLEAR = "-"
PROG = "crossing-paths results reflect"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, as argparse does, never a traceback
        self.print_usage(sys.stderr)
        print(f"{PROG}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python main.py results reflect",
                description="Write your CPD reflection on a playthrough, one question at a time. A blank line "
                            "ends an answer; pressing Enter at once keeps what you wrote before; a line holding "
                            "only - clears it.")
    p.add_argument("--latest", type=int, default=20, metavar="N", help="how many recent playthroughs to list (20)")
    p.add_argument("--playthrough", metavar="ID", help="the playthrough's id (as exports show it): skip the list")
    return p


class Stopped(Exception):
    """The learner stopped before anything was saved (end of input, Ctrl+C)."""


def _line(stream: TextIO) -> str | None:
    """One line without its line end and with control characters dropped; None at the end of input."""
    raw = stream.readline()
    if raw == "":
        return None
    return "".join(ch for ch in raw.rstrip("\r\n") if ch.isprintable() or ch == "\t")


def when(p: Playthrough) -> str:
    return p.finished_at.astimezone().strftime("%d %b %Y, %H:%M")


def listing(records: list[Playthrough], total: int) -> list[str]:
    lines = [f"Your latest {len(records)} of {total:,} playthroughs:" if total > len(records) else
             f"Your playthroughs ({len(records)}):"]
    for n, p in enumerate(records, start=1):
        written = p.reflection is not None and not p.reflection.empty
        lines.append(f"{n}. {p.title}. {when(p)}. {p.outcome_label}. "
                     + ("Reflection written." if written else "No reflection yet."))
    return lines


def pick(records: list[Playthrough], stdin: TextIO, out: TextIO) -> Playthrough:
    """The playthrough whose number the learner types; asks again after anything else."""
    while True:
        print(f"Type the number of the playthrough to reflect on (1 to {len(records)}), or q to stop:",
              file=out, flush=True)
        answer = _line(stdin)
        if answer is None or answer.strip().lower() in ("q", "quit"):
            raise Stopped
        text = answer.strip()
        if text.isdigit() and 1 <= int(text) <= len(records):
            return records[int(text) - 1]
        print(f"'{text[:40]}' is not one of the numbers 1 to {len(records)}." if text else
              "Nothing typed.", file=out, flush=True)


def answer(prompt: str, number: int, before: str, stdin: TextIO, out: TextIO) -> tuple[str, bool]:
    """The answer to one prompt and whether input ended while it was typed. A blank first line keeps
    `before`; a lone "-" clears it; otherwise lines up to a blank line."""
    print(f"\nQuestion {number} of {len(REFLECTION_PROMPTS)}: {prompt}.", file=out)
    if before.strip():
        print("You wrote before:", file=out)
        print(before, file=out)
        print("(end of what you wrote.) Type a new answer to replace it, press Enter to keep it, or type - "
              "to clear it.", file=out, flush=True)
    else:
        print("Type your answer. A blank line ends it; pressing Enter at once leaves it empty.", file=out,
              flush=True)
    lines: list[str] = []
    while True:
        line = _line(stdin)
        if line is None:
            return ("\n".join(lines) if lines else before), True
        if not line.strip():
            if not lines:
                return before, False
            break
        if not lines and line.strip() == CLEAR:
            return "", False
        lines.append(line)
    text = "\n".join(lines)
    if len(text) > LIMIT:
        print(f"This answer can hold {LIMIT:,} characters: the last {len(text) - LIMIT:,} were not kept.",
              file=out, flush=True)
        text = text[:LIMIT]
    return text, False


def write(p: Playthrough, stdin: TextIO, out: TextIO) -> dict[str, str]:
    """Every prompt in turn; at the end of input the answers so far are kept and the rest left as they were."""
    kept = dict(p.reflection.parts) if p.reflection is not None else {}
    parts = dict(kept)
    print(f"\nReflecting on: {p.title}, {when(p)}, {p.outcome_label}.", file=out)
    print("Your own words, for your CPD record. Leave out names and anything that could identify a person you "
          "work with.", file=out, flush=True)
    for number, (key, prompt) in enumerate(REFLECTION_PROMPTS, start=1):
        parts[key], ended = answer(prompt, number, kept.get(key, ""), stdin, out)
        if ended:
            print("\n(End of input: the answers so far are kept.)", file=out, flush=True)
            break
    return parts


def main(argv: list[str], stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    stdin, out = stdin or sys.stdin, out or sys.stdout
    if args.latest < 1:
        print(f"{PROG}: --latest must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")  # a stray byte in what is typed must not stop the writing
    from game.saves import SaveError, SaveStore

    try:
        store = SaveStore.open()
    except SaveError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_STOPPED
    try:
        return _run(store, args, stdin, out)
    except Stopped:
        print("Stopped: nothing was changed.", file=out, flush=True)
        return EXIT_STOPPED
    except KeyboardInterrupt:
        print("\nStopped: nothing was saved.", file=out, flush=True)
        return EXIT_STOPPED
    except SaveError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_STOPPED
    finally:
        store.close()


def _run(store, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    every = sorted(store.playthroughs(), key=lambda p: p.finished_at, reverse=True)
    if not every:
        print(f"{PROG}: no finished playthroughs yet. Finish a scenario (python main.py text, or the desktop "
              "game), then reflect on it.", file=sys.stderr)
        return EXIT_STOPPED
    if args.playthrough is not None:
        chosen = next((p for p in every if p.id == args.playthrough.strip()), None)
        if chosen is None:
            print(f"{PROG}: there is no playthrough {args.playthrough[:60]!r} in your records. Leave out "
                  "--playthrough to choose from a list.", file=sys.stderr)
            return EXIT_USAGE
    else:
        shown = every[:args.latest]
        print("\n".join(listing(shown, len(every))), file=out, flush=True)
        chosen = shown[0] if len(shown) == 1 else pick(shown, stdin, out)
    parts = write(chosen, stdin, out)
    before = dict(chosen.reflection.parts) if chosen.reflection is not None else {}
    if {k: v for k, v in parts.items() if v} == {k: v for k, v in before.items() if v}:
        print("\nNothing changed, so nothing was saved.", file=out, flush=True)
        return EXIT_SAVED
    store.set_reflection(chosen.id, Reflection(parts, datetime.now(UTC)))
    print(f"\nSaved your reflection on {chosen.title}. python main.py results cpd writes your CPD record.",
          file=out, flush=True)
    return EXIT_SAVED
