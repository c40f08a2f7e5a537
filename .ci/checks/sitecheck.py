"""Shared helpers for the site checks in this folder (Python 3 standard library only; the
browser helpers import selenium when they are called).

The checks take a built site folder (SITE_DIR) and the path the site is served under
(BASE_PATH, e.g. "/ict/": content/site.yaml's base_url without its origin).

Exit codes used by every check:
  0   passed
  1   the check found problems
  2   bad arguments or the site folder is missing
  77  a tool the check needs is missing (`--check-tools` prints which); the Swift test turns
      this into a skip on a developer machine and into a failure under CI=true
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import sys
import time
import urllib.parse
from html.parser import HTMLParser

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_MISSING_TOOL = 77

# A made-up origin that stands for "this site" when resolving relative links.
LOCAL_ORIGIN = "http://site.invalid"

# Attributes that hold one URL, by element (None: on any element).
URL_ATTRIBUTES = {
    "href": None,             # a, area, link, base, and SVG a/use/image (SVG 2)
    "xlink:href": None,       # SVG 1.1
    "src": None,              # img, script, iframe, audio, video, source, track, embed, input
    "poster": {"video"},
    "data": {"object"},
    "action": {"form"},
    "formaction": {"button", "input"},
    "cite": {"blockquote", "q", "del", "ins"},
    "longdesc": {"img"},
}



def _stop(signum, frame):
    # SIGTERM (a time limit, a cancelled test) unwinds like an exception, so `finally` blocks
    # stop the servers and browsers a check started.
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, _stop)

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def usage(script: str, arguments: str) -> None:
    print(f"usage: {script} {arguments}", file=sys.stderr)
    sys.exit(EXIT_USAGE)


def normalise_base_path(base: str) -> str:
    """'/ict' or 'ict/' or 'https://host/ict/' -> '/ict/'."""
    if "://" in base:
        base = urllib.parse.urlsplit(base).path
    base = "/" + base.strip("/")
    return base if base == "/" else base + "/"


def site_dir_argument(path: str) -> str:
    if not os.path.isdir(path):
        print(f"error: site folder {path!r} does not exist", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    return os.path.realpath(path)


def site_files(site_dir: str, suffixes: tuple[str, ...] | None = None) -> list[str]:
    """Every file under site_dir, relative, sorted; hidden files and folders are left out."""
    found = []
    for root, dirs, files in os.walk(site_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            if suffixes is None or name.endswith(suffixes):
                found.append(os.path.relpath(os.path.join(root, name), site_dir).replace(os.sep, "/"))
    return sorted(found)


def url_path_for_file(relative: str, base: str) -> str:
    """The URL path a file is served at: a/index.html -> BASE/a/, 404.html -> BASE/404.html."""
    if relative == "index.html":
        return base
    if relative.endswith("/index.html"):
        return base + relative[: -len("index.html")]
    return base + relative


def file_for_url_path(path: str, base: str) -> str | None:
    """The relative file a URL path maps to (None when it is outside the base path).

    Directory URLs map to their index.html; the file may or may not exist."""
    if not path.startswith(base):
        if path + "/" == base:
            return "index.html"
        return None
    relative = urllib.parse.unquote(path[len(base):])
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    # Refuse anything that would climb out of the site.
    parts = [p for p in relative.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None
    return "/".join(parts)


class Link:
    __slots__ = ("url", "tag", "attribute", "line", "rel")

    def __init__(self, url: str, tag: str, attribute: str, line: int, rel: str = ""):
        self.url, self.tag, self.attribute, self.line, self.rel = url, tag, attribute, line, rel

    def describe(self) -> str:
        if self.tag == "css":
            return f'url({self.url})'
        if self.attribute.endswith("url()"):
            return f'url({self.url}) in <{self.tag}>'
        if self.attribute == "text":
            return f'<{self.tag}>{self.url}</{self.tag}>'
        return f'<{self.tag} {self.attribute}="{self.url}">'


class PageParser(HTMLParser):
    """Collects the ids, the links (with line numbers) and the inline CSS of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, int] = {}
        self.duplicate_ids: list[tuple[str, int]] = []
        self.links: list[Link] = []
        self.base_href: str | None = None
        self.in_style = False
        self.style_text: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        if tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style_text.append((data, self.getpos()[0]))

    def _element(self, tag, attrs):
        line = self.getpos()[0]
        values = {}
        for name, value in attrs:
            values.setdefault(name, value)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            anchor = values.get(name)
            if anchor:
                if name == "id" and anchor in self.ids:
                    self.duplicate_ids.append((anchor, line))
                self.ids.setdefault(anchor, line)
        if tag == "base" and values.get("href"):
            self.base_href = values["href"]
            return
        rel = (values.get("rel") or "").lower()
        for name, value in values.items():
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                tags = URL_ATTRIBUTES[name]
                if tags is None or tag in tags:
                    self.links.append(Link(value.strip(), tag, name, line, rel))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append(Link(url, tag, name, line))
            elif name == "style":
                for url in css_urls(value):
                    self.links.append(Link(url, tag, "style url()", line))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url\s*=\s*['\"]?([^'\";]+)", values.get("content") or "", re.IGNORECASE)
            if match:
                self.links.append(Link(match.group(1).strip(), tag, "http-equiv=refresh", line))

    def css_links(self) -> list[Link]:
        links = []
        for text, line in self.style_text:
            for url in css_urls(text):
                links.append(Link(url, "style", "url()", line))
        return links


def parse_page(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


def css_urls(text: str) -> list[str]:
    """The URLs a stylesheet (or a style attribute) refers to: url(...) and @import."""
    text = CSS_COMMENT.sub("", text)
    urls = []
    for match in CSS_URL.finditer(text):
        urls.append(next(g for g in match.groups() if g is not None).strip())
    for match in CSS_IMPORT.finditer(text):
        urls.append(next(g for g in match.groups() if g is not None).strip())
    return urls


def is_checkable(url: str) -> bool:
    """False for links no check can follow here: other schemes, data: URIs, empty ones."""
    if not url:
        return False
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    return scheme in ("", "http", "https")


def read_text(path: str) -> str:
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8", errors="replace")


def find_executable(*names: str, extra_dirs: tuple[str, ...] = ()) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for folder in extra_dirs:
        for name in names:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    return None


def browser_tools() -> tuple[str | None, str | None, list[str]]:
    """Chromium and chromedriver for the checks that drive a real browser through Selenium, and
    the description of each that is missing (the Python module selenium too)."""
    missing = []
    browser = find_executable("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    driver = find_executable("chromedriver", extra_dirs=("/usr/lib/chromium", "/usr/lib/chromium-browser"))
    if browser is None:
        missing.append("chromium (Debian: chromium)")
    if driver is None:
        missing.append("chromedriver (Debian: chromium-driver)")
    if importlib.util.find_spec("selenium") is None:
        missing.append("the Python module selenium (pip install selenium)")
    return browser, driver, missing


def make_chromium_driver(browser: str, driver_path: str, page_timeout: float = 30, script_timeout: float = 60,
                         width: int = 1280, height: int = 900):
    """Headless Chromium through Selenium, `width` CSS pixels wide (at scale factor 1)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--force-device-scale-factor=1",
                     "--hide-scrollbars", "--lang=en-GB", f"--window-size={width},{height}"):
        options.add_argument(argument)
    service = Service(executable_path=driver_path)
    browser_driver = webdriver.Chrome(service=service, options=options)
    browser_driver.set_page_load_timeout(page_timeout)
    browser_driver.set_script_timeout(script_timeout)
    return browser_driver


def report_missing_tools(check: str, missing: list[str]) -> None:
    """Prints what is missing and exits 77."""
    print(f"{check}: MISSING TOOLS, the check cannot run:")
    for item in missing:
        print(f"  - {item}")
    print("  (bash .ci/run installs them; on Debian see the install lines in .ci/run)")
    sys.exit(EXIT_MISSING_TOOL)


def run(main, doc: str) -> None:
    """Runs a check script's main(argv) and exits with its status; -h/--help prints the script's doc."""
    if "--help" in sys.argv or "-h" in sys.argv:
        print(doc)
        sys.exit(0)
    sys.exit(main(sys.argv))


def check_tools_only(argv: list[str]) -> bool:
    return "--check-tools" in argv


class Timer:
    def __init__(self) -> None:
        self.start = time.monotonic()

    def __str__(self) -> str:
        return f"{time.monotonic() - self.start:.1f}s"
