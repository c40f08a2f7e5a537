#!/usr/bin/env python3
"""check_axe.py SITE_DIR BASE_PATH [--widths 1280,375] [--strict]

axe-core, in headless Chromium driven by Selenium, reports no violation of the WCAG 2.0, 2.1 and
2.2 level A and AA rules (axe tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on any page of
a built site. Every .html file is a page; each is loaded over http from a small server on
127.0.0.1 (axe and some rules need a real origin, not file://), at each window width (1280 and
375 CSS pixels by default, so the narrow layout's reflow, scrolling regions and contrast are
checked too).

Then each page is loaded 320 pixels wide and must not scroll sideways (WCAG 1.4.10 Reflow, AA,
which axe does not test); tables and charts may scroll inside their own wrappers. At 375 pixels
no status tag in a table cell may wrap or be wider than its cell.

axe's best-practice rules (landmarks, heading order, …) run as well; their findings are printed
as advice and fail the check only with --strict. Results axe cannot decide ("incomplete",
e.g. contrast over a gradient) are counted for a person to review.

Tools: chromium and chromedriver (Debian: chromium, chromium-driver), the Python module
selenium, and axe.min.js — the copy shipped in the PyPI package axe-playwright-python
(pip install --no-deps axe-playwright-python; Playwright itself is not needed), or the file
named by the environment variable AXE_JS.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402

REQUIRED_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ADVISORY_TAGS = ["best-practice"]
PAGE_TIMEOUT = 30          # seconds for one page load
SCRIPT_TIMEOUT = 60        # seconds for one axe run
OVERALL_DEADLINE = 900     # seconds for the whole check
NODES_SHOWN = 5            # elements printed per rule


def axe_source_path() -> str | None:
    override = os.environ.get("AXE_JS")
    if override:
        return override if os.path.isfile(override) else None
    # find_spec does not import the package (which would need Playwright).
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = os.path.join(folder, "axe.min.js")
        if os.path.isfile(candidate):
            return candidate
    return None


def tools() -> tuple[str, str, str]:
    browser, driver, missing = sc.browser_tools()
    axe = axe_source_path()
    if axe is None:
        missing.append("axe.min.js (pip install --no-deps axe-playwright-python, or set AXE_JS)")
    if missing:
        sc.report_missing_tools("check_axe", missing)
    return browser, driver, axe


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves SITE_DIR at BASE_PATH; anything else is a 404 (with the site's 404.html if any)."""

    site = ""
    base = "/"

    def translate_path(self, path):
        path = urllib.parse.urlsplit(path).path
        if not path.startswith(self.base):
            return os.path.join(self.site, ".outside-the-base-path", "none")  # never exists
        relative = urllib.parse.unquote(path[len(self.base):])
        parts = [p for p in relative.split("/") if p not in ("", ".", "..")]
        result = os.path.join(self.site, *parts)
        return result + "/" if path.endswith("/") else result

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.site, "404.html")
        if code == 404 and os.path.isfile(page):
            body = open(page, "rb").read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


def start_server(site: str, base: str) -> ThreadingHTTPServer:
    handler = type("Handler", (SiteHandler,), {"site": site, "base": base})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


AXE_RUN = """
const done = arguments[arguments.length - 1];
const tags = arguments[0];
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})
  .then(r => done(JSON.stringify({version: axe.version,
      violations: r.violations,
      incomplete: r.incomplete.map(i => ({id: i.id, tags: i.tags, count: i.nodes.length,
        reasons: i.nodes.flatMap(n => n.any.concat(n.all, n.none).map(c => (c.data && c.data.messageKey) || c.id))}))})))
  .catch(e => done(JSON.stringify({error: String(e && e.stack || e)})));
"""


# WCAG 1.4.10 Reflow (AA), which axe does not test: at 320 CSS pixels wide the page must not
# scroll sideways. Tables and charts may scroll inside their own wrappers (2D content is exempt).
REFLOW_WIDTH = 320
REFLOW_PROBE = """
const root = document.documentElement;
const overflow = root.scrollWidth - root.clientWidth;
if (overflow <= 1) return {overflow: overflow, culprits: []};
const clipped = el => { for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
  const x = getComputedStyle(p).overflowX; if (x !== 'visible') return true; } return false; };
const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
const culprits = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.right > root.clientWidth + 1 && !clipped(el)) {
    if (!culprits.some(c => c.el.contains(el))) culprits.push({el: el, right: Math.round(r.right)});
  }
  if (culprits.length >= 5) break;
}
return {overflow: overflow, culprits: culprits.map(c => name(c.el) + ' (right edge at ' + c.right + 'px)')};
"""


# Status tags (the `.status` spans of Charts/StatusLook.swift) never wrap and never stick out of
# their table cell at 375 CSS pixels, the narrow width: a tag wider than its cell would be cut off
# or overlap the next column.
TAG_WIDTH = 375
TAG_PROBE = """
const problems = [];
for (const tag of document.querySelectorAll('td .status, th .status')) {
  const cell = tag.closest('td, th').getBoundingClientRect(), box = tag.getBoundingClientRect();
  const words = document.createRange();
  words.selectNodeContents(tag);
  const lines = new Set(Array.from(words.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  if (box.width === 0 && box.height === 0) continue;
  const inner = words.getBoundingClientRect();
  if (Math.min(box.left, inner.left) < cell.left - 0.5 || Math.max(box.right, inner.right) > cell.right + 0.5) problems.push(tag.textContent.trim() + ' is wider than its cell');
  else if (lines > 1) problems.push(tag.textContent.trim() + ' wraps onto ' + lines + ' lines');
  if (problems.length >= 5) break;
}
return problems;
"""


def main(argv: list[str]) -> int:
    browser, driver_path, axe_path = tools()
    if sc.check_tools_only(argv):
        print(f"check_axe: tools found: {browser}, {driver_path}, {axe_path}")
        return sc.EXIT_OK
    args, widths = [], [1280, 375]
    rest = argv[1:]
    while rest:
        a = rest.pop(0)
        if a == "--widths" and rest:
            widths = [int(w) for w in rest.pop(0).split(",") if w]
        elif not a.startswith("--"):
            args.append(a)
    if len(args) != 2:
        sc.usage("check_axe.py", "SITE_DIR BASE_PATH [--widths 1280,375] [--strict]")
    site = sc.site_dir_argument(args[0])
    base = sc.normalise_base_path(args[1])
    strict = "--strict" in argv
    timer = sc.Timer()
    deadline = time.monotonic() + OVERALL_DEADLINE

    pages = sc.site_files(site, (".html",))
    if not pages:
        print(f"check_axe: FAILED: no .html file in {site}")
        return sc.EXIT_FAILED
    axe_source = sc.read_text(axe_path)

    server = start_server(site, base)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    violations = defaultdict(list)      # rule id -> [(page, width, node)]
    rules = {}                          # rule id -> rule summary
    incomplete = defaultdict(int)       # rule id -> nodes to review
    incomplete_reasons = defaultdict(Counter)  # rule id -> axe's reason -> count
    errors = []
    reflow = []                         # pages that scroll sideways at REFLOW_WIDTH
    tags = []                           # status tags that wrap or stick out of their cell at TAG_WIDTH
    version = "?"
    runs = 0
    browser_driver = None
    try:
        browser_driver = sc.make_chromium_driver(browser, driver_path, PAGE_TIMEOUT, SCRIPT_TIMEOUT)
        for width in widths:
            browser_driver.set_window_size(width, 900)
            for relative in pages:
                if time.monotonic() > deadline:
                    errors.append(f"stopped after {OVERALL_DEADLINE}s: the remaining pages were not checked")
                    break
                url = origin + urllib.parse.quote(sc.url_path_for_file(relative, base))
                try:
                    browser_driver.get(url)
                    browser_driver.execute_script(axe_source)
                    raw = browser_driver.execute_async_script(AXE_RUN, REQUIRED_TAGS + ADVISORY_TAGS)
                except Exception as error:  # a page that does not load or a script that fails
                    errors.append(f"{relative} at {width}px: {type(error).__name__}: {str(error).splitlines()[0]}")
                    continue
                result = json.loads(raw)
                if "error" in result:
                    errors.append(f"{relative} at {width}px: axe failed: {result['error'][:500]}")
                    continue
                runs += 1
                version = result.get("version", version)
                if width == TAG_WIDTH:
                    tags.extend(f"{relative}: {problem}" for problem in browser_driver.execute_script(TAG_PROBE))
                for violation in result["violations"]:
                    rules[violation["id"]] = violation
                    for node in violation["nodes"]:
                        violations[violation["id"]].append((relative, width, node))
                for item in result["incomplete"]:
                    incomplete[item["id"]] += item["count"]
                    for reason in item.get("reasons", []):
                        incomplete_reasons[item["id"]][reason] += 1
        browser_driver.set_window_size(REFLOW_WIDTH, 900)
        for relative in pages:
            if time.monotonic() > deadline:
                errors.append(f"stopped after {OVERALL_DEADLINE}s: reflow was not checked on every page")
                break
            try:
                browser_driver.get(origin + urllib.parse.quote(sc.url_path_for_file(relative, base)))
                probe = browser_driver.execute_script(REFLOW_PROBE)
            except Exception as error:
                errors.append(f"{relative} at {REFLOW_WIDTH}px: {type(error).__name__}: {str(error).splitlines()[0]}")
                continue
            if probe["overflow"] > 1:
                reflow.append(f"{relative}: scrolls sideways by {probe['overflow']}px at {REFLOW_WIDTH}px wide; "
                              f"too wide: {', '.join(probe['culprits']) or '?'}")
    finally:
        if browser_driver is not None:
            browser_driver.quit()
        server.shutdown()
        server.server_close()

    def required(rule_id: str) -> bool:
        return bool(set(rules[rule_id]["tags"]) & set(REQUIRED_TAGS))

    failing = sorted(r for r in violations if required(r) or strict)
    advisory = sorted(r for r in violations if r not in failing)

    print(f"check_axe: axe-core {version} in headless Chromium, {len(pages)} page(s) × widths "
          f"{', '.join(map(str, widths))} = {runs} run(s), tags {', '.join(REQUIRED_TAGS)}"
          f" (+ {', '.join(ADVISORY_TAGS)} as advice)")

    def show(rule_id: str) -> None:
        rule = rules[rule_id]
        nodes = violations[rule_id]
        on_pages = sorted({p for p, _, _ in nodes})
        wcag = [t for t in rule["tags"] if t.startswith("wcag") and t[4:5].isdigit() and len(t) > 6]
        print(f"  [{rule.get('impact') or '-'}] {rule_id}: {rule['help']}"
              f"{' (WCAG ' + ', '.join(wcag) + ')' if wcag else ''}")
        print(f"      {rule['helpUrl']}")
        print(f"      {len(nodes)} element(s) on {len(on_pages)} page(s): {', '.join(on_pages[:8])}"
              f"{' …' if len(on_pages) > 8 else ''}")
        seen = set()
        shown = 0
        for page, width, node in nodes:
            key = (json.dumps(node["target"]), width)
            if key in seen or shown >= NODES_SHOWN:
                continue
            seen.add(key)
            shown += 1
            summary = " ".join((node.get("failureSummary") or "").split())
            print(f"      - {page} @{width}px {' > '.join(map(str, node['target']))}")
            print(f"        {node.get('html', '')[:200]}")
            if summary:
                print(f"        {summary[:400]}")

    if advisory:
        print(f"  advice (best practice, not failing): {len(advisory)} rule(s)")
        for rule_id in advisory:
            show(rule_id)
    if incomplete:
        print("  to review by a person (axe could not decide; not failing):")
        for rule_id, count in sorted(incomplete.items()):
            reasons = ", ".join(f"{r} ×{n}" for r, n in incomplete_reasons[rule_id].most_common(4))
            print(f"    {rule_id}: {count} element(s) over all runs{' (' + reasons + ')' if reasons else ''}")
        if "color-contrast" in incomplete:
            print("    (imgNode/bgOverlap on <text> is SVG chart text, whose background axe cannot compute)")
    print(f"  reflow (WCAG 1.4.10, not an axe rule): {len(pages) - len(reflow)} of {len(pages)} page(s) "
          f"fit {REFLOW_WIDTH}px without sideways scrolling")
    if TAG_WIDTH in widths:
        print(f"  status tags in table cells at {TAG_WIDTH}px: {len(tags)} wrapping or wider than their cell")
    if failing or errors or reflow or tags:
        count = sum(len(violations[r]) for r in failing)
        print(f"FAILED: {len(failing)} rule(s) violated on {count} element(s), {len(reflow)} page(s) failing "
              f"reflow, {len(tags)} status tag problem(s), {len(errors)} page error(s) in {timer}:")
        for rule_id in failing:
            show(rule_id)
        for line in reflow:
            print(f"  [reflow] {line}")
        for line in tags:
            print(f"  [status tag] {line}")
        for error in errors:
            print(f"  error: {error}")
        return sc.EXIT_FAILED
    print(f"PASSED: no WCAG 2.0/2.1/2.2 A or AA violation on {len(pages)} page(s), and every page reflows "
          f"at {REFLOW_WIDTH}px ({timer})")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
