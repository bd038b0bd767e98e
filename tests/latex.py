"""Compiling the pipeline's LaTeX with Debian's TeX Live: the tables in an A4 document,
with pdfLaTeX (English) and LuaLaTeX (every language), and their text read back with
pdftotext (poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ENGINES = ("pdflatex", "lualatex")
PREAMBLE = {
    # Latin Modern in T1, with a Unicode map so that pdftotext reads ×, † and – back
    "pdflatex": r"\input{glyphtounicode}\pdfgentounicode=1"
    r"\usepackage[T1]{fontenc}\usepackage{lmodern}",
    "lualatex": r"\usepackage{luatexja}",
}


def available() -> bool:
    return all(shutil.which(tool) for tool in (*ENGINES, "pdftotext"))


def document(engine: str, body: str) -> str:
    """An A4 article with 2 cm margins and the packages the tables name."""
    from raremetals.render.tables import LATEX_PREAMBLE

    return "\n".join(
        [
            r"\documentclass[a4paper]{article}",
            PREAMBLE[engine],
            r"\usepackage[margin=2cm]{geometry}",
            LATEX_PREAMBLE,
            r"\begin{document}",
            body,
            r"\end{document}",
            "",
        ]
    )


def compile_tex(engine: str, tex: str, workdir: Path, name: str = "doc") -> tuple[str, str]:
    """Compile ``tex`` in ``workdir``; the log and the PDF's text. Fails on an error."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / f"{name}.tex").write_text(tex, encoding="utf-8")
    for _ in range(2):  # longtable settles its column widths on the second run
        proc = subprocess.run(
            [engine, "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
            cwd=workdir,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=300,
        )
        log = (workdir / f"{name}.log").read_text(errors="replace")
        assert proc.returncode == 0, f"{engine} failed on {name}:\n" + log[-3000:]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", f"{name}.pdf", "-"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return log, text


def overfull(log: str) -> list[str]:
    return re.findall(r"^Overfull \\[hv]box.*$", log, flags=re.M)


def squeeze(text: str) -> str:
    """Text without whitespace or hyphens, so that line breaks do not matter, and with
    TeX's typographic quotes and dashes read as typed."""
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-"}))
    return re.sub(r"[\s\-‐]", "", text)


def cited(body: str, folder) -> str:
    """The text of a document citing ``folder/sources.bib`` with BibTeX's plain style."""
    tex = "\n".join(
        [
            r"\documentclass[a4paper]{article}",
            r"\usepackage{luatexja}",
            r"\begin{document}",
            body,
            r"\bibliographystyle{plain}",
            r"\bibliography{sources}",
            r"\end{document}",
        ]
    )
    compile_tex("lualatex", tex, folder, "cite")
    proc = subprocess.run(["bibtex", "cite"], cwd=folder, capture_output=True, text=True)
    assert proc.returncode == 0 and "error" not in proc.stdout.lower(), proc.stdout
    _, text = compile_tex("lualatex", tex, folder, "cite")
    return " ".join(text.split())
