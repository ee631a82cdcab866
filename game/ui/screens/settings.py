"""Settings: every preference in game/settings.py's table, changed in place and saved at once.

Values picked from a list are buttons. Values the learner types (their name and email, the LRS's address, user
and password) are one-line text fields (game/ui/textfield.py): what is typed is kept when the field is left
(Tab, a click elsewhere, Up/Down at its ends), on Enter, on Back and when the game closes. A value that cannot
be used (an email an LRS would refuse, an address that is not one) is not kept, and the field says why and in
what form to write it; Back asks once before leaving it behind. The password is drawn as bullets and is never
shown, spoken or logged.
"""

from __future__ import annotations

import os

import pygame

from game.settings import BY_NAME, ON_SCREEN, Preference

from ..blocks import Block, Button, Flow, Stack, Text
from ..fieldpage import FieldPage
from ..intents import ChangeSetting, Intent, Pop
from ..look import Look
from ..page import Page
from ..parts import footer, header
from ..textfield import TextField

TYPED = ("xapi_name", "xapi_email", "lrs_endpoint", "lrs_user", "lrs_password")  # in the order shown
FIELD_HELP = {
    "xapi_name": "Used only when the records say they are from you by name.",
    "xapi_email": "Written as name@example.org; used only when the records say they are from you by name.",
    "lrs_endpoint": "The xAPI address your organisation gives you, starting https://",
    "lrs_user": "The LRS user name (or key) your organisation gives you.",
    "lrs_password": "Kept in settings.json, readable by you only. Never shown or read aloud.",
}
FIELD_KEYS = "Enter keeps it \u00b7 Tab goes to the next"


def typed_problem(name: str, value: str) -> str | None:
    """Why a typed value cannot be kept (words for the learner), or None. Empty always can: it clears it."""
    value = value.strip()
    if not value:
        return None
    if name == "xapi_email":
        from game.records.xapi import actor

        if actor("named", email=value) is None:  # the rule an LRS holds emails to (see xapi.actor)
            return "Not saved: this is not an email address an LRS accepts. Write it as name@example.org."
    if name == "lrs_endpoint":
        from game.records.lrs import check_endpoint

        try:
            check_endpoint(value)
        except ValueError as exc:
            if "apart from the address" in str(exc):
                return "Not saved: put the user and password in their own fields, not in the address."
            return f"Not saved: {exc}."
    return None


class SettingsScreen(FieldPage):
    name = "settings"
    initial_focus = "text_scale-larger"

    def __init__(self, env):
        super().__init__(env)
        prefs = env.prefs
        self.fields = {name: TextField(f"field-{name}", BY_NAME[name].label, getattr(prefs, name),
                                       limit=BY_NAME[name].typed, single_line=True,
                                       secret=BY_NAME[name].secret, keys=FIELD_KEYS) for name in TYPED}
        self._warned = False  # Back asked once about a value that cannot be kept
        self.problems: dict[str, str] = {}  # why a field's text is not kept, shown under it (wrapped, in words)

    def _row(self, pref: Preference) -> Block:
        prefs = self.env.prefs
        value = getattr(prefs, pref.name)
        items: list[Block | None] = [Text(pref.label, "label", "heading")]
        note = pref.help
        enabled = True
        if pref.name == "self_voicing" and not self.env.voice.available:
            enabled, note = False, self.env.voice.reason
        if pref.name == "text_scale":
            controls = [
                Button("Smaller",
                       ChangeSetting(pref.name, max(pref.low, value - pref.step)), f"{pref.name}-smaller",
                       full=False, enabled=value > pref.low),
                Button("Larger",
                       ChangeSetting(pref.name, min(pref.high, value + pref.step)), f"{pref.name}-larger",
                       full=False, enabled=value < pref.high),
            ] + [Button(pref.label_of(v), ChangeSetting(pref.name, v), f"{pref.name}-{v}", full=False,
                        selected=v == value) for v in (100, 150, 200)]
            items.append(Text(f"Now: {pref.label_of(value)}", "body", "text"))
        else:
            controls = [Button(label, ChangeSetting(pref.name, v), f"{pref.name}-{v}", full=False,
                               selected=v == value, enabled=enabled) for v, label in pref.choices]
        items.append(Flow(controls, gap=0.5))
        if note:
            items.append(Text(note, "small", "muted"))
        return Stack(items, gap=0.4)

    def _lrs_words(self) -> str:
        """Where records go and, if they do not, why (the password is never shown)."""
        from game.records.recorder import why_not_sending

        prefs = self.env.prefs
        where = prefs.lrs_endpoint or "none set"
        who = {"named": prefs.xapi_email or "no email set", "anonymous": "an anonymous id"}.get(
            prefs.xapi_identity, "nobody")
        why = why_not_sending(prefs)
        return (f"Address: {where}. Records say they are from: {who}. "
                + (f"Nothing is sent: {why}." if why else "Sending in the background."))

    def _lrs_note(self) -> Block:
        rows: list[Block | None] = [Text("Learning record store", "label", "heading"),
                                    Text(self._lrs_words(), "body", "text")]
        for name in TYPED:
            note = FIELD_HELP[name]
            if name == "lrs_password" and os.environ.get("CROSSING_PATHS_LRS_PASSWORD"):
                note = "CROSSING_PATHS_LRS_PASSWORD is set, so the password comes from it, not from this field."
            problem = self.problems.get(name)
            rows.append(Stack([Text(BY_NAME[name].label, "label", "heading"), self.fields[name],
                               Text(problem, "body", "breached", bold=True) if problem else None,
                               Text(note, "small", "muted")], gap=0.3))
        rows.append(Text("The same can be set with: python main.py results send --lrs URL --user USER --password "
                         "PASSWORD --identity named --name NAME --email EMAIL --remember", "small", "muted"))
        return Stack(rows, gap=0.6)

    def build(self, look: Look) -> Page:
        body = Stack([*(self._row(p) for p in ON_SCREEN), self._lrs_note()], gap=1.4)
        return Page(header=header("Settings", "Changes apply at once and are saved"), body=body,
                    footer=footer([Button("Back", lambda: self.back(), "back", full=False)]), width_em=44)

    # --- typed values: kept when a field is left -------------------------------------------------------------

    def _name_of(self, field: TextField) -> str:
        return next(name for name, f in self.fields.items() if f is field)

    def _unsaved(self) -> list[str]:
        return [name for name, f in self.fields.items() if f.value.strip() != getattr(self.env.prefs, name)]

    def keep(self, names: list[str], then: Intent | None = None) -> Intent | None:
        """ChangeSettings (one after another) for the named fields whose text can be kept, then `then`; a field
        whose text cannot be kept says why instead."""
        intent = then
        for name in reversed(names):
            field = self.fields[name]
            problem = typed_problem(name, field.value)
            # the field's own status row is one line: it points to the reason, which wraps under the field
            field.message = "Not saved: the reason is under this box." if problem else ""
            if problem:
                self.problems[name] = problem
            else:
                self.problems.pop(name, None)
                intent = ChangeSetting(name, field.value.strip(), then=intent)
        self.refresh()  # the reasons are part of the page
        return intent

    def handle_event(self, event: pygame.event.Event) -> Intent | None:
        before = self.focused_field()
        intent = super().handle_event(event)
        if before is not None and self.focused_field() is not before and self._name_of(before) in self._unsaved():
            return self.keep([self._name_of(before)], then=intent)
        return intent

    def edited(self, field: TextField, typed: bool) -> Intent | None:
        if typed:
            self._warned = False
            if self.problems.pop(self._name_of(field), None) is not None:
                self.refresh()  # typing again: the reason goes until the text is checked again
        return super().edited(field, typed)

    def field_key(self, field: TextField, event: pygame.event.Event) -> Intent | bool | None:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.keep([self._name_of(field)] if self._name_of(field) in self._unsaved() else [])
        return False

    def back(self) -> Intent | None:
        unsaved = self._unsaved()
        stuck = [n for n in unsaved if typed_problem(n, self.fields[n].value)]
        if stuck and not self._warned:  # once: the message says what is wrong; Back again leaves it behind
            self._warned = True
            self.set_focus(self.fields[stuck[0]].id)
            intent = self.keep(unsaved)
            self.problems[stuck[0]] += " Press Back again to leave without it."
            return intent
        return self.keep([n for n in unsaved if n not in stuck], then=Pop())

    def closing(self) -> Intent | None:
        """The game is closing with this screen open: keep what can be kept of what was typed."""
        return self.keep(self._unsaved())

    def speech(self) -> str:
        prefs = self.env.prefs
        return ("Settings. " + ". ".join(f"{p.label}: {p.label_of(getattr(prefs, p.name))}" for p in ON_SCREEN)
                + ". Learning record store. " + self._lrs_words())
