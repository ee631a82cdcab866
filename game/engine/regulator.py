"""Each standards framework's regulator and its sanctions, and how an ending's outcome is played under them.

The outcome ladder (game/data/outcomes.yaml) is generic: rungs such as `caution_order` or `suspension_order`
with the widest lengths any regulator allows. A framework file names its regulator and, for every
regulator-level rung it has, the sanction's own words and the lengths it allows (game/data/frameworks/).
An ending states its outcome once, as a rung and months; played under a framework it becomes that
regulator's sanction by these rules (docs/authoring.md, "The regulator and its sanctions"):

1. a rung the framework lists is shown in the framework's words, by the framework's regulator;
2. a regulator-level rung the framework does not have (Social Work England's advice, under the HCPC)
   becomes the nearest milder rung it does have: never harsher than the author wrote;
3. months are clamped into the sanction's range, then, where only some lengths are allowed (a Social Work
   England warning: 1, 3 or 5 years), moved to the nearest allowed length, the shorter on a tie (a
   sanction is the least that protects the public); a sanction without a length drops them.
"""

from __future__ import annotations

from typing import Annotated

from .shape import Rule, key, record
from .tokens import render, words_for


@record
class Regulator:
    name: str = key(description="The full name: 'Health and Care Professions Council'.")
    short: str = key(description="The short name: 'HCPC'.")
    prose: str = key(description="How a sentence names it mid-sentence: 'the HCPC'. $regulator renders to it.")
    regulated: str = key(description="When it regulates or regulated social workers, as a verb phrase in the right tense.")
    since: str | None = key(default=None, description="First day, YYYY-MM-DD (None: before the game's period).")
    until: str | None = key(default=None, description="Last day, YYYY-MM-DD (None: still does).")

    @property
    def words(self) -> dict[str, str]:
        return words_for(self.prose)

    @property
    def sentence_name(self) -> str:
        return self.words["Regulator"]


@record
class Sanction:
    title: str
    summary: str
    min_months: Annotated[int, Rule(ge=1)] | None = None
    max_months: Annotated[int, Rule(ge=1)] | None = None
    allowed_months: list[int] = key(default_factory=list, description="Only these lengths, e.g. [12, 36, 60].")
    in_years: bool = key(default=False, description=(
        "The regulator sets this sanction in years (Social Work England's warnings: 1, 3 or 5 years), so a "
        "whole number of years is named in years, 12 months too: 'Warning — 1 year'. Otherwise only two "
        "years and more are, and 12 months stays as the regulator words it: a '12-month conditions order'."))

    @property
    def has_length(self) -> bool:
        return bool(self.allowed_months) or self.min_months is not None or self.max_months is not None

    def months_played(self, months: int | None) -> int | None:
        """Rule 3 above."""
        if months is None or not self.has_length:
            return None
        low = self.min_months or min(self.allowed_months, default=1)
        high = self.max_months or max(self.allowed_months, default=months)
        months = max(low, min(high, months))
        if self.allowed_months:
            months = min(self.allowed_months, key=lambda m: (abs(m - months), m))
        return months

    def lengths(self) -> str:
        """'1, 3 or 5 years', 'up to 36 months', '12 to 60 months': for messages."""
        if self.allowed_months:
            if all(m % 12 == 0 for m in self.allowed_months):
                years = [str(m // 12) for m in self.allowed_months]
                return f"{', '.join(years[:-1])} or {years[-1]} years" if len(years) > 1 else f"{years[0]} years"
            return " or ".join(f"{m} months" for m in self.allowed_months)
        if self.min_months:
            return f"{self.min_months} to {self.max_months} months" if self.max_months else \
                f"at least {self.min_months} months"
        return f"up to {self.max_months} months" if self.max_months else "no set length"


@record
class Agreed:
    """An outcome agreed with the regulator without a (contested) hearing."""

    label: str = key(description="Its name: 'accepted outcome', 'consent order'.")
    words: str = key(description="What that means, for the debrief.")


@record
class Sanctions:
    agreed: Agreed
    rungs: dict[str, Sanction] = key(min_length=1, description="By rung id of game/data/outcomes.yaml.")


def rendered(text: str, regulator: Regulator) -> str:
    return render(text, regulator.words)
