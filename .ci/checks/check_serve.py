#!/usr/bin/env python3
"""check_serve.py DOSSIER_BINARY REPO_ROOT [--screenshots DIR]

`dossier serve`'s preview in a real browser: headless Chromium, driven by Selenium, 1280 CSS
pixels wide. The example site (REPO_ROOT's content/ and templates/) is copied to a temporary
folder, which is the only thing edited; the repository is never touched. Then:

1. `DOSSIER serve --root TMP --port 0 --today 2026-11-21` starts, and prints the address it
   serves at (`Serving <title> at URL (Ctrl-C to stop)`); the browser opens URL + "about/".
2. A paragraph with a unique marker is appended to content/about.md, written in place; then
   another, saved by rename (write about.md.tmp, rename it over about.md), as many editors do.
   Each time the marker must appear in the open page with no action from the browser's driver
   (it only reads the page): the preview's script reloads it.
3. The front matter is broken (`title: [unclosed`): the page must turn by itself into the error
   page, served with HTTP 500, naming content/about.md with a line in the front matter and
   `error:`, exactly as the terminal printed it, with a link to the last good version
   (`?last-good`), which must be the page as it was before the break. With --screenshots DIR,
   the error page is saved as serve-error-1280.png and serve-error-375.png (the whole page).
4. The file is restored: the page must come back by itself (its h1 as before, no marker).
5. `DOSSIER build` of the same folder: no .html file of a built site may contain the preview's
   script (`data-dossier-preview`, `/.dossier/events`).
6. SIGINT (Ctrl-C) must stop the server, with the page still open, within 30 s: exit status 0
   and `dossier: stopped`.

Every wait is bounded (the server's start 120 s, each reload 60 s), so a reload that never
comes fails the check with what the page showed and what the server printed. The server is
killed and the temporary folder removed however the check ends.

Tools: chromium and chromedriver (Debian: chromium, chromium-driver) and the Python module
selenium. DOSSIER_BINARY is a built `dossier` (e.g. .build/debug/dossier).
"""

from __future__ import annotations

import html
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402

TODAY = "2026-11-21"
PAGE = "about/"
SOURCE = "content/about.md"
START_TIMEOUT = 120        # seconds for the first build and the "Serving … at URL" line
RELOAD_TIMEOUT = 60        # seconds for the page to change after a save
STOP_TIMEOUT = 30          # seconds for the server to exit after SIGINT
BUILD_TIMEOUT = 300        # seconds for `dossier build`
POLL = 0.2                 # seconds between two looks at the page
PREVIEW_SIGNS = ("data-dossier-preview", "/.dossier/events")
SERVING = re.compile(r"^Serving (.*) at (http://\S+) \(Ctrl-C to stop\)\s*$")


class CheckFailed(Exception):
    pass


class ServerOutput:
    """The server's stdout and stderr, line by line, read on a thread so the pipe never fills."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self.condition = threading.Condition()
        self.closed = False
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        for raw in stream:
            with self.condition:
                self.lines.append(raw.decode("utf-8", errors="replace").rstrip("\n"))
                self.condition.notify_all()
        with self.condition:
            self.closed = True
            self.condition.notify_all()

    def wait_for(self, pattern: re.Pattern, timeout: float) -> re.Match | None:
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for line in self.lines:
                    match = pattern.search(line)
                    if match:
                        return match
                remaining = deadline - time.monotonic()
                if self.closed or remaining <= 0:
                    return None
                self.condition.wait(remaining)

    def text(self) -> str:
        with self.condition:
            return "\n".join(self.lines)

    def tail(self, count: int = 25) -> str:
        with self.condition:
            lines = self.lines[-count:]
        return "\n".join("    | " + line for line in lines) or "    (nothing)"


def marker_paragraph(marker: str, how: str) -> str:
    return f"\n\n{marker}: a paragraph added by check_serve.py, {how}.\n"


def write_in_place(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_by_rename(path: str, text: str) -> None:
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def front_matter_end(text: str) -> int:
    """The line number of the front matter's closing `---` (0 when there is none)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return number
    return 0


class Page:
    """What the browser shows, read without acting on it: the source, the title and the h1."""

    def __init__(self, driver) -> None:
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.common.by import By

        self.source, self.title, self.h1, self.text, self.error = "", "", "", "", ""
        try:
            self.source = driver.page_source
            self.title = driver.title
            headings = driver.find_elements(By.TAG_NAME, "h1")
            self.h1 = headings[0].text.strip() if headings else ""
            # The main content's text (past the site's header and navigation), or the body's.
            texts = driver.find_elements(By.TAG_NAME, "main") or driver.find_elements(By.TAG_NAME, "body")
            self.text = texts[0].text if texts else ""
        except WebDriverException as error:  # read mid-reload, say
            self.error = f"{type(error).__name__}: {(str(error).splitlines() or [''])[0]}"

    def describe(self) -> str:
        if self.error and not self.source:
            return f"the page could not be read: {self.error}"
        text = " ".join(self.text.split())
        return (f"title {self.title!r}, h1 {self.h1!r}, text: {text[:700]!r}"
                f"{' …' if len(text) > 700 else ''}")


def wait_for_page(driver, what: str, predicate, output: ServerOutput) -> tuple[Page, float]:
    """Looks at the page until predicate(page) holds; the page and how long it took."""
    started = time.monotonic()
    page = Page(driver)
    while not predicate(page):
        if time.monotonic() - started > RELOAD_TIMEOUT:
            raise CheckFailed(f"{what}: not so after {RELOAD_TIMEOUT}s with no action from the browser's driver.\n"
                              f"  The page showed: {page.describe()}\n"
                              f"  The server printed (last lines):\n{output.tail()}")
        time.sleep(POLL)
        page = Page(driver)
    return page, time.monotonic() - started


def fetch(url: str) -> tuple[int, str]:
    """A GET with no browser: the status and the body (an error status is not an exception)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def save_screenshots(driver, folder: str, name: str) -> list[str]:
    """The whole page at 1280 and at 375 CSS pixels wide; the window is 1280 × 900 again after."""
    os.makedirs(folder, exist_ok=True)
    saved = []
    try:
        for width in (1280, 375):
            driver.set_window_size(width, 900)
            time.sleep(0.3)
            # The window's height less the viewport's (the browser's own bars, even headless),
            # and the page's height, so the viewport is made as tall as the page.
            bars, height = driver.execute_script(
                "return [window.outerHeight - window.innerHeight,"
                " Math.ceil(Math.max(document.documentElement.getBoundingClientRect().height,"
                " document.body ? document.body.scrollHeight : 0))]")
            driver.set_window_size(width, max(300, min(int(height), 8000)) + int(bars))
            time.sleep(0.3)
            path = os.path.join(folder, f"{name}-{width}.png")
            if not driver.save_screenshot(path):
                raise CheckFailed(f"the screenshot {path} could not be saved")
            saved.append(path)
    finally:
        driver.set_window_size(1280, 900)
    return saved


def preview_steps(driver, url: str, about: str, output: ServerOutput, screenshots: str | None,
                  timings: dict, notes: list[str]) -> None:
    page_url = url + PAGE
    original = sc.read_text(about)
    fence = front_matter_end(original)
    if not re.search(r"(?m)^title:", original) or not fence:
        raise CheckFailed(f"{SOURCE} has no front matter with a title: line; the check needs one to break")

    # 1. The page as served, with the preview's script.
    driver.get(page_url)
    first = Page(driver)
    if not first.h1:
        raise CheckFailed(f"{page_url} has no h1. The page showed: {first.describe()}")
    if "data-dossier-preview" not in first.source:
        raise CheckFailed(f"{page_url} has no <script data-dossier-preview>: nothing would reload it.\n"
                          f"  The page showed: {first.describe()}")
    heading = first.h1

    # 2. Saves: in place, then by rename. The driver only reads from here on.
    in_place = "servecheck-" + secrets.token_hex(6)
    renamed = "servecheck-" + secrets.token_hex(6)
    edited = original.rstrip("\n") + "\n" + marker_paragraph(in_place, "written in place")
    write_in_place(about, edited)
    _, timings["in place"] = wait_for_page(
        driver, f"after writing {SOURCE} in place, the page shows the new paragraph ({in_place})",
        lambda page: in_place in page.source, output)

    edited = edited.rstrip("\n") + "\n" + marker_paragraph(renamed, "saved by rename")
    write_by_rename(about, edited)
    _, timings["by rename"] = wait_for_page(
        driver, f"after saving {SOURCE} by rename (about.md.tmp over about.md), the page shows the new paragraph ({renamed})",
        lambda page: renamed in page.source and in_place in page.source, output)

    # 3. Broken front matter: the error page.
    broken = re.sub(r"(?m)^title:.*$", "title: [unclosed", edited, count=1)
    write_in_place(about, broken)
    diagnostic = re.compile(r"([^\s<>]*content/about\.md):(\d+):(\d+): error: ([^\n<]*)")
    error_page, timings["error page"] = wait_for_page(
        driver, f"after breaking the front matter of {SOURCE} (title: [unclosed), the page is the error page "
                "naming content/about.md:LINE:COLUMN: error:",
        lambda page: diagnostic.search(html.unescape(page.source)) is not None, output)
    match = diagnostic.search(html.unescape(error_page.source))
    line = int(match.group(2))
    shown = f"{match.group(1)}:{match.group(2)}:{match.group(3)}: error: {match.group(4)}"
    timings["diagnostic"] = f"content/about.md:{match.group(2)}:{match.group(3)}"
    if not 1 <= line <= fence:
        raise CheckFailed(f"the error page names line {line} of {SOURCE}, outside its front matter "
                          f"(lines 1–{fence}): {shown}")
    title_line = next(n for n, text in enumerate(broken.split("\n"), start=1) if text.startswith("title:"))
    if line != title_line:
        notes.append(f"the error page names line {line}, not the broken title: line ({title_line}); "
                     f"the YAML parser reports where it gave up: {shown}")
    if heading == error_page.h1:
        raise CheckFailed(f"the error page has the page's own h1 {heading!r}. It showed: {error_page.describe()}")
    # The server prints the diagnostics right after it publishes the build; allow it a moment.
    if output.wait_for(re.compile(re.escape(shown)), 10) is None:
        raise CheckFailed(f"the error page's diagnostic is not a line the terminal printed: {shown}\n"
                          f"  The server printed (last lines):\n{output.tail()}")
    others = [d for d in re.findall(r"[^\s<>]+:\d+:\d+: error: [^\n<]*", html.unescape(error_page.source))
              if "content/about.md:" not in d]
    if others:
        notes.append(f"the error page also lists {len(others)} other error(s) that follow from the broken file: "
                     + "; ".join(others))
    status, body = fetch(page_url)
    if status != 500 or shown not in html.unescape(body):
        raise CheckFailed(f"a GET of {page_url} while the site has errors answered {status}, "
                          f"{'with' if shown in html.unescape(body) else 'without'} the diagnostic (want 500, with it)")
    links = re.findall(r'href="([^"]*\?last-good)"', body)
    if not links:
        raise CheckFailed(f"the error page has no link to the last good version (?last-good): {error_page.describe()}")
    status, last_good = fetch(urllib.parse.urljoin(page_url, html.unescape(links[0])))
    if status != 200 or renamed not in last_good or html.escape(heading, quote=False) not in last_good:
        raise CheckFailed(f"the last good version ({links[0]}) answered {status}, "
                          f"{'with' if renamed in last_good else 'without'} the last saved paragraph ({renamed}); "
                          "want 200 and the page as it was before the break")
    if screenshots:
        timings["screenshots"] = save_screenshots(driver, screenshots, "serve-error")

    # 4. Fixed: the page comes back by itself.
    write_in_place(about, original)
    _, timings["back"] = wait_for_page(
        driver, f"after restoring {SOURCE}, the page is back (h1 {heading!r}, no added paragraph)",
        lambda page: page.h1 == heading and in_place not in page.source and renamed not in page.source
        and not diagnostic.search(html.unescape(page.source)), output)
    status, _ = fetch(page_url)
    if status != 200:
        raise CheckFailed(f"a GET of {page_url} after the fix answered {status}, not 200")


def built_site_is_clean(dossier: str, root: str) -> tuple[int, list[str]]:
    """Builds the folder; the number of .html files and the problems (the script in any of them)."""
    output = os.path.join(root, "out")
    try:
        result = subprocess.run([dossier, "build", "--root", root, "--output", output, "--today", TODAY],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return 0, [f"dossier build did not finish within {BUILD_TIMEOUT}s"]
    if result.returncode != 0:
        text = result.stdout.decode("utf-8", errors="replace")
        return 0, [f"dossier build exited {result.returncode}:\n{text[-3000:]}"]
    pages = sc.site_files(output, (".html",))
    problems = []
    for relative in pages:
        text = sc.read_text(os.path.join(output, relative))
        for sign in PREVIEW_SIGNS:
            if sign in text:
                problems.append(f"the built {relative} contains {sign!r}: the preview's script leaked into the build")
    if not pages:
        problems.append(f"dossier build wrote no .html file into {output}")
    return len(pages), problems


def stop(server: subprocess.Popen, output: ServerOutput) -> tuple[list[str], float]:
    """SIGINT, as Ctrl-C sends: the problems (none when it exits 0 and says it stopped), and how
    long it took to exit."""
    if server.poll() is not None:
        return [f"the server had already exited ({server.returncode}) before SIGINT:\n{output.tail()}"], 0
    started = time.monotonic()
    server.send_signal(signal.SIGINT)
    try:
        status = server.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"the server was still running {STOP_TIMEOUT}s after SIGINT (the browser still had the page open):\n"
                f"{output.tail()}"], STOP_TIMEOUT
    output.thread.join(timeout=10)
    problems = []
    if status != 0:
        problems.append(f"after SIGINT the server exited {status}, not 0")
    if not re.search(r"(?m)^dossier: stopped$", output.text()):
        problems.append(f"after SIGINT the server did not print 'dossier: stopped':\n{output.tail()}")
    return problems, time.monotonic() - started


def main(argv: list[str]) -> int:
    browser, driver_path, missing = sc.browser_tools()
    if missing:
        sc.report_missing_tools("check_serve", missing)
    if sc.check_tools_only(argv):
        print(f"check_serve: tools found: {browser}, {driver_path}")
        return sc.EXIT_OK
    args, screenshots = [], None
    rest = argv[1:]
    while rest:
        a = rest.pop(0)
        if a == "--screenshots" and rest:
            screenshots = os.path.abspath(rest.pop(0))
        elif a.startswith("--"):
            sc.usage("check_serve.py", "DOSSIER_BINARY REPO_ROOT [--screenshots DIR]")
        else:
            args.append(a)
    if len(args) != 2:
        sc.usage("check_serve.py", "DOSSIER_BINARY REPO_ROOT [--screenshots DIR]")
    dossier, repository = os.path.abspath(args[0]), os.path.abspath(args[1])
    if not (os.path.isfile(dossier) and os.access(dossier, os.X_OK)):
        print(f"error: {args[0]!r} is not an executable (a built dossier)", file=sys.stderr)
        return sc.EXIT_USAGE
    if not os.path.isfile(os.path.join(repository, SOURCE)):
        print(f"error: {args[1]!r} has no {SOURCE}: it is not a Dossier site", file=sys.stderr)
        return sc.EXIT_USAGE
    timer = sc.Timer()

    root = tempfile.mkdtemp(prefix="dossier-check-serve-")
    server = None
    output = None
    driver = None
    failures: list[str] = []
    notes: list[str] = []
    timings: dict = {}
    pages, stopped_in = 0, 0.0
    try:
        for folder in ("content", "templates"):
            if os.path.isdir(os.path.join(repository, folder)):
                shutil.copytree(os.path.join(repository, folder), os.path.join(root, folder), symlinks=True)
        server = subprocess.Popen([dossier, "serve", "--root", root, "--port", "0", "--today", TODAY],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        output = ServerOutput(server.stdout)
        serving = output.wait_for(SERVING, START_TIMEOUT)
        if serving is None:
            state = f"it exited {server.poll()}" if server.poll() is not None else "it is still running"
            raise CheckFailed(f"dossier serve printed no 'Serving … at URL' line within {START_TIMEOUT}s ({state}):\n"
                              f"{output.tail()}")
        url = serving.group(2)
        if not url.endswith("/"):
            url += "/"
        about = os.path.join(root, SOURCE)
        original = sc.read_text(about)
        try:
            driver = sc.make_chromium_driver(browser, driver_path, width=1280, height=900)
            preview_steps(driver, url, about, output, screenshots, timings, notes)
        except CheckFailed as failure:
            failures.append(str(failure))
        except Exception as error:  # the browser failed, or a page did not load
            failures.append(f"{type(error).__name__}: {(str(error).splitlines() or [''])[0]}\n"
                            f"  The server printed (last lines):\n{output.tail()}")
        if sc.read_text(about) != original:  # a step failed with the file edited
            write_in_place(about, original)
        pages, problems = built_site_is_clean(dossier, root)
        failures += problems
        problems, stopped_in = stop(server, output)
        failures += problems
    except CheckFailed as failure:
        failures.append(str(failure))
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        if server is not None and server.poll() is None:
            server.kill()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)

    print(f"check_serve: dossier serve of a copy of {repository}'s site, {PAGE} open in headless Chromium (1280px)")
    for name in ("in place", "by rename", "error page", "back"):
        if name in timings:
            label = {"in place": "reloaded after a save in place", "by rename": "reloaded after a save by rename",
                     "error page": f"turned into the error page ({timings.get('diagnostic', '?')})",
                     "back": "came back after the fix"}[name]
            print(f"  {label}: {timings[name]:.1f}s")
    for path in timings.get("screenshots", []):
        print(f"  screenshot: {path}")
    for note in notes:
        print(f"  note: {note}")
    if failures:
        print(f"FAILED: {len(failures)} problem(s) in {timer}:")
        for failure in failures:
            print(f"  - {failure}")
        return sc.EXIT_FAILED
    print(f"PASSED: the open page reloaded by itself after saves in place ({timings['in place']:.1f}s) and by rename "
          f"({timings['by rename']:.1f}s), showed the error page naming {timings['diagnostic']} "
          f"({timings['error page']:.1f}s) and came back after the fix ({timings['back']:.1f}s); "
          f"none of the {pages} built .html files has the preview script; SIGINT stopped it "
          f"(exit 0, {stopped_in:.1f}s) ({timer})")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
