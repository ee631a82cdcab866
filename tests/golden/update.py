"""Regenerate the golden images: `python -m tests.golden.update [NAME ...]`. Look at them before committing."""

import sys

import pygame

from tests.golden import NAMES, path, render


def main(names: list[str]) -> int:
    for name in names or NAMES:
        if name not in NAMES:
            print(f"unknown golden image '{name}'; known: {', '.join(NAMES)}", file=sys.stderr)
            return 2
        pygame.image.save(render(name), path(name))
        print(f"wrote {path(name)}: open it and check it before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
