#!/usr/bin/env python3
"""check_links.py SITE_DIR BASE_PATH

Every internal link and asset of a built site resolves, without a web server:

- in every .html file: href/src/srcset/poster/… attributes, url() in style attributes and
  <style> elements, <meta http-equiv=refresh>;
- in every .css file: url(…) and @import;
- in every .xml file (sitemap, Atom feeds): <loc> and <link href>, when they point at this site.

A link is internal when it is relative, root-relative, or absolute at the site's own origin (the
origin of the pages' <link rel="canonical">). An internal link must stay under BASE_PATH, must
name a file that exists (a folder URL needs its trailing slash and an index.html), and its
fragment, if any, must be an id (or <a name>) in the target page. Links with other schemes
(mailto:, tel:, data:) and links to other origins are counted, not followed.
"""

from __future__ import annotations

import os
import sys
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections import Counter

sys.dont_write_bytecode = True  # keep .ci/checks free of __pycache__
import sitecheck as sc  # noqa: E402

# Fragments a browser handles without an element of that id (HTML: "top" scrolls to the top).
BUILT_IN_FRAGMENTS = {"", "top"}


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    if sc.check_tools_only(argv):
        print("check_links: needs nothing but Python 3")
        return sc.EXIT_OK
    if len(args) != 2:
        sc.usage("check_links.py", "SITE_DIR BASE_PATH")
    site = sc.site_dir_argument(args[0])
    base = sc.normalise_base_path(args[1])
    timer = sc.Timer()

    files = sc.site_files(site)
    file_set = set(files)
    pages: dict[str, sc.PageParser] = {}
    for relative in files:
        if relative.endswith((".html", ".htm")):
            pages[relative] = sc.parse_page(sc.read_text(os.path.join(site, relative)))

    # The site's own absolute origin(s), from the canonical links.
    origins = {sc.LOCAL_ORIGIN}
    for parser in pages.values():
        for link in parser.links:
            if link.tag == "link" and "canonical" in link.rel.split():
                parts = urllib.parse.urlsplit(link.url)
                if parts.scheme in ("http", "https") and parts.netloc and parts.path.startswith(base):
                    origins.add(f"{parts.scheme}://{parts.netloc}".lower())

    problems: list[str] = []
    counts = Counter()

    def check(source: str, link: sc.Link, against: str) -> None:
        """Checks one link found in `source` (relative file), resolving it against URL `against`."""
        url = link.url
        if not sc.is_checkable(url):
            counts["other schemes (not followed)"] += 1
            return
        resolved = urllib.parse.urljoin(against, url)
        parts = urllib.parse.urlsplit(resolved)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin not in origins:
            counts["external (not followed)"] += 1
            return
        where = f"{source}:{link.line}: {link.describe()}"
        counts["internal links checked"] += 1
        target = sc.file_for_url_path(parts.path or "/", base)
        if target is None:
            problems.append(f"{where} points outside the base path {base} (resolves to {parts.path})")
            return
        if target not in file_set:
            folder = os.path.join(site, target)
            if os.path.isdir(folder) and os.path.isfile(os.path.join(folder, "index.html")):
                problems.append(f"{where} names the folder {target}/ without its trailing slash "
                                "(a server has to redirect it; a file share cannot)")
            else:
                problems.append(f"{where} does not resolve: {target} is not in the site")
            return
        fragment = urllib.parse.unquote(parts.fragment)
        if parts.fragment or resolved.endswith("#"):
            counts["with a fragment"] += 1
        if fragment in BUILT_IN_FRAGMENTS:
            return
        if target.endswith((".html", ".htm")):
            if fragment not in pages[target].ids:
                problems.append(f"{where}: no element with id=\"{fragment}\" in {target}")

    for relative, parser in pages.items():
        page_url = sc.LOCAL_ORIGIN + sc.url_path_for_file(relative, base)
        against = urllib.parse.urljoin(page_url, parser.base_href) if parser.base_href else page_url
        for link in parser.links + parser.css_links():
            check(relative, link, against)
        counts["pages"] += 1

    for relative in files:
        if relative.endswith(".css"):
            counts["stylesheets"] += 1
            text = sc.read_text(os.path.join(site, relative))
            css_url = sc.LOCAL_ORIGIN + sc.url_path_for_file(relative, base)
            for url in sc.css_urls(text):
                if url.startswith("#"):
                    continue  # an SVG paint server reference, not a file
                line = 1 + text[: text.find(url)].count("\n") if url in text else 0
                check(relative, sc.Link(url, "css", "url()", line), css_url)
        elif relative.endswith(".xml"):
            counts["XML files (feeds, sitemap)"] += 1
            xml_url = sc.LOCAL_ORIGIN + sc.url_path_for_file(relative, base)
            try:
                root = ElementTree.parse(os.path.join(site, relative)).getroot()
            except ElementTree.ParseError as error:
                problems.append(f"{relative}: is not well-formed XML: {error}")
                continue
            for element in root.iter():
                name = element.tag.rsplit("}", 1)[-1]
                if name == "loc" and element.text:
                    check(relative, sc.Link(element.text.strip(), "loc", "text", 0), xml_url)
                elif name in ("link", "icon", "logo") and (element.get("href") or (element.text or "").strip()):
                    url = element.get("href") or element.text.strip()
                    check(relative, sc.Link(url, name, "href", 0), xml_url)

    print(f"check_links: {site} served at {base}")
    print(f"  {len(files)} files; " + "; ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    print(f"  site origins: {', '.join(sorted(o for o in origins if o != sc.LOCAL_ORIGIN)) or '(none: no canonical links)'}")
    if problems:
        print(f"FAILED: {len(problems)} broken internal link(s) in {timer}:")
        for problem in problems:
            print(f"  {problem}")
        return sc.EXIT_FAILED
    if counts["internal links checked"] == 0:
        print("FAILED: no internal link was found; is this the right folder?")
        return sc.EXIT_FAILED
    print(f"PASSED: every internal link, asset and fragment resolves ({timer})")
    return sc.EXIT_OK


if __name__ == "__main__":
    sc.run(main, __doc__)
