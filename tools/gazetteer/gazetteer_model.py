"""What the gazetteer tool builds: entities and their names, the paths it
reads and writes, and how it reports problems (see build_gazetteer.py)."""

import os
from dataclasses import dataclass, field

SCHEMA_FORMAT = "claimgraph-schema/1"
# armed-group: a non-state armed movement (Hamas, the Taliban): a party to attacks
# (targets) but, unlike an organization such as a political party, not one a
# verb like "attacked" is used of figuratively.
# cyber-group: a named hacking group (Lazarus Group, APT31): a party to the
# attacks the targets rule records. Which state it works for, if any, is not
# data the pipeline reads: the text must say it ("a Chinese state-backed group").
TYPE_ORDER = ["country", "territory", "former-country", "former-territory", "group", "agency", "organization", "armed-group",
              "cyber-group"]
KINDS = ("aliases", "demonyms", "metonyms")
SINGULAR = {"aliases": "alias", "demonyms": "demonym", "metonyms": "metonym"}
EXIT_SKIP = 77


class BuildError(Exception):
    pass


@dataclass
class Name:
    text: str
    source: str  # where it came from, for error messages


@dataclass
class Entity:
    name: str
    type: str
    source: str
    names: dict = field(default_factory=lambda: {k: [] for k in KINDS})
    extra: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)  # name as written -> "exact", "capitalized" or "insensitive"

    def add(self, kind, text, source):
        text = " ".join(text.split())
        if not text or text == self.name:
            return
        if any(n.text == text for n in self.names[kind]):
            return
        self.names[kind].append(Name(text, source))

    def add_all(self, kind, texts, source):
        for text in texts:
            self.add(kind, text, source)

    def all_names(self):
        yield Name(self.name, self.source), "name"
        for kind in KINDS:
            for n in self.names[kind]:
                yield n, kind


@dataclass
class Paths:
    root: str
    iso_dir: str
    data: str
    base_schema: str
    out_schema: str

    @staticmethod
    def for_root(root, iso_dir, out_dir=None):
        out = out_dir or os.path.join(root, "examples")
        return Paths(root=root, iso_dir=iso_dir, data=os.path.join(root, "tools", "gazetteer", "data"),
                     base_schema=os.path.join(root, "examples", "schema.json"),
                     out_schema=os.path.join(out, "gazetteer.json"))


class Errors:
    def __init__(self):
        self.messages = []

    def __call__(self, message):
        self.messages.append(message)

    def raise_if_any(self):
        if self.messages:
            raise BuildError("\n".join(self.messages))
