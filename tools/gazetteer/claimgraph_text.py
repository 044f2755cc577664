"""The pipeline's name handling, mirrored in Python for the gazetteer tool.

Three functions of the C++ code, ported line by line so that the tool judges an
alias exactly as the server will:

  normalize_alias(s)     storage/normalize.cc NormalizeAlias: how the store keys
                         an entity's names. Two entities with the same key cannot
                         both hold it (UpsertEntity merges or refuses them).
  tokenize(s)            engine/ingest/tokenizer.cc Tokenize: word and
                         punctuation tokens with their normalized forms.
  case_rule_for_name(s)  engine/ingest/phrase_matcher.cc CaseRuleForName: one-token
                         names all in capitals match exactly ("US"), other one-token
                         names only when the text capitalizes them ("China"),
                         longer names in any case ("five eyes"), unless the
                         schema's "case" sets another rule for the name.

If one of those C++ functions changes, change its port here (the self-test of
build_gazetteer.py pins the cases that matter to the gazetteer).

Python 3 standard library only.
"""

from dataclasses import dataclass

EXACT, CAPITALIZED, INSENSITIVE = "exact", "capitalized", "insensitive"


def normalize_alias(name: str) -> str:
    """ASCII letters lower-cased; '.', ''' and U+2019 dropped; any other ASCII
    punctuation and whitespace a single space; trimmed; other UTF-8 kept."""
    data = name.encode("utf-8")
    out = bytearray()
    pending_space = False
    i = 0
    while i < len(data):
        c = data[i]
        if c == 0xE2 and i + 2 < len(data) and data[i + 1] == 0x80 and data[i + 2] == 0x99:
            i += 3
            continue
        if c in (ord("."), ord("'")):
            i += 1
            continue
        separator = c < 0x80 and not (chr(c).isascii() and chr(c).isalnum())
        if separator:
            pending_space = len(out) > 0
            i += 1
            continue
        if pending_space:
            out.append(ord(" "))
        pending_space = False
        out.append(c + 32 if ord("A") <= c <= ord("Z") else c)
        i += 1
    return out.decode("utf-8", errors="surrogateescape")


@dataclass
class Token:
    norm: str
    text: str
    is_word: bool


def _alnum(c):
    return ord("0") <= c <= ord("9") or ord("a") <= (c | 0x20) <= ord("z")


def _alpha(c):
    return ord("a") <= (c | 0x20) <= ord("z")


def _digit(c):
    return ord("0") <= c <= ord("9")


def _utf8_length(c):
    if c < 0x80:
        return 1
    if (c & 0xE0) == 0xC0:
        return 2
    if (c & 0xF0) == 0xE0:
        return 3
    if (c & 0xF8) == 0xF0:
        return 4
    return 1


def _classify_multi(ch: bytes):
    """('space'|'punct'|'letter', normalized punctuation)."""
    if ch in (b"\xC2\xA0", b"\xE3\x80\x80") or (len(ch) == 3 and ch[0] == 0xE2 and ch[1] == 0x80 and ch[2] <= 0x8B):
        return "space", b""
    if ch in (b"\xE2\x80\x98", b"\xE2\x80\x99"):
        return "punct", b"'"
    if ch in (b"\xE2\x80\x9C", b"\xE2\x80\x9D", b"\xC2\xAB", b"\xC2\xBB"):
        return "punct", b'"'
    if ch in (b"\xE2\x80\x93", b"\xE2\x80\x94", b"\xE2\x80\x90", b"\xE2\x80\x91"):
        return "punct", b"-"
    if ch == b"\xE2\x80\xA6":
        return "punct", b"..."
    c0 = ch[0]
    c1 = ch[1] if len(ch) > 1 else 0
    if (c0 == 0xE2 and c1 in (0x80, 0x81, 0x96)) or (c0 == 0xE3 and c1 == 0x80) or (c0 == 0xEF and c1 in (0xBC, 0xBD)):
        return "punct", ch
    return "letter", b""


def tokenize(text: str):
    data = text.encode("utf-8")
    n = len(data)
    tokens = []
    i = 0
    while i < n:
        c = data[i]
        if c in b" \t\n\r\f\v":
            i += 1
            continue
        length = _utf8_length(c)
        if i + length > n:
            length = 1
        kind, punct = "letter", b""
        if c >= 0x80:
            kind, punct = _classify_multi(data[i:i + length])
            if kind == "space":
                i += length
                continue
        elif not _alnum(c):
            kind, punct = "punct", bytes([c])
        if kind == "punct":
            tokens.append(Token(punct.decode("utf-8", "surrogateescape"),
                                data[i:i + length].decode("utf-8", "surrogateescape"), False))
            i += length
            continue
        j = i
        while j < n:
            d = data[j]
            if d < 0x80:
                if _alnum(d):
                    j += 1
                    continue
                if d == ord(".") and j > i:
                    nxt = data[j + 1] if j + 1 < n else 0
                    single_letter_before = j >= 1 and _alpha(data[j - 1]) and (j - 1 == i or data[j - 2] == ord("."))
                    digits = _digit(data[j - 1]) and _digit(nxt)
                    if digits:
                        j += 1
                        continue
                    if single_letter_before and _alpha(nxt) and (j + 2 >= n or data[j + 2] == ord(".")):
                        j += 2
                        continue
                    if single_letter_before and j - i >= 3:
                        j += 1
                        break
                break
            l = _utf8_length(d)
            if j + l > n:
                l = 1
            if _classify_multi(data[j:j + l])[0] != "letter":
                break
            j += l
        word = data[i:j]
        norm = bytes(b + 32 if ord("A") <= b <= ord("Z") else b for b in word)
        tokens.append(Token(norm.decode("utf-8", "surrogateescape"), word.decode("utf-8", "surrogateescape"), True))
        i = j
    return tokens


def case_rule_for_name(name: str) -> str:
    if len(tokenize(name)) == 1:
        data = name.encode("utf-8")
        has_lower = any(ord("a") <= b <= ord("z") for b in data)
        upper = sum(1 for b in data if ord("A") <= b <= ord("Z"))
        return EXACT if not has_lower and upper >= 1 else CAPITALIZED
    return INSENSITIVE


def can_ever_match(name: str, rule: str = None) -> bool:
    """A one-word CAPITALIZED name matches only where the text's first byte is
    an ASCII capital, so "Åland" alone never matches. `rule`: the schema's
    "case" for the name, if it sets one (else the one CaseRuleForName infers).
    A longer CAPITALIZED name asks a capital only of the words it capitalizes
    with an ASCII letter, so it can always match."""
    rule = rule or case_rule_for_name(name)
    if rule != CAPITALIZED or len(tokenize(name)) != 1:
        return True
    first = name.encode("utf-8")[0]
    return ord("A") <= first <= ord("Z")
