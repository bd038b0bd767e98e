"""What the HTML pages share: their templates (Jinja2, beside the modules that fill
them: ``report.html.j2`` beside ``report.py``), the Japanese typeface embedded as a
subset of the characters a page uses, a local script that makes tables sortable and
filterable, and links rebased to ``results/``.

Nothing is fetched from elsewhere: a page opens offline, on a machine without Japanese
fonts, from a copy of the ``results/`` folder.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import os
import re
from functools import cache
from pathlib import Path, PurePosixPath

import jinja2
from markupsafe import Markup

FAMILY = "IPAexGothic"

SCRIPT = Path(__file__).with_name("web.js").read_text(encoding="utf-8")

STYLE = """
table.sortable th{padding:0} table.sortable th button.sort{font:inherit;font-weight:bold;
background:none;border:0;padding:.2em .5em;cursor:pointer;text-align:left;width:100%}
th[aria-sort=ascending] button.sort::after{content:" \\25B2"}
th[aria-sort=descending] button.sort::after{content:" \\25BC"}
input.filter{margin:.5em 0;padding:.2em .4em;width:20em;max-width:100%;font:inherit;
font-family:"IPAexGothic",sans-serif}
html[lang=ja] body,[lang=ja]{font-family:"IPAexGothic",sans-serif}
table{display:block;overflow-x:auto;max-width:100%} body{overflow-wrap:break-word}
"""


def _escaped(value) -> Markup:
    """Every value a template prints, escaped as ``html.escape`` escapes it (quotes too, as
    ``&quot;`` and ``&#x27;``), unless it is markup already (``Markup``: a fragment the
    library made, such as a number with its source on hover)."""
    return value if hasattr(value, "__html__") else Markup(html.escape(str(value)))


@cache
def templates() -> jinja2.Environment:
    """The pages' templates, escaping on: a value is text unless it is ``Markup``. A name
    the template uses that its caller did not give stops the page (``StrictUndefined``)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        finalize=_escaped,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **values) -> str:
    """Template ``template`` (a file name beside this module) filled with ``values``."""
    return templates().get_template(template).render(**values)


def page(template: str, style: str, **values) -> str:
    """A whole page: ``template`` filled with ``values`` and what every page has, its
    style (``style``, then the pages' shared :data:`STYLE`), the embedded typeface made for
    the text the template passes to ``font_face``, the shared script, and the security
    policy that lets only that script run."""
    filled = render(
        template,
        font_face=lambda text: Markup(font_face(text)),
        style=Markup(style + STYLE),
        script=Markup(SCRIPT),
        **values,
    )
    return with_csp(filled + "\n")


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.I)


def with_csp(page: str) -> str:
    """``page`` with a Content-Security-Policy that lets run only the inline scripts it
    holds (by their SHA-256) and loads nothing but its own images (beside it or as data)
    and its embedded font: markup that reached a cell despite the escaping cannot run a
    script, fetch or post anything. A script with ``src`` is refused: the pages load none."""
    if re.search(r"<script\b[^>]*\bsrc=", page, re.I):
        raise ValueError("a page of results/ loads no script from a file or the network")
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(page)
        }
    )
    policy = "; ".join(
        [
            "default-src 'none'",
            "script-src " + (" ".join(hashes) or "'none'"),
            "style-src 'unsafe-inline'",
            "img-src 'self' data: file:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = _HEAD.search(page)
    if head is None:
        raise ValueError("a page without <head>: no place for its security policy")
    return page[: head.end()] + meta + page[head.end() :]


def page_name(stem: str, code: str) -> str:
    """The file of a page in a language: ``stem.html`` in English, ``stem.<code>.html``
    in another (report.ja.html)."""
    return f"{stem}.html" if code == "en" else f"{stem}.{code}.html"


def font_face(text: str) -> str:
    """An @font-face rule embedding IPAexGothic as a subset of the characters of
    ``text`` and of the page's script (a data URI), so that the page needs no font file
    and stays small. The script's own characters are in it too; its words are the page's
    (the filter box's, which the template passes)."""
    data = _subset(frozenset(text) | frozenset(SCRIPT) | frozenset(" "))
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'@font-face{{font-family:"{FAMILY}";'
        f'src:url("data:font/ttf;base64,{encoded}") format("truetype")}}'
    )


@cache
def _subset(characters: frozenset[str]) -> bytes:
    from fontTools import subset
    from matplotlib_fontja import get_font_ttf_path

    options = subset.Options()
    options.name_IDs = ["*"]  # keep the name table, with the licence notice
    options.recalc_timestamp = False  # same characters, same bytes
    font = subset.load_font(get_font_ttf_path(), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


_LINK = re.compile(r'(\s(?:href|src)=")([^"#:]+?)((?:#[^"]*)?")')


def rebase_links(fragment: str, source_dir: str, target_dir: str = "results") -> str:
    """Relative links of HTML made from a file in ``source_dir`` (folders from the
    repository's root), rewritten for a page in ``target_dir``."""

    def rebase(m: re.Match) -> str:
        path = PurePosixPath(os.path.normpath(PurePosixPath(source_dir, m[2]).as_posix()))
        return m[1] + os.path.relpath(path.as_posix(), target_dir) + m[3]

    return _LINK.sub(rebase, fragment)


def png_size(path) -> tuple[int, int]:
    """Width and height of a PNG, read from its header."""
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
