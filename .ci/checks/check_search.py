#!/usr/bin/env python3
"""check_search.py SITE_DIR BASE_PATH [--query "help desk"] [--kind "Quarterly performance report"] [--screenshots DIR]

Search in a real browser, on a site built with search on (`dossier build --search`): headless
Chromium, driven by Selenium, over http from a small server on 127.0.0.1 (Pagefind does not
work from file://). Then:

1. Without script: the search page says where to look instead and links to the A–Z index, its
   form is hidden; every page's header box is a link to the A–Z index; SITE_DIR/pagefind/ holds
   Pagefind's index (pagefind.js, pagefind-entry.json).
2. The search page, 1280 pixels wide: the form shows (the fallback text is hidden), QUERY is typed
   into its labelled box and submitted; the live region (role=status) must say how many results,
   and one result must be a page of kind KIND (a quarterly report, by default), with other kinds
   among the results too.
3. The KIND box of the "Kind" filter is ticked: every result must then be of kind KIND, there must
   be fewer of them, and the live region must say so.
4. A query that matches nothing: the live region says "No results" and links to the A–Z index.
5. The header's box on the home page (upgraded by the script to a form with a visible label):
   QUERY typed and submitted opens the search page, which shows the same results.
6. axe-core (WCAG 2.0/2.1/2.2 A and AA, as check_axe.py) on the search page with the results of
   QUERY showing, at 1280 and at 375 pixels wide: no violation.

With --screenshots DIR, the search page with results (and filtered) and the A–Z index are saved
at 375 pixels wide (search-results-375.png, search-filtered-375.png, a-z-375.png) and at 1280.

Tools: chromium and chromedriver (Debian: chromium, chromium-driver), the Python module
selenium, and axe.min.js as for check_axe.py.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402
import check_axe  # noqa: E402

WAIT = 30          # seconds for results to show after an action
POLL = 0.2


class CheckFailed(Exception):
    pass


def wait_until(what: str, predicate, timeout: float = WAIT):
    started = time.monotonic()
    last_error = None
    while time.monotonic() - started < timeout:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the page is changing under the driver
            last_error = error
        time.sleep(POLL)
    raise CheckFailed(f"{what}: not so after {timeout}s" + (f" (last error: {last_error})" if last_error else ""))


def results(driver) -> list[dict]:
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('[data-search-results] > li')).map(li => ({
          title: li.querySelector('h2 a').textContent, url: li.querySelector('h2 a').getAttribute('href'),
          meta: (li.querySelector('.meta') || {textContent: ''}).textContent}));""")


def status(driver) -> str:
    return driver.execute_script("var s = document.querySelector('[data-search-status]'); return s ? s.textContent : '';")


def static_checks(site: str, problems: list[str]) -> None:
    for path in ("pagefind/pagefind.js", "pagefind/pagefind-entry.json", "search/index.html", "a-z/index.html"):
        if not os.path.isfile(os.path.join(site, path)):
            problems.append(f"{path} is missing: was the site built with search on?")
    search = sc.read_text(os.path.join(site, "search/index.html")) if os.path.isfile(os.path.join(site, "search/index.html")) else ""
    if search:
        if 'data-search-fallback' not in search or 'a-z/' not in search:
            problems.append("search/index.html has no fallback text linking to the A–Z index for readers without script")
        if '<form class="search-form"' in search and 'hidden data-search-form' not in search:
            problems.append("search/index.html shows its form without script (it cannot work without it)")
    for relative in sc.site_files(site, (".html",)):
        if relative.startswith("pagefind/") or relative.endswith("email.html"):  # emails are not pages of the site
            continue
        text = sc.read_text(os.path.join(site, relative))
        if "data-search-box" not in text:
            problems.append(f"{relative}: no search box in the header")
        elif 'class="search-box-link" href=' not in text:
            problems.append(f"{relative}: the header's search box is not a link to the A–Z index without script")


def save(driver, folder: str | None, name: str, widths=(375, 1280)) -> list[str]:
    if not folder:
        return []
    os.makedirs(folder, exist_ok=True)
    saved = []
    try:
        for width in widths:
            driver.set_window_size(width, 900)
            time.sleep(0.4)
            bars, height = driver.execute_script(
                "return [window.outerHeight - window.innerHeight,"
                " Math.ceil(document.documentElement.getBoundingClientRect().height)]")
            driver.set_window_size(width, max(300, min(int(height), 8000)) + int(bars))
            time.sleep(0.4)
            path = os.path.join(folder, f"{name}-{width}.png")
            driver.save_screenshot(path)
            saved.append(path)
    finally:
        driver.set_window_size(1280, 900)
    return saved


def axe_run(driver, axe_source: str, where: str, problems: list[str]) -> int:
    driver.execute_script(axe_source)
    raw = driver.execute_async_script(check_axe.AXE_RUN, check_axe.REQUIRED_TAGS)
    result = json.loads(raw)
    if "error" in result:
        problems.append(f"axe failed on {where}: {result['error'][:300]}")
        return 0
    for violation in result["violations"]:
        for node in violation["nodes"][:3]:
            problems.append(f"axe {violation['id']} on {where}: {violation['help']}: {' > '.join(map(str, node['target']))} "
                            f"{node.get('html', '')[:160]}")
    return len(result["violations"])


def browser_checks(driver, origin: str, base: str, query: str, kind: str, axe_source: str, screenshots: str | None,
                   notes: list[str], problems: list[str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    search_url = origin + base + "search/"
    # 2. The search page.
    driver.set_window_size(1280, 900)
    driver.get(search_url)
    wait_until("the search page's form shows (Pagefind loaded)",
               lambda: driver.find_element(By.ID, "search-query").is_displayed())
    if driver.find_element(By.CSS_SELECTOR, "[data-search-fallback]").is_displayed():
        problems.append("the no-script text still shows once the script has loaded")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=search-query]")
    if not label.is_displayed() or not label.text.strip():
        problems.append("the search box has no visible label")
    live = driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
    if live.get_attribute("role") != "status":
        problems.append("the result count is not in a live region (role=status)")
    box = driver.find_element(By.ID, "search-query")
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    found = wait_until(f"results for {query!r} show", lambda: results(driver) and "result" in status(driver) and results(driver))
    said = status(driver)
    notes.append(f"{query!r}: {said!r}; first results: " + "; ".join(f"{r['title']} ({r['meta']})" for r in found[:4]))
    if not any(kind in r["meta"] for r in found):
        problems.append(f"no result of kind {kind!r} for {query!r}: {found}")
    others = [r for r in found if kind not in r["meta"]]
    if not others:
        problems.append(f"every result for {query!r} is of kind {kind!r}, so the kind filter cannot be shown to narrow them")
    if query not in said:
        problems.append(f"the live region does not name the query: {said!r}")
    total = said.split(" ")[0]

    # 3. Filter by kind.
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=kind]")
    target = next((b for b in boxes if b.get_attribute("value") == kind), None)
    if target is None:
        problems.append(f"no {kind!r} box in the Kind filter (boxes: {[b.get_attribute('value') for b in boxes]})")
    else:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
        target.click()
        filtered = wait_until("the results narrow to the kind", lambda: "filtered by" in status(driver) and results(driver))
        said = status(driver)
        notes.append(f"filtered by kind: {said!r}")
        wrong = [r for r in filtered if kind not in r["meta"]]
        if wrong:
            problems.append(f"filtered by kind {kind!r}, still shows other kinds: {wrong}")
        if int(said.split(" ")[0]) >= int(total):
            problems.append(f"the kind filter did not narrow the results ({total} before, {said!r} after)")
        if "?" not in driver.current_url or "kind=" not in driver.current_url:
            problems.append(f"the filter is not kept in the address: {driver.current_url}")

    # 4. Nothing found.
    driver.get(search_url + "?q=" + urllib.parse.quote("zzyzxnothingmatches"))
    wait_until("the empty state shows", lambda: "No results" in status(driver))
    if not driver.find_elements(By.CSS_SELECTOR, "[data-search-status] a[href$='a-z/']"):
        problems.append("the empty-state message does not link to the A–Z index")

    # 5. The header's box.
    driver.get(origin + base)
    header_box = wait_until("the header's search box is a form", lambda: driver.find_element(By.ID, "site-search"))
    header_label = driver.find_element(By.CSS_SELECTOR, "label[for=site-search]")
    if not header_label.is_displayed():
        problems.append("the header's search box has no visible label")
    header_box.send_keys(query)
    header_box.send_keys(Keys.ENTER)
    wait_until("the header's box opens the search page with results",
               lambda: urllib.parse.urlsplit(driver.current_url).path == base + "search/" and results(driver))

    # 6. axe on the search page with results, at both widths.
    runs = 0
    for width in (1280, 375):
        driver.set_window_size(width, 900)
        driver.get(search_url + "?q=" + urllib.parse.quote(query))
        wait_until(f"results show at {width}px", lambda: results(driver))
        axe_run(driver, axe_source, f"search/?q={query} at {width}px", problems)
        runs += 1
    notes.append(f"axe-core on the search page with results at 1280 and 375 px: {runs} runs")

    if screenshots:
        # Each page loaded at its width, as a phone or a desktop would open it.
        for width in (375, 1280):
            for name, address in (("search-results", f"search/?q={urllib.parse.quote(query)}"),
                                  ("search-filtered", f"search/?q={urllib.parse.quote(query)}&kind={urllib.parse.quote(kind)}"),
                                  ("a-z", "a-z/")):
                driver.set_window_size(width, 900)
                driver.get(origin + base + address)
                if name != "a-z":
                    wait_until(f"results show for the {name} screenshot", lambda: results(driver))
                save(driver, screenshots, name, widths=(width,))


def main(argv: list[str]) -> int:
    browser, driver_path, axe_path = check_axe.tools()
    if sc.check_tools_only(argv):
        print(f"check_search: tools found: {browser}, {driver_path}, {axe_path}")
        return sc.EXIT_OK
    args, rest = [], argv[1:]
    query, kind, screenshots = "help desk", "Quarterly performance report", None
    while rest:
        a = rest.pop(0)
        if a == "--query" and rest:
            query = rest.pop(0)
        elif a == "--kind" and rest:
            kind = rest.pop(0)
        elif a == "--screenshots" and rest:
            screenshots = rest.pop(0)
        elif not a.startswith("--"):
            args.append(a)
    if len(args) != 2:
        sc.usage("check_search.py", "SITE_DIR BASE_PATH [--query Q] [--kind K] [--screenshots DIR]")
    site = sc.site_dir_argument(args[0])
    base = sc.normalise_base_path(args[1])
    timer = sc.Timer()
    problems: list[str] = []
    notes: list[str] = []

    static_checks(site, problems)
    if problems:
        print(f"FAILED: {len(problems)} problem(s) in the built site ({timer}):")
        for problem in problems:
            print(f"  - {problem}")
        return sc.EXIT_FAILED

    server = check_axe.start_server(site, base)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    driver = None
    try:
        driver = sc.make_chromium_driver(browser, driver_path)
        browser_checks(driver, origin, base, query, kind, sc.read_text(axe_path), screenshots, notes, problems)
    except CheckFailed as error:
        problems.append(str(error))
    finally:
        if driver is not None:
            driver.quit()
        server.shutdown()
        server.server_close()

    print(f"check_search: Pagefind search in headless Chromium on {origin}{base}search/")
    for note in notes:
        print(f"  {note}")
    if problems:
        print(f"FAILED: {len(problems)} problem(s) ({timer}):")
        for problem in problems:
            print(f"  - {problem}")
        return sc.EXIT_FAILED
    print(f"PASSED: search finds {query!r}, the kind filter narrows it, the empty state and the header box work, "
          f"and axe finds no violation with results showing at 1280 and 375 px ({timer})")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
