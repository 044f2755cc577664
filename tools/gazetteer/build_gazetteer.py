#!/usr/bin/env python3
"""Builds the ingestion gazetteer from ISO 3166 and reviewed data files.

    build_gazetteer.py                 write examples/gazetteer.json
    build_gazetteer.py --check DIR     build into DIR and compare with the committed
                                       file: exit 1 (with a diff) if they differ,
                                       77 if the installed iso-codes is not the
                                       release the committed file was built from
    build_gazetteer.py --self-test     build small trees written by the test and
                                       check what is refused and why
    options: --iso-dir DIR (default /usr/share/iso-codes/json)  --root DIR (the
             repository, default two levels up from this file)

Every error names the file and line or the ISO record it comes from and the
entities involved, and makes the exit status 1; nothing is written then.

Sources
-------
* ISO 3166-1 and ISO 3166-3 from Debian's iso-codes (iso_3166-1.json,
  iso_3166-3.json): every current code and every withdrawn one.
* tools/gazetteer/data/*.tsv, written and reviewed by hand, for what ISO lacks
  (see data/README.md for each file's columns and the review rule).
* examples/schema.json: its predicates are copied; every one of its entities
  must come out with the same name and type and at least its aliases,
  demonyms and metonyms (the generated file is a superset, so stores, tests and
  gold files that use those names keep working). The tool checks this; it does
  not copy the entities — the data files hold them.

Names
-----
* Canonical name: data/names.tsv if listed, else iso-codes' common_name, else
  its name. The common English short name an analyst writes ("Russia", "Iran",
  "South Korea"), never the inverted list form ("Korea, Republic of").
* Aliases: iso-codes' name, official_name and common_name, each cleaned:
  a parenthesis is dropped ("Falkland Islands (Malvinas)" -> "Falkland
  Islands"; data/aliases.tsv adds "Malvinas" where wanted); an inverted form is
  turned around when the part after the comma ends in "of"/"of the" or is one
  word ("Korea, Republic of" -> "Republic of Korea", "Virgin Islands, British"
  -> "British Virgin Islands"); any other comma stays ("Bonaire, Sint Eustatius
  and Saba").
* Spelling variants, generated: a name with letters outside ASCII also gets its
  ASCII spelling ("Côte d'Ivoire" -> "Cote d'Ivoire"; a wrong one, "Malé" ->
  "Male", is dropped in data/ambiguous.tsv); "Saint X" also "St. X" and "St X".
* Type: "country" for an ISO 3166-1 entry, "territory" when data/territories.tsv
  lists it as administered by another state (with its administrator kept).

Former states (ISO 3166-3)
--------------------------
Every withdrawn code must be listed in data/former.tsv (a new iso-codes release
that withdraws one fails the build until someone decides), with one of:
* alias:<current entity> — continuity: the same state or territory under a new
  name (Burma -> Myanmar, Zaire -> Democratic Republic of the Congo, East Timor
  -> Timor-Leste), or the state recognized as continuing it (USSR -> Russia,
  which kept its seat and treaties; Serbia and Montenegro -> Serbia), or a
  territory still administered the same way under another code (Johnston
  Island -> United States Minor Outlying Islands). Its names become aliases of
  the current entity (so extraction sees "USSR" as Russia), and the fact that
  they are former names is kept in that entity's "former_names" (code, names,
  withdrawal date).
* entity:former-country / entity:former-territory — no continuity: dissolved
  into several (Czechoslovakia, Yugoslavia, Netherlands Antilles) or absorbed
  by a state that does not continue it (German Democratic Republic, South
  Yemen, Sikkim). An entity of its own with that type, "historical": true, its
  withdrawal date and "successors".
* entity:territory — still exists, only coded under another ISO entry now
  (British Antarctic Territory, coded under AQ since 1979).

Ambiguity
---------
Two entities may not share a name: the store keys names by NormalizeAlias
(storage/normalize.cc, mirrored in claimgraph_text.py) and would merge or
refuse them. A duplicate is an error naming both entities and the alias, unless
data/ambiguous.tsv decides it: "drop" (emitted for no entity: "Congo",
"Korean") or the one entity that keeps it. That file also records, for a name
that stays, what makes it ambiguous and which rule would fix it ("Jordan": a
person's name). The tool writes what the pipeline's rules need
(engine/ingest/gazetteer.h):
* case: a one-word name must be capitalized, an all-capital one matches
  exactly (automatic, CaseRuleForName); data/case.tsv sets another rule for a
  name ("Group of Seven" capitalized: "a group of seven analysts" is no G7),
  written as the entity's "case";
* "blockers": data/blockers.tsv, and every title of data/titles.tsv before
  every name ambiguous.tsv marks "person" ("Sen. Jordan");
* "common_words": the kept one-word names ambiguous.tsv marks "word", except
  demonyms (a demonym before a lower-case noun is its usual use: "Polish
  troops"); the pipeline doubts them at a sentence start before a lower-case
  word ("Turkey sandwiches");
* "given_names": the kept one-word names marked "person" ("Jordan Smith"),
  with "not_surnames" (data/not_surnames.tsv) for the capitalized words that
  follow a state's name and are no surname ("Jordan King Abdullah").
What no rule reads (other places of the same name, context) stays recorded in
the top-level "ambiguous" list.

Other keys
----------
The schema parser (codec/schema/schema_file.h) reads "former_names",
"historical", "successors", "administered_by", "state" (an agency's) and
"members" (a group's) besides the names; "iso_3166", "withdrawn", "dissolved",
the top-level "ambiguous" list and "generated_from" are provenance, which it
ignores.

Output is sorted and byte-for-byte reproducible from the same inputs.

Files: this one (the build, --check and the command line), gazetteer_model.py
(entities, paths, errors), gazetteer_inputs.py (reading iso-codes and the data
files, name forms), gazetteer_output.py (the JSON file), claimgraph_text.py
(the C++ name handling, ported), self_test.py.

Python 3 standard library only (run by CTest with /usr/bin/python3).
"""

import difflib
import json
import os
import sys
from dataclasses import dataclass

sys.dont_write_bytecode = True  # CTest runs this from the source tree; leave no __pycache__ there
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from claimgraph_text import CAPITALIZED, EXACT, INSENSITIVE, can_ever_match, normalize_alias, tokenize  # noqa: E402
from gazetteer_inputs import (clean_iso_name, iso_codes_release, read_iso, read_tsv, split_list,  # noqa: E402
                              variants)
from gazetteer_model import (EXIT_SKIP, KINDS, SINGULAR, TYPE_ORDER, BuildError, Entity, Errors,  # noqa: E402
                             Paths)
from gazetteer_output import render, summary, write_outputs  # noqa: E402


@dataclass
class Result:
    schema_text: str
    stats: dict


COLUMNS = {
    "names.tsv": ("code", "name", "why"),
    "territories.tsv": ("code", "administered_by", "why"),
    "former.tsv": ("code", "disposition", "name", "aliases", "demonyms", "successors", "why"),
    "entities.tsv": ("name", "type", "aliases", "why"),
    "aliases.tsv": ("entity", "aliases", "why"),
    "demonyms.tsv": ("entity", "demonyms"),
    "metonyms.tsv": ("entity", "metonyms", "why"),
    "groups.tsv": ("name", "aliases", "members", "dissolved", "why"),
    "agencies.tsv": ("name", "state", "aliases", "metonyms", "why"),
    "ambiguous.tsv": ("alias", "action", "needs", "why"),
    "blockers.tsv": ("blocker", "why"),
    "titles.tsv": ("title",),
    "case.tsv": ("entity", "name", "case", "why"),
    "not_surnames.tsv": ("word", "why"),
}
CASE_RULES = (EXACT, CAPITALIZED, INSENSITIVE)
FORMER_DISPOSITIONS = ("entity:former-country", "entity:former-territory", "entity:territory")


def build(paths):
    """Everything the tool writes, or BuildError with every problem found in
    the first stage that has one (a later stage would only repeat them)."""
    errors = Errors()
    iso_current, iso_former = read_iso(paths.iso_dir, errors)
    try:
        with open(paths.base_schema, encoding="utf-8") as f:
            base = json.load(f)
    except (OSError, ValueError) as e:
        raise BuildError(f"cannot read the base schema: {e}")
    data = {name: read_tsv(os.path.join(paths.data, name), cols, errors) for name, cols in COLUMNS.items()}
    errors.raise_if_any()

    g = Gazetteer(errors)
    g.add_iso_current(iso_current, data["names.tsv"], data["territories.tsv"])
    g.add_curated_entities(data["entities.tsv"], data["groups.tsv"], data["agencies.tsv"])
    g.add_iso_former(iso_former, data["former.tsv"])
    errors.raise_if_any()
    g.add_curated_names(data["aliases.tsv"], data["demonyms.tsv"], data["metonyms.tsv"])
    g.check_references()
    errors.raise_if_any()
    g.add_spellings()
    ambiguous, person_names, word_names = g.decide_ambiguity(data["ambiguous.tsv"])
    errors.raise_if_any()
    g.add_cases(data["case.tsv"])
    errors.raise_if_any()
    g.check_names()
    errors.raise_if_any()
    g.check_superset_of(base)
    errors.raise_if_any()
    titles = [r["title"] for r in data["titles.tsv"]]
    wanted = [(r["blocker"], r["_where"]) for r in data["blockers.tsv"]]
    wanted += [(f"{t} {p}", f"data/titles.tsv x data/ambiguous.tsv \"{p}\"") for p in person_names for t in titles]
    blockers = g.checked_blockers(wanted)
    not_surnames = g.checked_words(data["not_surnames.tsv"])
    errors.raise_if_any()
    one_word = lambda n: len(tokenize(n)) == 1  # noqa: E731 (the pipeline's rules read one-word names)
    lists = {
        "blockers": blockers,
        "common_words": [n for n, keeper in word_names
                         if one_word(n) and n not in {d.text for d in g.entities[keeper].names["demonyms"]}],
        "given_names": [n for n in person_names if one_word(n)],
        "not_surnames": not_surnames,
    }
    return Result(*render(paths, base, g.entities, ambiguous, lists))


class Gazetteer:
    """The entities being built, by canonical name; each step reports what is
    wrong to `errors` and leaves the rest built."""

    def __init__(self, errors):
        self.errors = errors
        self.entities = {}

    def new_entity(self, name, type_, where):
        if name in self.entities:
            self.errors(f"{where}: entity \"{name}\" is defined twice (first at {self.entities[name].source})")
            return None
        e = Entity(name, type_, where)
        self.entities[name] = e
        return e

    def ref(self, name, where):
        e = self.entities.get(name)
        if e is None:
            close = difflib.get_close_matches(name, list(self.entities), n=1)
            self.errors(f"{where}: no entity \"{name}\"" + (f" (did you mean \"{close[0]}\"?)" if close else ""))
        return e

    def add_iso_current(self, records, names_rows, territory_rows):
        canonical = {row["code"]: row for row in names_rows}
        territories = {row["code"]: row for row in territory_rows}
        codes = {r["alpha_2"] for r in records}
        for code, row in list(canonical.items()) + list(territories.items()):
            if code not in codes:
                self.errors(f"{row['_where']}: {code} is not an ISO 3166-1 alpha-2 code in iso-codes")
        for rec in sorted(records, key=lambda r: r["alpha_2"]):
            code = rec["alpha_2"]
            src = f"iso_3166-1.json {code}"
            name = canonical[code]["name"] if code in canonical else rec.get("common_name") or clean_iso_name(rec["name"])
            e = self.new_entity(name, "territory" if code in territories else "country", src)
            if e is None:
                continue
            e.extra["iso_3166"] = code
            for key in ("name", "official_name", "common_name"):
                if key in rec:
                    e.add("aliases", clean_iso_name(rec[key]), f"{src} {key}")
            if code in territories and territories[code]["administered_by"]:
                e.extra["administered_by"] = territories[code]["administered_by"]

    def add_curated_entities(self, entity_rows, group_rows, agency_rows):
        for row in entity_rows:
            if row["type"] not in TYPE_ORDER:
                self.errors(f"{row['_where']}: type \"{row['type']}\" is not one of {', '.join(TYPE_ORDER)}")
            e = self.new_entity(row["name"], row["type"], row["_where"])
            if e:
                e.add_all("aliases", split_list(row["aliases"]), row["_where"])
        for row in group_rows:
            e = self.new_entity(row["name"], "group", row["_where"])
            if e:
                e.add_all("aliases", split_list(row["aliases"]), row["_where"])
                if row["members"]:
                    e.extra["members"] = split_list(row["members"])
                if row["dissolved"]:
                    e.extra["dissolved"] = row["dissolved"]
                    e.extra["historical"] = True
        for row in agency_rows:
            e = self.new_entity(row["name"], "agency", row["_where"])
            if e:
                e.extra["state"] = row["state"]
                e.add_all("aliases", split_list(row["aliases"]), row["_where"])
                e.add_all("metonyms", split_list(row["metonyms"]), row["_where"])

    def add_iso_former(self, records, rows):
        listed = {row["code"]: row for row in rows}
        codes = {r["alpha_4"] for r in records}
        for code, row in listed.items():
            if code not in codes:
                self.errors(f"{row['_where']}: {code} is not an ISO 3166-3 alpha-4 code in iso-codes (stale row?)")
        for rec in sorted(records, key=lambda r: r["alpha_4"]):
            code = rec["alpha_4"]
            withdrawn = rec.get("withdrawal_date", "")
            row = listed.get(code)
            if row is None:
                self.errors(f"iso_3166-3.json {code} ({rec['name']}, withdrawn {withdrawn or '?'}): not in "
                            f"data/former.tsv; decide alias:<successor>, entity:former-country, "
                            f"entity:former-territory or entity:territory (see the tool's docstring)")
                continue
            where, disposition = row["_where"], row["disposition"]
            aliases, demonyms = split_list(row["aliases"]), split_list(row["demonyms"])
            if disposition.startswith("alias:"):
                successor = self.ref(disposition[len("alias:"):], where)
                if successor is None:
                    continue
                record = {"iso_3166": code, "name": row["name"]}
                if aliases:
                    record["aliases"] = aliases
                if demonyms:
                    record["demonyms"] = demonyms
                record["withdrawn"] = withdrawn
                successor.extra.setdefault("former_names", []).append(record)
                successor.add_all("aliases", [row["name"]] + aliases, f"{where} (former name, {code})")
                successor.add_all("demonyms", demonyms, f"{where} (former name, {code})")
            elif disposition in FORMER_DISPOSITIONS:
                e = self.new_entity(row["name"], disposition[len("entity:"):], where)
                if e is None:
                    continue
                e.extra["iso_3166"] = code
                if disposition != "entity:territory":
                    e.extra["historical"] = True
                    e.extra["withdrawn"] = withdrawn
                e.add_all("aliases", aliases, where)
                e.add_all("demonyms", demonyms, where)
                if row["successors"]:
                    e.extra["successors"] = split_list(row["successors"])
            else:
                self.errors(f"{where}: disposition \"{disposition}\" must be alias:<entity>, "
                            f"{', '.join(FORMER_DISPOSITIONS)}")

    def add_curated_names(self, alias_rows, demonym_rows, metonym_rows):
        for rows, kind in ((alias_rows, "aliases"), (demonym_rows, "demonyms"), (metonym_rows, "metonyms")):
            for row in rows:
                e = self.ref(row["entity"], row["_where"])
                if e:
                    e.add_all(kind, split_list(row[kind]), row["_where"])

    def check_references(self):
        for e in self.entities.values():
            for key in ("administered_by", "state"):
                if key in e.extra:
                    self.ref(e.extra[key], f"{e.source} ({key} of \"{e.name}\")")
            for key, what in (("members", "member"), ("successors", "successor")):
                for m in e.extra.get(key, []):
                    self.ref(m, f"{e.source} ({what} of \"{e.name}\")")

    def add_spellings(self):
        for e in self.entities.values():
            for kind in KINDS:
                for n in list(e.names[kind]):
                    e.add_all(kind, variants(n.text), f"{n.source} (spelling of \"{n.text}\")")
            e.add_all("aliases", variants(e.name), f"{e.source} (spelling of \"{e.name}\")")

    def decide_ambiguity(self, rows):
        """Applies data/ambiguous.tsv; returns its rows for the output, the
        kept names that are also persons' (for title blockers and
        given_names) and the kept names that are also common words, with
        their entity (for common_words)."""
        out, person_names, word_names, decided = [], [], [], {}
        for row in rows:
            where, alias, action = row["_where"], row["alias"], row["action"]
            key = normalize_alias(alias)
            if key in decided:
                self.errors(f"{where}: \"{alias}\" is decided twice (also at {decided[key]})")
                continue
            decided[key] = where
            holders = sorted({e.name for e in self.entities.values() for n, _ in e.all_names()
                              if normalize_alias(n.text) == key})
            if not holders:
                self.errors(f"{where}: \"{alias}\" names no entity (stale row?)")
                continue
            if action == "drop":
                keeper = None
            elif action == "keep" and len(holders) == 1:
                keeper = holders[0]
            elif action == "keep":
                self.errors(f"{where}: \"{alias}\" is held by {', '.join(holders)}; say which one keeps it "
                            f"(keep:<entity>) or drop it")
                continue
            elif action.startswith("keep:") and action[len("keep:"):] in holders:
                keeper = action[len("keep:"):]
            elif action.startswith("keep:"):
                self.errors(f"{where}: {action}, but \"{alias}\" is held by {', '.join(holders)}")
                continue
            else:
                self.errors(f"{where}: action \"{action}\" must be drop, keep or keep:<entity>")
                continue
            for name in holders:
                e = self.entities[name]
                if name == keeper:
                    continue
                if normalize_alias(e.name) == key:
                    self.errors(f"{where}: cannot take \"{alias}\" from \"{e.name}\": it is its name "
                                f"(rename the entity in the data instead)")
                for kind in KINDS:
                    e.names[kind] = [n for n in e.names[kind] if normalize_alias(n.text) != key]
            entry = {"alias": alias, "action": action, "needs": row["needs"], "why": row["why"]}
            if keeper:
                entry["entity"] = keeper
                kinds = [k.strip() for k in row["needs"].split(":")[0].split("+")]
                if "person" in kinds:
                    person_names.append(alias)
                if "word" in kinds:
                    word_names.append((alias, keeper))
            out.append(entry)
        return out, person_names, word_names

    def add_cases(self, rows):
        """data/case.tsv: a case rule for one name of an entity."""
        for row in rows:
            where = row["_where"]
            e = self.ref(row["entity"], where)
            if e is None:
                continue
            if row["case"] not in CASE_RULES:
                self.errors(f"{where}: case \"{row['case']}\" must be one of {', '.join(CASE_RULES)}")
                continue
            names = [n.text for n, _ in e.all_names()]
            if row["name"] not in names:
                close = difflib.get_close_matches(row["name"], names, n=1)
                self.errors(f"{where}: \"{row['name']}\" is not a name of \"{e.name}\""
                            + (f" (did you mean \"{close[0]}\"?)" if close else ""))
                continue
            if row["name"] in e.cases:
                self.errors(f"{where}: \"{row['name']}\" has a case rule already")
                continue
            e.cases[row["name"]] = row["case"]

    def checked_words(self, rows):
        """data/not_surnames.tsv: one capitalized word each."""
        words = []
        for row in rows:
            toks = tokenize(row["word"])
            if len(toks) != 1 or not toks[0].is_word or not ("A" <= row["word"][0] <= "Z"):
                self.errors(f"{row['_where']}: \"{row['word']}\" must be one capitalized word")
                continue
            words.append(row["word"])
        return words

    def check_names(self):
        """One entity per normalized name (the store's key), and every name one
        the pipeline can match."""
        owner = {}
        for e in sorted(self.entities.values(), key=lambda e: e.name):
            for n, kind in e.all_names():
                key = normalize_alias(n.text)
                if not key:
                    self.errors(f"{n.source}: \"{n.text}\" ({kind} of \"{e.name}\") has no letters or digits")
                    continue
                if not can_ever_match(n.text, e.cases.get(n.text)):
                    self.errors(f"{n.source}: \"{n.text}\" ({kind} of \"{e.name}\") can never match: a one-word "
                                f"name must start with an ASCII capital (CaseRuleForName); add a longer form or "
                                f"an ASCII spelling")
                prev = owner.setdefault(key, (e, n, kind))
                if prev[0] is not e:
                    pe, pn, pkind = prev
                    self.errors(f"duplicate alias \"{n.text}\" (normalized \"{key}\"): entity \"{pe.name}\" has "
                                f"\"{pn.text}\" ({pkind}, {pn.source}) and entity \"{e.name}\" has \"{n.text}\" "
                                f"({kind}, {n.source}); decide it in data/ambiguous.tsv (drop, or keep:<entity>)")

    def check_superset_of(self, base):
        """The hand-written schema comes out unchanged or extended."""
        for i, b in enumerate(base.get("entities", [])):
            where = f"examples/schema.json entities[{i}] \"{b['name']}\""
            e = self.entities.get(b["name"])
            if e is None:
                self.errors(f"{where}: not in the gazetteer (add it to the data files with this exact name)")
                continue
            if b.get("type", "") != e.type:
                self.errors(f"{where}: type \"{b.get('type', '')}\" here, \"{e.type}\" in the gazetteer ({e.source})")
            for kind in KINDS:
                have = {n.text for n in e.names[kind]}
                for a in b.get(kind, []):
                    if a not in have:
                        self.errors(f"{where}: {SINGULAR[kind]} \"{a}\" is missing from the gazetteer's \"{e.name}\"")

    def checked_blockers(self, wanted):
        """The blockers worth adding: each hides a name (contains one, token by
        token) and is not itself one (the entity would win)."""
        phrase_of = {}
        for e in self.entities.values():
            for n, _ in e.all_names():
                phrase_of[tuple(t.norm for t in tokenize(n.text))] = (e, n)
        blockers, seen = [], set()
        for text, where in wanted:
            toks = tuple(t.norm for t in tokenize(text))
            if toks in seen:
                if not where.startswith("data/titles.tsv"):
                    self.errors(f"{where}: blocker \"{text}\" is listed twice (blockers match in any case)")
                continue
            seen.add(toks)
            if toks in phrase_of:
                e, n = phrase_of[toks]
                self.errors(f"{where}: blocker \"{text}\" is itself \"{n.text}\" of \"{e.name}\"; the entity would win")
                continue
            if not any(toks[i:j] in phrase_of for i in range(len(toks)) for j in range(i + 1, len(toks) + 1)):
                self.errors(f"{where}: blocker \"{text}\" contains no name of the gazetteer; it blocks nothing")
                continue
            blockers.append(text)
        return blockers


# ---------------------------------------------------------------------------
# --check: the committed files are what the tool makes.

def check(root, iso_dir, out_dir):
    committed = Paths.for_root(root, iso_dir)
    fresh = Paths.for_root(root, iso_dir, out_dir)
    try:
        with open(committed.out_schema, encoding="utf-8") as f:
            recorded = json.load(f).get("generated_from", {}).get("iso-codes")
    except (OSError, ValueError) as e:
        print(f"build_gazetteer: cannot read {committed.out_schema}: {e}", file=sys.stderr)
        return 1
    installed = iso_codes_release(iso_dir)
    if recorded != installed:
        print(f"build_gazetteer: SKIP: examples/gazetteer.json was built from iso-codes {recorded}, this machine has "
              f"{installed}; run tools/gazetteer/build_gazetteer.py and review the diff", file=sys.stderr)
        return EXIT_SKIP
    result = build(fresh)
    write_outputs(fresh, result)
    status = 0
    for mine, theirs in ((fresh.out_schema, committed.out_schema),):
        with open(mine, encoding="utf-8") as f:
            a = f.read()
        try:
            with open(theirs, encoding="utf-8") as f:
                b = f.read()
        except OSError:
            b = ""
        if a != b:
            rel = os.path.relpath(theirs, root)
            diff = list(difflib.unified_diff(b.splitlines(), a.splitlines(), f"{rel} (committed)",
                                             f"{rel} (regenerated)", lineterm="", n=0))
            print(f"build_gazetteer: {rel} differs from what the tool makes from tools/gazetteer/data/ and "
                  f"iso-codes {installed}; run tools/gazetteer/build_gazetteer.py and commit the result:")
            print("\n".join(diff[:60]) + ("\n..." if len(diff) > 60 else ""))
            status = 1
    if status == 0:
        print(f"build_gazetteer: examples/gazetteer.json is up to date ({summary(result)})")
    return status


# ---------------------------------------------------------------------------

def main(argv):
    args = argv[1:]
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    iso_dir = "/usr/share/iso-codes/json"
    mode, check_dir = "build", None
    while args:
        a = args.pop(0)
        if a == "--self-test":
            mode = "self-test"
        elif a == "--check" and args:
            mode, check_dir = "check", args.pop(0)
        elif a == "--root" and args:
            root = os.path.abspath(args.pop(0))
        elif a == "--iso-dir" and args:
            iso_dir = args.pop(0)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if mode == "self-test":
        import self_test  # noqa: E402 (only the self-test needs it)
        return self_test.run(os.path.abspath(__file__))
    try:
        if mode == "check":
            return check(root, iso_dir, os.path.abspath(check_dir))
        paths = Paths.for_root(root, iso_dir)
        result = build(paths)
        write_outputs(paths, result)
        print(f"build_gazetteer: wrote {os.path.relpath(paths.out_schema, root)}: {summary(result)}")
        return 0
    except BuildError as e:
        print(f"build_gazetteer: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
