"""Search in the header, against the built site: the index cut into small files and the
site's search worker, behind Material's own search box and result list."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from explainer import load

from .axe import serious_violations

pytestmark = pytest.mark.browser
DATASET = load(ROOT / "data", root=ROOT)
RESULT = ".md-search-result__item"
LINK = "a.md-search-result__link"


def settled(page, quiet_ms: int = 400) -> None:
    """Wait until the result list has not changed for quiet_ms: results for each prefix
    typed arrive in turn, and a redrawn list drops the focus a key moved into it."""
    page.evaluate(
        """ms => new Promise(done => {
            const list = document.querySelector('.md-search-result') || document.body;
            const finish = () => { seen.disconnect(); done(); };
            let timer = setTimeout(finish, ms);
            const seen = new MutationObserver(() => {
                clearTimeout(timer);
                timer = setTimeout(finish, ms);
            });
            seen.observe(list, {childList: true, subtree: true, characterData: true});
        })""",
        quiet_ms,
    )


def search(page, query: str, path: str = ""):
    page.goto(page.base + path)
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially(query, delay=30)
    page.locator(RESULT).first.wait_for(state="visible")
    settled(page)
    return page


def hrefs(page) -> list[str]:
    # results whose page holds further matches keep them folded in a <details>
    page.locator(".md-search-result__more summary").evaluate_all(
        "els => els.forEach(e => e.parentElement.open = true)"
    )
    return page.locator(f"{RESULT} {LINK}").evaluate_all("els => els.map(e => e.href)")


def test_an_event_is_found_by_a_word_of_its_title(page) -> None:
    event = next(e for e in DATASET.events if "Fakhrizadeh" in e.title)
    search(page, "Fakhrizadeh")
    assert any(re.search(rf"/timeline/\?h=[^#]*#{event.id}$", h) for h in hrefs(page))


def test_a_claim_is_found_with_its_words_marked(page) -> None:
    event = next(e for e in DATASET.events if any("Kirby" in c.text for c in e.claims))
    claim = next(c for c in event.claims if "Kirby" in c.text)
    search(page, "Kirby")
    article = page.locator(f"{LINK}[href$='#{event.id}'] article")
    assert article.count() >= 1
    text = article.first.inner_text()
    assert "Kirby" in text
    # the shown passage is the claim's own text, cut around the match
    before, _, after = claim.text.partition("Kirby")
    assert before[-20:].split()[-1] in text and after[:20].split()[0] in text
    assert article.first.locator("mark").all_inner_texts()[0].lower() == "kirby"
    assert page.errors == []


def test_an_actor_is_found_by_name(page) -> None:
    actor = next(a for a in DATASET.actors if "Marhamati" in a.name)
    search(page, "Marhamati")
    assert any(f"/actors/{actor.id}/" in h for h in hrefs(page))
    first = page.locator(RESULT).first
    assert "Marhamati" in first.locator("h1, h2").first.inner_text()


def test_a_source_is_found_by_its_title(page) -> None:
    source = next(s for s in DATASET.sources if s.title == "Panic grips Koh-i-Sabz")
    search(page, "Panic grips")
    assert any(h.endswith(f"/sources/?h=panic+grips#{source.id}") for h in hrefs(page))


def test_every_matching_word_is_marked_and_the_page_highlights_it(page) -> None:
    search(page, "Panjgur")
    marks = page.locator(f"{RESULT} mark").all_text_contents()
    assert marks and all(m.lower().startswith("panjgur") for m in marks)
    page.locator(f"{RESULT} {LINK}[href*='#']").first.click()
    page.wait_for_url(re.compile(r"\?h=panjgur#"))
    highlighted = page.locator("article mark[data-md-highlight]")
    highlighted.first.wait_for(state="attached")
    assert all(m.lower() == "panjgur" for m in highlighted.all_inner_texts())


def test_a_query_fetches_one_term_file_and_a_few_sections(page) -> None:
    fetched: list[str] = []
    page.context.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url else None)
    search(page, "Panjgur")
    page.wait_for_load_state("networkidle")
    terms = {u.rsplit("/", 1)[1] for u in fetched if "/t/" in u}
    assert terms == {"pa.json"}
    sections = {u for u in fetched if "/d/" in u}
    assert 0 < len(sections) <= 20
    assert not any(u.endswith("search_index.json") and "/x" in u for u in fetched)


def test_words_outside_the_site_find_nothing(page) -> None:
    page.goto(page.base)
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially("Zzyzxqw", delay=30)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="No matching documents").wait_for()
    assert page.locator(RESULT).count() == 0
    assert page.errors == []


def test_keyboard_focus_arrows_and_enter(page) -> None:
    page.goto(page.base)
    page.locator("h1").first.click()  # the page, not a field, has focus
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("Marhamati", delay=30)
    page.locator(RESULT).first.wait_for(state="visible")
    settled(page)  # the answer to an earlier prefix may still be replaced by the last one
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "/actors/alireza-marhamati/" in focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/actors/alireza-marhamati/"))
    page.keyboard.press("Escape")
    page.locator("h1").first.click()
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")


def test_search_works_after_instant_navigation(page) -> None:
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto(page.base)
    page.locator("nav.md-nav--primary a[href$='sources/']").first.click()
    page.wait_for_url(re.compile(r"/sources/$"))
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially("Fakhrizadeh", delay=30)
    page.locator(RESULT).first.wait_for(state="visible")
    settled(page)
    assert any("#fakhrizadeh-killed" in h for h in hrefs(page))
    assert page.evaluate("window.__csp") == []  # the worker and its fetches are allowed
    assert page.errors == []


@pytest.mark.parametrize("dark", [False, True])
def test_search_results_have_no_serious_accessibility_violations(browser, base_url, dark) -> None:
    context = browser.new_context(bypass_csp=True)  # to let the auditor in, as for pages
    page = context.new_page()
    page.goto(base_url)
    if dark:
        page.locator("form[data-md-component=palette] label:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially("Panjgur", delay=30)
    page.locator(RESULT).first.wait_for(state="visible")
    settled(page)
    bad = serious_violations(page, "document.querySelector('.md-search')")
    context.close()
    assert not bad, "\n".join(bad)


def test_search_results_in_dark_mode(page) -> None:
    page.goto(page.base)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially("Panjgur", delay=30)
    page.locator(RESULT).first.wait_for(state="visible")
    settled(page)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    # the result text follows the scheme: light on the dark palette, dark on the light one
    # read from the element as it is now: the list is redrawn while results come in, and a
    # redrawn-away element has no computed style
    selector = json.dumps(f"{RESULT} article")
    rgb = page.wait_for_function(
        f"() => {{ const e = document.querySelector({selector});"
        " return e && e.isConnected && getComputedStyle(e).color; }"
    ).json_value()
    level = sum(int(v) for v in re.findall(r"\d+", rgb)[:3]) / 3
    assert (level > 128) == (scheme == "slate"), (scheme, rgb)
    assert page.errors == []


def test_accents_do_not_matter(page) -> None:
    # the worker folds the query as the build folds the index: "antonio" finds "António"
    assert any("António" in p.read_text() for p in (ROOT / "data").glob("*.yaml"))
    search(page, "antonio")
    marks = page.locator(f"{RESULT} mark").all_text_contents()
    assert "António" in marks
