"""Check a loaded scenario beyond its schema: the story graph, references, flags, assets.

`validate(loaded)` returns the loader's diagnostics plus these checks (when the scenario model could be
built), sorted by position. Every diagnostic points at the line and column of the value at fault and,
where there is an obvious fix, carries a hint such as "did you mean 'node-3'?". Every check is one pass
over the scenario (the graph searches are breadth-first), so a large file costs little more than reading it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from . import reference
from .assets import ASSETS, IMAGE_FORMATS, escape_reason, image_format, resolve_asset
from .consistency import outcome_warnings
from .declared import check_ids  # noqa: F401 - where the checks across files were first found
from .diagnostics import Diagnostic, sort_key
from .graph import StoryGraph, edges, way_on, written_targets, written_ways
from .impossible import contradiction, needs_own_check
from .loader import Loaded, gc_paused
from .model import AllOf, FlagSet, FlagUnset, FriendRequestCard, Node, PostCard, Scenario, ScoreTest
from .visibility import FlagFlow, hiding_example, may_be_set
from .wording import plural

MAX_FOLDED_GOTOS = 50  # each costs a walk of the graph
MAX_CHOICES = 9  # players choose with the number keys 1-9
SUGGESTION_BUDGET = 300_000  # "did you mean" comparisons per file (about a second at worst)


def validate(loaded: Loaded, assets_root: Path = ASSETS) -> list[Diagnostic]:
    found = list(loaded.diagnostics)
    if loaded.scenario is not None:
        with gc_paused():  # see loader.gc_paused: the scenario's objects need no rescanning
            found.extend(_Checks(loaded, Path(assets_root)).run())
    found.sort(key=sort_key)
    return found


def check_file_names(files: Iterable[Loaded]) -> list[Diagnostic]:
    """CP333: a scenario file whose id is not its file name (the guide asks for them to match, so that a
    trainer who knows one can find the other; `text ID` and saves name scenarios by id)."""
    found = []
    for loaded in files:
        path = Path(loaded.file)
        if loaded.scenario is None or path.suffix not in (".yaml", ".yml") or path.stem == loaded.scenario.id:
            continue
        line, col = loaded.where("id")
        found.append(Diagnostic("CP333", f"scenario id '{loaded.scenario.id}' differs from the file name "
                                f"'{path.name}'", loaded.file, line, col,
                                f"rename the file to {loaded.scenario.id}{path.suffix}, or set 'id: {path.stem}'"))
    return found


def _shown(ids: Iterable[str], limit: int = 8) -> str:
    ids = list(ids)
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return ", ".join(ids[:limit]) + more


class _Checks:
    def __init__(self, loaded: Loaded, assets_root: Path):
        self.loaded = loaded
        self.scenario: Scenario = loaded.scenario
        self.assets_root = assets_root
        self.found: list[Diagnostic] = []
        self.framework = reference.framework(self.scenario.framework)
        self.ladder = reference.ladder()
        self._listings: dict[Path, list[str]] = {}
        self.suggestion_budget = SUGGESTION_BUDGET
        self.ids = [*self.scenario.nodes, *self.scenario.endings]
        self.graph = StoryGraph(self.scenario)
        self.broken: list[tuple[int, str, str | None]] = []  # CP302: (index in found, node, likely target)

    def did_you_mean(self, word: str, options: Iterable[str], otherwise: str | None = None) -> str | None:
        """Suggestions cost a comparison per candidate: a file with thousands of nodes and thousands of
        broken ids would take minutes. Past a budget, the fallback hint is given instead."""
        close = self.closest(word, options)
        return f"did you mean '{close}'?" if close else otherwise

    def closest(self, word: str, options: Iterable[str]) -> str | None:
        options = list(options)
        if len(options) > self.suggestion_budget:
            return None
        self.suggestion_budget -= len(options)
        close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        return close[0] if close else None

    def emit(self, code: str, message: str, path: tuple, hint: str | None = None, at_key: bool = False) -> None:
        line, col = self.loaded.where(*path, at_key=at_key)
        self.found.append(Diagnostic(code, message, self.loaded.file, line, col, hint))

    def raw_key(self, path: tuple, key: str) -> object:
        """The key as written: standard ids are strings in the model but often numbers in the file."""
        node = self.loaded.raw
        for part in path:
            node = node[part] if isinstance(node, dict | list) else None
        if isinstance(node, dict) and key not in node:
            return next((k for k in node if str(k) == key), key)
        return key

    def run(self) -> list[Diagnostic]:
        self.check_framework()
        self.check_nodes()
        self.check_graph()
        self.check_flags()
        self.check_standards()
        self.check_endings()
        self.check_speakers()
        self.check_assets()
        self.check_outcomes()
        return self.found

    def check_outcomes(self) -> None:
        """CP327, the outcome consistency check (consistency.py): only on a file that is otherwise free of
        errors, as it plays the story through."""
        if self.framework is None or any(d.is_error for d in (*self.loaded.diagnostics, *self.found)):
            return
        for message, path, hint in outcome_warnings(self.scenario, self.framework.ids, self.ladder):
            self.emit("CP327", message, path, hint)

    # --- references to the reference data ------------------------------------------------------------------

    def check_framework(self) -> None:
        if self.framework is None:
            ids = reference.framework_ids()
            named = self.scenario.framework
            self.emit("CP300", f"unknown standards framework '{named}'", ("framework",),
                      self.did_you_mean(named, ids, "frameworks available: " + ", ".join(ids)))

    def check_endings(self) -> None:
        outcome_ids = [o.id for o in self.ladder.outcomes]
        advice = self.ladder.get("manager_advice")
        for ending_id, ending in self.scenario.endings.items():
            outcome = self.ladder.get(ending.outcome)
            if outcome is None:
                self.emit("CP311", f"unknown outcome '{ending.outcome}'", ("endings", ending_id, "outcome"),
                          self.did_you_mean(ending.outcome, outcome_ids, "outcomes: " + ", ".join(outcome_ids)))
                continue
            if advice is not None and outcome.severity >= advice.severity and ending.debrief.real_case is None:
                self.emit("CP334", f"ending '{ending_id}' ({outcome.id}) has no real_case: the debrief of every "
                          "ending from manager_advice upward names the real kind of case it mirrors",
                          ("endings", ending_id, "debrief"),
                          "add 'real_case: {summary: ...}' under 'debrief:' (see docs/authoring.md)", at_key=True)
            if ending.months is not None:
                if outcome.min_months is None and outcome.max_months is None:
                    self.emit("CP317", f"'{outcome.id}' has no length, so 'months: {ending.months}' means nothing",
                              ("endings", ending_id, "months"), "remove 'months:' from this ending")
                    continue
                low, high = outcome.min_months or 1, outcome.max_months or 120
                if not low <= ending.months <= high:
                    self.emit("CP317", f"a {outcome.title.lower()} lasts {low} to {high} months, not "
                              f"{ending.months}", ("endings", ending_id, "months"),
                              f"use a length from {low} to {high} months")
                    continue
            self.check_played_outcome(ending_id, ending, outcome)

    def check_played_outcome(self, ending_id: str, ending, outcome) -> None:
        """CP339: the outcome as written is not what the scenario's own framework plays (regulator.py's
        rules): a rung its regulator does not have, a length it does not give, or an agreement on a rung no
        regulator decides."""
        if self.framework is None:
            return
        at = ("endings", ending_id)
        if ending.agreed and not outcome.regulator:
            self.emit("CP339", f"'agreed: true' on '{outcome.id}', which no regulator decides, changes nothing",
                      (*at, "agreed"), "remove 'agreed:', or end on a regulator-level outcome")
            return
        if not outcome.regulator:
            return
        regulator = self.framework.regulator
        played, sanction = self.ladder.played_rung(outcome.id, self.framework)
        if played.id != outcome.id:
            self.emit("CP339", f"{regulator.sentence_name} had no '{outcome.id}' outcome: under {self.framework.id} this "
                      f"ending is played as '{played.title}'", (*at, "outcome"),
                      f"end on an outcome {regulator.prose} gives, such as '{played.id}', or write the scenario "
                      "for a framework whose regulator gives it")
            return
        if ending.months is None or sanction is None:
            return
        months = sanction.months_played(ending.months)
        if months != ending.months:
            self.emit("CP339", f"{regulator.sentence_name}'s {sanction.title.lower()} lasts {sanction.lengths()}, not "
                      f"{ending.months} months: under {self.framework.id} it is played as "
                      f"{months or 'no'} months", (*at, "months"),
                      f"write 'months: {months}'" if months else "remove 'months:'")

    def check_standards(self) -> None:
        if self.framework is None:
            return
        known = self.framework.ids
        known_set = set(known)
        name = self.framework.id

        def bad(sid: str, path: tuple, at_key: bool = False) -> None:
            listed = f"{name} has standards {_shown(known, 20)}"
            close = self.did_you_mean(sid, known)
            hint = f"{close} ({listed})" if close else listed
            self.emit("CP307", f"standard '{sid}' is not in {name}", path, hint, at_key)

        for node_id, node in self.scenario.nodes.items():
            for i, choice in enumerate(node.choices or ()):
                if known_set.issuperset(choice.scores) and not choice.reasons:
                    continue  # nearly every choice: nothing to report, so no path to build
                at = ("nodes", node_id, "choices", i)
                for sid in choice.scores:
                    if sid not in known_set:
                        bad(sid, (*at, "scores", self.raw_key((*at, "scores"), sid)), at_key=True)
                for sid in choice.reasons:
                    if sid not in known_set:
                        bad(sid, (*at, "reasons", self.raw_key((*at, "reasons"), sid)), at_key=True)
                    elif sid not in choice.scores:
                        self.emit("CP322", f"a reason is given for standard {sid}, but this choice does not "
                                  "score it, so the reason is never shown",
                                  (*at, "reasons", self.raw_key((*at, "reasons"), sid)),
                                  f"add '{sid}: 0' (at stake) or a score under 'scores:', or remove the reason",
                                  at_key=True)
            for cond, path in self.graph.conditions(node_id):
                if type(cond) is ScoreTest and cond.score != "total" and cond.score not in known_set:
                    bad(cond.score, (*path, "score"))
        for ending_id, ending in self.scenario.endings.items():
            for i, sid in enumerate(ending.debrief.standards):
                if sid not in known_set:
                    bad(sid, ("endings", ending_id, "debrief", "standards", i))

    def check_speakers(self) -> None:
        people = list(self.scenario.characters)
        for node_id, node in self.scenario.nodes.items():
            for i, line in enumerate(node.lines):
                if line.speaker is not None and line.speaker not in self.scenario.characters:
                    self.emit("CP312", f"unknown character '{line.speaker}'",
                              ("nodes", node_id, "lines", i, "speaker"),
                              self.did_you_mean(line.speaker, people, "add them under 'characters:' at the top"))

    # --- assets --------------------------------------------------------------------------------------------

    def asset_paths(self) -> Iterator[tuple[str, tuple]]:
        for char_id, char in self.scenario.characters.items():
            if char.portrait is not None:
                yield char.portrait, ("characters", char_id, "portrait")
        for node_id, node in self.scenario.nodes.items():
            card, at = node.card, ("nodes", node_id, "card")
            if type(card) is FriendRequestCard and card.sender.avatar is not None:
                yield card.sender.avatar, (*at, "from", "avatar")
            elif type(card) is PostCard:
                if card.author.avatar is not None:
                    yield card.author.avatar, (*at, "author", "avatar")
                if card.image is not None and card.image.asset is not None:
                    yield card.image.asset, (*at, "image", "asset")
                for i, comment in enumerate(card.comments):
                    if comment.author.avatar is not None:
                        yield comment.author.avatar, (*at, "comments", i, "author", "avatar")

    def check_assets(self) -> None:
        for rel, path in self.asset_paths():
            reason = escape_reason(rel)
            target = None if reason else resolve_asset(self.assets_root, rel)
            if target is None:
                self.emit("CP314", f"asset path '{rel}' leaves assets/: {reason or 'it resolves outside it'}",
                          path, "write a path inside assets/ with '/' between folders, e.g. portraits/sam.png")
            elif not target.is_file():
                self.emit("CP313", f"asset file '{rel}' does not exist in assets/", path, self.asset_hint(target))
            elif image_format(target) is None:
                self.emit("CP335", f"'{rel}' is not an image: its first bytes are not those of a "
                          f"{', '.join(IMAGE_FORMATS[:-1])} or {IMAGE_FORMATS[-1]} file", path,
                          "save the picture as PNG or JPEG (renaming a file does not convert it)")

    def asset_hint(self, target: Path) -> str:
        folder = target.parent
        if folder not in self._listings:
            try:
                self._listings[folder] = sorted(p.name for p in folder.iterdir() if p.is_file())
            except OSError:
                self._listings[folder] = []
        close = difflib.get_close_matches(target.name, self._listings[folder], n=1, cutoff=0.6)
        if close:
            return f"did you mean '{close[0]}'?"
        return "add the file under assets/, or correct the path (it is relative to assets/)"

    # --- nodes, one at a time ------------------------------------------------------------------------------

    def check_nodes(self) -> None:
        nodes, endings = self.scenario.nodes, self.scenario.endings
        for node_id, node in nodes.items():
            at = ("nodes", node_id)
            if node_id in endings:
                self.emit("CP315", f"'{node_id}' is both a node and an ending; going to it always ends the story",
                          at, "rename the node or the ending", at_key=True)
            ways = written_ways(node)
            way = way_on(node)
            if len(ways) > 1:
                if way == "routes":
                    why = f"routes are taken at once, so its {' and '.join(w for w in ways if w != 'routes')} " \
                          "are never used"
                else:
                    why = "'next' is used only when every choice is hidden"
                self.emit("CP318", f"node '{node_id}' has {' and '.join(ways)}: {why}", at,
                          "give a node exactly one of choices, routes or next", at_key=True)
            if way == "routes":
                shown = [k for k in ("lines", "card", "prompt") if getattr(node, k)]
                if shown:
                    self.emit("CP321", f"node '{node_id}' routes on at once, so its {', '.join(shown)} "
                              "are never shown", (*at, shown[0]),
                              "move the content to the node the routes lead to, or to a node before", at_key=True)
                self.check_routes(node_id, node)
            elif way is None:
                self.emit("CP304", f"node '{node_id}' has no way on: no choices, routes or next", at,
                          "add choices, routes or 'next:', or make it an ending under 'endings:'", at_key=True)
            self.check_repeated_choices(node_id, node)
            if node.choices and len(node.choices) > MAX_CHOICES:
                self.emit("CP319", f"node '{node_id}' has {len(node.choices)} choices; players pick with the "
                          f"keys 1 to {MAX_CHOICES}", (*at, "choices"),
                          "split the decision over two nodes", at_key=True)
            for target, path in self.broken_targets(node_id, node):
                intended = self.closest(target, self.ids)
                self.broken.append((len(self.found), node_id, intended))
                self.emit("CP302", f"'{target}' is not a node or an ending", path,
                          f"did you mean '{intended}'?" if intended else "add a node or an ending with this id")

    def check_repeated_choices(self, node_id: str, node: Node) -> None:
        """CP332: a choice pasted twice shows the player two identical options."""
        seen: dict[str, int] = {}
        for i, choice in enumerate(node.choices or ()):
            text = " ".join(choice.text.split()).casefold()
            if text in seen:
                same_goto = node.choices[seen[text]].goto == choice.goto
                self.emit("CP332", f"choice {i + 1} of '{node_id}' has the same text as choice {seen[text] + 1}"
                          + (" and goes to the same place" if same_goto else ""),
                          ("nodes", node_id, "choices", i, "text"),
                          "remove the copy" if same_goto else "reword one of them so players can tell them apart")
            else:
                seen[text] = i

    def check_routes(self, node_id: str, node: Node) -> None:
        routes, at = node.routes, ("nodes", node_id, "routes")
        default = next((i for i, r in enumerate(routes) if r.when is None), None)
        if default is None:
            self.emit("CP316", f"no route out of '{node_id}' is a default: when no condition holds, the story "
                      "is stuck", (*at, len(routes) - 1),
                      "remove 'when:' from the last route, or add a last route with only 'goto:'")
        elif default < len(routes) - 1:
            self.emit("CP324", f"route {default + 2} of '{node_id}' comes after the default (route "
                      f"{default + 1}), so it is never taken", (*at, default + 1),
                      "move the route without 'when:' to the end")

    def broken_targets(self, node_id: str, node: Node) -> list[tuple[str, tuple]]:
        """The ids a node names that are no node or ending, with their paths (edges are made only for a
        node with one: a large scenario has tens of thousands of targets)."""
        ids = self.graph.ids
        if ids.issuperset(written_targets(node)):
            return []
        return [(e.target, e.path) for e in edges(node_id, node, written=True) if e.target not in ids]

    # --- the story graph -----------------------------------------------------------------------------------

    def check_graph(self) -> None:
        nodes, endings = self.scenario.nodes, self.scenario.endings
        out = self.graph.successor_map()  # an id that is both is the ending, as in play
        start = self.scenario.start
        if start in endings:
            self.emit("CP301", f"start names the ending '{start}': the story would end before it begins",
                      ("start",), "start at a node")
        elif start not in nodes:
            self.emit("CP301", f"start names no node: '{start}'", ("start",),
                      self.did_you_mean(start, nodes, "start must be the id of a node under 'nodes:'"))
        else:
            reached = self.graph.reachable(start, out)
            folded = self.fold_unreachable(out, reached)
            for n in nodes:
                if n not in reached and n not in endings and n not in folded:
                    self.emit("CP303", f"node '{n}' can never be reached from the start", ("nodes", n),
                              "a choice, route or next must lead to it, or remove it", at_key=True)
            for e in endings:
                if e not in reached and e not in folded:
                    self.emit("CP306", f"ending '{e}' can never be reached", ("endings", e),
                              "a choice, route or next must lead to it, or remove it", at_key=True)
        self.check_traps(out)

    def fold_unreachable(self, out: dict[str, list[str]], reached: set[str]) -> set[str]:
        """One mistyped goto strands everything behind it. Rather than a CP303/CP306 warning for each
        stranded node after the one error that causes them, the error says how many it strands: those
        reached once the goto names the id it was probably meant to (its "did you mean")."""
        folded: set[str] = set()
        for index, node_id, intended in self.broken[:MAX_FOLDED_GOTOS]:
            if intended is None or node_id not in reached or node_id not in out:
                continue
            caused = self.graph.reachable(self.scenario.start, {**out, node_id: [*out[node_id], intended]})
            caused -= reached | folded
            if caused:
                folded |= caused
                stranded = sorted(caused)
                d = self.found[index]
                self.found[index] = replace(d, message=f"{d.message}, and {plural(len(stranded), 'node')} "
                                            f"({_shown(stranded, 4)}) can never be reached because of it")
        return folded

    def check_traps(self, out: dict[str, list[str]]) -> None:
        """CP305: nodes from which no ending can be reached, whatever the conditions allow. Dead ends
        (CP304) and broken targets (CP302) are reported already, so they count as ways out here."""
        ids = self.graph.ids
        exits = [n for n, targets in out.items() if not targets or not ids.issuperset(targets)]
        escapes = self.graph.reaching([*exits, *self.scenario.endings], out)
        for n in out:
            if n not in escapes:
                self.emit("CP305", f"no ending can be reached from node '{n}': every way on goes round "
                          f"{self.loop_from(n, out)}", ("nodes", n),
                          "add a choice or route that leads out of the loop towards an ending", at_key=True)

    @staticmethod
    def loop_from(n: str, out: dict[str, list[str]], limit: int = 6) -> str:
        """'a → b → a': the loop a trapped node falls into, shortened for the message."""
        path, seen = [n], {n}
        while len(path) <= limit:
            nxt = out[path[-1]][0]
            path.append(nxt)
            if nxt in seen:
                return " → ".join(path)
            seen.add(nxt)
        return " → ".join(path) + " → …"

    # --- flags and conditions ------------------------------------------------------------------------------

    def check_flags(self) -> None:
        set_at: dict[str, tuple] = {}
        cleared_at: dict[str, tuple] = {}
        tested: dict[str, list[tuple]] = {}
        for node_id, node in self.scenario.nodes.items():
            for i, choice in enumerate(node.choices or ()):
                if not choice.set_flags and not choice.clear_flags:
                    continue
                at = ("nodes", node_id, "choices", i)
                for j, flag in enumerate(choice.set_flags):
                    set_at.setdefault(flag, (*at, "set_flags", j))
                for j, flag in enumerate(choice.clear_flags):
                    cleared_at.setdefault(flag, (*at, "clear_flags", j))
            for cond, path in self.graph.conditions(node_id):
                if type(cond) is FlagSet:
                    tested.setdefault(cond.flag, []).append((*path, "flag"))
                elif type(cond) is FlagUnset:
                    tested.setdefault(cond.not_flag, []).append((*path, "not_flag"))
        for flag, paths in tested.items():
            if flag not in set_at:
                for path in paths:
                    self.emit("CP308", f"flag '{flag}' is tested but no choice ever sets it", path,
                              self.did_you_mean(flag, set_at, "add it to a choice's 'set_flags:'"))
        for flag, path in set_at.items():
            if flag not in tested:
                self.emit("CP309", f"flag '{flag}' is set but never tested", path,
                          self.did_you_mean(flag, tested, "test it in a 'when:' or remove it"))
        for flag, path in cleared_at.items():
            if flag not in set_at:
                self.emit("CP323", f"flag '{flag}' is cleared but no choice ever sets it", path,
                          self.did_you_mean(flag, set_at, "remove it from 'clear_flags:'"))
        self.check_conditions()
        self.check_hidden_choices()

    def check_conditions(self) -> None:
        """CP330 (a condition that is never true, whatever happens) and CP331 (a `flag:` test at a node
        that no way from the start reaches with the flag set: the test is always false there)."""
        flag_tests: list[tuple[str, str, tuple]] = []
        for node_id in self.scenario.nodes:
            for cond, path in self.graph.conditions(node_id):
                kind = type(cond)
                if kind is FlagSet:
                    flag_tests.append((node_id, cond.flag, path))
                if kind in (AllOf, ScoreTest) and needs_own_check(path):
                    found = contradiction(cond, path)
                    if found is not None:
                        message, at, hint = found
                        self.emit("CP330", message, at, hint)
        # Root cause first: while a target is broken (CP302), the ways to a node are not the ones the author
        # meant, and a flag set on a node it strands would be reported at every later test of that flag.
        if flag_tests and not self.broken:
            self.check_flags_set_before(flag_tests)

    def check_flags_set_before(self, tests: list[tuple[str, str, tuple]]) -> None:
        bits = {flag: 1 << i for i, flag in enumerate(dict.fromkeys(flag for _, flag, _ in tests))}
        may = may_be_set(self.scenario, bits)
        for node_id, flag, path in tests:
            bit = bits[flag]
            # a flag no choice sets is CP308; a node never reached is CP303
            if node_id in may and not may[node_id] & bit and bit & may[None]:
                self.emit("CP331", f"flag '{flag}' is tested at '{node_id}', but no way from the start to here "
                          "arrives with it set, so the test is always false", (*path, "flag"),
                          "set the flag on a choice before this node, or move the test to where it can be set")

    def check_hidden_choices(self) -> None:
        candidates = [(n, node) for n, node in self.scenario.nodes.items()
                      if way_on(node) == "choices" and node.next is None
                      and all(c.when is not None for c in node.choices)]
        if not candidates:
            return
        flow = FlagFlow(self.graph)
        nodes = self.scenario.nodes.values()
        scored = {sid for node in nodes for c in node.choices or () for sid in c.scores}
        for node_id, node in candidates:
            example = hiding_example(node_id, node, flow, scored)
            if example is not None:
                self.emit("CP310", f"every choice of node '{node_id}' can be hidden, leaving the player stuck: "
                          f"{example}", ("nodes", node_id, "choices"),
                          "give one choice no 'when:' so there is always a way on", at_key=True)
