#!/usr/bin/python3
"""The explorer page (web/) in a real browser: headless Chromium driven by
Selenium against a real claimgraphd on loopback serving the example store
over HTTP (issue 15, "Tests in a real browser").

The script builds the store as tools/run.sh does (import, then ingest of the
corpus, so kept texts exist for the passages), writes an auth file with a
reader, a writer and an admin token, starts `claimgraphd serve --http` on free
ports, and drives the page through the steps below. Every expected value comes
from the HTTP API (urllib), never from constants. Each step saves a
screenshot into ${CLAIMGRAPH_ARTIFACTS:-BUILD/test-artifacts}/explorer/.

Exit 77 (CTest: skipped) when chromium, chromedriver or selenium is missing
and CI is not "true"; under CI=true that is a failure.

  explorer_test.py --build BUILD --source SOURCE [--readme-screenshot PNG]
  explorer_test.py --url http://127.0.0.1:P --auth-file F --source SOURCE
      (against a server already running on the example store; F names the
      tokens, as --auth-file does for claimgraphd)
"""
import argparse
import json
import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

ARGS = None
CI = os.environ.get("CI") == "true"


def skip_or_fail(why):
    if CI:
        print(f"FAIL: {why} (required when CI=true; tools/install-deps.sh installs it)", file=sys.stderr)
        sys.exit(1)
    print(f"SKIP: {why} (apt-get install chromium chromium-driver python3-selenium)", file=sys.stderr)
    sys.exit(77)


try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    webdriver = None

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the HTTP API, as the expected values' source ----

class HttpApi:
    def __init__(self, base, token):
        self.base = base
        self.token = token

    def request(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", f"Bearer {token or self.token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def get(self, path, token=None):
        status, text = self.request("GET", path, token=token)
        if status != 200:
            raise AssertionError(f"GET {path}: HTTP {status}: {text}")
        return json.loads(text)

    def post(self, path, body, token=None):
        status, text = self.request("POST", path, body, token=token)
        if status != 200:
            raise AssertionError(f"POST {path}: HTTP {status}: {text}")
        return json.loads(text)

    def query(self, statement, as_of_tx=0, token=None):
        """(columns, rows, trailer, error) of one statement's NDJSON answer."""
        body = {"statement": statement, "batch_rows": 500, "integers": True}  # as the page asks
        if as_of_tx:
            body["as_of_tx"] = str(as_of_tx)
        status, text = self.request("POST", "/v1/query", body, token=token)
        if status != 200:
            return [], [], None, json.loads(text)
        columns, rows, trailer, error = [], [], None, None
        for line in text.splitlines():
            if not line.strip():
                continue
            msg = json.loads(line)
            if "error" in msg:
                error = msg["error"]
            if msg.get("header"):
                columns = msg["header"].get("columns", [])
            if msg.get("batch"):
                rows.extend(msg["batch"].get("rows", []))
            if msg.get("trailer"):
                trailer = msg["trailer"]
        return columns, rows, trailer, error

    def claims(self, ids):
        out = []
        ids = list(ids)
        for i in range(0, len(ids), 1000):
            out.extend(self.post("/v1/claims:batchGet", {"ids": [str(x) for x in ids[i:i + 1000]]}).get("claims", []))
        return out


def value_text(v):
    """A Value as the page's table prints it (web/js/values.js text())."""
    if "entity_value" in v:
        return v["entity_value"]["name"]
    if "claim_value" in v:
        return str(v["claim_value"])
    for k in ("predicate_value", "date_value", "string_value"):
        if k in v:
            return v[k]
    if "int_value" in v:
        return str(int(v["int_value"]))  # an int64: a string in the JSON mapping
    if "number_value" in v:
        n = v["number_value"]
        if isinstance(n, str):
            return n
        return str(int(n)) if float(n).is_integer() else str(round(n * 1e6) / 1e6)
    if "bool_value" in v:
        return "true" if v["bool_value"] else "false"
    if "list_value" in v:
        return ", ".join(value_text(x) for x in v["list_value"].get("values", []))
    return "null"


def utf16_offset(text, line, column):
    """The textarea index of the server's 1-based line:column (code points)."""
    lines = text.split("\n")
    before = "\n".join(lines[:line - 1]) + ("\n" if line > 1 else "")
    on_line = lines[line - 1][:column - 1] if line <= len(lines) else ""
    return len((before + on_line).encode("utf-16-le")) // 2


def graph_of(rows, claims, symmetric):
    """Entities and distinct facts, as the page's graph must draw them."""
    nodes = set()
    for r in rows:
        for v in r.get("values", []):
            if "entity_value" in v:
                nodes.add(v["entity_value"]["name"])
    facts = set()
    for c in claims:
        obj = c.get("object", {})
        if "entity_value" not in obj:
            continue
        s, o, p = c["subject"], obj["entity_value"]["name"], c["predicate"]
        nodes.update((s, o))
        facts.add((p,) + (tuple(sorted((s, o))) if p in symmetric else (s, o)))
    return nodes, facts


# ---- the server ----

class Server:
    """claimgraphd serve --http on the example store, or an external --url."""

    def __init__(self, args):
        self.proc = None
        self.tmp = None
        if args.url:
            self.base = args.url.rstrip("/")
            tokens = json.loads(pathlib.Path(args.auth_file).read_text())["tokens"]
            self.tokens = {t["role"]: t["token"] for t in tokens}
            return
        build = pathlib.Path(args.build)
        src = pathlib.Path(args.source)
        exe = build / "server" / "claimgraphd"
        web = build / "web"
        if not (web / "index.html").exists():
            raise SystemExit(f"{web}/index.html is missing: build the claimgraph_web target")
        self.tmp = tempfile.mkdtemp(prefix="explorer_test.")
        data = os.path.join(self.tmp, "data")
        schema = str(src / "examples" / "gazetteer.json")
        # The store as tools/run.sh builds it.
        corpus = sorted(str(p) for p in (src / "examples" / "corpus").glob("*.txt"))
        for step in ([str(exe), "import", "--data", data, "--schema", schema,
                      str(src / "examples" / "claims.jsonl"), str(src / "examples" / "five-eyes.nq")],
                     [str(exe), "ingest", "--data", data, "--schema", schema,
                      "--rules", str(src / "examples" / "ingest" / "rules.json"),
                      "--manifest", str(src / "examples" / "corpus" / "MANIFEST.tsv"), "--quiet", *corpus]):
            done = subprocess.run(step, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if done.returncode != 0:
                raise SystemExit(f"{' '.join(step[:2])} failed ({done.returncode}):\n{done.stdout}")
        self.tokens = {role: f"{role}-{secrets.token_hex(16)}" for role in ("reader", "writer", "admin")}
        auth = os.path.join(self.tmp, "auth.json")
        pathlib.Path(auth).write_text(json.dumps({"tokens": [
            {"token": self.tokens["reader"], "principal": "rita", "role": "reader"},
            {"token": self.tokens["writer"], "principal": "walt", "role": "writer"},
            {"token": self.tokens["admin"], "principal": "ada", "role": "admin"}]}))
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = os.path.join(self.tmp, "claimgraphd.log")
        with open(self.log_path, "w") as log:
            self.proc = subprocess.Popen(
                [str(exe), "serve", "--data", data, "--listen", f"127.0.0.1:{free_port()}",
                 "--http", f"127.0.0.1:{port}", "--web-dir", str(web), "--auth-file", auth],
                stdout=log, stderr=subprocess.STDOUT)
        api = HttpApi(self.base, self.tokens["admin"])
        deadline = time.time() + 30
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"claimgraphd exited with {self.proc.returncode}:\n{self.log()}")
            try:
                api.get("/v1/stats")
                break
            except (OSError, AssertionError):
                if time.time() > deadline:
                    raise SystemExit(f"claimgraphd did not answer /v1/stats in 30 s:\n{self.log()}")
                time.sleep(0.1)

    def log(self):
        try:
            return pathlib.Path(self.log_path).read_text()[-4000:]
        except (OSError, AttributeError):
            return ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


# ---- the steps ----

QUERY = 'MATCH ?a member-of "Quad" RETURN ?a'
BAD_QUERY = 'MATCH ?a pact "\U0001F6F0 T\u014dky\u014d", ?a memberof "Quad"\nRETURN ?a'
AS_OF_QUERY = "MATCH ?a shares-intel ?b RETURN ?a, ?b"


class ExplorerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(ARGS)
        cls.api = HttpApi(cls.server.base, cls.server.tokens["admin"])
        build = pathlib.Path(ARGS.build or ".")
        cls.shots = pathlib.Path(os.environ.get("CLAIMGRAPH_ARTIFACTS") or (build / "test-artifacts")) / "explorer"
        cls.shots.mkdir(parents=True, exist_ok=True)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,850",
                  # A stray request to any other host fails here instead of leaving the machine.
                  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                  "--no-first-run", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-default-apps"]:
            options.add_argument(a)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        try:
            cls.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        except Exception:
            cls.server.stop()
            raise
        cls.driver.set_script_timeout(60)
        cls.perf_log = []
        cls.browser_log = []

    @classmethod
    def tearDownClass(cls):
        try:
            cls.driver.quit()
        finally:
            cls.server.stop()
        print(f"\nscreenshots: {cls.shots}", file=sys.stderr)

    # helpers
    def shot(self, n, name):
        path = self.shots / f"{n:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, what, predicate, timeout=30):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda d: predicate())
        except TimeoutException:
            self.shot(99, "timeout")
            raise AssertionError(f"timed out waiting for {what}")

    def drain_logs(self):
        self.perf_log.extend(self.driver.get_log("performance"))
        self.browser_log.extend(self.driver.get_log("browser"))

    def set_token(self, role):
        d = self.driver
        # A page without a token opens the dialog itself at the first 401.
        if not self.js("return document.getElementById('token-dialog').open"):
            d.find_element(By.ID, "token-button").click()
        self.wait("the token dialog", lambda: self.js("return document.getElementById('token-dialog').open"))
        field = d.find_element(By.ID, "token-input")
        field.clear()
        field.send_keys(self.server.tokens[role])
        d.find_element(By.ID, "token-save").click()
        self.wait("the dialog to close", lambda: not self.js("return document.getElementById('token-dialog').open"))

    def run_statement(self, text):
        """Types `text` (set as the textarea's value: chromedriver cannot type
        characters outside the BMP) and presses Ctrl+Enter; waits for the end."""
        runs = self.js("return TEST_explorer.runs")
        editor = self.driver.find_element(By.ID, "editor")
        self.js("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));"
                "e.focus(); e.setSelectionRange(e.value.length, e.value.length);", editor, text)
        editor.send_keys(Keys.CONTROL, Keys.ENTER)
        self.wait(f"the run of {text!r}",
                  lambda: self.js("return TEST_explorer.runs > arguments[0] && !TEST_explorer.running", runs))

    def assertFits(self):
        """Fits a laptop screen: nothing wider than the window, no part cut off sideways."""
        overflow = self.js("""
          const wide = (e) => e.scrollWidth > e.clientWidth + 1;
          return [document.documentElement,
                  ...document.querySelectorAll('header, nav, main, main > section, .query-bar, .run-bar, aside:not([hidden])')]
            .filter(wide).map((e) => e.id || e.className || e.tagName);""")
        self.assertEqual(overflow, [])

    def table_rows(self):
        return self.js("""
          return [...document.querySelectorAll('#results-table tbody tr')].map(
            (tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent));""")

    def expected_rows(self, statement, as_of_tx=0):
        columns, rows, trailer, error = self.api.query(statement, as_of_tx)
        self.assertIsNone(error, f"{statement}: {error}")
        return [[value_text(v) for v in r.get("values", [])] for r in rows]

    # 1. a query by Ctrl+Enter shows the API's rows
    def test_01_query(self):
        d = self.driver
        d.get(self.server.base + "/")
        self.wait("the page's test hook", lambda: self.js("return !!window.TEST_explorer"))
        # Without a token the first requests fail (401) and open the token dialog.
        self.wait("the first audit check", lambda: self.js(
            "return !document.getElementById('audit-badge').classList.contains('pending')"))
        self.wait("the store's statistics", lambda: self.js("return document.getElementById('store-info').textContent !== ''"))
        self.set_token("admin")
        self.wait("the audit badge", lambda: self.js("return document.getElementById('audit-badge').dataset.ok === 'true'"))
        self.run_statement(QUERY)
        expected = self.expected_rows(QUERY)
        self.assertGreater(len(expected), 0)
        self.assertEqual(sorted(self.table_rows()), sorted(expected))
        self.assertEqual(self.js("return TEST_explorer.rowCount"), len(expected))
        timing = self.js("return TEST_explorer.lastTiming")
        print(f"\nEnter to first rows drawn: {timing.get('firstRowsMs')} ms; whole answer {timing.get('totalMs')} ms",
              file=sys.stderr)
        badge = d.find_element(By.ID, "audit-badge").text
        stats = self.api.get("/v1/stats")
        self.assertEqual(badge, f"audit ok up to tx {stats['transactions']}")
        self.assertFits()
        self.shot(1, "query")

    # 2. the graph: nodes and edges equal what the API's rows and claims make
    def test_02_graph(self):
        self.driver.find_element(By.ID, "tab-graph").click()
        self.wait("the graph", lambda: self.js("return TEST_explorer.graph !== null && !!TEST_explorer.cy"))
        _, rows, _, error = self.api.query(QUERY + "\nWITH FULL PROVENANCE")
        self.assertIsNone(error)
        ids = sorted({p for r in rows for p in r.get("provenance", [])}, key=int)
        self.assertGreater(len(ids), 0)
        claims = self.api.claims(ids)
        symmetric = {p["name"] for p in self.api.get("/v1/stats?by_predicate=true")["by_predicate"] if p["symmetric"]}
        nodes, facts = graph_of(rows, claims, symmetric)
        self.assertEqual(self.js("return TEST_explorer.cy.nodes().length"), len(nodes))
        self.assertEqual(self.js("return TEST_explorer.cy.edges().length"), len(facts))
        self.assertEqual(sorted(self.js("return TEST_explorer.cy.nodes().map((n) => n.id())")), sorted(nodes))
        summary = self.driver.find_element(By.ID, "graph-summary").text
        self.assertIn(f"{len(nodes):,} entities, {len(facts):,} relations", summary)
        time.sleep(0.6)  # the layout's animation, for the screenshot
        self.shot(2, "graph")

    # 3. a row's evidence: exactly its FULL PROVENANCE claims, each quote highlighted in its passage
    def test_03_evidence(self):
        d = self.driver
        d.find_element(By.ID, "tab-table").click()
        first = d.find_element(By.CSS_SELECTOR, "#results-table tbody tr:first-child")
        first_text = [td.text for td in first.find_elements(By.CSS_SELECTOR, "td")][1:]
        first.find_element(By.CSS_SELECTOR, "button.evidence").click()
        self.wait("the evidence panel", lambda: self.js(
            "const a = document.getElementById('provenance'); return !a.hidden && a.getAttribute('aria-busy') === 'false'"))
        self.assertEqual(self.js("return document.activeElement.id"), "provenance-title")
        _, rows, _, _ = self.api.query(QUERY + "\nWITH FULL PROVENANCE")
        row = next(r for r in rows if [value_text(v) for v in r["values"]] == first_text)
        shown = self.js("return [...document.querySelectorAll('#provenance-claims li.claim')].map((li) => li.dataset.claimId)")
        self.assertEqual(sorted(shown, key=int), sorted(row["provenance"], key=int))
        checked = 0
        sources = {}
        for claim_id in row["provenance"]:
            claim = self.api.get(f"/v1/claims/{claim_id}")
            key = claim["source"]
            if key not in sources:
                sources[key] = self.api.get(f"/v1/sources/{urllib.parse.quote(key, safe='')}")
            marks = self.js("return [...document.querySelectorAll(`#provenance-claims li.claim[data-claim-id='${arguments[0]}'] mark.quote`)]"
                            ".map((m) => m.textContent)", claim_id)
            if sources[key]["text_state"] == "kept" and claim["has_span"]:
                self.assertEqual(len(marks), 1, f"claim {claim_id}: one passage")
                if claim["quote"]:
                    self.assertEqual(marks[0], claim["quote"], f"claim {claim_id}")
                    checked += 1
            else:
                self.assertEqual(marks, [], f"claim {claim_id}: no kept text, no passage")
            history = self.js("return document.querySelectorAll(`#provenance-claims li.claim[data-claim-id='${arguments[0]}'] table.history tbody tr`).length", claim_id)
            self.assertEqual(history, len(self.api.get(f"/v1/claims/{claim_id}/history")["events"]))
        self.assertGreater(checked, 0, "no claim of the row had a quote in a kept text: the check proved nothing")
        self.assertFits()
        path = self.shot(3, "evidence")
        if ARGS.readme_screenshot:
            shutil.copyfile(path, ARGS.readme_screenshot)
        # Esc closes the panel and gives focus back to the row's evidence button.
        d.switch_to.active_element.send_keys(Keys.ESCAPE)
        self.wait("the panel to close", lambda: self.js("return document.getElementById('provenance').hidden"))
        self.assertTrue(self.js("return document.activeElement.getAttribute('aria-label')").startswith("evidence for row 1:"))

    # 4. a bad query: the caret at the server's line:column (code points -> UTF-16)
    def test_04_error_position(self):
        self.run_statement(BAD_QUERY)
        _, _, _, error = self.api.query(BAD_QUERY)
        self.assertIsNotNone(error)
        self.assertIn("line", error, error)
        mark = self.js("const m = document.querySelector('#editor-highlight mark.error');"
                       "return m && {line: +m.dataset.line, column: +m.dataset.column, text: m.textContent}")
        self.assertIsNotNone(mark, "no error mark")
        self.assertEqual((mark["line"], mark["column"]), (error["line"], error["column"]))
        start = utf16_offset(BAD_QUERY, error["line"], error["column"])
        self.assertEqual(self.js("return document.getElementById('editor').selectionStart"), start)
        self.assertEqual(mark["text"], BAD_QUERY.split("\n")[error["line"] - 1][error["column"] - 1:][:error.get("length", 1)])
        alert = self.driver.find_element(By.ID, "query-error")
        self.assertEqual(alert.get_attribute("role"), "alert")
        self.assertIn(error["message"].split("\n")[0], alert.text)
        self.shot(4, "error")

    # 5. AS OF an earlier transaction: fewer rows, the API's
    def test_05_as_of(self):
        latest = self.expected_rows(AS_OF_QUERY)
        transactions = int(self.api.get("/v1/stats")["transactions"])
        tx = next((t for t in range(1, transactions)
                   if 0 < len(self.expected_rows(AS_OF_QUERY, t)) < len(latest)), None)
        self.assertIsNotNone(tx, "no transaction with fewer rows")
        expected = self.expected_rows(AS_OF_QUERY, tx)
        self.run_statement(AS_OF_QUERY)
        self.assertEqual(sorted(self.table_rows()), sorted(latest))
        runs = self.js("return TEST_explorer.runs")
        field = self.driver.find_element(By.ID, "asof-input")
        field.clear()
        field.send_keys(str(tx))
        self.driver.find_element(By.ID, "asof-run").click()
        self.wait("the AS OF run", lambda: self.js("return TEST_explorer.runs > arguments[0] && !TEST_explorer.running", runs))
        self.assertEqual(self.js("return TEST_explorer.rowCount"), len(expected))
        self.assertEqual(sorted(self.table_rows()), sorted(expected[:100]))
        self.assertIn(f"as of tx {tx}", self.driver.find_element(By.ID, "status").text)
        self.shot(5, "as-of")
        field.clear()
        self.driver.find_element(By.ID, "asof-latest").click()
        self.wait("the latest run", lambda: self.js("return TEST_explorer.runs > arguments[0] + 1 && !TEST_explorer.running", runs))

    # 6. a reader cannot retract from the page
    def test_06_reader_cannot_write(self):
        before = self.api.get("/v1/stats")["transactions"]
        self.set_token("reader")
        self.run_statement('RETRACT CLAIM 1 REASON "x"')
        error = self.js("return TEST_explorer.lastError")
        self.assertIsNotNone(error)
        self.assertEqual(error["code"], 7)
        self.assertIn("PERMISSION_DENIED", self.driver.find_element(By.ID, "query-error").text)
        self.assertEqual(self.api.get("/v1/claims/1")["retracted_tx"], "0")
        self.assertEqual(self.api.get("/v1/stats")["transactions"], before)
        self.shot(6, "reader-refused")
        self.set_token("admin")

    # 7. the page asks nothing of any host but the server, and breaks no CSP rule
    def test_07_no_other_host(self):
        self.drain_logs()
        origin = self.server.base
        urls = []
        for entry in self.perf_log:
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                urls.append(msg["params"]["request"]["url"])
        self.assertGreater(len(urls), 5)
        strays = [u for u in urls if not (u.startswith(origin + "/") or u.startswith(("data:", "blob:")))]
        self.assertEqual(strays, [])
        resources = self.js("return performance.getEntriesByType('resource').map((e) => e.name)")
        self.assertEqual([u for u in resources if not u.startswith(origin + "/")], [])
        csp = [e["message"] for e in self.browser_log if "Content Security Policy" in e["message"]]
        self.assertEqual(csp, [])
        errors = [e["message"] for e in self.browser_log if e["level"] == "SEVERE"
                  and "/v1/" not in e["message"]]  # the refused RETRACT and the like are HTTP errors by design
        self.assertEqual(errors, [])
        self.shot(7, "requests")

    # 8. accessibility: axe-core finds nothing serious; Tab reaches editor, run, table, evidence, panel in order
    def test_08_accessibility(self):
        d = self.driver
        self.run_statement(QUERY)
        d.find_element(By.CSS_SELECTOR, "#results-table tbody tr:first-child button.evidence").click()
        self.wait("the evidence panel", lambda: self.js(
            "const a = document.getElementById('provenance'); return !a.hidden && a.getAttribute('aria-busy') === 'false'"))
        axe = pathlib.Path(ARGS.source, "web", "node_modules", "axe-core", "axe.min.js").read_text()
        self.js(axe + "\n;return true;")

        def violations(where):
            result = d.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) => "
                "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))),"
                " (e) => done({error: String(e)}));")
            self.assertIsInstance(result, list, result)
            for v in result:
                print(f"axe ({where}, {v['impact']}): {v['id']}: {v['help']} {v['nodes']}", file=sys.stderr)
            serious = [v for v in result if v["impact"] in ("serious", "critical")]
            self.assertEqual(serious, [], f"{where}: {json.dumps(serious, indent=1)}")

        violations("table and evidence panel")
        d.find_element(By.ID, "tab-graph").click()
        self.wait("the graph", lambda: self.js("return TEST_explorer.graph !== null && !!TEST_explorer.cy"))
        violations("graph")
        d.find_element(By.ID, "tab-table").click()
        # Focus order: the skip link is the page's first element; from it, Tab
        # must reach these in this order.
        self.assertEqual(self.js("return document.querySelector('a[href], button, input, select, textarea').className"),
                         "skip-link")
        self.js("document.querySelector('.skip-link').focus()")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        self.wait("the skip link", lambda: self.js("return document.activeElement.id === 'editor'"))
        want = ["editor", "run-button", "tab-table", "evidence", "provenance-close"]
        seen = []
        for _ in range(300):
            desc = self.js("const e = document.activeElement; return e.id || e.className || e.tagName")
            if not seen or seen[-1] != desc:
                seen.append(desc)
            if desc == "provenance-close":
                break
            d.switch_to.active_element.send_keys(Keys.TAB)
        positions = [next((i for i, s in enumerate(seen) if s == w), None) for w in want]
        self.assertNotIn(None, positions, f"Tab order {seen}")
        self.assertEqual(positions, sorted(positions), f"Tab order {seen}")
        self.shot(8, "accessibility")


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", help="the build directory (claimgraphd, web/)")
    parser.add_argument("--source", required=True, help="the source directory (examples/, web/node_modules)")
    parser.add_argument("--url", help="an explorer already running on the example store")
    parser.add_argument("--auth-file", help="with --url: the server's auth file")
    parser.add_argument("--readme-screenshot", help="also save step 3's screenshot here (docs/explorer.png)")
    ARGS, rest = parser.parse_known_args()
    if not ARGS.url and not ARGS.build:
        parser.error("--build or --url is required")
    if webdriver is None:
        skip_or_fail("python3-selenium is not installed")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.path.exists(path):
            skip_or_fail(f"{path} is missing ({package})")
    result = unittest.main(argv=[sys.argv[0], "-v", *rest], exit=False).result
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
