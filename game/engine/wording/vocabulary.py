"""The game's words for its recurring ideas: a signed score, a verdict, a standard, a post's audience, a count."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The real minus sign everywhere, never a hyphen: screen readers say "minus" for it, while a hyphen is read as
# "dash" or skipped, and it lines up with "+" in a column. Consoles that cannot show it get "?" (see textplayer).
MINUS = "\u2212"
NBSP = "\u00a0"  # keeps a sign or a number with its word when text wraps


# --- scores and verdicts -------------------------------------------------------------------------------------

def signed(n: int) -> str:
    """'+2', '−1', '0'."""
    return f"+{n}" if n > 0 else f"{MINUS}{-n}" if n < 0 else "0"


@dataclass(frozen=True)
class Verdict:
    key: str  # names the colour and the icon drawn beside the words: "upheld", "breached" or "at_stake"
    words: str  # what is written and said: "upheld", "breached" or "at stake"


UPHELD = Verdict("upheld", "upheld")
BREACHED = Verdict("breached", "breached")
AT_STAKE = Verdict("at_stake", "at stake")


def verdict(n: int) -> Verdict:
    """What a score (one choice's, or a total) means for its standard."""
    return UPHELD if n > 0 else BREACHED if n < 0 else AT_STAKE


def score(n: int) -> str:
    """'+3 upheld', '−2 breached', '0 at stake': the sign AND the words, so nothing rests on colour alone."""
    return f"{signed(n)} {verdict(n).words}"


def speakable(text: str) -> str:
    """Text for a speech synthesiser: signs as words ('minus 2'), which some voices skip or misread."""
    return re.sub(r"\+(?=\d)", "plus ", text.replace(MINUS, "minus "))


# --- standards -----------------------------------------------------------------------------------------------

def standard(standard_id: str, short: str | None = None) -> str:
    """'Standard 3 · Personal conduct' (just 'Standard 3' when there is no short title)."""
    return f"Standard {standard_id} · {short}" if short and short != standard_id else f"Standard {standard_id}"


def standard_long(standard_id: str, short: str | None, title: str | None) -> str:
    """'Standard 2 · Confidentiality: Respect the confidentiality of service users'."""
    name = standard(standard_id, short)
    return f"{name}: {title}" if title and title != short else name


def effect(standard_id: str, short: str | None, delta: int) -> str:
    """'Standard 2 · Confidentiality — breached (−2)': what one choice did to one standard."""
    return f"{standard(standard_id, short)} \u2014 {verdict(delta).words}{NBSP}({signed(delta)})"


def standing(standard_id: str, short: str | None, total: int) -> str:
    """'Standard 2 · Confidentiality: −2 breached': a standard's total at the end."""
    return f"{standard(standard_id, short)}: {score(total)}"


# --- a post's audience ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Audience:
    short: str  # on the card, beside its icon, as the platforms write it
    long: str  # in words for someone who cannot see the card: the terminal player, alt text, speech


AUDIENCES: dict[str, Audience] = {
    "public": Audience("Public", "Public (anyone, on or off the platform)"),
    "friends": Audience("Friends", "Friends"),
    "friends_except": Audience("Friends except\u2026", "Friends except some"),
    "specific_friends": Audience("Specific friends", "Specific friends"),
    "only_me": Audience("Only me", "Only me"),
    "custom": Audience("Custom audience", "Custom audience"),
    "followers": Audience("Followers", "Followers"),
    "connections": Audience("Connections only", "Connections only"),
    "group": Audience("Group", "Group members"),
    "protected": Audience("Protected", "Protected (approved followers only)"),
}


def audience(kind: str, label: str | None = None, long: bool = False) -> str:
    """Who can see a post. The author's label ('Friends except Work', 'Anyone on or off LinkedIn') replaces the
    generic words, except that a group's name keeps its kind in front: a name alone does not say it is a group."""
    words = AUDIENCES[kind]
    generic = words.long if long else words.short
    if not label:
        return generic
    return f"{generic}: {label}" if kind == "group" else label


# --- counts --------------------------------------------------------------------------------------------------

def noun(n: int, one: str, many: str | None = None) -> str:
    """The word alone: 'choice' for 1, 'choices' otherwise."""
    return one if n == 1 else (many or one + "s")


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 choice', '2 choices', '1,200 likes', '3 replies' (with many='replies')."""
    return f"{n:,} {noun(n, one, many)}"
