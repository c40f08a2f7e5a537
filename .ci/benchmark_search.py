#!/usr/bin/env python3
"""Benchmark the A–Z index and Pagefind search at N pages (default 10,000).

Usage:
    python3 .ci/benchmark_search.py [--pages N] [--dossier PATH] [--keep DIR] [--query WORD]

Generates .ci/benchmark.py's synthetic corpus of N pages (10 sections, 50 tags, about 4.5 KB
of Markdown a page), builds it with `dossier build --search --verbose`, and reports:

  - the A–Z index: whether it was split by letter, the size of a-z/index.html and of the
    largest and of all letter pages (what a one-page index would weigh);
  - Pagefind: the time of the build's "search" stage (indexing the staging folder), the whole
    build's wall time, and the size and file count of the pagefind/ bundle;
  - a first query in headless Chromium (Selenium): the search page is opened, WORD (default: the
    first word of page 0's title) is typed, and once results show, the bytes the server sent
    are summed from its own log of every request (Pagefind fetches its index from a web worker,
    which the page's Resource Timing does not see). The test server does not compress, so
    pagefind.js, the worker and the wasm count uncompressed (a server with gzip sends less), while
    Pagefind's index files are gzip already. The page itself (HTML, CSS, search.js) and Pagefind's
    files are counted separately.

Without --dossier it uses .build/debug/dossier (`swift build`); the sizes and Pagefind's time do
not depend on Dossier's build mode. Needs pagefind-bin (pip), chromium, chromedriver, selenium.
"""

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "checks"))
import benchmark  # noqa: E402
import sitecheck as sc  # noqa: E402
import check_axe  # noqa: E402


def folder_size(path):
    total, count = 0, 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count


def kib(n):
    return f"{n / 1024:,.0f} KiB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--dossier", default=str(HERE.parent / ".build/debug/dossier"))
    parser.add_argument("--keep")
    parser.add_argument("--query")
    args = parser.parse_args()

    work = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="dossier-bench-search-", dir="/tmp"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus = benchmark.generate_corpus("synthetic", args.pages, work, False, False)
        site_root = corpus.dossier_site
        out = work / "out"
        started = time.monotonic()
        result = subprocess.run([args.dossier, "build", "--root", str(site_root), "--output", str(out), "--search",
                                 "--verbose", "--today", "2026-11-21"], capture_output=True, text=True)
        wall = time.monotonic() - started
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            return 1
        stages = dict(re.findall(r"^(\w+)\s+([\d.]+) ms$", result.stdout, re.M))
        print(f"corpus: synthetic, {args.pages} pages; dossier build --search: {wall:.1f} s wall "
              f"(render {float(stages.get('render', 0)) / 1000:.1f} s, search {float(stages.get('search', 0)) / 1000:.1f} s)")

        az = out / "a-z"
        letters = sorted(p for p in az.iterdir() if p.is_dir())
        first = (az / "index.html").stat().st_size
        sizes = [(p.name, (p / "index.html").stat().st_size) for p in letters]
        if sizes:
            largest = max(sizes, key=lambda s: s[1])
            print(f"A–Z index: split into {len(sizes)} letter pages; a-z/index.html {kib(first)}; largest letter "
                  f"'{largest[0]}' {kib(largest[1])}; all letters {kib(sum(s for _, s in sizes))} (what one page would weigh)")
        else:
            print(f"A–Z index: one page, {kib(first)}")
        bundle, files = folder_size(out / "pagefind")
        print(f"Pagefind bundle: {kib(bundle)} in {files} files")

        query = args.query
        if not query:
            title = re.search(r"^title: (.*)$", (site_root / "content" / (benchmark.page_path(0) + ".md")).read_text(), re.M).group(1)
            query = title.split()[0].strip("*_`").lower()
        browser, driver_path, missing = sc.browser_tools()
        if missing:
            print("no browser measurement: missing " + ", ".join(missing))
            return 0
        served = []

        class Logged(check_axe.SiteHandler):
            def log_request(self, code="-", size="-"):
                path = self.translate_path(self.path)
                if str(code) == "200" and os.path.isfile(path):
                    served.append((urllib.parse.urlsplit(self.path).path, os.path.getsize(path)))
                elif str(code) == "200" and os.path.isfile(os.path.join(path, "index.html")):
                    served.append((urllib.parse.urlsplit(self.path).path, os.path.getsize(os.path.join(path, "index.html"))))

        import functools
        import threading
        from http.server import ThreadingHTTPServer
        handler = type("Handler", (Logged,), {"site": str(out), "base": "/"})
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(out)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        driver = sc.make_chromium_driver(browser, driver_path)
        try:
            driver.get(origin + "/search/")
            deadline = time.monotonic() + 60
            while not driver.execute_script("var f = document.querySelector('[data-search-form]'); return f && !f.hidden;"):
                if time.monotonic() > deadline:
                    raise SystemExit("the search form never showed")
                time.sleep(0.1)
            box = driver.find_element("id", "search-query")
            box.send_keys(query + "\n")
            deadline = time.monotonic() + 60
            while not driver.execute_script("return document.querySelectorAll('[data-search-results] > li').length"):
                if time.monotonic() > deadline:
                    raise SystemExit("no results showed")
                time.sleep(0.1)
            time.sleep(1.0)
            status = driver.execute_script("return document.querySelector('[data-search-status]').textContent")
        finally:
            driver.quit()
            server.shutdown()
        page = sum(size for name, size in served if "/pagefind/" not in name)
        found = [(name, size) for name, size in served if "/pagefind/" in name]
        print(f"first query {query!r} ({status}): the search page {kib(page)}; Pagefind {kib(sum(s for _, s in found))} "
              f"in {len(found)} requests:")
        for name, size in found:
            print(f"    {size:>9,} B  {name}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
