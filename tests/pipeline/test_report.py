"""Citable outputs: headline numbers, the manifest, the report in a browser, the notebook."""

import base64
import hashlib
import html as html_text
import json
import os
import re
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

import browser
from conftest import REPO, languages, run_pipeline
from raremetals.core import catalogue
from raremetals.render import web
from raremetals.render.figures import FIGURES


def test_numbers_have_stable_unique_macros(built):
    numbers = json.loads((built / "results/numbers.json").read_text())["numbers"]
    macros = [n["macro"] for n in numbers]
    assert len(macros) == len(set(macros))
    assert all(re.fullmatch(r"RM[A-Za-z]+", m) for m in macros)
    for n in numbers:
        assert {"value", "unit", "rounding", "file", "rows", "text"} <= set(n)
        assert (built / n["file"]).is_file()
    by_macro = {n["macro"]: n for n in numbers}
    ree = by_macro["RMRareEarthsProdChinaSharePaper"]
    assert ree["text"] == "97" and ree["value"] == pytest.approx(120_000 / 124_000)
    assert by_macro["RMRareEarthsResChinaSharePaper"]["text"] == "36"
    tex = (built / "results/numbers.tex").read_text()
    assert r"\newcommand{\RMRareEarthsProdChinaSharePaper}{97}" in tex


def test_numbers_the_sources_only_bound_say_so(built):
    by_key = {
        n["key"]: n for n in json.loads((built / "results/numbers.json").read_text())["numbers"]
    }
    # MCS 2026 tantalum reserves: 400,150 t listed, seven countries NA, no world total
    share = by_key["tantalum.reserves.china_share.latest"]
    assert (share["text"], share["bound"]) == ("≤60", "at most")
    assert share["value"] == pytest.approx(240_000 / 400_150)
    assert by_key["tantalum.reserves.total.latest"]["text"] == "≥400,000"
    assert by_key["tantalum.reserves.hhi_range.latest"]["text"] == "1,090–10,000"
    assert by_key["tantalum.rp.latest"]["text"] == "≥160"
    # a country without a number may be the largest: no CR1 or CR3
    assert "tantalum.reserves.cr1.latest" not in by_key
    assert "tantalum.reserves.cr3.latest" not in by_key
    # with a world total nothing is bounded: 2009 from Table 3
    assert by_key["tantalum.reserves.cr1.2009"]["bound"] == ""
    tex = (built / "results/numbers.tex").read_text()
    assert r"\newcommand{\RMTantalumResChinaShareLatest}{\ensuremath{\leq}60}" in tex


def test_every_macro_of_the_example_report_exists(built):
    used = set(re.findall(r"\\(RM[A-Za-z]+)", (REPO / "docs/example_report.tex").read_text()))
    defined = set(
        re.findall(r"\\newcommand\{\\(RM[A-Za-z]+)\}", (built / "results/numbers.tex").read_text())
    )
    assert used and used <= defined, sorted(used - defined)


def test_manifest_lists_every_output_with_its_provenance(built):
    manifest = json.loads((built / "results/manifest.json").read_text())
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {str(p.relative_to(built)) for p in (built / "results").rglob("*") if p.is_file()} - {
        "results/manifest.json"
    }
    assert set(listed) == on_disk
    for path, entry in listed.items():
        data = (built / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["size"] == len(data) and entry["rule"]
    table = listed[catalogue.path("concentration")]
    assert table["rule"] == "concentration"
    assert table["script"] == "workflow/scripts/compute_concentration.py"
    assert catalogue.path("usgs_best_series") in {i["path"] for i in table["inputs"]}
    assert manifest["code_version"]
    assert {"raremetals/stats/measures.py"} <= {c["path"] for c in manifest["library"]}
    # the figure's data: its three tables and the two language catalogues, no module
    fig1 = listed["results/figures/fig1_shares_2009.en.png"]["inputs"]
    assert sorted(i["path"] for i in fig1) == [
        "data/commodities.csv",
        "data/languages/en.yaml",
        "data/languages/ja.yaml",
        catalogue.path("concentration"),
        catalogue.path("country_shares"),
    ]
    # the report counts the same inputs
    report = (built / "results/report.html").read_text(encoding="utf-8")
    row = re.search(
        r"<code>results/figures/fig1_shares_2009\.en\.png</code>.*?<td>(\d+)</td>", report
    )
    assert row and int(row[1]) == len(fig1)


def test_notebook_ran_and_was_rendered(built):
    nb = nbformat.read(built / "results/notebooks/explore.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    assert any(o.get("data", {}).get("image/png") for c in code for o in c.outputs)
    assert "papermill" not in nb.metadata
    html = (built / "results/notebooks/explore.html").read_text(encoding="utf-8")
    assert "rare_earths" in html and "<img" in html


needs_browser = pytest.mark.skipif(
    not browser.available() and not os.environ.get("CI"),
    reason="chromium and chromedriver are not installed "
    "(./pipeline test installs them when run as root)",
)


def local_targets(page: Path, html: str) -> list[Path]:
    """The files a page's relative links and images point at."""
    targets = re.findall(r'(?:href|src)="(?!https?:|data:|#|mailto:)([^"#]+)', html)
    return [(page.parent / t).resolve() for t in targets]


def _click(driver, element) -> None:
    """Click ``element`` as a reader would: brought to the middle of the screen, not under
    the report's navigation, which stays at its top."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _one_script_and_sorts_both_ways(driver) -> None:
    """The audit's tables, in the report or on their own page: one filter box each (the
    audit page's own script is not run a second time in the report), and a second click
    on a heading sorts the other way."""
    audit = "document.querySelectorAll('table.sortable.claims')"
    boxes, sortable = driver.execute_script(
        "return [document.querySelectorAll('input.filter').length, "
        "document.querySelectorAll('table.sortable').length]"
    )
    assert boxes == sortable > 5
    assert driver.execute_script("return document.querySelectorAll('script').length") == 1
    first = driver.execute_script(f"return {audit}[0]")
    button = first.find_element("css selector", "th button")
    claim_ids = "return Array.from(arguments[0].tBodies[0].rows).map(r => r.cells[0].textContent)"
    _click(driver, button)
    up = driver.execute_script(claim_ids, first)
    _click(driver, button)
    down = driver.execute_script(claim_ids, first)
    assert up == sorted(up) and down == sorted(down, reverse=True) and len(up) > 1


FILTER_WORDS = {
    "en": ("Filter rows", "Filter the rows of the table below"),
    "ja": ("行を絞り込む", "下の表の行を絞り込む"),
}
PAGES = {  # page -> (its language, the page it links in the other, words it must show)
    "report.html": ("en", "report.ja.html", ["Key findings", "Rare earths", "97%"]),
    "report.ja.html": ("ja", "report.html", ["主な結果", "レアアース", "97%"]),
    "audit/summary.html": ("en", "summary.ja.html", ["Audit of the paper's numbers"]),
    "audit/summary.ja.html": ("ja", "summary.html", ["論文の数値の監査", "表3の正誤"]),
}


def _static_checks(page: Path, html: str, language: str, other: str) -> None:
    # every relative link and image resolves, and nothing is fetched from the network
    missing = [str(t) for t in local_targets(page, html) if not t.exists()]
    assert missing == []
    assert not re.search(r'(src|href)="//|<script[^>]+src=|<link[^>]+stylesheet', html)
    assert f'<html lang="{language}"' in html and f'href="{other}"' in html
    # a policy lets run only the page's own script (the browser tests find it working)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    script = re.search(r"<script>(.*?)</script>", html, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in policy[1]
    # every link within the page has its target (a status no claim has has no group)
    targets = set(re.findall(r'id="([^"]+)"', html))
    assert sorted(set(re.findall(r'href="#([^"]+)"', html)) - targets) == []
    # no heading twice
    headings = re.findall(r"<h([1-3])[^>]*>(.*?)</h\1>", html)
    assert len(headings) == len(set(headings)), sorted(h for h in headings if headings.count(h) > 1)
    # whatever is marked Japanese (the other page's link 日本語 among it) is set in the
    # embedded face first, so it shows on a machine without a Japanese system font
    assert ',[lang=ja]{font-family:"IPAexGothic",sans-serif}' in html
    # the typeface: a subset in the page, not the 4 MB font file
    assert page.stat().st_size < 3_000_000


def _shown(driver, selector) -> int:
    return driver.execute_script(
        f"return Array.from(document.querySelectorAll('{selector}'))"
        ".filter(e => e.offsetParent !== null).length"
    )


def _report_in_the_browser(driver, results: Path, language: str) -> None:
    images = driver.execute_script(
        "return Array.from(document.images).map(i => [i.getAttribute('src'), "
        "i.getAttribute('loading'), i.naturalWidth / i.naturalHeight, "
        "i.getAttribute('width') / i.getAttribute('height')])"
    )
    assert len(images) >= 20
    # every image waits until it is near the screen: the first load stays under 2 MB
    assert all(lazy == "lazy" for _, lazy, _, _ in images)
    loaded = driver.execute_script(
        "return performance.getEntriesByType('resource').filter(r => "
        "r.initiatorType == 'img').map(r => decodeURI(r.name))"
    )
    page = Path(driver.execute_script("return decodeURI(location.pathname)"))
    first_load = page.stat().st_size + sum(
        Path(u.removeprefix("file://")).stat().st_size for u in loaded
    )
    assert first_load < 2_000_000
    # scrolled to, each image loads, sized to its own shape
    driver.execute_script("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
    deadline = time.time() + 30
    while not driver.execute_script("return Array.from(document.images).every(i => i.complete)"):
        assert time.time() < deadline, "images did not load"
        time.sleep(0.2)
    for src, ok, natural, declared in driver.execute_script(
        "return Array.from(document.images).map(i => [i.getAttribute('src'), "
        "i.naturalWidth > 0, i.naturalWidth / i.naturalHeight, "
        "i.getAttribute('width') / i.getAttribute('height')])"
    ):
        assert ok, src
        assert declared == pytest.approx(natural, rel=0.01), src
    tables = driver.execute_script(
        "return Array.from(document.querySelectorAll('table')).map(t => "
        "[t.rows.length, t.querySelectorAll('td').length])"
    )
    assert len(tables) >= 8 and all(rows > 1 and cells > 0 for rows, cells in tables)
    sections = driver.execute_script(
        "return ['findings','lead','figures','tables','methods','audit','sources',"
        "'appendix','workflow','figure-code','outputs'].map(id => !!document.getElementById(id))"
    )
    assert all(sections)
    # the page is in its language alone: its figures, findings and captions
    figures = len(list((results / "figures").glob("*.caption.json")))
    other = "ja" if language == "en" else "en"
    assert _shown(driver, f'img[src$=".{language}.preview.png"]') == figures
    assert _shown(driver, f'img[src*=".{other}."]') == 0
    findings = driver.find_element("id", "findings").text
    assert ("レアアース" if language == "ja" else "Rare earths") in findings
    caption = driver.find_element("css selector", "#fig1_shares_2009 figcaption").text
    assert ("出典" if language == "ja" else "Source") in caption
    # each figure's preview opens the figure at full size (the 300-dpi PNG)
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('#figures ~ figure > a > img'))"
        ".map(i => [i.parentNode.getAttribute('href'), i.naturalWidth])"
    )
    assert len(links) == figures
    for href, shown in links:
        assert href.endswith(f".{language}.png"), href
        assert web.png_size(results / href)[0] > 2 * shown, href
    # the navigation stays in reach: at the foot of the page it is still at the top of
    # the screen, the other language's page among its links
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    nav = driver.find_element("css selector", "nav.toc")
    assert driver.execute_script("return arguments[0].getBoundingClientRect().top", nav) == 0
    assert nav.find_element("css selector", "a.other-language").is_displayed()
    # a metal's link brings its row of the twelve-metal table below the navigation
    driver.execute_script("window.scrollTo(0, 0)")
    driver.find_element("css selector", 'a[href="#metal-cobalt"]').click()
    row, bar = driver.execute_script(
        "return [document.getElementById('metal-cobalt').getBoundingClientRect().top, "
        "document.querySelector('nav.toc').getBoundingClientRect().bottom]"
    )
    assert bar <= row < bar + 200
    # a sortable, filterable table: the sources, filtered to SIPRI's
    table = "document.querySelector('#sources ~ table.sortable')"
    rows = driver.execute_script(f"return {table}.tBodies[0].rows.length")
    driver.execute_script("return document.querySelector('#sources ~ input.filter')").send_keys(
        "SIPRI"
    )
    visible = driver.execute_script(
        f"return Array.from({table}.tBodies[0].rows).filter(r => !r.hidden).length"
    )
    assert visible == 1 and rows > 5
    header = driver.find_element("css selector", "#sources ~ table.sortable th button")
    _click(driver, header)
    ids = driver.execute_script(
        f"return Array.from({table}.tBodies[0].rows).map(r => r.cells[0].textContent)"
    )
    assert ids == sorted(ids, key=str.lower)
    _one_script_and_sorts_both_ways(driver)


@needs_browser
def test_both_reports_and_both_audit_pages_open_in_a_browser(built, tmp_path):
    results = built / "results"
    shots = {}
    with browser.chromium() as driver:
        for name, (language, other, words) in PAGES.items():
            page = results / name
            html = page.read_text(encoding="utf-8")
            _static_checks(page, html, language, other)
            # the first screen, as wide as a desk's and as a phone's: a finding on each
            for width, height, tag in ((1300, 1000, ""), (390, 844, ".phone")):
                driver.set_window_size(width, height)
                browser.load(driver, page.as_uri())
                first = driver.execute_script("return document.body.innerText.slice(0, 1500)")
                assert all(w in first for w in words[:1]), (name, tag)
                if name.startswith("report"):
                    assert words[1].lower() in first.lower() and words[2] in first, (name, tag)
                scroll = driver.execute_script(
                    "return [document.documentElement.scrollWidth, "
                    "document.documentElement.clientWidth]"
                )
                assert scroll[0] <= scroll[1], (name, tag, scroll)  # no sideways scrolling
                shot = tmp_path / f"{name.replace('/', '_')}{tag}.png"
                driver.save_screenshot(str(shot))
                shots[shot.name] = shot
                if name.startswith("report") and tag:
                    # the twelve-metal table scrolls in its own box, its first column and
                    # its header staying in view
                    moved = driver.execute_script(
                        "const t = document.querySelector('table.lead');"
                        "t.scrollLeft = 300; t.scrollTop = 150;"
                        "const box = t.getBoundingClientRect();"
                        "return [t.scrollLeft, t.scrollTop,"
                        " t.querySelector('tbody th').getBoundingClientRect().left - box.left,"
                        " t.tHead.rows[0].cells[1].getBoundingClientRect().top - box.top]"
                    )
                    assert moved[0] > 0 and moved[1] > 0, (name, moved)
                    assert abs(moved[2]) <= 2 and abs(moved[3]) <= 2, (name, moved)
            driver.set_window_size(1300, 1000)
            browser.load(driver, page.as_uri())
            # the link to the other language's page opens it
            driver.find_element("css selector", "a.other-language, .other-language a").click()
            assert driver.current_url.endswith(other)
            browser.load(driver, page.as_uri())
            # the Japanese typeface covers every character the page uses, placeholder too
            text = driver.execute_script(
                "return document.body.innerText + Array.from(document.querySelectorAll("
                "'input')).map(i => i.placeholder).join('')"
            )
            assert driver.execute_script(
                "return document.fonts.check('12px IPAexGothic', arguments[0])", text
            )
            # the filter boxes speak the page's language
            boxes = driver.execute_script(
                "return Array.from(document.querySelectorAll('input.filter'))"
                ".map(i => [i.placeholder, i.getAttribute('aria-label')])"
            )
            assert {tuple(b) for b in boxes} == {FILTER_WORDS[language]}
            if name.startswith("report"):
                _report_in_the_browser(driver, results, language)
            else:
                groups = driver.find_elements("css selector", "nav.audit-groups a")
                assert len(groups) >= 4
                _one_script_and_sorts_both_ways(driver)
            assert browser.console_errors(driver) == []
    # the first screens are kept beside the working tree's build (the copy the tests built
    # is thrown away)
    kept = REPO / "results"
    if kept.is_dir():
        (kept / "first_screens").mkdir(exist_ok=True)
        for name, shot in shots.items():
            (kept / "first_screens" / name).write_bytes(shot.read_bytes())


def test_an_hhi_range_prints_one_number_where_its_ends_agree(built):
    by_key = {
        n["key"]: n for n in json.loads((built / "results/numbers.json").read_text())["numbers"]
    }
    ranges = [k for k in by_key if ".hhi_range." in k]
    assert len(ranges) == 69
    for key in ranges:
        low, high = (
            by_key[key.replace("hhi_range", b)]["text"] for b in ("hhi_lower", "hhi_upper")
        )
        assert by_key[key]["text"] == (low if low == high else f"{low}–{high}"), key
    # tungsten 2009 (Table 3: 47,000, 2,400 and 2,000 of 58,000 t): 6,595.6 to 6,725.1,
    # printed to the nearest ten; the value keeps every digit
    tungsten = by_key["tungsten.production.hhi_range.2009"]
    assert tungsten["text"] == "6,600–6,730"
    assert tungsten["value"] == pytest.approx(
        10_000 * (47_000**2 + 2_400**2 + 2_000**2) / 58_000**2
    )
    # lithium 2025 (MCS 2026): 2,023.9, the lower and upper bound alike
    assert by_key["lithium.production.hhi_range.latest"]["text"] == "2,020"
    # rare earths 2009: 9,370.3 to 9,371.2 print as one number
    assert by_key["rare_earths.production.hhi_range.2009"]["text"] == "9,370"


def test_snakemake_report_shows_the_figures_and_tables(built, tmp_path):
    out = tmp_path / "report.zip"
    proc = run_pipeline(built, "--report", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        pages = "".join(
            z.read(n).decode("utf-8", "replace") for n in names if n.endswith((".html", ".js"))
        )
    files = {Path(n).name for n in names}
    # both languages of every figure, at full resolution (the previews are the HTML
    # report's copies)
    figures = {p.name for p in (built / "results/figures").glob("*.png")}
    figures = {name for name in figures if not name.endswith(".preview.png")}
    assert len(figures) == 2 * len(FIGURES) and figures <= files
    assert {"table3_corrected.en.html", "concentration.csv", "claims_audit.csv"} <= files
    # captions: the figure's own, and the workflow's description
    assert "China" in pages and "the paper" in pages and "Herfindahl" in pages


@pytest.mark.parametrize("page", ["report.html", "report.ja.html"])
def test_no_link_of_the_report_leaves_results(built, page):
    """Each report is read from results/ alone: the methods it embeds are a section of it."""
    html = (built / "results" / page).read_text(encoding="utf-8")
    assert 'href="#methods"' in html
    assert not re.findall(r'(?:href|src)="\.\./', html)
    # every table of results/stats and results/audit is linked, and the links resolve
    for folder in ("stats", "audit"):
        for table in (built / "results" / folder).glob("*.csv"):
            assert f'href="{folder}/{table.name}"' in html, table.name
    for href in re.findall(r'href="([^"#:]+)"', html):
        assert (built / "results" / href).exists(), href


def test_the_twelve_metals_say_what_changed_in_each_language(built):
    rows = {}
    for page in ("report.html", "report.ja.html"):
        html = (built / "results" / page).read_text(encoding="utf-8")
        lead = html[html.index('id="lead"') : html.index('id="figures"')]
        rows[page] = re.findall(r'<td class="changed">(.*?)</td>', lead)
        assert len(rows[page]) == 12
    # vanadium: Table 3 2009, China 20,000 of 54,000 t (37%); MCS 2026, 2025, 82,000 of
    # the listed 113,300 t (72%); HHI (20² + 19² + 14²) / 54² = 3,282 and 5,623, both
    # above 2,500;
    # Japan's source: South Africa 44% (Table 3, vanadium in forms it does not state),
    # China by value in 2024 for ferro-vanadium alone (Comtrade): unlike goods, no move
    assert rows["report.html"][1] == (
        "China&#x27;s share of production rose from 37% to 72%. Production stayed highly "
        "concentrated. Japan&#x27;s leading source: South Africa in 2009 for the metal "
        "(Table 3), China now for HS 7202.92, one form of the metal: unlike goods, no change "
        "is stated."
    )
    assert rows["report.ja.html"][1] == (
        "中国の産出シェアは37%から72%に上がった。産出は高度の集中のまま。"
        "日本の最大の輸入先は2009年が南アフリカ（表3、鉱種全体）、現在が中国（HS 7202.92、"
        "鉱種の一形態）で、品目が異なるため変化は述べない。"
    )
    # rare earths: magnets stand for neodymium; nothing "moved from China to Philippines"
    assert "moved" not in rows["report.html"][11] and "a proxy" in rows["report.html"][11]
    # chromium: no share of China either year; its 2009 HHI range (2,275 to 2,933) spans
    # two classes
    assert rows["report.html"][2] == (
        "Production went from between moderately concentrated and highly concentrated to "
        "highly concentrated."
    )


def test_the_japanese_audit_shows_statuses_and_classes_in_japanese(built):
    """On the Japanese audit page (alone and inside the Japanese report) a status, an
    erratum's class or an agreement class is shown by its Japanese name; headings and
    column names are Japanese unless they are names (BGS, WMD, ID)."""
    from raremetals.core.text import load_languages

    languages = load_languages([REPO / "data/languages/en.yaml", REPO / "data/languages/ja.yaml"])
    names = languages["ja"].report["audit"]["names"]
    japanese = re.compile(r"[぀-ヿ一-鿿]")
    for page in ("audit/summary.ja.html", "report.ja.html"):
        html = (built / "results" / page).read_text(encoding="utf-8")
        cells = {re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", html)}
        shown_in_english = sorted(w for w in names if w in cells and names[w] != w)
        assert shown_in_english == [], page
        assert "一致" in cells and "世界計" in cells and "コバルト" in cells, page
        heads = [
            re.sub(r"<[^>]+>", "", h) for _, h in re.findall(r"<h([1-4])[^>]*>(.*?)</h\1>", html)
        ]
        heads += [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", html)]
        english = {h for h in heads if not japanese.search(h) and not h.isdigit()}
        assert english <= {"BGS", "WMD", "ID"}, (page, sorted(english))


def test_the_japanese_audit_writes_its_evidence_in_japanese(built):
    """The evidence on the Japanese audit page (of each claim, each erratum of Table 3, and
    why BGS and WMD differ from it) is written from the Japanese catalogue: no wording of an
    English sentence of the audit, no English note it shows and no correction's English
    evidence is left in it. The tables keep the English."""
    import csv
    import string

    english = languages()["en"].report["audit"]["evidence"].values()
    words = {
        chunk
        for template in english
        for chunk, _, _, _ in string.Formatter().parse(template)
        if len(re.findall("[A-Za-z]+", chunk)) >= 3  # a sentence's wording, not a name
    }
    words |= set(languages()["ja"].from_english)
    with open(REPO / "data/corrections/table3_corrections.csv", encoding="utf-8") as f:
        words |= {r["evidence"] for r in csv.DictReader(line for line in f if line[0] != "#")}
    page = (built / "results/audit/summary.ja.html").read_text(encoding="utf-8")
    evidence = {
        claim: html_text.unescape(re.findall(r"<td[^>]*>(.*?)</td>", row)[-1])
        for claim, row in re.findall(r'<tr id="(C\d+)">(.*?)</tr>', page)
    }
    claims = catalogue.read("claims_audit", built / "results/audit/claims_audit.csv")
    assert sorted(evidence) == sorted(claims["claim_id"])
    # the errata's and the three publishers' tables: their last column
    for table in ("errata", "against-bgs"):
        body = re.search(f'<table class="sortable {table}">(.*?)</table>', page, re.S)[1]
        rows = re.findall(r"<tr>(<td.*?)</tr>", body)
        assert len(rows) > 20, table
        for n, row in enumerate(rows):
            last = re.findall(r"<td[^>]*>(.*?)</td>", row)[-1]
            evidence[f"{table} {n}"] = html_text.unescape(last)
    left = sorted((where, w) for where, said in evidence.items() for w in words if w in said)
    assert left == []
    # rare earths 2009 in Table 3: China 120,000 t of a world 124,000 t, 96.77%
    assert evidence["C020"].startswith(
        "表3: 中国 120,000 t、世界計124,000 tの96.8%。別の発行者: BGS 2009年（rare earth oxides）"
    )
    english = claims.set_index("claim_id").loc["C020", "evidence"]
    assert english.startswith(
        "Table 3: China 120,000 t of a world 124,000 t = 96.8%. Another publisher: BGS 2009 "
        "(rare earth oxides)"
    )


def test_the_corrected_table_3_names_a_country_one_way(built):
    """The paper writes 南ア and 南アフリカ, カザフ and カザフスタン; the corrected table
    names each country once one way, in every column; the printed one keeps the paper's."""
    tables = built / "results/tables"
    corrected = (tables / "table3_corrected.ja.md").read_text(encoding="utf-8")
    printed = (tables / "table3_as_printed.ja.md").read_text(encoding="utf-8")
    for short, full in (
        ("南ア", "南アフリカ"),
        ("カザフ", "カザフスタン"),
        ("コンゴ民", "コンゴ民主共和国"),
    ):
        assert corrected.count(short) == corrected.count(full) > 0, short
        assert printed.count(short) > printed.count(full), short
    assert "中国・ロシア（同数）" in corrected and "(tie)" not in corrected
