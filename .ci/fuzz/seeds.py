#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the example site into DIR/<target>/.

splitter, frontmatter, page: every Markdown file under content/, plus site.yaml and
indicators.yaml for frontmatter; chart and table: the body of every ```chart and ```table
block in content/ and docs/; template: every built-in template.
"""
import pathlib
import re
import sys

repo = pathlib.Path(__file__).resolve().parents[2]
out = pathlib.Path(sys.argv[1])
fence = re.compile(r"^( *)```(chart|table)\n(.*?)^\1```", re.S | re.M)


def blocks(text, name):
    for number, match in enumerate(fence.finditer(text)):
        indent = len(match.group(1))
        body = "".join(line[indent:] for line in match.group(3).splitlines(keepends=True))
        put(match.group(2), f"{name}-{number}", body)


def put(target, name, text):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


for path in sorted((repo / "content").rglob("*.md")):
    text = path.read_text()
    name = str(path.relative_to(repo / "content")).replace("/", "_")
    for target in ("splitter", "frontmatter", "page"):
        put(target, name, text)
    blocks(text, name)
for path in sorted((repo / "docs").glob("*.md")):
    blocks(path.read_text(), "docs_" + path.name)
# One block of each chart type the example site does not show, and a table with numbers.
extra_charts = {
    "trend": "type: trend\ntitle: Calls\noptions: {unit: count, target: 90}\ndata:\n  - {label: Q1, value: 80, target: 85}\n  - {label: Q2, value: 95}\n",
    "status": "type: status\ntitle: Actions\ndata:\n  - {label: Plan, complete: 3, in-hand: 2, overdue: 1}\n",
    "measure": "type: measure\ntitle: Faults\noptions: {unit: days}\ndata:\n  baseline: {value: 5, label: 2006}\n  latest: {value: 3}\n  target: {value: 2, label: 2008}\n",
    "donut-list": "type: donut\ntitle: D\ndata:\n  - {label: Done, value: 3}\n  - {label: Open, value: 1}\n",
}
for name, text in extra_charts.items():
    put("chart", name, text)
put("table", "numbers", "caption: Costs\nItem,Cost\nLicences,1200\nSupport,\"350.5\"\n")
for name in ("site.yaml", "indicators.yaml"):
    put("frontmatter", name, (repo / "content" / name).read_text())
for path in sorted((repo / "templates").rglob("*.mustache")):
    put("template", str(path.relative_to(repo / "templates")).replace("/", "_"), path.read_text())
