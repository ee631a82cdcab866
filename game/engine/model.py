"""Scenario format v1: the typed model every scenario file is validated against.

The same classes produce the JSON Schema shipped in docs/ (see `game.engine.schema`), so editors and the
loader can never disagree about what a scenario may contain. Models are frozen: the engine hands them out
and nobody may change a scenario while it is being played.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    model_validator,
)

FORMAT_VERSION = 1


class Strict(BaseModel):
    """Unknown keys are errors (a typo must never be silently ignored); models are immutable.

    Built on first use, not on import (`defer_build`): then the scenario's validator is built once with
    everything in it, rather than once per class: about 50 ms less for every command that loads a scenario.
    It also lets the recursive conditions refer to classes defined further down."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


Id = Annotated[
    str,
    Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80,
          description="An identifier: letters, digits, '-', '_' or '.'; starts with a letter or digit."),
]
# Authors write `2: -1` for standard 2, which YAML reads as the number 2; standard ids are text. The
# conversion is pydantic's own (coerce_numbers_to_str), not a Python validator: a large scenario has
# tens of thousands of these keys, and a Python call for each was a fifth of the time to type one.
StandardId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.]*$", max_length=20, coerce_numbers_to_str=True,
                                  description="A standard's id in the scenario's framework, e.g. 2 or '13'.")]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
AssetPath = Annotated[str, Field(min_length=1, max_length=300,
                                 description="A path relative to assets/, e.g. portraits/sam.png")]

Platform = Literal[
    "facebook", "x", "instagram", "linkedin", "whatsapp", "tiktok", "blog", "forum", "search", "email", "other"
]


# --- People, lines, references ------------------------------------------------------------------------------

class Character(Strict):
    name: ShortText
    role: ShortText
    portrait: AssetPath | None = None


class Line(Strict):
    """One paragraph of narration (no speaker) or one line of dialogue (speaker = a character id)."""

    text: Text
    speaker: Id | None = None


class Reference(Strict):
    title: ShortText
    author: ShortText | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: ShortText | None = None
    note: Text | None = None


# --- Social-media cards (data only; the desktop UI draws them) ---------------------------------------------

class Person(Strict):
    name: ShortText
    handle: ShortText | None = None
    subtitle: ShortText | None = Field(default=None, description="e.g. a job title or '3 mutual friends'")
    avatar: AssetPath | None = None


class Image(Strict):
    alt: ShortText = Field(description="What the picture shows; always required, for screen readers and handouts.")
    asset: AssetPath | None = None


class Comment(Strict):
    author: Person
    text: Text
    time: ShortText | None = None
    likes: int = Field(default=0, ge=0)


Audience = Literal[
    "public", "friends", "friends_except", "specific_friends", "only_me", "custom",
    "followers", "connections", "group", "protected",
]


class FriendRequestCard(Strict):
    type: Literal["friend_request"]
    platform: Platform
    kind: Literal["friend", "follow", "connect"] = "friend"
    sender: Person = Field(alias="from")
    mutual: int | None = Field(default=None, ge=0, description="Number of mutual friends or connections.")
    message: Text | None = None
    time: ShortText | None = None


class PostCard(Strict):
    type: Literal["post"]
    platform: Platform
    author: Person
    text: Text
    time: ShortText | None = None
    audience: Audience = "public"
    audience_label: ShortText | None = Field(default=None, description="e.g. the group's name or 'Friends except Work'")
    image: Image | None = None
    reactions: dict[ShortText, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)
    shares: int = Field(default=0, ge=0)
    comments: list[Comment] = Field(default_factory=list)


class Message(Strict):
    sender: ShortText = Field(alias="from", description="The sender's name; 'you' means the player.")
    text: Text
    time: ShortText | None = None


class MessagesCard(Strict):
    type: Literal["messages"]
    platform: Platform
    title: ShortText = Field(description="The other person's name, or the group's name.")
    participants: int | None = Field(default=None, ge=2)
    messages: list[Message] = Field(min_length=1)


class SearchResult(Strict):
    title: ShortText
    url: ShortText
    snippet: Text | None = None


class SearchResultsCard(Strict):
    type: Literal["search_results"]
    platform: Platform = "search"
    query: ShortText
    results: list[SearchResult] = Field(min_length=1)


class Setting(Strict):
    label: ShortText
    value: ShortText
    options: list[ShortText] = Field(default_factory=list)
    at_risk: bool = Field(default=False, description="Mark a setting that exposes more than the user intends.")
    note: ShortText | None = None


class PrivacySettingsCard(Strict):
    type: Literal["privacy_settings"]
    platform: Platform
    title: ShortText = "Privacy settings"
    settings: list[Setting] = Field(min_length=1)
    note: Text | None = None


Card = Annotated[
    FriendRequestCard | PostCard | MessagesCard | SearchResultsCard | PrivacySettingsCard,
    Field(discriminator="type"),
]


# --- Conditions: structured data, never evaluated as code -------------------------------------------------

class FlagSet(Strict):
    flag: Id


class FlagUnset(Strict):
    not_flag: Id


class ScoreTest(Strict):
    score: StandardId | Literal["total"] = Field(description="A standard's id, or 'total' for the sum of all.")
    at_least: int | None = None
    at_most: int | None = None

    @model_validator(mode="after")
    def _has_bound(self) -> ScoreTest:
        if self.at_least is None and self.at_most is None:
            raise ValueError("a score test needs at_least or at_most (or both)")
        return self


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class NotOf(Strict):
    not_: Condition = Field(alias="not")


_CONDITION_KEYS = {"flag": "flag", "not_flag": "not_flag", "score": "score",
                   "all": "all", "any": "any", "not": "not"}


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {FlagSet: "flag", FlagUnset: "not_flag", ScoreTest: "score",
                AllOf: "all", AnyOf: "any", NotOf: "not"}[type(value)]
    if isinstance(value, dict):
        for key in value:
            if key in _CONDITION_KEYS:
                return _CONDITION_KEYS[key]
    return None


Condition = Annotated[
    Annotated[FlagSet, Tag("flag")]
    | Annotated[FlagUnset, Tag("not_flag")]
    | Annotated[ScoreTest, Tag("score")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message="a condition is a mapping with one of: flag, not_flag, score, all, any, not",
    ),
]


# --- Choices, routes, nodes, endings ----------------------------------------------------------------------

class Choice(Strict):
    text: Text
    goto: Id
    feedback: Text = Field(description="Shown after the choice: what it means and why.")
    scores: dict[StandardId, Annotated[int, Field(ge=-5, le=5)]] = Field(
        default_factory=dict, description="Per-standard score change; positive = upheld, negative = breached.")
    reasons: dict[StandardId, Text] = Field(
        default_factory=dict, description="Optional: why this choice upholds or breaches each standard.")
    set_flags: list[Id] = Field(default_factory=list)
    clear_flags: list[Id] = Field(default_factory=list)
    when: Condition | None = Field(default=None, description="Show this choice only when the condition holds.")


class Route(Strict):
    goto: Id
    when: Condition | None = Field(default=None, description="Omit on the last route: it is the default.")


class Notes(Strict):
    """Facilitator-only notes for a node or an ending: shown on the facilitator's console and in the
    facilitator's copy of a group session's summary, never to the room or to a learner playing alone."""

    points: list[Text] = Field(default_factory=list, description="Points to draw out in the discussion.")
    model_answer: Text | None = Field(default=None, description="A model answer or expert commentary.")
    timing: ShortText | None = Field(default=None, description="A short timing hint, e.g. 'about 5 minutes'.")

    @model_validator(mode="after")
    def _has_something(self) -> Notes:
        if not self.points and self.model_answer is None and self.timing is None:
            raise ValueError("notes need at least one of points, model_answer or timing")
        return self


class Node(Strict):
    title: ShortText | None = Field(default=None, description="A short scene heading, e.g. 'Tuesday, 9.40 pm'.")
    lines: list[Line] = Field(default_factory=list)
    card: Card | None = None
    prompt: Text | None = Field(default=None, description="A question for the facilitator to put to the group.")
    choices: list[Choice] | None = None
    routes: list[Route] | None = Field(default=None, description="Automatic: the first route whose condition holds.")
    next: Id | None = Field(default=None, description="Where a narration-only node continues to.")
    notes: Notes | None = Field(default=None, description="Facilitator-only notes; never shown to the room.")


class RealCase(Strict):
    summary: Text
    year: int | None = Field(default=None, ge=1990, le=2100)
    regulator: ShortText | None = None
    outcome: ShortText | None = None
    source: ShortText | None = None


class Debrief(Strict):
    what_happened: Text
    why: Text | None = None
    standards: list[StandardId] = Field(default_factory=list, description="The standards at stake.")
    real_case: RealCase | None = None
    reflection: list[Text] = Field(min_length=1)


class Ending(Strict):
    title: ShortText
    text: Text
    outcome: Id = Field(description="An outcome id from the ladder, e.g. caution_order.")
    months: int | None = Field(default=None, ge=1, le=120, description="How long the order lasts, where it has a length.")
    agreed: bool = Field(default=False, description="A regulator-level outcome agreed without a hearing (Social "
                         "Work England's accepted outcome, the HCPC's consent order).")
    debrief: Debrief
    notes: Notes | None = Field(default=None, description="Facilitator-only notes; never shown to the room.")


class Scenario(Strict):
    # Where the texts with a '$' token are (engine/tokens.py), as paths in the file's data: the loader sets
    # them, so a large scenario is never walked to find them; None (made some other way): not known.
    _token_paths: tuple[tuple, ...] | None = PrivateAttr(default=None)

    format: Literal[1] = Field(description="The scenario format version. Always 1 for now.")
    id: Id
    title: ShortText
    summary: Text
    minutes: int = Field(ge=1, le=180, description="Estimated minutes to play.")
    audience: list[ShortText] = Field(min_length=1)
    version: ShortText
    author: ShortText
    tags: list[ShortText] = Field(default_factory=list)
    objectives: list[Text] = Field(min_length=1, description="Learning objectives.")
    framework: Id = Field(default="hcpc-2012", description="The standards framework choices are scored against.")
    references: list[Reference] = Field(default_factory=list)
    characters: dict[Id, Character] = Field(default_factory=dict)
    start: Id
    nodes: dict[Id, Node] = Field(min_length=1)
    endings: dict[Id, Ending] = Field(min_length=1)
