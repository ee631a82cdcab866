"""The desktop game (pygame). The only package that imports pygame."""

import os

# pygame prints a banner on import; the game's own messages (e.g. "no display") must be the only output
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
