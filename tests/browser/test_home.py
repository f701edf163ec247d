"""The reader's way in, in headless Chromium: the home page's brief, key figures and
day strip, and the questions page."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re

import pytest

from conftest import ROOT
from explainer import load

pytestmark = pytest.mark.browser
DATASET = load(ROOT / "data", root=ROOT)


def _days() -> list[dt.date]:
    dates = [DATASET.event_by_id[d.event].date for d in DATASET.days]
    first, last = min(dates), max(dates)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


@pytest.mark.parametrize("section", ["#in-brief", "#key-figures"])
def test_the_markers_of_the_home_sections_open_their_evidence(page, section: str) -> None:
    page.goto(page.base)
    # the first marker after the section's heading
    ref = page.locator(f"h2{section} ~ * sup.ex-ref > a").first
    note = ref.get_attribute("href").rsplit("#", 1)[1]
    quote = page.locator(f"li[id='{note}'] q.ex-quote").text_content()
    ref.hover()
    tip = page.locator(".ex-tip")
    tip.wait_for(state="visible")
    assert quote[:40] in tip.inner_text()
    assert tip.locator("a.ex-source").count() == 1


def test_the_brief_and_figures_quote_two_sources_or_more_for_most_claims(page) -> None:
    page.goto(page.base)
    counts = page.locator("h2#in-brief ~ p").evaluate_all(
        "ps => ps.flatMap(p => p.innerHTML.split('<a id=\"claim-').slice(1)"
        '.map(c => (c.match(/class="ex-ref"/g) || []).length))'
    )
    assert 6 <= len(counts) <= 10
    assert all(n >= 2 for n in counts)


def test_the_day_strip_is_an_ordered_list_with_a_cell_per_day(page) -> None:
    page.goto(page.base)
    strip = page.locator("ol.ex-days")
    assert strip.count() == 1
    cells = strip.locator("> li")
    days = _days()
    assert cells.count() == len(days)
    stamps = cells.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert stamps == [d.isoformat() for d in days]
    with_events = {e.date for e in DATASET.events}
    links = [cells.nth(i).locator("a").count() for i in range(len(days))]
    assert links == [1 if d in with_events else 0 for d in days]


def test_the_day_strip_is_tabbable_in_order_with_a_visible_focus(page) -> None:
    page.goto(page.base)
    hrefs = page.locator("ol.ex-days a").evaluate_all("as => as.map(a => a.href)")
    assert len(hrefs) >= 5
    page.locator("h2#the-crisis-day-by-day").scroll_into_view_if_needed()
    page.locator("ol.ex-days a").first.focus()
    page.keyboard.press("Shift+Tab")
    seen = []
    outlines = []
    for _ in hrefs:
        page.keyboard.press("Tab")
        seen.append(page.evaluate("() => document.activeElement.href"))
        outlines.append(
            page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        )
    assert seen == hrefs
    assert all(style not in ("none", "") for style in outlines), outlines


def test_each_day_links_to_an_event_of_that_day(page) -> None:
    page.goto(page.base)
    cells = page.locator("ol.ex-days li:has(a)").evaluate_all(
        "ls => ls.map(l => [l.querySelector('time').getAttribute('datetime'),"
        " l.querySelector('a').href])"
    )
    by_id = DATASET.event_by_id
    for day, href in cells:
        event_id = href.rsplit("#", 1)[1]
        assert by_id[event_id].date.isoformat() == day
    day, href = cells[2]
    page.goto(href)
    target = page.locator(f"[id='{href.rsplit('#', 1)[1]}']")
    assert target.count() == 1 and target.is_visible()
    assert by_id[href.rsplit("#", 1)[1]].title in target.inner_text()


def test_the_day_strip_fits_a_phone_and_wraps_into_a_grid(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    pg = context.new_page()
    pg.goto(base_url)
    box = pg.locator("ol.ex-days").bounding_box()
    lefts = pg.locator("ol.ex-days > li").evaluate_all(
        "ls => ls.map(l => Math.round(l.getBoundingClientRect().left))"
    )
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= 375 and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert len(set(lefts)) >= 2  # more than one column, so the strip stays short


def test_the_day_strip_and_brief_work_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url)
    assert pg.locator("ol.ex-days a").first.is_visible()
    assert pg.locator("h2#in-brief ~ p sup.ex-ref").first.is_visible()
    context.close()


def test_the_home_page_links_to_the_questions(page) -> None:
    page.goto(page.base)
    page.locator("article a[href$='questions/']").first.click()
    page.wait_for_url(re.compile(r"/questions/$"))


def _faq(page) -> dict:
    blocks = page.locator("script[type='application/ld+json']").evaluate_all(
        "els => els.map(e => JSON.parse(e.textContent))"
    )
    [faq] = [b for b in blocks if b["@type"] == "FAQPage"]
    return faq


def test_the_questions_page_has_ten_questions_and_matching_faq_data(page) -> None:
    page.goto(page.base + "questions/")
    questions = page.locator("article h2").evaluate_all(
        "hs => hs.map(h => h.firstChild.textContent.trim())"
    )
    assert len(questions) >= 10 and len(questions) == len(DATASET.questions)
    faq = _faq(page)
    assert faq["@context"] == "https://schema.org"
    assert [q["name"] for q in faq["mainEntity"]] == questions
    # what a reader sees, without the marker numbers and badges, is what the data says
    visible = page.locator("div.ex-answer").evaluate_all(
        "ds => ds.map(d => { const c = d.cloneNode(true);"
        " c.querySelectorAll('sup.ex-ref, .ex-badge').forEach(x => x.remove());"
        " return c.textContent.replace(/\\s+/g, ' ').trim(); })"
    )
    answers = [q["acceptedAnswer"]["text"] for q in faq["mainEntity"]]
    assert all(q["@type"] == "Question" for q in faq["mainEntity"])
    assert visible == answers


def test_the_answers_link_to_their_events_and_actors(page) -> None:
    page.goto(page.base + "questions/")
    first = DATASET.questions[0]
    links = page.locator(".ex-answer-links a").evaluate_all("as => as.map(a => a.href)")
    for event_id in first.events:
        assert any(h.endswith(f"timeline/#{event_id}") for h in links), event_id
    for actor_id in first.actors:
        assert any(h.endswith(f"actors/{actor_id}/") for h in links), actor_id
    page.goto(next(h for h in links if "#" in h))
    assert page.locator(f"[id='{first.events[0]}']").is_visible()


def test_the_faq_data_is_allowed_by_the_policy_without_a_hash(page) -> None:
    page.goto(page.base + "questions/")
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src
    # a data block is never run, so the policy lists no hash for it
    body = page.locator("script[type='application/ld+json']").last.text_content()
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
    assert json.loads(body)["@type"] == "FAQPage"
    assert digest not in policy
