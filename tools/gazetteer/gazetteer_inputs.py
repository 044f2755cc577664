"""Reading the gazetteer tool's inputs (iso-codes' JSON, the data files) and
the name forms it derives from them (see build_gazetteer.py's docstring)."""

import hashlib
import json
import os
import re
import unicodedata

from gazetteer_model import BuildError

def read_tsv(path, columns, errors):
    """Rows of a data file as dicts, with "_where" = "data/x.tsv:LINE". '#'
    starts a comment line; the first other line names the columns and must be
    exactly `columns`; a row may leave trailing columns out (empty)."""
    rel = os.path.join("data", os.path.basename(path))
    rows = []
    header = None
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        errors(f"{rel}: cannot read: {e.strerror}")
        return rows
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            if header != list(columns):
                errors(f"{rel}:{n}: the header must be {' TAB '.join(columns)}, not {' TAB '.join(header)}")
                return rows
            continue
        if len(cells) > len(columns):
            errors(f"{rel}:{n}: {len(cells)} columns, at most {len(columns)} ({', '.join(columns)}); "
                   f"a list is separated by '|', not by tabs")
            continue
        cells += [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells))
        row["_where"] = f"{rel}:{n}"
        rows.append(row)
    if header is None:
        errors(f"{rel}: no header line")
    return rows


def split_list(cell):
    return [p.strip() for p in cell.split("|") if p.strip()]


def read_iso(iso_dir, errors):
    try:
        with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
            current = json.load(f)["3166-1"]
        with open(os.path.join(iso_dir, "iso_3166-3.json"), encoding="utf-8") as f:
            former = json.load(f)["3166-3"]
    except (OSError, KeyError, ValueError) as e:
        raise BuildError(f"cannot read ISO 3166 from {iso_dir} (Debian package iso-codes): {e}")
    return current, former


def iso_codes_release(iso_dir):
    """The iso-codes release, from its pkg-config file next to the data."""
    share = os.path.dirname(os.path.dirname(os.path.abspath(iso_dir)))
    for pc in (os.path.join(share, "pkgconfig", "iso-codes.pc"), "/usr/share/pkgconfig/iso-codes.pc"):
        try:
            with open(pc, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
        except OSError:
            continue
    return "unknown"


def file_sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# ---------------------------------------------------------------------------
# Name forms.

INVERTED_TAIL = re.compile(r"(?:^|\s)(?:of|of the)$", re.IGNORECASE)


def clean_iso_name(name):
    """The forms of an iso-codes name worth matching (see the docstring)."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        if "," not in tail and (INVERTED_TAIL.search(tail) or " " not in tail):
            return re.sub(r"^the\s+", "", f"{tail} {head}", flags=re.IGNORECASE)
    return re.sub(r"^the\s+", "", name) if name.startswith("the ") else name


def ascii_spelling(text):
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded if folded != text and folded.isascii() else None


def variants(text):
    """Generated spellings of a name: ASCII, and St./St for Saint."""
    out = []
    forms = [text]
    a = ascii_spelling(text)
    if a:
        forms.append(a)
    for f in forms:
        if f not in out:
            out.append(f)
        m = re.match(r"^Saint (.*)$", f)
        if m:
            for s in (f"St. {m.group(1)}", f"St {m.group(1)}"):
                if s not in out:
                    out.append(s)
    return out[1:]
