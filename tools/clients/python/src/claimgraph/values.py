"""claimgraph.v1.Value to and from Python (the table in docs/api.md, "Values")."""
import datetime
from dataclasses import dataclass
from typing import Any, Union


@dataclass(frozen=True)
class Entity:
    """A graph node: its id and canonical name. str() is the name."""
    id: int
    name: str

    def __str__(self) -> str:
        return self.name


class ClaimId(int):
    """A claim's id: an int, marked so that a row says which cells are claims."""

    def __repr__(self) -> str:
        return f"ClaimId({int(self)})"


class PartialDate(str):
    """A date with only a year or a year and month ("2015", "2015-04"), which
    datetime.date cannot hold. Full dates come as datetime.date."""


class Text(str):
    """A string literal as a claim's object (a plain str there names an entity)."""


Cell = Union[None, bool, int, float, str, datetime.date, Entity, ClaimId, PartialDate, list]


def _date(text: str) -> Union[datetime.date, PartialDate]:
    if len(text) == 10:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    return PartialDate(text)


def from_value(v: Any) -> Cell:
    """A claimgraph.v1.Value as a Python value."""
    kind = v.WhichOneof("kind")
    if kind is None or kind == "null_value":
        return None
    if kind == "int_value":
        return int(v.int_value)
    if kind == "number_value":
        return float(v.number_value)
    if kind == "date_value":
        return _date(v.date_value)
    if kind == "entity_value":
        return Entity(int(v.entity_value.id), v.entity_value.name)
    if kind == "claim_value":
        return ClaimId(v.claim_value)
    if kind == "list_value":
        return [from_value(x) for x in v.list_value.values]
    return getattr(v, kind)  # bool_value, string_value, predicate_value
