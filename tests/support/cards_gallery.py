"""Example cards of every type (fictional people, UK social-work situations) and a renderer for review.

    python -m tests.support.cards_gallery OUT_DIR [--width 1280 1920] [--scale 1 2] [--hc] [--only post-x]

writes one PNG per example, width, scale and theme, drawn headless exactly as the game draws them. The
examples are also the tests' and the bench's realistic cards.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game import paths
from game.engine import shape
from game.engine.model import Card
from game.ui.cards import CardContext, draw_card, measure_card
from game.ui.fonts import Fonts

EXAMPLES: dict[str, dict] = {
    "request-facebook": {
        "type": "friend_request", "platform": "facebook", "kind": "friend",
        "from": {"name": "Jade Thompson", "subtitle": "Lives in Basildon"},
        "mutual": 2, "time": "2 days ago",
        "message": "Hiya! Found you at last. Just wanted to say thanks for everything you did for me and the kids "
                   "last year. Can we be friends on here? x",
    },
    "request-linkedin": {
        "type": "friend_request", "platform": "linkedin", "kind": "connect",
        "from": {"name": "Paul Jennings", "subtitle": "Warehouse Supervisor at Eastgate Logistics"},
        "mutual": 3, "time": "1 week ago",
        "message": "Hi, we met at the review meeting last Tuesday. Would be good to connect so I can ask you "
                   "things about the plan directly.",
    },
    "request-instagram": {
        "type": "friend_request", "platform": "instagram", "kind": "follow",
        "from": {"name": "Jayden", "handle": "jayden_x_07", "subtitle": "Followed by tasha.m and 2 others"},
        "mutual": 3, "time": "1 h",
    },
    "post-facebook": {
        "type": "post", "platform": "facebook",
        "author": {"name": "Karen Holt"}, "time": "Yesterday at 21:47", "audience": "friends",
        "text": "Long day in court again. Judge finally saw sense and told the parents exactly what he thought "
                "of them. Those three little ones are safe now. Grim task tomorrow though... wine o'clock!",
        "image": {"alt": "A map of Chelmsford with the family court building pinned and a route drawn to it."},
        "reactions": {"like": 14, "love": 3, "sad": 1}, "shares": 1,
        "comments": [
            {"author": {"name": "Dave Brooks"}, "text": "Proud of you hun, you do an amazing job x",
             "time": "21:50", "likes": 2},
            {"author": {"name": "Priya Shah"}, "text": "Which family is this?? Not the ones from Pitsea?",
             "time": "21:52"},
            {"author": {"name": "Lisa Moore"}, "text": "Karen, you might want to take this down. Just saying.",
             "time": "22:05", "likes": 1},
        ],
    },
    "post-x": {
        "type": "post", "platform": "x",
        "author": {"name": "Sam Okafor", "handle": "SamOkafor_Dad", "subtitle": "Dad of 3. Fighting for my kids."},
        "time": "3 h", "audience": "public",
        "text": "Social worker Rachel D from Northfield Council has met my kids TWICE and now she's deciding "
                "their future. Anyone else had her? DM me. #SocialWorkersExposed",
        "reactions": {"like": 212}, "shares": 87,
        "comments": [
            {"author": {"name": "Tash M", "handle": "tash_m_1988"}, "time": "2 h", "likes": 14,
             "text": "Same thing happened to my sister. They don't listen."},
            {"author": {"name": "Northfield Parents Voice", "handle": "NfieldParents"}, "time": "1 h",
             "text": "Please don't name individual workers. Contact us privately and we can support you."},
        ],
    },
    "post-linkedin": {
        "type": "post", "platform": "linkedin",
        "author": {"name": "Amira Haddad", "subtitle": "Senior Practitioner, Children's Services at Northfield "
                                                      "Council"},
        "time": "2 d", "audience": "public",
        "text": "Brilliant day of training on reflective supervision with colleagues from across the region. "
                "Three things I'm taking back to my team: make time to think, name the emotional load, and "
                "record the reasoning as well as the decision. No case details shared, of course!",
        "image": {"alt": "Twelve people in a training room smiling at the camera, a flip chart behind them."},
        "reactions": {"like": 48, "celebrate": 12, "insightful": 6}, "shares": 4,
        "comments": [
            {"author": {"name": "Ben Carter", "subtitle": "Team Manager, Family Support"}, "time": "1 d",
             "text": "Great summary, Amira. Could you share the slides at our next team meeting?", "likes": 3},
        ],
    },
    "post-instagram": {
        "type": "post", "platform": "instagram",
        "author": {"name": "Chloe Barnes", "handle": "chlo.barnes"}, "time": "4 years ago", "audience": "public",
        "text": "Throwback to freshers week with my girls! Best night ever #tbt #unilife",
        "image": {"alt": "Chloe and four friends in fancy dress at a student party, drinks in hand, "
                         "pulling faces at the camera."},
        "reactions": {"like": 86},
        "comments": [
            {"author": {"name": "Megan Price", "handle": "meg_p"}, "text": "Omg I remember this night!!",
             "time": "4 y", "likes": 2},
        ],
    },
    "post-tiktok": {
        "type": "post", "platform": "tiktok",
        "author": {"name": "Streetwise Mum", "handle": "streetwise_mum"}, "time": "6 d", "audience": "public",
        "text": "POV: the social worker turns up 40 mins late and then judges MY time keeping. Part 3",
        "image": {"alt": "A woman filming herself in a car, captioned with a clock emoji and the word 'late'."},
        "reactions": {"like": 15300}, "shares": 1200,
        "comments": [
            {"author": {"name": "Kez", "handle": "kezzaa"}, "text": "which council is this", "likes": 230},
            {"author": {"name": "Dee", "handle": "dee.writes"}, "text": "Blur the car park next time, hun. "
                                                                     "You can see the office sign.", "likes": 88},
        ],
    },
    "post-blog": {
        "type": "post", "platform": "blog",
        "author": {"name": "Concerned Parent UK", "subtitle": "Exposing the truth about family courts"},
        "time": "12 March", "audience": "public",
        "text": "This week we are naming another social worker who has torn a family apart. Her name is on "
                "the public register and her Facebook is wide open, so we have linked both below.\n\n"
                "If you have a story about her, get in touch through the contact page.",
        "comments": [
            {"author": {"name": "Anonymous"}, "time": "13 March", "likes": 9,
             "text": "She was our worker too. Her kids go to St Mary's."},
            {"author": {"name": "J. Reed"}, "time": "13 March",
             "text": "Posting where her children go to school is not OK, whatever you think of her."},
        ],
    },
    "post-forum": {
        "type": "post", "platform": "forum",
        "author": {"name": "tiredmum84", "subtitle": "Member since 2019"}, "time": "Today 08:12",
        "audience": "group", "audience_label": "Family court support (members only)",
        "text": "Has anyone had a social worker called Rachel from the Northfield team? She's new and she's "
                "just been to see us. Seems OK but I don't trust any of them now.",
        "reactions": {"like": 4},
        "comments": [
            {"author": {"name": "LouLou_22", "subtitle": "Member since 2021"}, "time": "Today 08:40",
             "text": "Yes! Found her on Facebook, her profile pic is her with her dog at the beach lol", "likes": 2},
        ],
    },
    "messages-whatsapp": {
        "type": "messages", "platform": "whatsapp", "title": "Northfield Assessment Team", "participants": 9,
        "messages": [
            {"from": "Tom Ellis", "time": "14:02", "text": "Is the 3pm visit to the Harris family still on?"},
            {"from": "Beth Kaur", "time": "14:05",
             "text": "Yes. Just got back from there actually. Look at the state of this kitchen [photo]"},
            {"from": "Beth Kaur", "time": "14:05", "text": "Honestly don't know how they live like that"},
            {"from": "you", "time": "14:09",
             "text": "Beth, please delete that photo. We can't share pictures from visits in here."},
            {"from": "Tom Ellis", "time": "14:10", "text": "She's right tbh"},
        ],
    },
    "messages-facebook": {
        "type": "messages", "platform": "facebook", "title": "Liam Carter",
        "messages": [
            {"from": "Liam Carter", "time": "23:14", "text": "hey is this ur page?? its liam from the home"},
            {"from": "Liam Carter", "time": "23:15",
             "text": "cant sleep. can i talk to u on here instead of the office number"},
        ],
    },
    "messages-linkedin": {
        "type": "messages", "platform": "linkedin", "title": "Paul Jennings",
        "messages": [
            {"from": "Paul Jennings", "time": "Mon 09:30",
             "text": "Morning. Quick one: can you tell me what the other side has said about contact? Off the "
                     "record, obviously."},
            {"from": "you", "time": "Mon 10:02",
             "text": "Hi Paul, I can't discuss your case here. Please call the duty line on the number in your "
                     "letter and I'll ring you back."},
        ],
    },
    "messages-email": {
        "type": "messages", "platform": "email", "title": "Re: Your complaint (ref 2231)",
        "messages": [
            {"from": "Customer Relations, Northfield Council", "time": "9 May, 11:20",
             "text": "Thank you for your email. We have passed your concerns to the team manager."},
            {"from": "you", "time": "9 May, 15:45", "text": "Thanks. Please note I have also reported the blog "
                                                            "post to the platform."},
        ],
    },
    "search-name": {
        "type": "search_results", "platform": "search", "query": "Rachel Dunmore social worker Northfield",
        "results": [
            {"title": "Rachel Dunmore | Facebook", "url": "https://www.facebook.com/rachel.dunmore.9",
             "snippet": "Rachel Dunmore is on Facebook. Works at Northfield Council. Lives in Colchester. "
                        "From Ipswich. Join Facebook to connect with Rachel."},
            {"title": "Register search: Rachel Dunmore - Social worker",
             "url": "https://www.socialworkengland.org.uk/umbraco/surface/searchregister/results?"
                    "search=Rachel%20Dunmore&location=Northfield&page=1",
             "snippet": "Registered social worker. Registration number SW123456. Status: Registered."},
            {"title": "Named and shamed: Rachel D - Concerned Parent UK", "url": "concernedparentuk.blog/2024/03/12",
             "snippet": "This week we are naming another social worker who has torn a family apart..."},
        ],
    },
    "privacy-facebook": {
        "type": "privacy_settings", "platform": "facebook", "title": "Privacy checkup",
        "settings": [
            {"label": "Who can see your future posts?", "value": "Public",
             "options": ["Public", "Friends", "Friends except...", "Only me"], "at_risk": True,
             "note": "anyone, including the families you work with, can read what you post"},
            {"label": "Who can see your friends list?", "value": "Friends",
             "options": ["Public", "Friends", "Only me"]},
            {"label": "Who can look you up using the email address you provided?", "value": "Everyone",
             "options": ["Everyone", "Friends of friends", "Friends"], "at_risk": True},
            {"label": "Do you want search engines outside Facebook to link to your profile?", "value": "Yes",
             "options": ["Yes", "No"], "at_risk": True,
             "note": "a search for your name finds this profile"},
            {"label": "Review posts you're tagged in before they appear on your profile?", "value": "On",
             "options": ["On", "Off"], "note": "Tagging can widen who sees a post"},
        ],
        "note": "Platforms change these settings in updates, sometimes without telling you. Check them again "
                "every few months.",
    },
    "privacy-x": {
        "type": "privacy_settings", "platform": "x", "title": "Audience and tagging",
        "settings": [
            {"label": "Protect your posts", "value": "Off", "options": ["On", "Off"], "at_risk": True,
             "note": "your posts are public and can be found by search engines"},
            {"label": "Photo tagging", "value": "Only people you follow",
             "options": ["Anyone", "Only people you follow", "Off"]},
        ],
    },
}


_LONG_URL = ("https://www.northfield-gazette.co.uk/news/local/2024/03/12/council-social-worker-named-on-"
             "hate-site-after-family-court-hearing-parents-speak-out?utm_source=facebook&utm_medium=social&"
             "utm_campaign=share_button_mobile_app_v2")
_LONG_WORD = "Supercalifragilisticexpialidocious" * 3
_LONG_TEXT = (
    "I have been thinking about this all week and I need to get it off my chest. " * 12
    + "Read it here: " + _LONG_URL + " " + _LONG_WORD + "\n\nAnd another paragraph after a blank line, "
    "with an emoji \U0001F629 and #hashtags #NoMoreSilence @mentions."
)


def _stress_people(n: int) -> list[dict]:
    names = ["Alexandra Montgomery-Fitzwilliam", "Bo", _LONG_WORD, "Chidi Okonkwo-Adeyemi", "Dee"]
    return [{"name": names[i % len(names)], "handle": f"user_{i}_" + "x" * (i * 7 % 30),
             "subtitle": "Senior Practitioner, Children and Families Assessment Team, North Locality" if i % 2
             else None} for i in range(n)]


def stress_examples() -> dict[str, object]:
    """Cards built to break layouts: long texts, unbreakable words and URLs, many comments and messages."""
    people = _stress_people(12)
    comments = [{"author": p, "text": (_LONG_TEXT[: 40 + 90 * i] if i % 3 else _LONG_URL), "time": "5 min",
                 "likes": i * 7} for i, p in enumerate(people)]
    post = {"type": "post", "author": people[0] | {"subtitle": "Head of Service " * 8},
            "text": _LONG_TEXT, "time": "Yesterday at 23:59", "audience": "friends_except",
            "audience_label": "Friends except Work colleagues and anyone from Northfield " * 2,
            "image": {"alt": "A long description of a photograph " * 8},
            "reactions": {"like": 123456, "love": 9876, "haha": 54, "wow": 3, "sad": 2, "angry": 1, "care": 8,
                          "extraordinarilyenthusiastic": 7},
            "shares": 98765, "comments": comments}
    messages = [{"from": ("you" if i % 3 == 0 else people[i % 5]["name"]), "time": f"{10 + i}:0{i % 10}",
                 "text": [_LONG_URL, "ok", _LONG_TEXT[:300], "x", _LONG_WORD][i % 5]} for i in range(20)]
    out: dict[str, dict] = {}
    for platform in ("facebook", "x", "instagram", "linkedin", "blog", "forum", "tiktok"):
        out[f"stress-post-{platform}"] = {**post, "platform": platform}
    for platform in ("whatsapp", "linkedin", "email"):
        out[f"stress-messages-{platform}"] = {"type": "messages", "platform": platform,
                                              "title": "Northfield Children and Families " * 3 + _LONG_WORD,
                                              "participants": 14, "messages": messages}
    out["stress-request"] = {"type": "friend_request", "platform": "facebook", "kind": "friend",
                             "from": people[2] | {"subtitle": "Lives in " + _LONG_WORD}, "mutual": 1234567,
                             "time": "52 weeks ago", "message": _LONG_TEXT[:700]}
    out["stress-search"] = {"type": "search_results", "platform": "search", "query": (_LONG_WORD + " " + _LONG_URL)[:300],
                            "results": [{"title": _LONG_TEXT[:160], "url": _LONG_URL, "snippet": _LONG_TEXT[:400]}]
                            * 6}
    out["stress-privacy"] = {"type": "privacy_settings", "platform": "linkedin", "title": "Visibility " * 10,
                             "settings": [{"label": "Who can see " + "your connections and followers " * 4,
                                           "value": "Everyone on and off the platform " * 2,
                                           "options": ["Only you", _LONG_WORD, "Your connections",
                                                       "Everyone on and off the platform " * 2, "1st", "2nd", "3rd",
                                                       "Custom list of people you choose yourself"],
                                           "at_risk": bool(i % 2), "note": (_LONG_TEXT[:200] if i else None)}
                                          for i in range(5)],
                             "note": _LONG_TEXT[:500]}
    return {name: shape.build(Card, data) for name, data in out.items()}


@pytest.fixture(name="fresh_cards", autouse=True)
def fresh_cards() -> Iterator[None]:
    """For a test module that imports it: fonts up and the card layout cache empty around each test."""
    from game.ui.cards import clear_cache

    pygame.font.init()
    clear_cache()
    yield
    clear_cache()


def examples(stress: bool = False) -> dict[str, object]:
    """Every example, validated into its card model (and the stress cards too, if asked)."""
    cards = {name: shape.build(Card, data) for name, data in EXAMPLES.items()}
    if stress:
        cards.update(stress_examples())
    return cards


def render(card, width: int, scale: float, high_contrast: bool, fonts=None):
    """The card drawn on a page `width` px wide (the card centred, as in the game); returns the surface."""
    root = paths.ASSETS
    ctx = CardContext(fonts or Fonts(), scale, high_contrast, root)
    margin = round(24 * scale)
    inner = width - 2 * margin
    h = measure_card(card, inner, ctx)
    page = pygame.Surface((width, h + 2 * margin))
    page.fill((0, 0, 0) if high_contrast else (240, 242, 245))
    draw_card(page, pygame.Rect(margin, margin, inner, h), card, ctx)
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gallery", description="Render the example cards to PNG files.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, nargs="+", default=[1280, 1920])
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0, 2.0])
    parser.add_argument("--hc", action="store_true", help="also render the high-contrast theme")
    parser.add_argument("--only", nargs="*", help="example names (prefixes) to render")
    parser.add_argument("--stress", action="store_true", help="include the layout-breaking stress cards")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.font.init()
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, card in examples(args.stress).items():
        if args.only and not any(name.startswith(p) for p in args.only):
            continue
        for width in args.width:
            for scale in args.scale:
                for hc in ([False, True] if args.hc else [False]):
                    page = render(card, width, scale, hc)
                    suffix = f"{width}w-s{scale:g}{'-hc' if hc else ''}"
                    pygame.image.save(page, str(args.out / f"{name}-{suffix}.png"))
                    count += 1
    print(f"rendered={count} out={args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
