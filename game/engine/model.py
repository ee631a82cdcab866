"""Scenario format v1: the typed model every scenario file is validated against.

Records made by `shape.record` (frozen dataclasses: the engine hands them out and nobody may change a
scenario while it is being played). The fast reader in shape.py builds them from a valid file without
pydantic; pydantic reads the same declaration to explain an invalid one and to write the JSON Schema
shipped in docs/ (see `game.engine.schema`), so editors and the loader never disagree about what a scenario
may contain.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from .shape import Keyed, Rule, Tagged, key, record

FORMAT_VERSION = 1


Id = Annotated[
    str,
    Rule(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80,
          description="An identifier: letters, digits, '-', '_' or '.'; starts with a letter or digit."),
]
# Authors write `2: -1` for standard 2, which YAML reads as the number 2; standard ids are text. The
# conversion is a rule of the type (numbers_as_text: pydantic's coerce_numbers_to_str), not a validator
# function, so pydantic keeps it in its compiled core.
StandardId = Annotated[str, Rule(pattern=r"^[A-Za-z0-9][A-Za-z0-9.]*$", max_length=20, numbers_as_text=True,
                                  description="A standard's id in the scenario's framework, e.g. 2 or '13'.")]
Text = Annotated[str, Rule(min_length=1, max_length=20_000)]
ShortText = Annotated[str, Rule(min_length=1, max_length=300)]
AssetPath = Annotated[str, Rule(min_length=1, max_length=300,
                                 description="A path relative to assets/, e.g. portraits/sam.png")]

Platform = Literal[
    "facebook", "x", "instagram", "linkedin", "whatsapp", "tiktok", "blog", "forum", "search", "email", "other"
]


# --- People, lines, references ------------------------------------------------------------------------------

@record
class Character:
    name: ShortText
    role: ShortText
    portrait: AssetPath | None = None


@record
class Line:
    """One paragraph of narration (no speaker) or one line of dialogue (speaker = a character id)."""

    text: Text
    speaker: Id | None = None


@record
class Reference:
    title: ShortText
    author: ShortText | None = None
    year: Annotated[int, Rule(ge=1900, le=2100)] | None = None
    url: ShortText | None = None
    note: Text | None = None


# --- Social-media cards (data only; the desktop UI draws them) ---------------------------------------------

@record
class Person:
    name: ShortText
    handle: ShortText | None = None
    subtitle: ShortText | None = key(default=None, description="e.g. a job title or '3 mutual friends'")
    avatar: AssetPath | None = None


@record
class Image:
    alt: ShortText = key(description="What the picture shows; always required, for screen readers and handouts.")
    asset: AssetPath | None = None


@record
class Comment:
    author: Person
    text: Text
    time: ShortText | None = None
    likes: Annotated[int, Rule(ge=0)] = 0


Audience = Literal[
    "public", "friends", "friends_except", "specific_friends", "only_me", "custom",
    "followers", "connections", "group", "protected",
]


@record
class FriendRequestCard:
    type: Literal["friend_request"]
    platform: Platform
    kind: Literal["friend", "follow", "connect"] = "friend"
    sender: Person = key(alias="from")
    mutual: Annotated[int, Rule(ge=0)] | None = key(default=None, description="Number of mutual friends or connections.")
    message: Text | None = None
    time: ShortText | None = None


@record
class PostCard:
    type: Literal["post"]
    platform: Platform
    author: Person
    text: Text
    time: ShortText | None = None
    audience: Audience = "public"
    audience_label: ShortText | None = key(default=None, description="e.g. the group's name or 'Friends except Work'")
    image: Image | None = None
    reactions: dict[ShortText, Annotated[int, Rule(ge=0)]] = field(default_factory=dict)
    shares: Annotated[int, Rule(ge=0)] = 0
    comments: list[Comment] = field(default_factory=list)


@record
class Message:
    sender: ShortText = key(alias="from", description="The sender's name; 'you' means the player.")
    text: Text
    time: ShortText | None = None


@record
class MessagesCard:
    type: Literal["messages"]
    platform: Platform
    title: ShortText = key(description="The other person's name, or the group's name.")
    participants: Annotated[int, Rule(ge=2)] | None = None
    messages: list[Message] = key(min_length=1)


@record
class SearchResult:
    title: ShortText
    url: ShortText
    snippet: Text | None = None


@record
class SearchResultsCard:
    type: Literal["search_results"]
    platform: Platform = "search"
    query: ShortText
    results: list[SearchResult] = key(min_length=1)


@record
class Setting:
    label: ShortText
    value: ShortText
    options: list[ShortText] = field(default_factory=list)
    at_risk: bool = key(default=False, description="Mark a setting that exposes more than the user intends.")
    note: ShortText | None = None


@record
class PrivacySettingsCard:
    type: Literal["privacy_settings"]
    platform: Platform
    title: ShortText = "Privacy settings"
    settings: list[Setting] = key(min_length=1)
    note: Text | None = None


Card = Annotated[
    FriendRequestCard | PostCard | MessagesCard | SearchResultsCard | PrivacySettingsCard,
    Tagged("type"),
]


# --- Conditions: structured data, never evaluated as code -------------------------------------------------

@record
class FlagSet:
    flag: Id


@record
class FlagUnset:
    not_flag: Id


@record
class ScoreTest:
    score: StandardId | Literal["total"] = key(description="A standard's id, or 'total' for the sum of all.")
    at_least: int | None = None
    at_most: int | None = None

    def __post_init__(self) -> None:
        if self.at_least is None and self.at_most is None:
            raise ValueError("a score test needs at_least or at_most (or both)")


@record
class AllOf:
    all: list[Condition] = key(min_length=1)


@record
class AnyOf:
    any: list[Condition] = key(min_length=1)


@record
class NotOf:
    not_: Condition = key(alias="not")


Condition = Annotated[
    FlagSet | FlagUnset | ScoreTest | AllOf | AnyOf | NotOf,
    Keyed({"flag": FlagSet, "not_flag": FlagUnset, "score": ScoreTest, "all": AllOf, "any": AnyOf, "not": NotOf},
          error="condition",
          message="a condition is a mapping with one of: flag, not_flag, score, all, any, not"),
]


# --- Choices, routes, nodes, endings ----------------------------------------------------------------------

@record
class Choice:
    text: Text
    goto: Id
    feedback: Text = key(description="Shown after the choice: what it means and why.")
    scores: dict[StandardId, Annotated[int, Rule(ge=-5, le=5)]] = key(
        default_factory=dict, description="Per-standard score change; positive = upheld, negative = breached.")
    reasons: dict[StandardId, Text] = key(
        default_factory=dict, description="Optional: why this choice upholds or breaches each standard.")
    set_flags: list[Id] = field(default_factory=list)
    clear_flags: list[Id] = field(default_factory=list)
    when: Condition | None = key(default=None, description="Show this choice only when the condition holds.")


@record
class Route:
    goto: Id
    when: Condition | None = key(default=None, description="Omit on the last route: it is the default.")


@record
class Notes:
    """Facilitator-only notes for a node or an ending: shown on the facilitator's console and in the
    facilitator's copy of a group session's summary, never to the room or to a learner playing alone."""

    points: list[Text] = key(default_factory=list, description="Points to draw out in the discussion.")
    model_answer: Text | None = key(default=None, description="A model answer or expert commentary.")
    timing: ShortText | None = key(default=None, description="A short timing hint, e.g. 'about 5 minutes'.")

    def __post_init__(self) -> None:
        if not self.points and self.model_answer is None and self.timing is None:
            raise ValueError("notes need at least one of points, model_answer or timing")


@record
class Node:
    title: ShortText | None = key(default=None, description="A short scene heading, e.g. 'Tuesday, 9.40 pm'.")
    lines: list[Line] = field(default_factory=list)
    card: Card | None = None
    prompt: Text | None = key(default=None, description="A question for the facilitator to put to the group.")
    choices: list[Choice] | None = None
    routes: list[Route] | None = key(default=None, description="Automatic: the first route whose condition holds.")
    next: Id | None = key(default=None, description="Where a narration-only node continues to.")
    notes: Notes | None = key(default=None, description="Facilitator-only notes; never shown to the room.")


@record
class RealCase:
    summary: Text
    year: Annotated[int, Rule(ge=1990, le=2100)] | None = None
    regulator: ShortText | None = None
    outcome: ShortText | None = None
    source: ShortText | None = None


@record
class Debrief:
    what_happened: Text
    why: Text | None = None
    standards: list[StandardId] = key(default_factory=list, description="The standards at stake.")
    real_case: RealCase | None = None
    reflection: list[Text] = key(min_length=1)


@record
class Ending:
    title: ShortText
    text: Text
    outcome: Id = key(description="An outcome id from the ladder, e.g. caution_order.")
    months: Annotated[int, Rule(ge=1, le=120)] | None = key(default=None, description="How long the order lasts, where it has a length.")
    agreed: bool = key(default=False, description="A regulator-level outcome agreed without a hearing (Social "
                         "Work England's accepted outcome, the HCPC's consent order).")
    debrief: Debrief
    notes: Notes | None = key(default=None, description="Facilitator-only notes; never shown to the room.")


@record
class Scenario:
    format: Literal[1] = key(description="The scenario format version. Always 1 for now.")
    id: Id
    title: ShortText
    summary: Text
    minutes: Annotated[int, Rule(ge=1, le=180)] = key(description="Estimated minutes to play.")
    audience: list[ShortText] = key(min_length=1)
    version: ShortText
    author: ShortText
    tags: list[ShortText] = field(default_factory=list)
    objectives: list[Text] = key(min_length=1, description="Learning objectives.")
    framework: Id = key(default="hcpc-2012", description="The standards framework choices are scored against.")
    references: list[Reference] = field(default_factory=list)
    characters: dict[Id, Character] = field(default_factory=dict)
    start: Id
    nodes: dict[Id, Node] = key(min_length=1)
    endings: dict[Id, Ending] = key(min_length=1)

    # Where the texts with a '$' token are (engine/tokens.py), as paths in the file's data: the loader sets
    # them (`object.__setattr__`: the record is frozen), so a large scenario is never walked to find them;
    # None (made some other way): not known. Not a field: no file writes it.
    _token_paths = None
