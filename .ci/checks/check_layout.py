#!/usr/bin/env python3
"""check_layout.py SITE_DIR BASE_PATH [--answer PAGE]… [--print PAGE=MAX_PAGES]…

What a reader sees first, on a phone, and on paper, in headless Chromium driven by Selenium:

1. The home page, and each PAGE given with --answer (a site path such as
   performance/2006-07-q3/), answers in its first screen: its status counts (`.glance-counts`)
   lie wholly inside the first 1280×800 and 375×667 CSS pixels, without scrolling.
2. Printed (Chromium's own print to PDF, A4 from the stylesheet's @page), each PAGE given with
   --print (a site path such as performance/2006-07-q3/) has at most MAX_PAGES pages, and no
   page but the last is mostly blank: its printed content (the area inside the page margins)
   must reach at least two thirds of the way down. The page count comes from `pdfinfo`; the ink
   from `pdftoppm -gray` at 30 dpi, read here as a PGM image (a pixel darker than 200 of 255 is
   ink).

That status tags fit their table cells on a phone is checked by check_axe.py, which loads every
page at 375 px anyway.

Tools: chromium and chromedriver (Debian: chromium, chromium-driver), the Python module
selenium, and pdfinfo and pdftoppm (Debian: poppler-utils).
"""

from __future__ import annotations

import base64
import functools
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402

FIRST_SCREENS = [(1280, 800), (375, 667)]
# Inside the @page margins of dossier.css (16 mm top, 18 mm bottom of 297 mm): the running head
# and foot are outside it and do not count as content.
CONTENT_TOP = 16 / 297
CONTENT_BOTTOM = 1 - 18 / 297
MOSTLY_BLANK = 1 / 3      # a page whose content stops higher than this from its bottom fails
INK = 200

GLANCE_PROBE = """
const counts = document.querySelector('.glance-counts');
if (!counts) return null;
const box = counts.getBoundingClientRect();
return {top: box.top + window.scrollY, bottom: box.bottom + window.scrollY};
"""



class SiteHandler(SimpleHTTPRequestHandler):
    site = ""
    base = "/"

    def translate_path(self, path):
        path = urllib.parse.urlsplit(path).path
        if path.startswith(self.base):
            path = "/" + path[len(self.base):]
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def start_server(site: str, base: str) -> ThreadingHTTPServer:
    handler = type("Handler", (SiteHandler,), {"site": site, "base": base})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def set_viewport(driver, width: int, height: int) -> None:
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def read_pgm(path: str) -> tuple[int, int, bytes]:
    """A binary (P5) PGM with 8-bit pixels, as pdftoppm -gray writes it."""
    data = open(path, "rb").read()
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    position += 1
    if fields[0] != b"P5" or int(fields[3]) > 255:
        raise ValueError(f"{path}: not an 8-bit binary PGM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position:position + width * height]


def content_extent(path: str) -> float:
    """How far down the content area the lowest ink reaches, 0 (none) to 1 (its bottom)."""
    width, height, pixels = read_pgm(path)
    top, bottom = int(height * CONTENT_TOP), int(height * CONTENT_BOTTOM)
    lowest = None
    for y in range(top, bottom):
        row = pixels[y * width:(y + 1) * width]
        if min(row) < INK:
            lowest = y
    return 0.0 if lowest is None else (lowest - top + 1) / (bottom - top)


def page_count(pdf: str) -> int:
    output = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    for line in output.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise ValueError(f"pdfinfo printed no page count for {pdf}")


def check_print(driver, origin: str, base: str, page: str, limit: int, folder: str, failures: list[str]) -> str:
    driver.get(origin + urllib.parse.quote(base + page))
    pdf = os.path.join(folder, page.strip("/").replace("/", "_") + ".pdf")
    result = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    with open(pdf, "wb") as file:
        file.write(base64.b64decode(result["data"]))
    count = page_count(pdf)
    if count > limit:
        failures.append(f"{page} prints on {count} pages, more than {limit}")
    prefix = pdf[:-4]
    subprocess.run(["pdftoppm", "-gray", "-r", "30", pdf, prefix], check=True)
    images = sorted(name for name in os.listdir(folder)
                    if name.startswith(os.path.basename(prefix) + "-") and name.endswith(".pgm"))
    extents = [content_extent(os.path.join(folder, name)) for name in images]
    for number, extent in enumerate(extents[:-1], start=1):
        if extent < 1 - MOSTLY_BLANK:
            failures.append(f"{page} printed page {number} of {count} is mostly blank: "
                            f"its content stops {extent:.0%} of the way down")
    return f"{page}: {count} pages (at most {limit}), content reaches " + ", ".join(f"{e:.0%}" for e in extents)


def main(argv: list[str]) -> int:
    browser, driver_path, missing = sc.browser_tools()
    for tool in ("pdfinfo", "pdftoppm"):
        if sc.find_executable(tool) is None:
            missing.append(f"{tool} (Debian: poppler-utils)")
    if sc.check_tools_only(argv):
        if missing:
            sc.report_missing_tools("check_layout", missing)
        print(f"check_layout: tools found: {browser}, {driver_path}, pdfinfo, pdftoppm")
        return sc.EXIT_OK
    if missing:
        sc.report_missing_tools("check_layout", missing)
    args, prints, answers, rest = [], [], [""], argv[1:]
    while rest:
        argument = rest.pop(0)
        if argument == "--print" and rest:
            page, _, limit = rest.pop(0).rpartition("=")
            prints.append((page, int(limit)))
        elif argument == "--answer" and rest:
            answers.append(rest.pop(0))
        elif not argument.startswith("--"):
            args.append(argument)
    if len(args) != 2:
        sc.usage("check_layout.py", "SITE_DIR BASE_PATH [--answer PAGE]… [--print PAGE=MAX_PAGES]…")
    site = sc.site_dir_argument(args[0])
    base = sc.normalise_base_path(args[1])
    timer = sc.Timer()
    server = start_server(site, base)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    failures: list[str] = []
    notes: list[str] = []
    driver = None
    try:
        driver = sc.make_chromium_driver(browser, driver_path)
        for width, height in FIRST_SCREENS:
            set_viewport(driver, width, height)
            for page in answers:
                name = f"page {page}" if page else "the home page"
                driver.get(origin + base + urllib.parse.quote(page))
                box = driver.execute_script(GLANCE_PROBE)
                if box is None:
                    failures.append(f"{name} has no status counts (.glance-counts) at {width}px")
                elif box["top"] < 0 or box["bottom"] > height:
                    failures.append(f"at {width}×{height} the status counts of {name} lie at {box['top']:.0f}–{box['bottom']:.0f} px, "
                                    f"not inside the first {height} px")
                else:
                    notes.append(f"{page or 'home'} {width}×{height}: counts at {box['top']:.0f}–{box['bottom']:.0f} px")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        with tempfile.TemporaryDirectory() as folder:
            for page, limit in prints:
                notes.append(check_print(driver, origin, base, page, limit, folder, failures))
    finally:
        if driver is not None:
            driver.quit()
        server.shutdown()
    for note in notes:
        print(f"  {note}")
    if failures:
        print(f"check_layout: FAILED ({len(failures)} problem(s), {timer}):")
        for failure in failures:
            print(f"  - {failure}")
        return sc.EXIT_FAILED
    print(f"PASSED check_layout: first screens, {len(prints)} printed page(s) [{timer}]")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
