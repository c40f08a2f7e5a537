#!/usr/bin/env python3
"""Benchmark Dossier against Hugo, with the cmark CLI as a floor.

Usage:
    python3 .ci/benchmark.py [--pages N ...] [--runs R] [--linearity]
                             [--keep DIR] [--charts] [--tmpdir DIR]
                             [--skip-dossier]

For each N (default 10000) this generates a deterministic synthetic corpus of
N Markdown pages, lays it out both as a Dossier site and as an equivalent Hugo
site, then times `dossier build`, `hugo` and `cmark --smart` (over all the
bodies concatenated into one file) R times each after one warm-up run, and
reports the median wall time, the peak RSS and the ratios against the targets:

    Hugo wall / Dossier wall     >= 5
    Dossier peak / Hugo peak     <= 0.25
    Dossier wall / cmark wall    <= 2

--linearity also times Dossier and cmark at N=1000 and N=50000 and checks that
Dossier's time per page at 50000 is at most 1.2x its time per page at 1000.

Missing hugo or cmark is reported and its column skipped
(`apt-get install -y hugo cmark`). --skip-dossier leaves Dossier out (no
swift build). The work happens in /dev/shm when it has room (see
default_tmp_parent), and is deleted at the end unless --keep DIR is given.

Exit status: 0 if everything ran and every target checked passed, 1 if a tool
failed or produced the wrong output, 2 if everything ran but a target failed.
"""

import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SECTIONS = 10
TAGS = [f"tag-{i:02d}" for i in range(50)]
SEED = 42
LINEARITY_SIZES = (1000, 50000)

TARGET_HUGO_SPEEDUP = 5.0
TARGET_PEAK_RATIO = 0.25
TARGET_CMARK_RATIO = 2.0
TARGET_LINEARITY = 1.2

INSTALL_HINT = "apt-get install -y hugo cmark"


class BenchError(Exception):
    """A tool failed or produced the wrong output: the figures can't be trusted."""


# --------------------------------------------------------------------------
# Synthetic corpus

def make_vocabulary(rng, size=3000):
    syllables = ["ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu",
                 "pa", "qui", "ro", "sa", "te", "vi", "xo", "ze", "lor", "tan",
                 "mer", "vel", "dor", "sin", "ul", "am", "er", "is", "on", "ut"]
    # Words a YAML 1.1 reader would take for booleans or null stay out, so
    # titles and summaries are always plain strings.
    reserved = {"on", "off", "yes", "no", "y", "n", "true", "false", "null"}
    words = set()
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        if word not in reserved:
            words.add(word)
    return sorted(words)


class PageWriter:
    """Makes pages; all randomness comes from one seeded generator, so the
    corpus for a given N is identical from run to run."""

    def __init__(self, seed, charts):
        self.rng = random.Random(seed)
        self.words = make_vocabulary(self.rng)
        self.charts = charts
        # Chart values come from their own generator so that --charts adds the
        # block and changes nothing else in the corpus.
        self.chart_rng = random.Random(seed + 1)
        self.first_day = datetime.date(2000, 1, 1).toordinal()
        self.last_day = datetime.date(2020, 12, 31).toordinal()

    def _phrase(self, lo, hi):
        return " ".join(self.rng.choices(self.words, k=self.rng.randint(lo, hi)))

    def _title(self, lo, hi):
        return self._phrase(lo, hi).title()

    def _sentence(self, lo=6, hi=16, markup=True):
        words = self.rng.choices(self.words, k=self.rng.randint(lo, hi))
        if markup:
            # Distinct positions, so that spans never nest inside each other.
            for i in self.rng.sample(range(1, len(words)), self.rng.randint(0, 2)):
                kind = self.rng.randrange(4)
                w = words[i]
                if kind == 0:
                    words[i] = f"*{w}*"
                elif kind == 1:
                    words[i] = f"**{w} {self.rng.choice(self.words)}**"
                elif kind == 2:
                    words[i] = f"`{w}_{self.rng.choice(self.words)}()`"
                else:
                    words[i] = f"[{w} {self.rng.choice(self.words)}](https://example.org/{w})"
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def _paragraph(self):
        return " ".join(self._sentence() for _ in range(self.rng.randint(3, 6)))

    def _list(self):
        numbered = self.rng.random() < 0.4
        items = []
        for n in range(1, self.rng.randint(3, 6) + 1):
            marker = f"{n}." if numbered else "-"
            items.append(f"{marker} {self._sentence(4, 10)}")
        return "\n".join(items)

    def _chart(self):
        done = self.chart_rng.randint(10, 400)
        left = self.chart_rng.randint(0, 200)
        return ("```chart\ntype: donut\ntitle: Milestones\n"
                f"data: {{completed: {done}, outstanding: {left}}}\n```")

    def _blocks(self):
        """Endless run of sections: ## heading, paragraph, maybe a list,
        ### heading, paragraph, maybe a list."""
        section = 0
        while True:
            section += 1
            yield f"## {self._title(2, 5)}", False
            yield self._paragraph(), True
            if self.rng.random() < 0.6:
                yield self._list(), True
            if section == 1 and self.charts:
                yield self._chart(), True
            yield f"### {self._title(2, 4)}", False
            yield self._paragraph(), True
            if self.rng.random() < 0.5:
                yield self._list(), True

    def body(self):
        # Stops after a paragraph or list once past a target around 4.3 KB,
        # which overshoots by half a paragraph on average: bodies average 4.5 KB.
        target = self.rng.randint(4100, 4500)
        blocks = [self._paragraph()]
        size = len(blocks[0])
        for block, may_end in self._blocks():
            blocks.append(block)
            size += len(block) + 2
            if may_end and size >= target:
                break
        return "\n\n".join(blocks) + "\n"

    def front_matter(self):
        day = datetime.date.fromordinal(self.rng.randint(self.first_day, self.last_day))
        tags = ", ".join(sorted(self.rng.sample(TAGS, self.rng.randint(2, 4))))
        return ("---\n"
                f"title: {self._title(2, 5)}\n"
                f"date: {day.isoformat()}\n"
                f"tags: [{tags}]\n"
                f"summary: {self._sentence(8, 14, markup=False)}\n"
                "---\n\n")


def page_path(i):
    """Relative path (without extension) of page i: its section and slug."""
    return f"section{i % SECTIONS + 1}/page-{i:05d}"


def generate_corpus(n, work, charts, hugo):
    """Writes the Dossier site, the Hugo site (if wanted) and the concatenated
    bodies for cmark. Returns the paths."""
    dossier_site = work / "dossier-site"
    hugo_site = work / "hugo-site"
    bodies = work / "bodies.md"
    content_roots = [dossier_site / "content"]
    if hugo:
        write_hugo_skeleton(hugo_site)
        content_roots.append(hugo_site / "content")

    (dossier_site / "content").mkdir(parents=True)
    (dossier_site / "content" / "site.yaml").write_text(
        "title: Benchmark\nbase_url: https://bench.example/\n")
    for k in range(1, min(SECTIONS, n) + 1):
        for root in content_roots:
            (root / f"section{k}").mkdir(parents=True, exist_ok=True)
            (root / f"section{k}" / "_index.md").write_text(
                f"---\ntitle: Section {k}\n---\n")

    writer = PageWriter(SEED, charts)
    with open(bodies, "w") as concatenated:
        for i in range(n):
            front, body = writer.front_matter(), writer.body()
            text = front + body
            for root in content_roots:
                (root / f"{page_path(i)}.md").write_text(text)
            concatenated.write(body)
            concatenated.write("\n")
    return dossier_site, hugo_site, bodies


HUGO_CONFIG = """\
baseURL = "https://bench.example/"
title = "Benchmark"
languageCode = "en"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]

[taxonomies]
  tag = "tags"
"""

HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
</head>
<body>
<nav><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}<a href="{{ "/tags/" | relURL }}">Tags</a></nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
</article>{{ end }}
""",
    "list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>{{ end }}
""",
    "taxonomy.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>{{ end }}
""",
    "term.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>{{ end }}
""",
}


def write_hugo_skeleton(site):
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    # config.toml rather than hugo.toml: Hugo before 0.110 reads only the former.
    (site / "config.toml").write_text(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text)


# --------------------------------------------------------------------------
# Running and measuring

def gnu_time_works():
    if not os.access("/usr/bin/time", os.X_OK):
        return False
    with tempfile.NamedTemporaryFile("r") as out:
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name,
                               sys.executable, "-c", ""],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return done.returncode == 0 and out.read().strip().isdigit()


USE_GNU_TIME = gnu_time_works()


def measure(cmd, log, stdout=None):
    """Runs cmd once; returns (wall s, peak RSS in KiB, user + system CPU s).
    Output goes to the log file (stdout to `stdout` if given). Raises
    BenchError if cmd fails."""
    with open(log, "wb") as err:
        out = stdout if stdout is not None else err
        if USE_GNU_TIME:
            rss_file = f"{log}.rss"
            start = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file, *cmd],
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            wall = time.perf_counter() - start
            code = done.returncode
            # On failure GNU time writes a "Command exited..." line first.
            lines = Path(rss_file).read_text().splitlines()
            try:
                peak, user, system = lines[-1].split()
                peak, cpu = int(peak), float(user) + float(system)
            except (IndexError, ValueError):
                peak, cpu = 0, 0.0
        else:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            code = proc.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss  # KiB on Linux
            cpu = usage.ru_utime + usage.ru_stime
    if code != 0:
        tail = Path(log).read_text(errors="replace")[-3000:]
        raise BenchError(f"{' '.join(map(str, cmd))} exited with {code}\n{tail}")
    return wall, peak, cpu


def missing_pages(out, n):
    return [p for p in (page_path(i) for i in range(n))
            if not (out / p / "index.html").is_file()]


def check_pages(tool, out, n):
    missing = missing_pages(out, n)
    if missing:
        raise BenchError(f"{tool}: {len(missing)} of {n} pages missing from {out}, "
                         f"e.g. {missing[0]}/index.html")


def bench(tool, make_cmd, out, runs, log, n, stdout=None):
    """One warm-up run and `runs` timed ones. The output folder is deleted
    before each run (outside the timing), so each run starts from nothing."""
    walls, peaks, cpus = [], [], []
    for run in range(runs + 1):
        if out is not None and out.exists():
            shutil.rmtree(out)
        # Flush the previous run's writes so that their writeback does not
        # land in this run's timing.
        os.sync()
        wall, peak, cpu = measure(make_cmd(), log, stdout)
        if out is not None:
            check_pages(tool, out, n)
        if run > 0:
            walls.append(wall)
            peaks.append(peak)
            cpus.append(cpu)
        label = "warm-up" if run == 0 else f"run {run}/{runs}"
        print(f"    {tool:8} {label:9} {wall:8.3f} s wall {cpu:8.3f} s cpu "
              f"{peak / 1024:8.1f} MiB", flush=True)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
            "peak": max(peaks)}


def build_dossier():
    print("Building Dossier (swift build -c release)...", flush=True)
    done = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(REPO)],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError("swift build failed (use --skip-dossier to benchmark the "
                         "others alone)\n" + (done.stdout + done.stderr)[-5000:])
    binary = REPO / ".build" / "release" / "dossier"
    if not binary.is_file():
        raise BenchError(f"swift build succeeded but {binary} does not exist")
    return binary


def hugo_supports_no_build_lock(hugo):
    done = subprocess.run([hugo, "help"], capture_output=True, text=True)
    return "--noBuildLock" in done.stdout


# --------------------------------------------------------------------------
# Reporting

def verdict(ok):
    return "PASS" if ok else "FAIL"


def print_table(n, results):
    print(f"\nN = {n} pages")
    # cpu s (user + system, summed over threads) is there to read noisy wall
    # times by: it swings far less from run to run on a shared machine.
    print(f"  {'tool':10} {'median wall s':>14} {'cpu s':>8} {'peak MiB':>10} "
          f"{'pages/s':>10}")
    for tool in ("dossier", "hugo", "cmark"):
        r = results.get(tool)
        if r is None:
            print(f"  {tool:10} {'skipped':>14}")
        else:
            print(f"  {tool:10} {r['wall']:14.3f} {r['cpu']:8.2f} "
                  f"{r['peak'] / 1024:10.1f} {n / r['wall']:10.0f}")


def check_targets(results):
    """Prints the ratios; returns the list of verdicts it could compute."""
    d, h, c = results.get("dossier"), results.get("hugo"), results.get("cmark")
    checks = [
        ("Hugo wall / Dossier wall", h and d and h["wall"] / d["wall"],
         f">= {TARGET_HUGO_SPEEDUP:g}x", lambda r: r >= TARGET_HUGO_SPEEDUP, "x"),
        ("Dossier peak / Hugo peak", d and h and h["peak"] and d["peak"] / h["peak"],
         f"<= {TARGET_PEAK_RATIO:g}", lambda r: r <= TARGET_PEAK_RATIO, ""),
        ("Dossier wall / cmark wall", d and c and d["wall"] / c["wall"],
         f"<= {TARGET_CMARK_RATIO:g}x", lambda r: r <= TARGET_CMARK_RATIO, "x"),
    ]
    verdicts = []
    print("  ratios:")
    for name, ratio, target, ok, unit in checks:
        if not ratio:
            print(f"    {name:27} {'n/a':>8}   target {target:8}  skipped")
            continue
        verdicts.append(ok(ratio))
        print(f"    {name:27} {ratio:7.2f}{unit or ' '}  target {target:8}  "
              f"{verdict(ok(ratio))}")
    return verdicts


def print_linearity(results):
    small, large = LINEARITY_SIZES
    print(f"\nLinearity (time per page, N={small} vs N={large})")
    verdicts = []
    for tool in ("dossier", "cmark"):
        a, b = results[small].get(tool), results[large].get(tool)
        if a is None or b is None:
            print(f"  {tool:8} skipped")
            continue
        per_a, per_b = a["wall"] / small * 1e6, b["wall"] / large * 1e6
        ratio = per_b / per_a
        line = (f"  {tool:8} {per_a:9.1f} us/page  {per_b:9.1f} us/page  "
                f"ratio {ratio:5.2f}")
        if tool == "dossier":
            verdicts.append(ratio <= TARGET_LINEARITY)
            line += f"  target <= {TARGET_LINEARITY:g}  {verdict(ratio <= TARGET_LINEARITY)}"
        else:
            line += "  (reference)"
        print(line)
    return verdicts


# --------------------------------------------------------------------------

def default_tmp_parent(max_pages):
    """/dev/shm if it has room, else the system's temp folder.

    Written to disk, tens of thousands of small files make the timings swing
    by a factor of several on some machines (seen: the same 50000-page write
    taking 7 s, then 40 s, on ext4 in a VM), which would drown the tools'
    own differences. A tmpfs takes the disk out of the measurement."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK):
        stat = os.statvfs(shm)
        # Each page: two sources, one body, two outputs, each rounded up to
        # 4 KiB pages by tmpfs; 48 KiB leaves headroom.
        if stat.f_bavail * stat.f_frsize > max_pages * 48 * 1024:
            return shm
    return None


def prepare_work_dir(keep, tmpdir):
    if keep is None:
        return Path(tempfile.mkdtemp(prefix="dossier-bench-", dir=tmpdir))
    work = Path(keep).resolve()
    marker = work / ".dossier-benchmark"
    if work.exists() and any(work.iterdir()) and not marker.exists():
        raise BenchError(f"--keep {work}: folder exists, is not empty and was not "
                         "made by this script; give a new or empty folder")
    work.mkdir(parents=True, exist_ok=True)
    marker.touch()
    return work


def run_size(n, args, tools, work, want):
    """Generates the corpus for n and benchmarks the tools named in `want`."""
    size_dir = work / f"n{n}"
    if size_dir.exists():
        shutil.rmtree(size_dir)
    size_dir.mkdir()
    with_hugo = "hugo" in want and "hugo" in tools
    print(f"\nGenerating {n} pages in {size_dir}...", flush=True)
    start = time.perf_counter()
    dossier_site, hugo_site, bodies = generate_corpus(n, size_dir, args.charts, with_hugo)
    print(f"  done in {time.perf_counter() - start:.1f} s "
          f"({bodies.stat().st_size / 1e6:.1f} MB of Markdown)", flush=True)

    results = {}
    if "dossier" in want and "dossier" in tools:
        out = size_dir / "dossier-out"
        results["dossier"] = bench(
            "dossier",
            lambda: [tools["dossier"], "build", "--root", dossier_site, "--output", out],
            out, args.runs, size_dir / "dossier.log", n)
    if with_hugo:
        out = size_dir / "hugo-out"
        extra = ["--noBuildLock"] if tools["hugo_no_lock"] else []
        results["hugo"] = bench(
            "hugo",
            lambda: [tools["hugo"], "--quiet", *extra, "-s", hugo_site, "-d", out],
            out, args.runs, size_dir / "hugo.log", n)
    if "cmark" in want and "cmark" in tools:
        with open(os.devnull, "wb") as devnull:
            results["cmark"] = bench(
                "cmark", lambda: [tools["cmark"], "--smart", bodies],
                None, args.runs, size_dir / "cmark.log", n, stdout=devnull)
    if not args.keep:
        shutil.rmtree(size_dir)  # frees the room (RAM, on a tmpfs) for the next size
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", action="extend", metavar="N",
                        help="corpus sizes to benchmark (default 10000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="timed runs per tool after one warm-up (default 3)")
    parser.add_argument("--linearity", action="store_true",
                        help=f"also time Dossier and cmark at N={LINEARITY_SIZES}")
    parser.add_argument("--keep", metavar="DIR",
                        help="work in DIR and keep it (corpora, outputs, logs)")
    parser.add_argument("--charts", action="store_true",
                        help="add a ```chart block to every page")
    parser.add_argument("--tmpdir", metavar="DIR",
                        help="where to make the temporary work folder (default "
                             "/dev/shm if it has room, else the system's)")
    parser.add_argument("--skip-dossier", action="store_true",
                        help="don't build or run Dossier")
    args = parser.parse_args()
    sizes = args.pages or [10000]
    if args.runs < 1 or min(sizes) < 1:
        parser.error("--runs and --pages must be at least 1")

    tools = {}
    for name in ("hugo", "cmark"):
        path = shutil.which(name)
        if path:
            tools[name] = path
        else:
            print(f"NOTE: {name} not found; its column is skipped. "
                  f"Install it with: {INSTALL_HINT}")
    if "hugo" in tools:
        tools["hugo_no_lock"] = hugo_supports_no_build_lock(tools["hugo"])
    if not USE_GNU_TIME:
        print("NOTE: GNU /usr/bin/time not usable; measuring peak RSS with wait4()")

    work = None
    try:
        if not args.skip_dossier:
            tools["dossier"] = build_dossier()
        all_sizes = sizes + list(LINEARITY_SIZES if args.linearity else [])
        tmpdir = args.tmpdir or default_tmp_parent(max(all_sizes))
        work = prepare_work_dir(args.keep, tmpdir)
        print(f"Working in {work}")
        load = os.getloadavg()[0]
        if load > 0.5:
            print(f"NOTE: load average {load:.2f}: other work on this machine "
                  "will inflate wall times (cpu s is less affected)")

        all_results, verdicts = {}, []
        for n in sizes:
            all_results[n] = run_size(n, args, tools, work, {"dossier", "hugo", "cmark"})
            print_table(n, all_results[n])
            verdicts += check_targets(all_results[n])
        if args.linearity:
            for n in LINEARITY_SIZES:
                if n not in all_results:
                    all_results[n] = run_size(n, args, tools, work, {"dossier", "cmark"})
            verdicts += print_linearity(all_results)
    except BenchError as error:
        print(f"\n{'=' * 70}\nBENCHMARK ERROR: {error}\n{'=' * 70}", file=sys.stderr)
        return 1
    finally:
        if work is not None:
            if args.keep:
                print(f"\nKept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)

    failed = verdicts.count(False)
    print(f"\nTargets: {len(verdicts) - failed} passed, {failed} failed")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
