#!/usr/bin/env python3
"""check_nginx.py SITE_DIR BASE_PATH [--port 18080]

Serves a built site with nginx, as a server would publish it, and crawls it from the home page.

- nginx runs on 127.0.0.1 only, from its own minimal configuration in a temporary folder
  (`nginx -c CONF -p PREFIX -e ERROR_LOG`, `daemon off`, in the background), with
  `location BASE_PATH { alias SITE_DIR/; }` and the site's 404.html as the error page; it is
  stopped at the end, whatever happens.
- The crawl starts at http://127.0.0.1:PORT/BASE_PATH and follows every internal link of every
  HTML page (href, src, srcset, url() in style) and every url() of every stylesheet. It is bounded:
  at most MAX_REQUESTS requests, REQUEST_TIMEOUT seconds each, CRAWL_DEADLINE in all.
- It fails on any answer but 200 (a 301/302 is followed once and reported: a link should name
  its target exactly), on a wrong Content-Type for .html/.css, and when an index.html in the
  output was not reached from the home page by links.
- Then every URL listed in sitemap.xml and the Atom feeds at the site's own origin is fetched
  (mapped to the local server) and must answer 200; and an address that does not exist must
  answer 404, not 200.
"""

from __future__ import annotations

import http.client
import os
import pwd
import grp
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections import Counter, deque

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402

MAX_REQUESTS = 3000
REQUEST_TIMEOUT = 10
CRAWL_DEADLINE = 180
STARTUP_TIMEOUT = 15

EXPECTED_TYPES = {".html": "text/html", ".css": "text/css", ".xml": ("application/xml", "text/xml",
                  "application/atom+xml", "application/rss+xml"), ".csv": ("text/csv", "text/plain",
                  "application/octet-stream")}

MINIMAL_TYPES = """
    types {
        text/html html htm;
        text/css css;
        text/xml xml;
        text/csv csv;
        application/atom+xml atom;
        image/svg+xml svg svgz;
        image/png png;
        image/jpeg jpeg jpg;
        image/gif gif;
        image/webp webp;
        image/x-icon ico;
        application/javascript js;
        application/json json;
        application/pdf pdf;
        text/plain txt;
        font/woff woff;
        font/woff2 woff2;
    }
"""


def tools() -> str:
    nginx = sc.find_executable("nginx", extra_dirs=("/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"))
    if nginx is None:
        sc.report_missing_tools("check_nginx", ["nginx (Debian: nginx)"])
    return nginx


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def choose_port(preferred: int) -> int:
    if port_is_free(preferred):
        return preferred
    for _ in range(50):
        candidate = random.randint(20000, 60000)
        if port_is_free(candidate):
            return candidate
    raise RuntimeError("no free port on 127.0.0.1")


def nginx_config(prefix: str, site: str, base: str, port: int) -> str:
    mime = "include /etc/nginx/mime.types;" if os.path.isfile("/etc/nginx/mime.types") else MINIMAL_TYPES
    user = ""
    if os.geteuid() == 0:
        # Workers of a root master drop to `nobody`, who may not read a private temp folder:
        # run them as the site's owner instead.
        stat = os.stat(site)
        user = f"user {pwd.getpwuid(stat.st_uid).pw_name} {grp.getgrgid(stat.st_gid).gr_name};"
    error_page = f"error_page 404 {base}404.html;" if os.path.isfile(os.path.join(site, "404.html")) else ""
    temp = os.path.join(prefix, "temp")
    base_without_slash = base.rstrip("/")
    redirect = f"location = {base_without_slash} {{ return 301 {base}; }}" if base_without_slash else ""
    return f"""# Written by .ci/checks/check_nginx.py for one test run.
worker_processes 1;
daemon off;
master_process on;
{user}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    {mime}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/xml application/atom+xml text/csv;
    access_log {prefix}/access.log;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    sendfile on;
    keepalive_timeout 15;
    absolute_redirect off;
    server_tokens off;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        {error_page}
        {redirect}
        location {base} {{
            alias {site}/;
            index index.html;
        }}
        location / {{
            return 404;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, binary: str, site: str, base: str, port: int):
        self.prefix = tempfile.mkdtemp(prefix="dossier-nginx-")
        os.makedirs(os.path.join(self.prefix, "temp"), exist_ok=True)
        self.conf = os.path.join(self.prefix, "nginx.conf")
        with open(self.conf, "w") as handle:
            handle.write(nginx_config(self.prefix, site, base, port))
        self.binary, self.port, self.process = binary, port, None

    def error_log(self) -> str:
        path = os.path.join(self.prefix, "error.log")
        return sc.read_text(path)[-3000:] if os.path.isfile(path) else ""

    def start(self) -> None:
        test = subprocess.run([self.binary, "-t", "-q", "-c", self.conf, "-p", self.prefix,
                               "-e", os.path.join(self.prefix, "error.log")], capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx rejected its configuration:\n{test.stderr}{self.error_log()}")
        self.process = subprocess.Popen([self.binary, "-c", self.conf, "-p", self.prefix,
                                         "-e", os.path.join(self.prefix, "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.process.returncode}:\n"
                                   f"{self.process.stderr.read().decode(errors='replace')}{self.error_log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"nginx did not listen on 127.0.0.1:{self.port} within {STARTUP_TIMEOUT}s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)  # graceful shutdown of this master and its workers
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Client:
    """One keep-alive HTTP/1.1 connection to 127.0.0.1:port, reopened when needed; counts requests."""

    def __init__(self, port: int):
        self.port, self.connection, self.requests = port, None, 0

    def get(self, path: str) -> tuple[int, dict, bytes]:
        if self.requests >= MAX_REQUESTS:
            raise RuntimeError(f"request budget of {MAX_REQUESTS} spent")
        self.requests += 1
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
            try:
                self.connection.request("GET", path, headers={"User-Agent": "dossier-site-check"})
                response = self.connection.getresponse()
                body = response.read()
                headers = {k.lower(): v for k, v in response.getheaders()}
                if headers.get("connection", "").lower() == "close":
                    self.close()
                return response.status, headers, body
            except (http.client.HTTPException, ConnectionError, socket.timeout):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def main(argv: list[str]) -> int:
    nginx_binary = tools()
    if sc.check_tools_only(argv):
        print(f"check_nginx: tools found: {nginx_binary}")
        return sc.EXIT_OK
    args, preferred_port, rest = [], 18080, argv[1:]
    while rest:
        a = rest.pop(0)
        if a == "--port" and rest:
            preferred_port = int(rest.pop(0))
        elif not a.startswith("--"):
            args.append(a)
    if len(args) != 2:
        sc.usage("check_nginx.py", "SITE_DIR BASE_PATH [--port 18080]")
    site = sc.site_dir_argument(args[0])
    base = sc.normalise_base_path(args[1])
    timer = sc.Timer()

    index_files = {f for f in sc.site_files(site) if f == "index.html" or f.endswith("/index.html")}
    if "index.html" not in index_files:
        print(f"check_nginx: FAILED: {site} has no index.html (home page)")
        return sc.EXIT_FAILED

    port = choose_port(preferred_port)
    server = Nginx(nginx_binary, site, base, port)
    problems: list[str] = []
    notes: list[str] = []
    statuses = Counter()
    reached: set[str] = set()
    site_origins: set[str] = set()
    feed_urls: list[tuple[str, str]] = []     # (where listed, URL path)
    client = Client(port)
    home = base

    try:
        server.start()
        queue = deque([(home, "(start)")])
        seen = {home}
        deadline = time.monotonic() + CRAWL_DEADLINE
        while queue:
            if time.monotonic() > deadline:
                problems.append(f"crawl stopped after {CRAWL_DEADLINE}s with {len(queue)} URL(s) left")
                break
            path, referrer = queue.popleft()
            try:
                status, headers, body = client.get(path)
            except RuntimeError as error:
                problems.append(f"crawl stopped: {error}, {len(queue)} URL(s) left")
                break
            except Exception as error:
                problems.append(f"{path} (linked from {referrer}): request failed: {type(error).__name__}: {error}")
                continue
            statuses[status] += 1
            if status in (301, 302, 303, 307, 308):
                location = urllib.parse.urljoin(path, headers.get("location", ""))
                notes.append(f"{path} (linked from {referrer}) redirects {status} to {location}")
                target = urllib.parse.urlsplit(location)
                if not target.netloc and target.path.startswith(base) and target.path not in seen:
                    seen.add(target.path)
                    queue.append((target.path, f"redirect from {path}"))
                continue
            if status != 200:
                problems.append(f"{path}: HTTP {status} (linked from {referrer})")
                continue
            content_type = headers.get("content-type", "").split(";")[0].strip().lower()
            relative = sc.file_for_url_path(urllib.parse.urlsplit(path).path, base)
            if relative:
                reached.add(relative)
                suffix = os.path.splitext(relative)[1]
                expected = EXPECTED_TYPES.get(suffix)
                if expected and content_type not in ((expected,) if isinstance(expected, str) else expected):
                    problems.append(f"{path}: Content-Type {content_type!r}, expected {expected}")

            links: list[sc.Link] = []
            if content_type == "text/html":
                parser = sc.parse_page(body.decode("utf-8", errors="replace"))
                links = parser.links + parser.css_links()
                against = urllib.parse.urljoin(path, parser.base_href) if parser.base_href else path
                for link in parser.links:
                    if link.tag == "link" and "canonical" in link.rel.split():
                        canonical = urllib.parse.urlsplit(link.url)
                        if canonical.netloc:
                            site_origins.add(f"{canonical.scheme}://{canonical.netloc}".lower())
            elif content_type == "text/css":
                links = [sc.Link(u, "css", "url()", 0) for u in sc.css_urls(body.decode("utf-8", "replace"))
                         if not u.startswith("#")]
                against = path
            elif content_type in ("text/xml", "application/xml", "application/atom+xml") and relative:
                try:
                    root = ElementTree.fromstring(body)
                    for element in root.iter():
                        name = element.tag.rsplit("}", 1)[-1]
                        url = (element.text or "").strip() if name == "loc" else element.get("href") if name == "link" else None
                        if url:
                            feed_urls.append((path, url))
                except ElementTree.ParseError as error:
                    problems.append(f"{path}: not well-formed XML: {error}")
            for link in links:
                if not sc.is_checkable(link.url):
                    continue
                resolved = urllib.parse.urlsplit(urllib.parse.urljoin("http://127.0.0.1:%d%s" % (port, against), link.url))
                origin = f"{resolved.scheme}://{resolved.netloc}".lower()
                if resolved.netloc != f"127.0.0.1:{port}" and origin not in site_origins:
                    continue  # another origin (external links): not crawled
                # Absolute links at the site's own origin (its canonical URLs) are crawled here too.
                target = resolved.path + (f"?{resolved.query}" if resolved.query else "")
                if not resolved.path.startswith(base):
                    problems.append(f"{path}: {link.describe()} leaves the base path {base}")
                    continue
                if target not in seen:
                    seen.add(target)
                    queue.append((target, path))

        crawl_requests = client.requests
        # URLs that the sitemap and the feeds list, at the site's own origin (or relative).
        sitemap = os.path.join(site, "sitemap.xml")
        if os.path.isfile(sitemap) and sc.file_for_url_path(base + "sitemap.xml", base) not in reached:
            status, headers, body = client.get(base + "sitemap.xml")
            if status == 200:
                root = ElementTree.fromstring(body)
                feed_urls += [(base + "sitemap.xml", (e.text or "").strip()) for e in root.iter()
                              if e.tag.rsplit("}", 1)[-1] == "loc"]
            else:
                problems.append(f"{base}sitemap.xml: HTTP {status}")
        listed_checked = 0
        for listed_in, url in feed_urls:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(listed_in, url))
            origin = f"{parts.scheme}://{parts.netloc}".lower()
            if parts.netloc and origin not in site_origins:
                continue
            if not parts.path.startswith(base) or parts.path in seen:
                continue
            seen.add(parts.path)
            listed_checked += 1
            status, _, _ = client.get(parts.path)
            if status != 200:
                problems.append(f"{parts.path}: HTTP {status} (listed in {listed_in} as {url})")
        # An address that does not exist must be a 404 (with the site's page), not a soft 404.
        missing_path = f"{base}no-such-page-{random.randint(100000, 999999)}/"
        status, headers, body = client.get(missing_path)
        if status != 404:
            problems.append(f"{missing_path}: a page that does not exist answered HTTP {status}, not 404")
        else:
            custom = os.path.isfile(os.path.join(site, "404.html")) and body == open(os.path.join(site, "404.html"), "rb").read()
            notes.append(f"a missing page answers 404{' with the site’s 404.html' if custom else ''}")
    except RuntimeError as error:
        problems.append(str(error))
        crawl_requests = client.requests
        listed_checked = 0
    finally:
        client.close()
        server.stop()

    unreached = sorted(index_files - reached)
    for relative in unreached:
        problems.append(f"{sc.url_path_for_file(relative, base)} ({relative}) is never reached by links from the home page")

    print(f"check_nginx: nginx on http://127.0.0.1:{port}{base} serving {site} (config and logs: {server.prefix}, kept only on failure)")
    print(f"  crawl from {base}: {crawl_requests} request(s); statuses "
          + ", ".join(f"{k}×{v}" for k, v in sorted(statuses.items())))
    print(f"  reached {len(index_files) - len(unreached)} of {len(index_files)} index.html page(s), "
          f"{len(reached)} file(s) in all")
    print(f"  sitemap and feeds list {len(feed_urls)} URL(s); {listed_checked} of them not linked from pages, fetched too")
    for note in notes:
        print(f"  note: {note}")
    if problems:
        print(f"FAILED: {len(problems)} problem(s) in {timer}:")
        for problem in problems:
            print(f"  {problem}")
        log = server.error_log().strip()
        if log:
            print("  nginx error.log (end):")
            print("    " + log.replace("\n", "\n    "))
        return sc.EXIT_FAILED
    shutil.rmtree(server.prefix, ignore_errors=True)
    print(f"PASSED: every page reached from the home page, no 404 ({timer})")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
