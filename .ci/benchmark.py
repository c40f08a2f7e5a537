#!/usr/bin/env python3
"""Benchmark Dossier against Hugo, with cmark plus bare file writing as the floor.

Usage:
    python3 .ci/benchmark.py [--pages N ...] [--runs R] [--corpus synthetic|neutral|both]
                             [--dossier PATH] [--compare PATH2] [--skip-dossier]
                             [--linearity] [--keep DIR] [--tmpdir DIR] [--charts] [--rebuild]

For each corpus and each N (default: both corpora, N = 10000) this generates a
deterministic corpus of N Markdown pages, lays it out as a Dossier site and as
an equivalent Hugo site, and then runs one warm-up round and R timed rounds.
Each round runs, one after the other (interleaved, because a shared machine
drifts by +-20% between runs):

    dossier build     the site, into a fresh output folder
    dossier (compare) the same with --compare's binary, if given
    hugo              the Hugo site, into a fresh output folder
    cmark             `cmark --smart` over all the bodies concatenated in one file
    write             a tiny C program (Python if there is no C compiler) that
                      writes the files of Dossier's output again: same count,
                      same folders, same sizes, no content work (see FLOOR_WRITER)

and records wall time, user + system CPU and peak RSS of each with GNU
`/usr/bin/time` (wait4() without it). The floor is cmark + write. It prints the
medians per tool (of peak RSS too) and these ratios (of the medians; the range of the per-round
ratios in brackets), each against its target, set at N = 10000:

    Hugo wall / Dossier wall     >= 5
    Dossier cpu / Hugo cpu       <  1
    Dossier peak / Hugo peak     <= 0.25
    Dossier wall / floor wall    <= 2

The corpora:

  synthetic  Dossier's own: 10 sections, 2-4 of 50 tags per page, ## and ###
             sections with emphasis, code spans, external links and lists;
             about 4.5 KB of Markdown a page. Its Hugo layout is the minimal
             one this script always had (section lists not paginated), kept
             so that its figures stay comparable with earlier ones.
  neutral    the one described in issue 9: all pages in one section
             (content/reports/rNNNNN.md), front matter with title, date, 1-3 of
             30 tags and summary, and about 4.5 KB of Markdown: four ## sections,
             each with paragraphs, a list with **bold** items and one absolute
             link /reports/rNNNNN/ to another page. Its Hugo layout does what
             Dossier's default templates do: the page with its table of
             contents, the section list paginated by 20 (Dossier's page_size
             default) with a bar linking every list page, and tag pages.

--rebuild keeps each tool's output from one round to the next, so every timed run
rebuilds into the output the last one wrote, as an author does: Hugo writes over
its public folder, Dossier swaps a new site in and leaves the old one to a
background `rm` (each run waits until that is done, so it does not slow the next).

--linearity also times Dossier (and cmark, for reference) at N = 1000, 10000 and
50000 on each corpus and checks that Dossier's time per page at 50000 is at
most 1.2x that at 1000, and its peak memory at 50000 at most 1.2x that at 10000.

After every run the outputs are checked: every page of the corpus (and, for
the neutral corpus, every list page, every tag page and the links of the first
page) must be there, for Dossier and for Hugo. Warnings in either's log are
shown once.

The work folder (corpus, outputs, logs) is on disk, as the issue asks: a new
folder in --tmpdir, by default .build-bench/ in this repository (ignored by
git). It is deleted at the end unless --keep DIR is given. --tmpdir /dev/shm
takes the disk out of the measurement.

Without --dossier the script builds Dossier with `swift build -c release`.
Missing hugo or cmark is reported and its column skipped
(`apt-get install -y hugo cmark time`).

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
DEFAULT_WORK_PARENT = REPO / ".build-bench"  # .gitignore has .build-*/
SECTIONS = 10
TAGS = [f"tag-{i:02d}" for i in range(50)]
SEED = 42
CORPORA = ("synthetic", "neutral")
LINEARITY_SIZES = (1000, 10000, 50000)  # time per page: first vs last; peak: middle vs last
TARGET_SIZE = 10000                     # the size the targets are set at

TARGET_HUGO_SPEEDUP = 5.0
TARGET_CPU_RATIO = 1.0
TARGET_PEAK_RATIO = 0.25
TARGET_FLOOR_RATIO = 2.0
TARGET_LINEARITY = 1.2
TARGET_PEAK_GROWTH = 1.2

INSTALL_HINT = "apt-get install -y hugo cmark time"


class BenchError(Exception):
    """A tool failed or produced the wrong output: the figures can't be trusted."""


class Corpus:
    """A generated corpus: where its sites are, and what each tool must write.

    `expected` holds folders (relative to the output) that must each contain an
    index.html; `links` maps a page folder to hrefs its HTML must contain."""

    def __init__(self, name, dossier_site, hugo_site, bodies, expected, links=None):
        self.name = name
        self.dossier_site = dossier_site
        self.hugo_site = hugo_site
        self.bodies = bodies
        self.expected = expected
        self.links = links or {}


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


def generate_synthetic(n, work, charts, hugo):
    """Writes the synthetic corpus: the Dossier site, the Hugo site (if wanted)
    and the concatenated bodies for cmark."""
    dossier_site, hugo_site, bodies, content_roots = start_sites(
        work, hugo, HUGO_CONFIG, HUGO_LAYOUTS, SITE_YAML)
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
    expected = [page_path(i) for i in range(n)]
    return Corpus("synthetic", dossier_site, hugo_site, bodies, expected)


# The synthetic corpus's Hugo site is kept as it was, so that its figures stay
# comparable with earlier ones (its section lists are not paginated).
HUGO_CONFIG = """\
baseURL = "https://bench.example/"
title = "Benchmark"
languageCode = "en"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]

[taxonomies]
  tag = "tags"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
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
    "_default/single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>{{ end }}
""",
    "_default/term.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>{{ end }}
""",
}


SITE_YAML = "title: Benchmark\nbase_url: https://bench.example/\n"


def start_sites(work, hugo, hugo_config, hugo_layouts, site_yaml):
    """What every corpus starts with: the Dossier site's content folder and
    site.yaml, and the Hugo site's skeleton (if wanted). Returns the Dossier
    site, the Hugo site, the file for the bodies cmark reads, and the content
    folders each page is written to."""
    dossier_site = work / "dossier-site"
    hugo_site = work / "hugo-site"
    content_roots = [dossier_site / "content"]
    if hugo:
        write_hugo_skeleton(hugo_site, hugo_config, hugo_layouts)
        content_roots.append(hugo_site / "content")
    (dossier_site / "content").mkdir(parents=True)
    (dossier_site / "content" / "site.yaml").write_text(site_yaml)
    return dossier_site, hugo_site, work / "bodies.md", content_roots


def write_hugo_skeleton(site, config, layouts):
    """config.toml and the layouts (paths relative to layouts/)."""
    # config.toml rather than hugo.toml: Hugo before 0.110 reads only the former.
    site.mkdir(parents=True)
    (site / "config.toml").write_text(config)
    for name, text in layouts.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


# --------------------------------------------------------------------------
# Neutral corpus (issue 9): written to its description, not to Dossier's
# strengths. Plain English words, so word lengths and the Markdown are like
# ordinary prose.

NEUTRAL_SEED = 9
NEUTRAL_SECTION = "reports"
NEUTRAL_PAGE_SIZE = 20  # Dossier's page_size default; Hugo's paginate
NEUTRAL_TAGS = """audit budget complaints contracts customers data elections
    energy estates finance governance health housing libraries licensing
    networks parks payroll performance planning procurement projects risk
    safety schools security staffing training transport waste""".split()
NEUTRAL_NOUNS = """ability access account action activity advice agency agreement
    amount analysis answer approach area arrangement aspect assessment
    attention authority balance basis benefit board building business capacity
    care case centre change charge choice claim client colleague committee
    community company comparison condition contact content contract control
    cost council course cover customer decision delivery demand department
    design detail development difference direction director discussion
    district document effect effort element equipment evidence example
    experience facility factor failure field figure form framework function
    fund future goal group growth guidance history impact improvement income
    increase information interest issue item job knowledge land level licence
    limit line list load loss management manager market material matter
    measure meeting member method model month movement need network number
    objective office officer operation opinion option order outcome output
    owner panel part partner pattern payment period person phase place plan
    point policy position practice pressure priority problem process product
    programme progress project property proposal provision purpose quality
    quarter question range rate reason record region register relation report
    request requirement research resource response result return review role
    rule sample scheme scope section sector service session share site size
    skill source space stage standard statement status step strategy
    structure study subject success supply support survey system target task
    team term test time total trend type unit update user value version view
    volume week work year""".split()
NEUTRAL_VERBS = """agreed assessed reviewed delivered improved reduced increased
    measured reported recorded planned completed supported checked noted
    approved extended updated tested published changed moved kept shared
    raised met""".split()
NEUTRAL_SMALL = "the the the of of a to and in for with on by from as".split()


class NeutralWriter:
    """Pages of the neutral corpus; one seeded generator, so the corpus for a
    given N is the same from run to run."""

    def __init__(self, seed, n):
        self.rng = random.Random(seed)
        self.n = n
        self.first_day = datetime.date(2001, 1, 1).toordinal()
        self.last_day = datetime.date(2020, 12, 31).toordinal()

    def _words(self, k):
        rng = self.rng
        words = []
        for _ in range(k):
            pick = rng.random()
            if pick < 0.3:
                words.append(rng.choice(NEUTRAL_SMALL))
            elif pick < 0.45:
                words.append(rng.choice(NEUTRAL_VERBS))
            else:
                words.append(rng.choice(NEUTRAL_NOUNS))
        return words

    def _title(self, lo, hi):
        words = self._words(self.rng.randint(lo, hi))
        words[0] = self.rng.choice(NEUTRAL_NOUNS)  # not "Of the ..."
        return " ".join(w.capitalize() if i == 0 or w not in NEUTRAL_SMALL else w
                        for i, w in enumerate(words))

    def _sentence(self, lo=9, hi=18):
        words = self._words(self.rng.randint(lo, hi))
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def _paragraph(self, lo, hi, link=None):
        sentences = [self._sentence() for _ in range(self.rng.randint(lo, hi))]
        if link is not None:
            target = f"r{link:05d}"
            sentences.insert(self.rng.randrange(len(sentences) + 1),
                             f"See [report {target}](/{NEUTRAL_SECTION}/{target}/) for the "
                             f"{' '.join(self._words(3))}.")
        return " ".join(sentences)

    def _list(self):
        items = []
        for _ in range(self.rng.randint(3, 5)):
            lead = " ".join(self.rng.choices(NEUTRAL_NOUNS, k=self.rng.randint(1, 3)))
            items.append(f"- **{lead.capitalize()}**: {self._sentence(6, 12)}")
        return "\n".join(items)

    def link_target(self, page):
        """Another page of the corpus (1-based numbers, like the file names)."""
        if self.n == 1:
            return page
        other = self.rng.randint(1, self.n - 1)
        return other if other < page else other + 1

    def page(self, number):
        """(text, body, link targets) of page `number`."""
        day = datetime.date.fromordinal(self.rng.randint(self.first_day, self.last_day))
        tags = ", ".join(sorted(self.rng.sample(NEUTRAL_TAGS, self.rng.randint(1, 3))))
        front = ("---\n"
                 f"title: {self._title(3, 7)}\n"
                 f"date: {day.isoformat()}\n"
                 f"tags: [{tags}]\n"
                 f"summary: {self._sentence(10, 18)}\n"
                 "---\n\n")
        blocks, links = [], []
        for _ in range(4):
            links.append(self.link_target(number))
            blocks.append(f"## {self._title(2, 5)}")
            blocks.append(self._paragraph(3, 6, link=links[-1]))
            blocks.append(self._list())
            blocks.append(self._paragraph(3, 4))
        body = "\n\n".join(blocks) + "\n"
        return front + body, body, links


def neutral_name(number):
    return f"r{number:05d}"


def generate_neutral(n, work, hugo):
    """Writes the neutral corpus: the Dossier site, the Hugo site (if wanted)
    and the concatenated bodies for cmark."""
    dossier_site, hugo_site, bodies, content_roots = start_sites(
        work, hugo, NEUTRAL_HUGO_CONFIG, NEUTRAL_HUGO_LAYOUTS,
        SITE_YAML + f"page_size: {NEUTRAL_PAGE_SIZE}\n")
    for root in content_roots:
        (root / NEUTRAL_SECTION).mkdir(parents=True, exist_ok=True)
        (root / "_index.md").write_text("---\ntitle: Benchmark\n---\n\nThe reports.\n")
        (root / NEUTRAL_SECTION / "_index.md").write_text(
            "---\ntitle: Reports\nsummary: Every report.\n---\n\nAll the reports, newest first.\n")

    writer = NeutralWriter(NEUTRAL_SEED, n)
    tags, first_links = set(), []
    with open(bodies, "w") as concatenated:
        for number in range(1, n + 1):
            text, body, links = writer.page(number)
            if number == 1:
                first_links = links
            tags.update(text.split("tags: [", 1)[1].split("]", 1)[0].split(", "))
            for root in content_roots:
                (root / NEUTRAL_SECTION / f"{neutral_name(number)}.md").write_text(text)
            concatenated.write(body)
            concatenated.write("\n")

    section = NEUTRAL_SECTION
    list_pages = -(-n // NEUTRAL_PAGE_SIZE)
    expected = ([f"{section}/{neutral_name(k)}" for k in range(1, n + 1)]
                + [section] + [f"{section}/page/{k}" for k in range(2, list_pages + 1)]
                + ["tags"] + [f"tags/{t}" for t in sorted(tags)])
    links = {f"{section}/{neutral_name(1)}":
             [f'href="/{section}/{neutral_name(k)}/"' for k in first_links]}
    return Corpus("neutral", dossier_site, hugo_site, bodies, expected, links)


# The synthetic corpus's settings, with the section list paginated like Dossier's.
NEUTRAL_HUGO_CONFIG = HUGO_CONFIG.replace('languageCode = "en"\n',
                                          f'languageCode = "en"\npaginate = {NEUTRAL_PAGE_SIZE}\n')

# What Dossier's default templates do for these pages, in Hugo's terms: a
# layout with the site menu, breadcrumbs and a footer; a page with summary,
# date, tags, a table of contents and the body; the section list paginated by
# 20, each item with title, summary and date, and a bar linking the previous,
# next, first and last pages and two either side of the current one, with an
# ellipsis between (as Dossier's partials/pagination.mustache does);
# the tags index with counts; a tag page listing all its pages; a home page
# with the ten newest. List items go through partialCached, Hugo's way of
# rendering each item once, as Dossier does.
NEUTRAL_HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">
{{ end }}<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "/assets/site.css" | relURL }}">
</head>
<body>
<header class="site-header"><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li><a href="{{ "/tags/" | relURL }}">Tags</a></li></ul></nav>
</header>
<div class="container">
{{ if not .IsHome }}<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="{{ "/" | relURL }}">Home</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol></nav>{{ end }}
<main id="main-content">
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="site-footer"><p>{{ .Site.Title }}</p></footer>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}<article>
<header class="page-header">
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lede">{{ . }}</p>
{{ end }}<dl class="page-meta">
<dt>Published</dt>
<dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></dd>
<dt>Tags</dt>
<dd><ul class="tag-list">{{ range .GetTerms "tags" }}<li><a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></dd>
</dl>
</header>
<nav class="page-contents" aria-label="On this page">
<h2 class="page-contents-title">On this page</h2>
{{ .TableOfContents }}
</nav>
<div class="prose">
{{ .Content }}
</div>
</article>{{ end }}
""",
    "partials/item.html": """\
<li>
<h3 class="page-list-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ with .Params.summary }}<p class="page-list-summary">{{ . }}</p>
{{ end }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
</li>
""",
    "_default/list.html": """\
{{ define "main" }}{{ $pager := .Paginator }}<header class="page-header">
<h1>{{ .Title }}{{ if gt $pager.PageNumber 1 }}, page {{ $pager.PageNumber }}{{ end }}</h1>
{{ with .Params.summary }}<p class="lede">{{ . }}</p>
{{ end }}</header>
{{ if eq $pager.PageNumber 1 }}<div class="prose">
{{ .Content }}
</div>
{{ end }}<h2>Reports, newest first</h2>
<ul class="page-list">
{{ range $pager.Pages }}{{ partialCached "item.html" . .RelPermalink }}{{ end }}</ul>
{{ if gt $pager.TotalPages 1 }}<nav class="pagination" aria-label="Pages of this list">
<p class="pagination-status">Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}</p>
<ul>
{{ with $pager.Prev }}<li><a href="{{ .URL }}" rel="prev">Previous</a></li>
{{ end }}{{ $cur := $pager.PageNumber }}{{ $last := $pager.TotalPages }}{{ $shown := 0 }}{{ range $pager.Pagers }}{{ $n := .PageNumber }}{{ if or (eq $n 1) (eq $n $last) (and (ge $n (sub $cur 2)) (le $n (add $cur 2))) }}{{ if and (gt $shown 0) (gt $n (add $shown 1)) }}<li class="pagination-gap">…</li>
{{ end }}<li>{{ if eq $n $cur }}<span aria-current="page">{{ $n }}</span>{{ else }}<a href="{{ .URL }}">{{ $n }}</a>{{ end }}</li>
{{ $shown = $n }}{{ end }}{{ end }}{{ with $pager.Next }}<li><a href="{{ .URL }}" rel="next">Next</a></li>
{{ end }}</ul>
</nav>
{{ end }}{{ end }}
""",
    "index.html": """\
{{ define "main" }}<header class="page-header">
<h1>{{ .Title }}</h1>
</header>
<div class="prose">
{{ .Content }}
</div>
<h2>Sections</h2>
<ul class="section-list">{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<h2>Latest reports</h2>
<ul class="page-list">
{{ range first 10 .Site.RegularPages.ByDate.Reverse }}{{ partialCached "item.html" . .RelPermalink }}{{ end }}</ul>
{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}<header class="page-header">
<h1>{{ .Title }}</h1>
</header>
<ul class="tag-index">
{{ range .Data.Terms.Alphabetical }}<li><a class="tag" href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="meta">{{ .Count }} published</span></li>
{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """\
{{ define "main" }}<header class="page-header">
<h1>Tagged “{{ .Title }}”</h1>
</header>
<h2>Reports with this tag, newest first</h2>
<ul class="page-list">
{{ range .Pages }}{{ partialCached "item.html" . .RelPermalink }}{{ end }}</ul>{{ end }}
""",
}


def generate_corpus(name, n, work, charts, hugo):
    if name == "neutral":
        return generate_neutral(n, work, hugo)
    return generate_synthetic(n, work, charts, hugo)


# --------------------------------------------------------------------------
# The floor's write half

# What `write` counts: for every file of Dossier's output (taken from its
# warm-up run: the same number of files, in the same folders, of the same
# sizes), creating its folder (once per folder, as the list is sorted),
# open(O_CREAT|O_TRUNC), write() of that many bytes from a buffer, close(). Into
# a fresh folder on the same file system, like the tools. No reading, no
# rendering, no fsync (the tools do not fsync either). It is a lower bound on
# what any generator writing that site has to pay.
FLOOR_WRITER = r"""
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char buffer[1 << 16];

/* mkdir -p of the folder holding `path` (relative), skipping the last one made. */
static void make_parents(char *path, char *last) {
    char *slash = strrchr(path, '/');
    if (slash == NULL) return;
    *slash = '\0';
    if (strcmp(path, last) != 0) {
        for (char *p = path; ; p++) {
            if (*p == '/' || *p == '\0') {
                char c = *p;
                *p = '\0';
                if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(1); }
                *p = c;
                if (c == '\0') break;
            }
        }
        strcpy(last, path);
    }
    *slash = '/';
}

int main(int argc, char **argv) {
    /* argv[1]: manifest of "SIZE PATH" lines; argv[2]: the output folder. */
    if (argc != 3) { fprintf(stderr, "usage: floor-write MANIFEST OUT\n"); return 2; }
    FILE *manifest = fopen(argv[1], "r");
    if (manifest == NULL) { perror(argv[1]); return 1; }
    if (mkdir(argv[2], 0755) != 0 || chdir(argv[2]) != 0) { perror(argv[2]); return 1; }
    memset(buffer, 'x', sizeof buffer);
    static char line[8192], last[8192];
    while (fgets(line, sizeof line, manifest)) {
        char *space = strchr(line, ' ');
        if (space == NULL) continue;
        line[strcspn(line, "\n")] = '\0';
        long size = strtol(line, NULL, 10);
        char *path = space + 1;
        make_parents(path, last);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(path); return 1; }
        for (long left = size; left > 0; ) {
            ssize_t n = write(fd, buffer, left < (long)sizeof buffer ? (size_t)left : sizeof buffer);
            if (n < 0) { perror(path); return 1; }
            left -= n;
        }
        close(fd);
    }
    return 0;
}
"""

# The same in Python, when there is no C compiler: its interpreter start and
# per-file overhead make the floor higher (the Dossier / floor ratio easier).
FLOOR_WRITER_PY = r"""
import os, sys
manifest, out = sys.argv[1], sys.argv[2]
os.mkdir(out)
os.chdir(out)
buffer = b"x" * 65536
last = None
with open(manifest) as lines:
    for line in lines:
        size, path = line.rstrip("\n").split(" ", 1)
        size = int(size)
        folder = os.path.dirname(path)
        if folder and folder != last:
            os.makedirs(folder, exist_ok=True)
            last = folder
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        while size > 0:
            size -= os.write(fd, buffer[:min(size, len(buffer))])
        os.close(fd)
"""


def make_floor_writer(work):
    """Compiles FLOOR_WRITER into work; returns the command prefix to run it
    (the Python version if there is no C compiler)."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc:
        source, binary = work / "floor-write.c", work / "floor-write"
        source.write_text(FLOOR_WRITER)
        done = subprocess.run([cc, "-O2", "-o", str(binary), str(source)],
                              capture_output=True, text=True)
        if done.returncode == 0:
            return [str(binary)], "C"
        print(f"NOTE: {cc} could not compile the floor writer; using Python\n"
              f"{done.stderr[-1000:]}")
    else:
        print("NOTE: no C compiler; the floor's writes are timed with a Python writer")
    script = work / "floor-write.py"
    script.write_text(FLOOR_WRITER_PY)
    return [sys.executable, str(script)], "Python"


def write_manifest(out, manifest):
    """`SIZE PATH` for every file under out, sorted; returns the file count."""
    entries = []
    for folder, _, files in os.walk(out):
        for name in files:
            path = Path(folder) / name
            entries.append((str(path.relative_to(out)), path.stat().st_size))
    entries.sort()
    with open(manifest, "w") as f:
        for path, size in entries:
            f.write(f"{size} {path}\n")
    return len(entries)


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
    cmd = [str(c) for c in cmd]
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
        raise BenchError(f"{' '.join(cmd)} exited with {code}\n{tail}")
    return wall, peak, cpu


def check_output(tool, out, corpus):
    """Every expected page is there, and the sample pages hold their links."""
    missing = [p for p in corpus.expected if not (out / p / "index.html").is_file()]
    if missing:
        raise BenchError(f"{tool}: {len(missing)} of {len(corpus.expected)} expected pages "
                         f"missing from {out}, e.g. {missing[0]}/index.html")
    for page, hrefs in corpus.links.items():
        html = (out / page / "index.html").read_text(errors="replace")
        absent = [h for h in hrefs if h not in html]
        if absent:
            raise BenchError(f"{tool}: {out / page / 'index.html'} lacks {absent[0]}")


def log_warnings(log):
    """Lines of a tool's log that look like warnings or errors."""
    text = Path(log).read_text(errors="replace") if Path(log).exists() else ""
    return [line for line in text.splitlines()
            if any(w in line.lower() for w in ("warn", "error"))]


class Step:
    """One thing timed in each round: a name, a command, the folder it writes
    (deleted before each run, outside the timing) and how to check it."""

    def __init__(self, name, make_cmd, out=None, check=None, stdout=None, before=None):
        self.name, self.make_cmd, self.out = name, make_cmd, out
        self.check, self.stdout, self.before = check, stdout, before
        self.walls, self.cpus, self.peaks = [], [], []
        self.warned = False

    def summary(self):
        return {"wall": statistics.median(self.walls), "cpu": statistics.median(self.cpus),
                "peak": statistics.median(self.peaks), "walls": self.walls,
                "cpus": self.cpus, "peaks": self.peaks}


def wait_for_background_removal(out):
    """Until no `rm -rf` that Dossier started on an old site beside `out` is running."""
    pattern = f"rm -rf -- {out.parent}/.{out.name}.old-"
    while subprocess.run(["pgrep", "-f", pattern], stdout=subprocess.DEVNULL).returncode == 0:
        time.sleep(0.2)


def run_rounds(steps, runs, logs, rebuild=False):
    """One warm-up round and `runs` timed ones; each round runs every step once,
    in order, so that the machine's drift hits all of them alike. With `rebuild`,
    outputs stay from round to round."""
    for run in range(runs + 1):
        label = "warm-up" if run == 0 else f"run {run}/{runs}"
        for step in steps:
            if step.before is not None:
                step.before()
            if step.out is not None and rebuild:
                wait_for_background_removal(step.out)
            elif step.out is not None and step.out.exists():
                shutil.rmtree(step.out)
            # Flush the previous writes (and the deletion) so that their
            # writeback does not land in this run's timing.
            os.sync()
            log = logs / f"{step.name}.log"
            wall, peak, cpu = measure(step.make_cmd(), log, step.stdout)
            if step.check is not None:
                step.check(step.name, step.out)
            if not step.warned:
                step.warned = True
                warnings = log_warnings(log)
                if warnings:
                    print(f"    NOTE: {step.name} logged {len(warnings)} warning or error "
                          f"lines, e.g.: {warnings[0][:200]}")
            if run > 0:
                step.walls.append(wall)
                step.cpus.append(cpu)
                step.peaks.append(peak)
            print(f"    {step.name:8} {label:9} {wall:8.3f} s wall {cpu:8.3f} s cpu "
                  f"{peak / 1024:8.1f} MiB", flush=True)
    return {step.name: step.summary() for step in steps}


def build_dossier():
    print("Building Dossier (swift build -c release)...", flush=True)
    done = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(REPO)],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError("swift build failed (give a binary with --dossier, or use "
                         "--skip-dossier to benchmark the others alone)\n"
                         + (done.stdout + done.stderr)[-5000:])
    binary = REPO / ".build" / "release" / "dossier"
    if not binary.is_file():
        raise BenchError(f"swift build succeeded but {binary} does not exist")
    return binary


def hugo_supports_no_build_lock(hugo):
    done = subprocess.run([hugo, "help"], capture_output=True, text=True)
    return "--noBuildLock" in done.stdout


def version_of(cmd):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "?"


# --------------------------------------------------------------------------
# Reporting

def verdict(ok):
    return "PASS" if ok else "FAIL"


def add_floor(results):
    """floor = cmark + write, round by round."""
    c, w = results.get("cmark"), results.get("write")
    if c is None or w is None:
        return
    walls = [a + b for a, b in zip(c["walls"], w["walls"])]
    cpus = [a + b for a, b in zip(c["cpus"], w["cpus"])]
    results["floor"] = {"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                        "peak": None, "walls": walls, "cpus": cpus, "peaks": None}


REPORT = []  # the tables and verdicts, printed again together at the end


def say(line=""):
    print(line, flush=True)
    REPORT.extend(line.split("\n"))


def print_table(corpus, n, runs, results, notes):
    say(f"\n{corpus} corpus, N = {n} pages: medians of {runs} interleaved "
          f"run{'s' if runs > 1 else ''} after a warm-up")
    # cpu s (user + system, summed over threads) is there to read noisy wall
    # times by: it swings far less from run to run on a shared machine.
    say(f"  {'tool':10} {'wall s':>9} {'cpu s':>9} {'peak MiB':>9} {'pages/s':>9}")
    for tool in ("dossier", "compare", "hugo", "cmark", "write", "floor"):
        r = results.get(tool)
        if r is None:
            if tool != "compare":
                say(f"  {tool:10} {'skipped':>9}")
            continue
        peak = f"{r['peak'] / 1024:9.1f}" if r["peak"] is not None else f"{'-':>9}"
        say(f"  {tool:10} {r['wall']:9.3f} {r['cpu']:9.2f} {peak} "
              f"{n / r['wall']:9.0f}  {notes.get(tool, '')}".rstrip())


def ratio_range(a, b, key):
    """The ratio of the medians, and the lowest and highest per-round ratio."""
    if a is None or b is None or a[key] is None or b[key] is None or not b[key]:
        return None
    per_round = [x / y for x, y in zip(a[key + "s"], b[key + "s"]) if y]
    return a[key] / b[key], min(per_round), max(per_round)


def check_targets(n, results):
    """Prints the ratios against the targets; returns the verdicts computed."""
    d, h, f = results.get("dossier"), results.get("hugo"), results.get("floor")
    checks = [
        # name, (ratio, lo, hi) or None, target text, test
        ("Hugo wall / Dossier wall", ratio_range(h, d, "wall"),
         f">= {TARGET_HUGO_SPEEDUP:g}", lambda r: r >= TARGET_HUGO_SPEEDUP),
        ("Dossier cpu / Hugo cpu", ratio_range(d, h, "cpu"),
         f"< {TARGET_CPU_RATIO:g}", lambda r: r < TARGET_CPU_RATIO),
        ("Dossier peak / Hugo peak", ratio_range(d, h, "peak"),
         f"<= {TARGET_PEAK_RATIO:g}", lambda r: r <= TARGET_PEAK_RATIO),
        ("Dossier wall / floor wall", ratio_range(d, f, "wall"),
         f"<= {TARGET_FLOOR_RATIO:g}", lambda r: r <= TARGET_FLOOR_RATIO),
    ]
    at = "" if n == TARGET_SIZE else f"; they are set at N = {TARGET_SIZE}"
    say(f"  ratios of the medians [lowest-highest round]{at}:")
    verdicts = []
    for name, ratio, target, ok in checks:
        if ratio is None:
            say(f"    {name:26} {'n/a':>7}                target {target:7}  skipped")
            continue
        value, lo, hi = ratio
        verdicts.append(ok(value))
        say(f"    {name:26} {value:7.2f}  [{lo:5.2f}-{hi:5.2f}]  target {target:7}  "
              f"{verdict(ok(value))}")
    c = results.get("compare")
    for key in ("wall", "cpu", "peak"):
        ratio = ratio_range(c, d, key)
        if ratio:
            say(f"    {'compare / dossier ' + key:26} {ratio[0]:7.2f}  "
                  f"[{ratio[1]:5.2f}-{ratio[2]:5.2f}]  (no target)")
    return verdicts


def print_linearity(corpus, results):
    small, middle, large = LINEARITY_SIZES
    say(f"\nLinearity, {corpus} corpus")
    verdicts = []
    for tool in ("dossier", "compare", "cmark"):
        a, m, b = (results.get((corpus, k), {}).get(tool) for k in LINEARITY_SIZES)
        if a is None or b is None:
            if tool != "compare":
                say(f"  {tool:8} skipped")
            continue
        per_a, per_b = a["wall"] / small * 1e6, b["wall"] / large * 1e6
        ratio = per_b / per_a
        line = (f"  {tool:8} time per page  N={small}: {per_a:8.1f} us  N={large}: "
                f"{per_b:8.1f} us  ratio {ratio:5.2f}")
        if tool == "dossier":
            verdicts.append(ratio <= TARGET_LINEARITY)
            line += f"  target <= {TARGET_LINEARITY:g}  {verdict(ratio <= TARGET_LINEARITY)}"
        else:
            line += "  (no target)"
        say(line)
        if tool != "cmark" and m is not None:
            growth = b["peak"] / m["peak"]
            line = (f"  {tool:8} peak memory    N={middle}: {m['peak'] / 1024:7.1f} MiB  "
                    f"N={large}: {b['peak'] / 1024:7.1f} MiB  ratio {growth:5.2f}")
            if tool == "dossier":
                verdicts.append(growth <= TARGET_PEAK_GROWTH)
                line += (f"  target <= {TARGET_PEAK_GROWTH:g}  "
                         f"{verdict(growth <= TARGET_PEAK_GROWTH)}")
            else:
                line += "  (no target)"
            say(line)
    return verdicts


# --------------------------------------------------------------------------

def filesystem_of(path):
    """The type of the file system holding path, from /proc/mounts."""
    best, kind = "", "?"
    try:
        with open("/proc/mounts") as mounts:
            for line in mounts:
                fields = line.split()
                point = fields[1].replace("\\040", " ")
                inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
                if inside and len(point) > len(best):
                    best, kind = point, fields[2]
    except OSError:
        pass
    return kind


def prepare_work_dir(keep, tmpdir, pages_at_once):
    if keep is None:
        parent = Path(tmpdir) if tmpdir else DEFAULT_WORK_PARENT
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="dossier-bench-", dir=parent))
    else:
        work = Path(keep).resolve()
        marker = work / ".dossier-benchmark"
        if work.exists() and any(work.iterdir()) and not marker.exists():
            raise BenchError(f"--keep {work}: folder exists, is not empty and was not "
                             "made by this script; give a new or empty folder")
        work.mkdir(parents=True, exist_ok=True)
        marker.touch()
    # Each page: two sources, one body, and three outputs (Dossier, Hugo, the
    # floor's), most rounded up to 4 KiB blocks; 64 KiB a page leaves headroom.
    stat = os.statvfs(work)
    if stat.f_bavail * stat.f_frsize < pages_at_once * 64 * 1024:
        raise BenchError(f"{work}: less than {pages_at_once * 64 // 1024} MiB free for "
                         f"{pages_at_once} pages; give --tmpdir elsewhere")
    return work


def run_size(corpus_name, n, args, tools, work, want):
    """Generates one corpus at size n and times the tools named in `want`,
    interleaved; returns {tool: summary}."""
    size_dir = work / f"{corpus_name}-n{n}"
    if size_dir.exists():
        shutil.rmtree(size_dir)
    size_dir.mkdir()
    with_hugo = "hugo" in want and "hugo" in tools
    print(f"\nGenerating the {corpus_name} corpus, {n} pages, in {size_dir}...", flush=True)
    start = time.perf_counter()
    corpus = generate_corpus(corpus_name, n, size_dir, args.charts, with_hugo)
    size = corpus.bodies.stat().st_size
    print(f"  done in {time.perf_counter() - start:.1f} s "
          f"({size / 1e6:.1f} MB of Markdown, {size / n / 1000:.2f} KB a page)", flush=True)

    def check(tool, out):
        check_output(tool, out, corpus)

    steps, notes = [], {}
    dossiers = [("dossier", tools.get("dossier"))]
    if "compare" in tools:
        dossiers.append(("compare", tools["compare"]))
    for name, binary in dossiers:
        if binary is None or "dossier" not in want:
            continue
        out = size_dir / f"{name}-out"
        steps.append(Step(name, lambda b=binary, o=out: [b, "build", "--root", corpus.dossier_site,
                                                           "--output", o], out, check))
    if with_hugo:
        out = size_dir / "hugo-out"
        extra = ["--noBuildLock"] if tools["hugo_no_lock"] else []
        # Not --quiet: in Hugo 0.111 it hides the WARN lines too. The summary
        # table it prints instead is a few lines.
        steps.append(Step("hugo", lambda o=out: [tools["hugo"], *extra,
                                                 "-s", corpus.hugo_site, "-d", o], out, check))
    devnull = open(os.devnull, "wb")
    if "cmark" in want and "cmark" in tools:
        steps.append(Step("cmark", lambda: [tools["cmark"], "--smart", corpus.bodies],
                          stdout=devnull))
    source = next((s.out for s in steps if s.name in ("dossier", "hugo")), None)
    if "write" in want and source is not None:
        manifest = size_dir / "floor-manifest.txt"

        def make_manifest():
            if not manifest.exists():
                count = write_manifest(source, manifest)
                total = sum(int(line.split(" ", 1)[0]) for line in open(manifest))
                notes["write"] = (f"{count} files, {total / 1e6:.1f} MB, as "
                                  f"{'Dossier' if source.name.startswith('dossier') else 'Hugo'}"
                                  f" wrote ({tools['writer_kind']} writer)")
        steps.append(Step("write", lambda: [*tools["writer"], manifest, size_dir / "floor-out"],
                          size_dir / "floor-out", before=make_manifest))
    try:
        results = run_rounds(steps, args.runs, size_dir, rebuild=args.rebuild)
    finally:
        devnull.close()
    for step in steps:
        if step.out is not None and step.name in ("dossier", "compare", "hugo"):
            count = sum(len(files) for _, _, files in os.walk(step.out))
            notes[step.name] = f"{count} files"
    add_floor(results)
    if "floor" in results:
        notes["floor"] = "cmark + write"
    if not args.keep:
        shutil.rmtree(size_dir)  # frees the room for the next size
    return results, notes


def find_tools(args):
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
        print("NOTE: GNU /usr/bin/time not usable; measuring with wait4()")
    for option, name in ((args.dossier, "dossier"), (args.compare, "compare")):
        if option:
            path = Path(option).resolve()
            if not (path.is_file() and os.access(path, os.X_OK)):
                raise BenchError(f"--{name} {option}: not an executable file")
            tools[name] = path
    if not args.skip_dossier and "dossier" not in tools:
        tools["dossier"] = build_dossier()
    return tools


def print_setup(tools, work):
    print(f"Working in {work} ({filesystem_of(work)})")
    for name in ("dossier", "compare"):
        if name in tools:
            print(f"  {name:8} {tools[name]}: {version_of([tools[name], '--version'])}")
    if "hugo" in tools:
        print(f"  hugo     {version_of([tools['hugo'], 'version'])}")
    if "cmark" in tools:
        print(f"  cmark    {version_of([tools['cmark'], '--version'])}")
    print(f"  cores    {os.cpu_count()}")
    if filesystem_of(work) in ("tmpfs", "ramfs"):
        print("NOTE: the work folder is in memory, not on disk")
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"NOTE: load average {load:.2f}: other work on this machine "
              "will inflate wall times (cpu s is less affected)")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="Targets (at N = 10000): Hugo wall / Dossier wall >= 5, Dossier cpu < "
               "Hugo cpu, Dossier peak <= 1/4 of Hugo's, Dossier wall <= 2x the floor "
               "(cmark + writing the same files); with --linearity, time per page at "
               "50000 <= 1.2x that at 1000 and peak at 50000 <= 1.2x that at 10000.")
    parser.add_argument("--pages", type=int, nargs="+", action="extend", metavar="N",
                        help="corpus sizes to benchmark (default 10000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="timed rounds after one warm-up round (default 3)")
    parser.add_argument("--corpus", choices=("synthetic", "neutral", "both"), default="both",
                        help="which corpus: Dossier's synthetic one, issue 9's neutral "
                             "one, or both (default)")
    parser.add_argument("--dossier", metavar="PATH",
                        help="time this Dossier binary (default: swift build -c release)")
    parser.add_argument("--compare", metavar="PATH2",
                        help="also time this second Dossier binary, in the same rounds")
    parser.add_argument("--skip-dossier", action="store_true",
                        help="don't build or run Dossier (Hugo and the floor only)")
    parser.add_argument("--linearity", action="store_true",
                        help="also time Dossier and cmark at N = "
                             f"{', '.join(map(str, LINEARITY_SIZES))}")
    parser.add_argument("--keep", metavar="DIR",
                        help="work in DIR and keep it (corpora, outputs, logs)")
    parser.add_argument("--tmpdir", metavar="DIR",
                        help="where to make the work folder (default "
                             f"{DEFAULT_WORK_PARENT}, on disk)")
    parser.add_argument("--charts", action="store_true",
                        help="add a ```chart block to every page of the synthetic corpus")
    parser.add_argument("--rebuild", action="store_true",
                        help="keep the outputs between rounds: time rebuilds into an existing output")
    args = parser.parse_args()
    sizes = args.pages or [TARGET_SIZE]
    if args.runs < 1 or min(sizes) < 1:
        parser.error("--runs and --pages must be at least 1")
    if args.skip_dossier and (args.dossier or args.compare):
        parser.error("--skip-dossier leaves Dossier out; it can't go with --dossier or --compare")
    corpora = CORPORA if args.corpus == "both" else (args.corpus,)

    work = None
    try:
        tools = find_tools(args)
        all_sizes = sizes + list(LINEARITY_SIZES if args.linearity else [])
        # Without --keep each corpus is deleted before the next is made.
        at_once = sum(set(all_sizes)) * len(corpora) if args.keep else max(all_sizes)
        work = prepare_work_dir(args.keep, args.tmpdir, at_once)
        tools["writer"], tools["writer_kind"] = make_floor_writer(work)
        print_setup(tools, work)

        all_results, verdicts = {}, []
        for corpus in corpora:
            for n in sizes:
                results, notes = run_size(corpus, n, args, tools, work,
                                          {"dossier", "hugo", "cmark", "write"})
                all_results[(corpus, n)] = results
                print_table(corpus, n, args.runs, results, notes)
                verdicts += check_targets(n, results)
            if args.linearity:
                for n in LINEARITY_SIZES:
                    if (corpus, n) not in all_results:
                        all_results[(corpus, n)], _ = run_size(
                            corpus, n, args, tools, work, {"dossier", "cmark"})
                verdicts += print_linearity(corpus, all_results)
    except BenchError as error:
        print(f"\n{'=' * 70}\nBENCHMARK ERROR: {error}\n{'=' * 70}", file=sys.stderr)
        return 1
    finally:
        if work is not None:
            if args.keep:
                print(f"\nKept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
                if work.parent == DEFAULT_WORK_PARENT:
                    try:
                        work.parent.rmdir()  # if nothing else is in it
                    except OSError:
                        pass

    failed = verdicts.count(False)
    if len(all_results) > 1:
        print(f"\n{'=' * 30} Summary {'=' * 30}")
        print("\n".join(REPORT))
    print(f"\nTargets: {len(verdicts) - failed} passed, {failed} failed")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
