#!/usr/bin/python3
"""Time from Ctrl+Enter to the first rows drawn in the explorer, in headless
Chromium, against a running claimgraphd --http (issue 15, "Measured").

  explorer_timing.py --url http://127.0.0.1:7688 [--token T] [--runs 20]
                     [--provenance full|witness|off] [STATEMENT]

The clock starts at the keydown (performance.now() in the page's handler) and
stops in the first animation frame after the first batch of rows is in the
table (TEST_explorer.lastTiming.firstRowsMs); "whole answer" is the keydown to
the trailer. Prints the median and the spread of --runs runs after one warm-up.
The default statement returns 1,000 rows on any store with a few dozen claims.
"""
import argparse
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

DEFAULT = "MATCH ?a ?p ?b, ?c ?q ?d RETURN ?a, ?p, ?b, ?c LIMIT 1000"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", default="")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--provenance", default="full", choices=["full", "witness", "off"])
    parser.add_argument("statement", nargs="?", default=DEFAULT)
    args = parser.parse_args()
    options = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,850"]:
        options.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        d.get(args.url)
        d.execute_script("sessionStorage.setItem('claimgraph.token', arguments[0])", args.token)
        d.get(args.url)
        WebDriverWait(d, 30).until(lambda _: d.execute_script("return !!window.TEST_explorer"))
        Select(d.find_element(By.ID, "provenance-mode")).select_by_value(args.provenance)
        editor = d.find_element(By.ID, "editor")
        d.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                         editor, args.statement)
        first, whole, rows = [], [], 0
        for i in range(args.runs + 1):
            n = d.execute_script("return TEST_explorer.runs")
            editor.send_keys(Keys.CONTROL, Keys.ENTER)
            WebDriverWait(d, 120, poll_frequency=0.02).until(lambda _: d.execute_script(
                "return TEST_explorer.runs > arguments[0] && !TEST_explorer.running"
                " && TEST_explorer.lastTiming && TEST_explorer.lastTiming.firstRowsMs !== null", n))
            t = d.execute_script("return TEST_explorer.lastTiming")
            err = d.execute_script("return TEST_explorer.lastError")
            if err:
                sys.exit(f"the statement failed: {err}")
            rows = t["rows"]
            if i:  # the first run warms the caches
                first.append(t["firstRowsMs"])
                whole.append(t["totalMs"])
            time.sleep(0.2)
        q = lambda xs: f"median {statistics.median(xs):.1f} ms (min {min(xs):.1f}, max {max(xs):.1f})"
        print(f"{rows} rows, provenance {args.provenance}, {args.runs} runs")
        print(f"Enter to first rows drawn: {q(first)}")
        print(f"Enter to whole answer:     {q(whole)}")
    finally:
        d.quit()


if __name__ == "__main__":
    main()
