"""Social-media cards as plain text: one labelled fact per line, so a screen reader reads them in order and
a printed transcript still says who sent what, where, and who could see it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .vocabulary import audience, noun, plural

if TYPE_CHECKING:  # the words need no model: importing them stays cheap for every caller's start-up
    from ..model import (
        FriendRequestCard,
        MessagesCard,
        Person,
        PostCard,
        PrivacySettingsCard,
        SearchResultsCard,
    )

PLATFORMS = {
    "facebook": "on Facebook", "x": "on X (Twitter)", "instagram": "on Instagram", "linkedin": "on LinkedIn",
    "whatsapp": "on WhatsApp", "tiktok": "on TikTok", "blog": "on a blog", "forum": "on a forum",
    "search": "on a search engine", "email": "by email", "other": "online",
}
_REQUESTS = {"friend": ("Friend request", "mutual friend"), "follow": ("Follow request", "mutual follower"),
             "connect": ("Connection request", "mutual connection")}


def person(p: Person) -> str:
    text = p.name
    if p.handle:
        text += f" ({p.handle})"
    if p.subtitle:
        text += f", {p.subtitle}"
    return text


def _quoted(text: str) -> str:
    return f"\u201c{text.strip()}\u201d"


def friend_request(card: FriendRequestCard) -> list[str]:
    what, mutual = _REQUESTS[card.kind]
    lines = [f"[{what} {PLATFORMS[card.platform]}]", f"From: {person(card.sender)}"]
    if card.mutual is not None:
        lines.append(plural(card.mutual, mutual) if card.mutual else f"No {noun(0, mutual)}")
    if card.time:
        lines.append(f"Sent: {card.time}")
    if card.message:
        lines.append(f"Message: {_quoted(card.message)}")
    return lines


def post(card: PostCard) -> list[str]:
    header = f"Posted by {person(card.author)}" + (f", {card.time}" if card.time else "")
    who = audience(card.audience, card.audience_label, long=True)
    lines = [f"[Post {PLATFORMS[card.platform]}]", header, f"Who can see it: {who}", _quoted(card.text)]
    if card.image:
        lines.append(f"Picture: {card.image.alt}")
    reactions = [f"{count} {name}" for name, count in card.reactions.items() if count]
    if card.shares:
        reactions.append(f"shared {plural(card.shares, 'time')}")
    if reactions:
        lines.append(f"Reactions: {', '.join(reactions)}")
    if card.comments:
        lines.append(f"{plural(len(card.comments), 'comment')}:")
        for c in card.comments:
            extra = [x for x in (c.time, plural(c.likes, "like") if c.likes else None) if x]
            tail = f" ({', '.join(extra)})" if extra else ""
            lines.append(f"  {person(c.author)}: {_quoted(c.text)}{tail}")
    return lines


def messages(card: MessagesCard) -> list[str]:
    where = PLATFORMS[card.platform]
    group = f", a group of {card.participants}" if card.participants and card.participants > 2 else ""
    lines = [f"[Messages {where}: {card.title}{group}]"]
    for m in card.messages:
        who = "You" if m.sender.strip().casefold() == "you" else m.sender
        when = f" ({m.time})" if m.time else ""
        lines.append(f"  {who}{when}: {_quoted(m.text)}")
    return lines


def search_results(card: SearchResultsCard) -> list[str]:
    lines = [f"[Search results {PLATFORMS[card.platform]}]", f"Searched for: {_quoted(card.query)}",
             f"{plural(len(card.results), 'result')}:"]
    for n, r in enumerate(card.results, 1):
        lines.append(f"{n}. {r.title}")
        lines.append(f"   Address: {r.url}")
        if r.snippet:
            lines.append(f"   {r.snippet}")
    return lines


def privacy_settings(card: PrivacySettingsCard) -> list[str]:
    lines = [f"[{card.title} {PLATFORMS[card.platform]}]"]
    for s in card.settings:
        sentences = [f"{s.label}: {s.value}"]
        if s.at_risk:
            sentences.append("At risk: this shares more than you may intend")
        if s.options:
            sentences.append(f"Options: {', '.join(s.options)}")
        if s.note:
            sentences.append(s.note.rstrip("."))
        lines.append("  " + ". ".join(sentences) + ".")
    if card.note:
        lines.append(f"Note: {card.note}")
    return lines


_RENDERERS = {"friend_request": friend_request, "post": post, "messages": messages,
              "search_results": search_results, "privacy_settings": privacy_settings}


def card_lines(card: Any) -> list[str]:
    """The card as labelled lines, chosen by its `type` (every card model has one)."""
    return _RENDERERS[card.type](card)
