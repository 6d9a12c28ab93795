#!/usr/bin/python3
"""Strict structural check of a Proctor HTML report (the standard library's parser; Debian ships no
html5lib here): every non-void element closed in order, no stray end tag, one <html>/<head>/<body>,
no <script>, no external resource (src/href to anything but a fragment), and nothing loaded from
outside (the page is self-contained). Prints one line per problem; exit 1 when there is any."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements HTML lets one omit the end tag of are still closed by Proctor's writer: checked strictly.


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.counts = {}
        self.doctype = False

    def where(self):
        line, col = self.getpos()
        return f"line {line}, column {col + 1}"

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag, attrs):
        in_svg = any(t == "svg" for t, _ in self.stack)  # SVG <title>s are tooltips, not the page's
        if not in_svg:
            self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "script":
            self.problems.append(f"{self.where()}: <script> in a report")
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset") and value and not value.startswith("#"):
                self.problems.append(f"{self.where()}: external reference {name}={value!r}")
            if name.startswith("on"):
                self.problems.append(f"{self.where()}: event handler attribute {name}")
        if tag not in VOID:
            self.stack.append((tag, self.where()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()  # <circle .../> in inline SVG

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"{self.where()}: end tag for void element </{tag}>")
            return
        if not self.stack:
            self.problems.append(f"{self.where()}: stray </{tag}>")
            return
        open_tag, opened = self.stack[-1]
        if open_tag != tag:
            self.problems.append(f"{self.where()}: </{tag}> closes <{open_tag}> opened at {opened}")
            return
        self.stack.pop()


def check(text):
    c = Checker()
    c.feed(text)
    c.close()
    problems = list(c.problems)
    if not c.doctype:
        problems.append("no <!DOCTYPE html>")
    for tag, opened in c.stack:
        problems.append(f"<{tag}> opened at {opened} is never closed")
    for tag in ("html", "head", "body", "title"):
        if c.counts.get(tag, 0) != 1:
            problems.append(f"{c.counts.get(tag, 0)} <{tag}> elements, expected 1")
    if "@import" in text or "url(" in text:
        problems.append("the style sheet loads something (@import or url())")
    return problems


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        found = check(f.read())
    for p in found:
        print(p)
    sys.exit(1 if found else 0)
