"""Settings: every preference in game/settings.py's table, changed in place and saved at once."""

from __future__ import annotations

from game.settings import ON_SCREEN, Preference

from ..blocks import Block, Button, Flow, Stack, Text
from ..intents import ChangeSetting, Pop
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header


class SettingsScreen(PageScreen):
    name = "settings"
    initial_focus = "text_scale-larger"

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
        """The address and identity are typed on the command line until this screen has text fields."""
        return Stack([Text("Learning record store", "label", "heading"),
                      Text(self._lrs_words(), "body", "text"),
                      Text("Set the address, user, password, name and email with: python main.py results send "
                           "--lrs URL --user USER --password PASSWORD --identity named --name NAME --email EMAIL "
                           "--remember", "small", "muted")], gap=0.4)

    def build(self, look: Look) -> Page:
        body = Stack([*(self._row(p) for p in ON_SCREEN), self._lrs_note()], gap=1.4)
        return Page(header=header("Settings", "Changes apply at once and are saved"), body=body,
                    footer=footer([Button("Back", Pop(), "back", full=False)]), width_em=44)

    def speech(self) -> str:
        prefs = self.env.prefs
        return ("Settings. " + ". ".join(f"{p.label}: {p.label_of(getattr(prefs, p.name))}" for p in ON_SCREEN)
                + ". Learning record store. " + self._lrs_words())
