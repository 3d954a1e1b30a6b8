"""A checker for text that reaches Streamlit's Markdown: does any markup from hostile data survive?

It mirrors what react-markdown + remark-gfm (Streamlit's renderer) would turn into a link, an image, HTML,
a heading or emphasis, for the hostile strings of the tests (HOSTILE)."""

from __future__ import annotations

import re

HOSTILE = [
    "![x](http://evil.example/x.png)",
    "[klikk](http://evil.example)",
    "https://evil.example/bare",
    "www.evil.example",
    "ond@evil.example",
    "<b>html</b>",
    "# heading",
    "**bold**",
]

_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# remark-gfm's autolink literals (mdast-util-gfm-autolink-literal), as Streamlit 1.67 ships them.
_GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE)
_GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")


def _unescaped(value: str) -> list[tuple[str, bool]]:
    """Each shown character with whether Markdown still treats it as markup (not backslash-escaped)."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in _PUNCT:
            out.append((value[i + 1], False))
            i += 2
        else:
            out.append((value[i], True))
            i += 1
    return out


def markup_left(value: str) -> list[str]:
    """What in `value` Streamlit's Markdown would render as markup from hostile data (empty: none)."""
    chars = _unescaped(str(value))
    shown = "".join(c for c, _ in chars)
    live = "".join(c if active and c in _PUNCT else "." if c in _PUNCT else c for c, active in chars)
    problems = []
    if re.search(r"!\[[^\]]*\]\(", live):
        problems.append("image")
    for m in re.finditer(r"\[[^\]]*\]\(([^)]*)\)", live):
        if "evil" in shown[m.start(1) : m.end(1)]:
            problems.append("link to evil.example")
    if re.search(r"</?(b|i|img|a|script|iframe)\b", live, re.IGNORECASE):
        problems.append("HTML tag")
    if re.search(r"(^|\n)\s{0,3}#{1,6}\s+heading", live):
        problems.append("heading")
    if re.search(r"\*\*bold\*\*", live):
        problems.append("emphasis")
    # A link's own address (the dashboard's source links, "[title](<url>)") is not autolinked again.
    plain = list(shown)
    for m in re.finditer(r"\]\(([^)]*)\)", live):
        plain[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    plain = "".join(plain)
    if _GFM_URL.search(plain) or _GFM_EMAIL.search(plain):
        problems.append("autolinked URL or e-mail")
    return problems


def shown(value: str) -> str:
    """The text a reader sees of `value` as Markdown: backslash escapes and the zero-width joiners removed."""
    return "".join(c for c, _ in _unescaped(str(value))).replace("\u200d", "")
