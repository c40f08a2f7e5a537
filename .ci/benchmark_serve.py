#!/usr/bin/env python3
"""Benchmark `dossier serve` (issue 10): from a file's save to the new bytes being served.

Usage:
    python3 .ci/benchmark_serve.py [--pages N ...] [--runs R] [--starts S]
                                   [--dossier PATH] [--corpus-dir DIR] [--skip-hugo]
                                   [--tmpdir DIR] [--keep] [--keep-alive] [--timeout SECONDS]

For each N (default 1000 and 10000) this generates the synthetic corpus of
.ci/benchmark.py (imported, not copied: the same pages, the same equivalent
Hugo site) in a folder on disk, or reuses one given with --corpus-dir (a folder
holding dossier-site/ and hugo-site/ as benchmark.py lays them out). Then:

  first start  S times, interleaved: `dossier serve --port 0` from process
               start to its `Serving ... at` line, then SIGINT; and `dossier
               build` of the same site into a fresh folder (wall time). The
               serve's own first `built in N ms` (a full build in memory) is
               kept too: it is the "one full render" of the template target.
  edits        one `dossier serve`, one `hugo server --disableFastRender` (full
               renders) and one `hugo server` (its default fast render mode;
               on its own copy of the Hugo site, so that each server sees only
               its own edits) run side by side. R rounds; in each, every kind
               of edit is made on every server in turn (the order rotates from
               round to round), each round on a different page:
                 body      a sentence appended to the page's Markdown body
                 title     the page's title changed; the section list page that
                           lists the page is checked as well as the page
                 template  an attribute added to <article> in Dossier's
                           templates/page.mustache and Hugo's
                           layouts/_default/single.html
               Before an edit the affected URLs are fetched once (a browser
               showing them; it puts them in Hugo's fast-render "visited" set).
               The clock starts just before the file is written; the served
               URLs are then fetched in a tight loop (about 2 ms apart), each
               GET on a new connection (--keep-alive: all over one), until
               each body holds the new text: that interval is the latency. What
               the server printed (`built in N ms`, Hugo's `Total in N ms`) is
               recorded beside it. A URL still old 3 s after the server printed
               that its rebuild was done (or after --timeout) is reported STALE.
  round trip   the median time of a GET of a page over one kept-alive
               connection and on new connections, per server: a server that
               is slow on one or the other makes polling that way coarse.
  memory       VmHWM (peak RSS) and VmRSS of each server from /proc/PID/status,
               after all the edits.

The corpus has no templates/ folder, so Dossier's built-in templates (the repo's
templates/) are copied into it before anything runs, so that page.mustache can
be edited; a copy made in a --corpus-dir is removed at the end. Every file edited
is put back as it was once the servers are stopped.

Targets (issue 10), set at N = 10000 and checked at every N:
    body edit, Dossier median latency          <= 50 ms
    title edit (page and list), median         <= 250 ms
    template edit, median                      <= one full render (the serve's
                                                  first in-memory build)
    first start (to `Serving`), median         <= `dossier build`, median
Memory and the Hugo ratios are reported, not judged.

Dossier waits for 100 ms without a change before it rebuilds (the watcher's
debounce), so every latency here includes those 100 ms; `built in` does not.

Everything listens on 127.0.0.1 only. Every wait has a timeout and every
process started is stopped at the end: SIGINT, then SIGKILL 10 s later (the
report says how often SIGINT was enough). The machine's
load average is printed: other work inflates wall times.

Exit status: 0 if every target checked passed, 1 if something failed to run,
2 if everything ran but a target failed.
"""

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark  # noqa: E402  (the corpus generator: generate_synthetic, page_path)

REPO = benchmark.REPO
DEFAULT_WORK_PARENT = benchmark.DEFAULT_WORK_PARENT  # .build-bench/, ignored by git
DEFAULT_SIZES = (1000, 10000)
TARGET_SIZE = 10000
TODAY = "2026-11-21"
EDIT_KINDS = ("body", "title", "template")
EDIT_SEED = 10

TARGET_BODY_MS = 50
TARGET_TITLE_MS = 250

POLL_INTERVAL = 0.002  # between rounds of GETs
STALE_GRACE = 3.0      # seconds after the rebuild was printed before a URL counts as stale
STOP_GRACE = 10.0      # seconds a server has to exit after SIGINT before SIGKILL
QUIET = 0.3            # no output for this long after a rebuild line: the server is idle

DOSSIER_READY = re.compile(r"^Serving .* at (http://\S+) \(Ctrl-C to stop\)")
DOSSIER_BUILT = re.compile(r"dossier: built in (\d+) ms: (\d+) files? made")
DOSSIER_FAILED = re.compile(r"dossier: \d+ errors?; still serving")
HUGO_READY = re.compile(r"Web Server is available at (http://\S+)")
HUGO_BUILT = re.compile(r"^Built in (\d+) ms")
HUGO_TOTAL = re.compile(r"^Total in (\d+) ms")


class BenchError(Exception):
    """Something did not run as it must: the figures can't be trusted."""


def say(line=""):
    print(line, flush=True)


# --------------------------------------------------------------------------
# Servers

class Server:
    """A server process whose output (stdout and stderr) is read by a thread
    into timestamped lines, and which is always stopped in the end."""

    running = []  # every Server started and not yet stopped
    stops = []    # (program, stopped by SIGINT?, seconds it took)

    def __init__(self, name, cmd, log_path, ready, rebuilt):
        self.name, self.cmd, self.ready, self.rebuilt = name, cmd, ready, rebuilt
        self.lines = []  # (perf_counter, text)
        self.changed = threading.Condition()
        self.log = open(log_path, "w")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([str(c) for c in cmd], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     text=True, bufsize=1)
        Server.running.append(self)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.url = self.port = self.base = None
        self.ready_at = None

    def _read(self):
        for line in self.proc.stdout:
            now = time.perf_counter()
            line = line.rstrip("\n")
            self.log.write(line + "\n")
            with self.changed:
                self.lines.append((now, line))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, pattern, since, timeout):
        """The first line from index `since` on matching `pattern`:
        (index, time, match). Raises BenchError after `timeout` s or on exit."""
        deadline = time.perf_counter() + timeout
        i = since
        with self.changed:
            while True:
                while i < len(self.lines):
                    match = pattern.search(self.lines[i][1])
                    if match:
                        return i, self.lines[i][0], match
                    i += 1
                left = deadline - time.perf_counter()
                if self.proc.poll() is not None and not self.reader.is_alive():
                    raise BenchError(f"{self.name} exited (status {self.proc.returncode}) "
                                     f"while waiting for /{pattern.pattern}/:\n{self.tail()}")
                if left <= 0:
                    raise BenchError(f"{self.name}: no /{pattern.pattern}/ within {timeout:g} s:"
                                     f"\n{self.tail()}")
                self.changed.wait(min(left, 0.5))

    def wait_quiet(self, quiet, timeout):
        """Waits until no line has come for `quiet` s (at most `timeout` s)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.changed:
                last = self.lines[-1][0] if self.lines else self.started
            if time.perf_counter() - last >= quiet:
                return
            time.sleep(quiet / 3)

    def count(self):
        with self.changed:
            return len(self.lines)

    def lines_since(self, i):
        with self.changed:
            return self.lines[i:]

    def tail(self, n=15):
        with self.changed:
            return "\n".join("    " + line for _, line in self.lines[-n:])

    def start(self, timeout):
        """Waits for the ready line; sets url, port, base path and ready_at."""
        _, t, match = self.wait_for(self.ready, 0, timeout)
        self.ready_at = t
        url = urlparse(match.group(1))
        self.port = url.port
        self.base = url.path or "/"
        self.url = match.group(1)
        return t - self.started

    def memory(self):
        """VmHWM and VmRSS in KiB, from /proc/PID/status."""
        fields = {}
        try:
            with open(f"/proc/{self.proc.pid}/status") as status:
                for line in status:
                    key, _, value = line.partition(":")
                    if key in ("VmHWM", "VmRSS"):
                        fields[key] = int(value.split()[0])
        except OSError:
            pass
        return fields.get("VmHWM"), fields.get("VmRSS")

    def stop(self):
        """SIGINT, then SIGKILL after STOP_GRACE s; notes in Server.stops which it took."""
        if self.proc.poll() is None:
            started = time.perf_counter()
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=STOP_GRACE)
                Server.stops.append((self.name.split(" (")[0], True, time.perf_counter() - started))
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
                Server.stops.append((self.name.split(" (")[0], False, None))
        self.reader.join(timeout=5)
        self.log.close()
        if self in Server.running:
            Server.running.remove(self)

    @classmethod
    def stop_all(cls):
        for server in list(cls.running):
            try:
                server.stop()
            except Exception as error:  # keep stopping the others
                print(f"warning: stopping {server.name}: {error}", file=sys.stderr)


def start_dossier(dossier, site, logs, label):
    cmd = [dossier, "serve", "--root", site, "--port", "0", "--today", TODAY]
    return Server(f"dossier serve ({label})", cmd, logs / f"{label}.log", DOSSIER_READY, DOSSIER_BUILT)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_hugo(hugo, site, logs, fast, no_lock):
    label = "hugo-fast" if fast else "hugo-full"
    cmd = [hugo, "server", "-s", site, "--bind", "127.0.0.1", "--port", free_port(),
           "--disableLiveReload"]
    if not fast:
        cmd.append("--disableFastRender")
    if no_lock:
        cmd.append("--noBuildLock")
    return Server(f"hugo server ({'fast render' if fast else 'full render'})", cmd,
                  logs / f"{label}.log", HUGO_READY, HUGO_TOTAL)


# --------------------------------------------------------------------------
# HTTP

class Client:
    """GETs on loopback: each on a new connection, or (keep_alive) all over one
    kept-alive connection, reconnecting on errors."""

    def __init__(self, port, keep_alive=False):
        self.port = port
        self.keep_alive = keep_alive
        self.conn = None
        self.requests = 0

    def get(self, path):
        """(status, body text); status 0 when the request failed."""
        for _ in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                headers = {"Host": f"127.0.0.1:{self.port}"}
                if not self.keep_alive:
                    headers["Connection"] = "close"
                self.conn.request("GET", path, headers=headers)
                response = self.conn.getresponse()
                body = response.read().decode("utf-8", "replace")
                self.requests += 1
                if not self.keep_alive or response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, body
            except (OSError, http.client.HTTPException):
                self.close()
        return 0, ""

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def poll_until(client, server, paths, token, start, since, timeout):
    """GETs `paths` in a tight loop until each body holds `token`. Returns
    {path: seconds from `start`, or None when still old (stale)}."""
    seen = {}
    deadline = start + timeout
    while True:
        for path in paths:
            if path not in seen:
                status, body = client.get(path)
                if status == 200 and token in body:
                    seen[path] = time.perf_counter() - start
        if len(seen) == len(paths):
            break
        now = time.perf_counter()
        if now > deadline:
            break
        rebuilt = [t for t, line in server.lines_since(since) if server.rebuilt.search(line)]
        if rebuilt and now - rebuilt[-1] > STALE_GRACE:
            break
        time.sleep(POLL_INTERVAL)
    return {path: seen.get(path) for path in paths}


def round_trips(port, path, count=30):
    """Median GET time of `path` in ms: (over one kept-alive connection, each on
    a new connection)."""
    result = []
    for keep_alive in (True, False):
        client, times = Client(port, keep_alive), []
        for _ in range(count):
            started = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - started)
        client.close()
        result.append(statistics.median(times) * 1000)
    return tuple(result)


def find_list_page(client, base, section, page_href, max_pages):
    """The path of the section list page (sectionK/, sectionK/page/M/) linking to
    page_href, searched page by page (not timed)."""
    for number in range(1, max_pages + 1):
        path = f"{base}{section}/" if number == 1 else f"{base}{section}/page/{number}/"
        status, body = client.get(path)
        if status != 200:
            break
        if f'href="{page_href}"' in body:
            return path
    raise BenchError(f"no list page of {section} links to {page_href}")


# --------------------------------------------------------------------------
# Corpus and edits

class Site:
    """One server's site: where its files are and how its URLs look."""

    def __init__(self, name, root, template, server, keep_alive):
        self.name, self.root, self.template, self.server = name, Path(root), Path(template), server
        self.client = Client(server.port, keep_alive)
        self.originals = {}  # path -> text before the first edit

    def source(self, i):
        return self.root / "content" / f"{benchmark.page_path(i)}.md"

    def page_url(self, i):
        return f"{self.server.base}{benchmark.page_path(i)}/"

    def list_url(self, i, n):
        section = benchmark.page_path(i).split("/")[0]
        return find_list_page(self.client, self.server.base, section, self.page_url(i),
                              max_pages=n // benchmark.SECTIONS + 2)

    def rewrite(self, path, change):
        """(old text, new text) for the file; the original is remembered once."""
        current = path.read_text()
        self.originals.setdefault(path, current)
        base = self.originals[path] if path == self.template else current
        return change(base)

    def restore(self):
        for path, text in self.originals.items():
            path.write_text(text)


def body_edit(token):
    return lambda text: text.rstrip("\n") + f"\n\nServed edit {token}.\n"


def title_edit(token):
    def change(text):
        new, count = re.subn(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {token}",
                             text, count=1, flags=re.M)
        if not count:
            raise BenchError("no title: line to edit")
        return new
    return change


def template_edit(token):
    def change(text):
        if "<article>" not in text:
            raise BenchError("the template has no <article> to edit")
        return text.replace("<article>", f'<article data-bench="{token}">', 1)
    return change


def count_pages(site):
    return sum(1 for p in (Path(site) / "content").rglob("*.md") if p.name != "_index.md")


def prepare_corpus(n, args, work):
    """Returns (folder holding dossier-site/ and hugo-site/, N, copied templates
    folder or None). Generates the corpus unless --corpus-dir is given."""
    if args.corpus_dir:
        folder = Path(args.corpus_dir).resolve()
        if not (folder / "dossier-site" / "content").is_dir():
            raise BenchError(f"--corpus-dir {folder}: no dossier-site/content in it")
        n = count_pages(folder / "dossier-site")
        say(f"\nReusing the corpus in {folder}: {n} pages")
    else:
        folder = work / f"synthetic-n{n}"
        say(f"\nGenerating the synthetic corpus, {n} pages, in {folder}...")
        started = time.perf_counter()
        folder.mkdir()
        benchmark.generate_synthetic(n, folder, charts=False, hugo=True)
        say(f"  done in {time.perf_counter() - started:.1f} s")
    templates = folder / "dossier-site" / "templates"
    copied = None
    if not templates.exists():
        shutil.copytree(REPO / "templates", templates)
        copied = templates
        say(f"  copied the built-in templates from {REPO / 'templates'} into the corpus")
    return folder, n, copied


# --------------------------------------------------------------------------
# Steps

def measure_first_start(dossier, site, work, logs, starts, timeout):
    """Interleaves `dossier serve` (to its Serving line) and `dossier build`.
    Returns {"serve": [s], "serve_built": [s], "build": [s], "stages": text}."""
    result = {"serve": [], "serve_built": [], "build": [], "stages": ""}
    for k in range(starts):
        server = start_dossier(dossier, site, logs, f"first-start-{k + 1}")
        try:
            result["serve"].append(server.start(timeout))
            _, _, built = server.wait_for(DOSSIER_BUILT, 0, 1)
            result["serve_built"].append(int(built.group(1)) / 1000)
        finally:
            server.stop()
        out = work / "build-out"
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        done = subprocess.run([dossier, "build", "--root", site, "--output", out, "--today", TODAY,
                               "--verbose"], capture_output=True, text=True, timeout=timeout)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise BenchError(f"dossier build failed:\n{done.stdout}{done.stderr}")
        result["build"].append(elapsed)
        result["stages"] = (done.stdout + done.stderr).strip()
        shutil.rmtree(out, ignore_errors=True)
        say(f"  start {k + 1}: serve {result['serve'][-1] * 1000:.0f} ms "
            f"(its build {result['serve_built'][-1] * 1000:.0f} ms), "
            f"build {elapsed * 1000:.0f} ms")
    return result


def edit_once(site, kind, i, n, token, timeout):
    """One edit on one site: returns a record with the latencies per URL and what
    the server printed."""
    server = site.server
    if kind == "template":
        path, change = site.template, template_edit(token)
    else:
        path, change = site.source(i), (body_edit if kind == "body" else title_edit)(token)
    urls = [site.page_url(i)]
    if kind == "title":
        urls.append(site.list_url(i, n))
    for url in urls:  # the browser shows them; the token isn't there yet
        status, body = site.client.get(url)
        if status != 200 or token in body:
            raise BenchError(f"{site.name}: GET {url} before the edit: status {status}")
    new = site.rewrite(path, change)
    server.wait_quiet(QUIET, 5)
    since = server.count()
    start = time.perf_counter()
    path.write_text(new)
    seen = poll_until(site.client, server, urls, token, start, since, timeout)
    # Wait for the rebuild to be over before the next edit.
    try:
        server.wait_for(server.rebuilt, since, timeout)
    except BenchError as error:
        say(f"  warning: {error}")
    server.wait_quiet(QUIET, timeout)
    printed, made, line_at = [], [], None
    for t, line in server.lines_since(since):
        match = server.rebuilt.search(line)
        if match:
            printed.append(int(match.group(1)) / 1000)
            line_at = t - start if line_at is None else line_at
            if match.re is DOSSIER_BUILT:
                made.append(int(match.group(2)))
        if DOSSIER_FAILED.search(line) or "ERROR" in line:
            say(f"  {site.name}: {line}")
    return {"urls": urls, "seen": seen, "printed": printed, "made": made, "line_at": line_at}


def run_edits(sites, n, runs, timeout):
    """R rounds of every edit on every site; returns {(site, kind): [records]}."""
    rng = random.Random(EDIT_SEED)
    chosen = rng.sample(range(n), len(EDIT_KINDS) * runs)
    pages = {kind: chosen[k * runs:(k + 1) * runs] for k, kind in enumerate(EDIT_KINDS)}
    nonce = "".join(random.choice(string.ascii_lowercase) for _ in range(5))
    records = {}
    for r in range(runs):
        order = sites[r % len(sites):] + sites[:r % len(sites)]
        for kind in EDIT_KINDS:
            i = pages[kind][r]
            for site in order:
                token = f"Zq{kind}{r}{nonce}"
                record = edit_once(site, kind, i, n, token, timeout)
                records.setdefault((site.name, kind), []).append(record)
                shown = ", ".join(f"{url} {'STALE' if t is None else f'{t * 1000:.0f} ms'}"
                                  for url, t in record["seen"].items())
                printed = ", ".join(f"{p * 1000:.0f}" for p in record["printed"]) or "-"
                made = f", files made {'+'.join(map(str, record['made']))}" if record["made"] else ""
                say(f"  round {r + 1} {kind:8} {site.name:9} {shown}  (printed {printed} ms at "
                    f"{ms(record['line_at'])} ms{made})")
    return records


# --------------------------------------------------------------------------
# Report

def ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.0f}"


def summary(values):
    """'median [min-max]' in ms of the values seen; a stale count if any is None."""
    seen = [v for v in values if v is not None]
    if not seen:
        return "never shown", None
    text = f"{ms(statistics.median(seen))} [{ms(min(seen))}-{ms(max(seen))}]"
    stale = len(values) - len(seen)
    if stale:
        text += f" STALE {stale}/{len(values)}"
    return text, (statistics.median(seen) if not stale else None)


def latencies(records, which):
    """Per record: the latency of the page ("page"), of the list ("list"), or of
    both (the later of the two, None if either is stale)."""
    values = []
    for record in records:
        times = list(record["seen"].values())
        if which == "page":
            values.append(times[0])
        elif which == "list":
            values.append(times[1] if len(times) > 1 else None)
        else:
            values.append(None if None in times else max(times))
    return values


def printed_median(records):
    first = [r["printed"][0] for r in records if r["printed"]]
    return statistics.median(first) if first else None


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def report(n, runs, first, records, site_names, memory, hugo_starts, trips, load, keep_alive):
    cores = os.cpu_count()
    say(f"\n=== dossier serve, synthetic corpus, N = {n}, R = {runs}; {cores} cores shared with "
        f"other work, load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end ===")
    serve, build = statistics.median(first["serve"]), statistics.median(first["build"])
    full = statistics.median(first["serve_built"])
    say(f"\nFirst start, ms: median of {len(first['serve'])} [min-max], interleaved")
    say(f"  dossier serve, start to 'Serving'  {ms(serve):>6} [{ms(min(first['serve']))}-"
        f"{ms(max(first['serve']))}]   its in-memory full build, printed: {ms(full)} "
        f"[{ms(min(first['serve_built']))}-{ms(max(first['serve_built']))}]")
    say(f"  dossier build --verbose, to disk   {ms(build):>6} [{ms(min(first['build']))}-"
        f"{ms(max(first['build']))}]   serve / build = {serve / build:.2f}")
    for name, seconds in hugo_starts.items():
        say(f"  {'hugo server (' + name[5:] + '), to ready':34} {ms(seconds):>6}   (one start)")

    width, others = 27, [name for name in site_names if name != "dossier"]
    say(f"\nEdits: save to new bytes served, ms: median [min-max] of {runs}; "
        f"polling GETs {'over one kept-alive connection' if keep_alive else 'each on a new connection'}")
    say(f"  {'':16}" + "".join(f"{name:>{width}}" for name in site_names)
        + "".join(f"{name + ' / dossier':>21}" for name in others))
    medians = {}
    rows = [("body", "body", "page"), ("title: page", "title", "page"),
            ("title: list", "title", "list"), ("title: both", "title", "both"),
            ("template", "template", "page")]
    for label, kind, which in rows:
        line = f"  {label:16}"
        for name in site_names:
            text, median = summary(latencies(records[(name, kind)], which))
            medians[(name, label)] = median
            line += f"{text:>{width}}"
        line += "".join(f"{ratio(medians[(name, label)], medians[('dossier', label)]):>21}"
                        for name in others)
        say(line)
    say("  what the servers printed (`built in`, Hugo's `Total in`), median ms; "
        "[when the line came, after the save]")
    for kind in EDIT_KINDS:
        line = f"  {'printed: ' + kind:16}"
        for name in site_names:
            rs = records[(name, kind)]
            at = [r["line_at"] for r in rs if r["line_at"] is not None]
            text = f"{ms(printed_median(rs))} [at {ms(statistics.median(at)) if at else '-'}]"
            line += f"{text:>{width}}"
        line += "".join(f"{ratio(printed_median(records[(name, kind)]), printed_median(records[('dossier', kind)])):>21}"
                        for name in others)
        say(line)
    say("  files dossier made again, median: " + ", ".join(
        f"{kind} {statistics.median([sum(r['made']) for r in records[('dossier', kind)]]):.0f}"
        for kind in EDIT_KINDS))
    say("  GET of a page, median ms, kept-alive connection / new connection: " + ", ".join(
        f"{name} {a:.1f} / {b:.1f}" for name, (a, b) in trips.items()))

    say("\nMemory after all the edits, MiB: VmHWM (peak RSS) / VmRSS")
    for name, (peak, rss) in memory.items():
        say(f"  {name:10} {(peak or 0) / 1024:8.1f} / {(rss or 0) / 1024:8.1f}")

    at = "" if n == TARGET_SIZE else f" (set at N = {TARGET_SIZE})"
    say(f"\nTargets{at}")
    checks = [
        ("body edit, median", medians[("dossier", "body")], TARGET_BODY_MS / 1000,
         f"<= {TARGET_BODY_MS} ms"),
        ("title edit (page+list), median", medians[("dossier", "title: both")],
         TARGET_TITLE_MS / 1000, f"<= {TARGET_TITLE_MS} ms"),
        ("template edit, median", medians[("dossier", "template")], full,
         f"<= a full render, {ms(full)} ms"),
        ("first start, median", serve, build, f"<= dossier build, {ms(build)} ms"),
    ]
    verdicts = []
    for name, value, limit, text in checks:
        ok = value is not None and value <= limit
        verdicts.append(ok)
        say(f"  {name:31} {ms(value):>6} ms  target {text:28} {'PASS' if ok else 'FAIL'}")
    programs = sorted({program for program, _, _ in Server.stops})
    if programs:
        say("\nStopping the servers with SIGINT: " + "; ".join(
            f"{program} stopped {sum(1 for p, ok, _ in Server.stops if p == program and ok)} of "
            f"{sum(1 for p, _, _ in Server.stops if p == program)} times"
            f" (the rest killed {STOP_GRACE:g} s later)" for program in programs))
        Server.stops.clear()
    if first["stages"]:
        say("\nStages of the last `dossier build --verbose`:")
        say("\n".join("  " + line for line in first["stages"].splitlines()))
    return verdicts


# --------------------------------------------------------------------------

def run_size(n, args, work, hugo, no_lock):
    """One corpus: the first starts, then the edits on all servers, then memory."""
    load = os.getloadavg()[0]
    folder, n, copied = prepare_corpus(n, args, work)
    logs = work / f"logs-n{n}"
    logs.mkdir(exist_ok=True)
    dossier_site = folder / "dossier-site"
    sites = []
    try:
        say(f"First start, {args.starts} times, interleaved with dossier build:")
        first = measure_first_start(args.dossier, dossier_site, work, logs, args.starts, args.timeout)

        say("Starting the servers for the edits...")
        hugo_starts = {}
        server = start_dossier(args.dossier, dossier_site, logs, "serve")
        server.start(args.timeout)
        sites.append(Site("dossier", dossier_site, dossier_site / "templates" / "page.mustache", server,
                          args.keep_alive))
        if hugo:
            fast_copy = work / f"hugo-site-fast-n{n}"
            shutil.rmtree(fast_copy, ignore_errors=True)
            shutil.copytree(folder / "hugo-site", fast_copy,
                            ignore=shutil.ignore_patterns("public", "resources", ".hugo_build.lock"))
            for name, root, fast in (("hugo-full", folder / "hugo-site", False),
                                     ("hugo-fast", fast_copy, True)):
                server = start_hugo(hugo, root, logs, fast, no_lock)
                hugo_starts[name] = server.start(args.timeout)
                sites.append(Site(name, root, root / "layouts" / "_default" / "single.html", server,
                                  args.keep_alive))
        for site in sites:
            say(f"  {site.name:9} pid {site.server.proc.pid} at {site.server.url}")

        trips = {site.name: round_trips(site.server.port, site.page_url(0)) for site in sites}
        say(f"Edits, {args.runs} rounds:")
        records = run_edits(sites, n, args.runs, args.timeout)
        memory = {site.name: site.server.memory() for site in sites}
    finally:
        for site in sites:
            site.client.close()
        Server.stop_all()
        for site in sites:
            site.restore()
        if copied is not None and args.corpus_dir:
            shutil.rmtree(copied, ignore_errors=True)
    verdicts = report(n, args.runs, first, records, [s.name for s in sites], memory,
                      hugo_starts, trips, load, args.keep_alive)
    if not args.corpus_dir and not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return verdicts


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.split("\n")[2:]))
    parser.add_argument("--pages", type=int, nargs="+", action="extend", metavar="N",
                        help=f"corpus sizes (default {' '.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--runs", type=int, default=7,
                        help="rounds of edits, each on other pages (default 7)")
    parser.add_argument("--starts", type=int, default=3,
                        help="first starts and builds, interleaved (default 3)")
    parser.add_argument("--dossier", metavar="PATH", default="/tmp/dossier-main-release",
                        help="the Dossier binary (default /tmp/dossier-main-release)")
    parser.add_argument("--corpus-dir", metavar="DIR",
                        help="reuse this corpus (dossier-site/ and hugo-site/ inside) instead "
                             "of generating one; N is counted from it")
    parser.add_argument("--skip-hugo", action="store_true", help="Dossier only")
    parser.add_argument("--tmpdir", metavar="DIR",
                        help=f"where to make the work folder (default {DEFAULT_WORK_PARENT})")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work folder (generated corpora, server logs)")
    parser.add_argument("--keep-alive", action="store_true",
                        help="poll over one kept-alive connection per server (default: a new "
                             "connection for every GET)")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds any one wait may take (default 120)")
    args = parser.parse_args()
    if args.corpus_dir and args.pages:
        parser.error("--corpus-dir gives the corpus (and its N); leave out --pages")
    sizes = [0] if args.corpus_dir else (args.pages or list(DEFAULT_SIZES))
    if args.runs < 1 or args.starts < 1 or (not args.corpus_dir and min(sizes) < 1):
        parser.error("--runs, --starts and --pages must be at least 1")
    args.dossier = Path(args.dossier).resolve()
    if not (args.dossier.is_file() and os.access(args.dossier, os.X_OK)):
        parser.error(f"--dossier {args.dossier}: not an executable file")
    hugo = None if args.skip_hugo else shutil.which("hugo")
    if not args.skip_hugo and hugo is None:
        say("NOTE: hugo not found; its columns are skipped")
    no_lock = bool(hugo) and "--noBuildLock" in subprocess.run(
        [hugo, "server", "--help"], capture_output=True, text=True).stdout

    # A TERM stops the run like Ctrl-C: through the finally blocks that stop the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parent = Path(args.tmpdir) if args.tmpdir else DEFAULT_WORK_PARENT
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="dossier-serve-bench-", dir=parent))
    say(f"Working in {work} ({benchmark.filesystem_of(work)}); dossier {args.dossier} "
        f"({benchmark.version_of([args.dossier, '--version'])})"
        + (f"; {benchmark.version_of([hugo, 'version'])}" if hugo else ""))
    say(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}: other work on this "
        "machine inflates wall times")
    verdicts = []
    try:
        for n in sizes:
            if args.corpus_dir and hugo and not (Path(args.corpus_dir) / "hugo-site").is_dir():
                say("NOTE: no hugo-site in --corpus-dir; Hugo skipped")
                hugo = None
            verdicts += run_size(n, args, work, hugo, no_lock)
    except BenchError as error:
        print(f"\n{'=' * 70}\nBENCHMARK ERROR: {error}\n{'=' * 70}", file=sys.stderr)
        return 1
    finally:
        Server.stop_all()
        if args.keep:
            say(f"\nKept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
            try:
                parent.rmdir()  # if nothing else is in it
            except OSError:
                pass
    failed = verdicts.count(False)
    say(f"\nTargets: {len(verdicts) - failed} passed, {failed} failed")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
