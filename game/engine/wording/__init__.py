"""How the game words things, in one place: a standard, a verdict, a signed score, a post's audience, a count
of things, a card and a scene as plain text. The terminal player, the desktop screens and their self-voicing,
`snapshot`, and anything that later shows the game elsewhere (a phone page, an export) word things through
here, so a learner never meets two names for the same thing. Pure Python: no pygame.

    from game.engine import wording
    wording.effect("2", "Confidentiality", -2)   # 'Standard 2 · Confidentiality — breached (−2)'
    wording.audience("public", long=True)         # 'Public (anyone, on or off the platform)'
    wording.plural(2, "choice")                   # '2 choices'
    wording.scene(story.scene)                    # the scene's logical lines
"""

from .cards import card_lines
from .partway import started_partway
from .scene import blocks, line, paragraphs, scene
from .sources import reference
from .vocabulary import (
    AT_STAKE,
    AUDIENCES,
    BREACHED,
    MINUS,
    NBSP,
    UPHELD,
    Audience,
    Verdict,
    audience,
    effect,
    noun,
    plural,
    score,
    signed,
    speakable,
    standard,
    standard_long,
    standing,
    verdict,
)

__all__ = [
    "AT_STAKE",
    "AUDIENCES",
    "BREACHED",
    "MINUS",
    "NBSP",
    "UPHELD",
    "Audience",
    "Verdict",
    "audience",
    "blocks",
    "card_lines",
    "effect",
    "line",
    "noun",
    "paragraphs",
    "plural",
    "reference",
    "scene",
    "score",
    "signed",
    "speakable",
    "standard",
    "standard_long",
    "standing",
    "started_partway",
    "verdict",
]
