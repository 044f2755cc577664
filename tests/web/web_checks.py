#!/usr/bin/python3
"""Static checks of the explorer page (web/), run by CTest.

  web_checks.py keywords SOURCE_DIR
      The editor's tokenizer (web/js/claimql_tokens.js) knows exactly the
      keywords and punctuation of grammar/ClaimQL.g4, so highlighting and the
      page's WITH FULL PROVENANCE suffix cannot drift from the language.
  web_checks.py no-external-urls SOURCE_DIR
      Nothing in web/ (but node_modules) names another host: no http(s)://
      or protocol-relative URL, and every ES module import is relative. The
      page must work on an air-gapped network.
"""
import pathlib
import re
import sys


def grammar_literals(g4):
    text = g4.read_text(encoding="utf-8")
    # Lexer keyword rules spell their word with one-letter fragments: MATCH : M A T C H ;
    keywords = {"".join(spelling.split())
                for spelling in re.findall(r"\b[A-Z_]+\s*:\s*((?:[A-Z]\s+)*[A-Z])\s*;", text)}
    # Quoted literals in the parser rules (the part before the lexer section).
    parser = text.split("// ---- lexer ----")[0]
    parser = re.sub(r"//[^\n]*", "", parser)
    punctuation = set(re.findall(r"'((?:[^'\\]|\\.)+)'", parser))
    return keywords, punctuation


def js_literals(js):
    text = js.read_text(encoding="utf-8")
    kw = re.search(r"export const KEYWORDS = new Set\(\[(.*?)\]\);", text, re.S)
    pu = re.search(r"export const PUNCTUATION = \[(.*?)\];", text, re.S)
    if not kw or not pu:
        sys.exit(f"{js}: KEYWORDS or PUNCTUATION not found")
    return set(re.findall(r"'([^']+)'", kw.group(1))), set(re.findall(r"'([^']+)'", pu.group(1)))


def check_keywords(root):
    g_kw, g_pu = grammar_literals(root / "grammar" / "ClaimQL.g4")
    j_kw, j_pu = js_literals(root / "web" / "js" / "claimql_tokens.js")
    problems = []
    for what, g, j in (("keyword", g_kw, j_kw), ("punctuation", g_pu, j_pu)):
        for x in sorted(g - j):
            problems.append(f"web/js/claimql_tokens.js: {what} {x!r} of grammar/ClaimQL.g4 is missing")
        for x in sorted(j - g):
            problems.append(f"web/js/claimql_tokens.js: {what} {x!r} is not in grammar/ClaimQL.g4")
    if len(g_kw) < 50 or len(g_pu) < 10:
        problems.append(f"grammar/ClaimQL.g4: found only {len(g_kw)} keywords and {len(g_pu)} punctuation "
                        "tokens; has the grammar's layout changed?")
    return problems, f"{len(g_kw)} keywords and {len(g_pu)} punctuation tokens agree"


URL = re.compile(r"\b(?:https?|wss?|ftp)://", re.I)
# "//host.tld/..." where a URL may start: after a quote, ( or =.
PROTOCOL_RELATIVE = re.compile(r"""["'(=]\s*//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+""")
IMPORT = re.compile(r"""(?:^|[;\s])(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]""", re.M)


def check_urls(root):
    web = root / "web"
    problems = []
    files = [p for p in sorted(web.rglob("*"))
             if p.is_file() and "node_modules" not in p.parts and "vendor" not in p.parts
             and p.suffix in {".html", ".js", ".mjs", ".css", ".json"} and p.name not in {"package.json", "package-lock.json"}]
    for p in files:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            rel = p.relative_to(root)
            if URL.search(line) or PROTOCOL_RELATIVE.search(line):
                problems.append(f"{rel}:{n}: names another host: {line.strip()}")
        if p.suffix in {".js", ".mjs"}:
            for m in IMPORT.finditer(p.read_text(encoding="utf-8")):
                spec = m.group(1) or m.group(2)
                if not spec.startswith(("./", "../")):
                    problems.append(f"{p.relative_to(root)}: import {spec!r} is not a relative path")
    if len(files) < 5:
        problems.append(f"web/: found only {len(files)} page files; wrong directory?")
    return problems, f"{len(files)} page files name no other host"


def main(argv):
    if len(argv) != 3 or argv[1] not in ("keywords", "no-external-urls"):
        sys.exit(__doc__)
    root = pathlib.Path(argv[2])
    problems, ok = (check_keywords if argv[1] == "keywords" else check_urls)(root)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(ok)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
