"""The reader's experience in real headless Chromium against the built site."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from explainer import load

from .axe import serious_violations
from .conftest import PAGE_TYPES

pytestmark = pytest.mark.browser
DATASET = load(ROOT / "data", root=ROOT)


def _first_marker(page):
    ref = page.locator("sup.ex-ref > a").first
    note = ref.get_attribute("href").rsplit("#", 1)[1]
    quote = page.locator(f"li[id='{note}'] q.ex-quote").text_content()
    return ref, note, quote


def test_hovering_a_marker_shows_its_quote(page) -> None:
    page.goto(page.base + "timeline/")
    ref, _note, quote = _first_marker(page)
    ref.hover()
    tip = page.locator(".ex-tip")
    tip.wait_for(state="visible")
    assert quote[:40] in tip.inner_text()
    assert tip.locator("a.ex-source").get_attribute("href").count("#:~:text=") == 1
    assert tip.locator("a.ex-archive").count() == 1
    assert ref.get_attribute("aria-controls") == tip.get_attribute("id")
    page.mouse.move(5, 5)
    tip.wait_for(state="detached")


def test_tapping_a_marker_on_a_phone_shows_the_quote_in_place(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    page = context.new_page()
    page.goto(base_url + "timeline/")
    ref, _note, quote = _first_marker(page)
    ref.scroll_into_view_if_needed()
    before = page.evaluate("() => [location.hash, window.scrollY]")
    ref.tap()
    tip = page.locator(".ex-tip")
    tip.wait_for(state="visible")
    assert quote[:40] in tip.inner_text()
    assert page.evaluate("() => [location.hash, window.scrollY]") == before  # no jump
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.locator("h1").tap()
    tip.wait_for(state="detached")
    context.close()


def test_keyboard_opens_the_evidence_and_escape_returns(page) -> None:
    page.goto(page.base + "timeline/")
    ref, _note, _quote = _first_marker(page)
    ref.focus()
    tip = page.locator(".ex-tip")
    tip.wait_for(state="visible")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.closest('.ex-tip') !== null")
    page.keyboard.press("Escape")
    tip.wait_for(state="detached")
    assert page.evaluate("() => document.activeElement.closest('sup.ex-ref') !== null")


def test_a_link_into_a_folded_evidence_list_unfolds_it(page) -> None:
    page.goto(page.base + "timeline/")
    evidence = page.locator("details.ex-evidence")
    assert evidence.get_attribute("open") is None
    _ref, note, _quote = _first_marker(page)
    page.goto(page.base + f"timeline/#{note}")
    page.locator(f"li[id='{note}']").wait_for(state="visible")
    assert evidence.get_attribute("open") is not None
    assert page.locator(f"li[id='{note}']").is_visible()


def test_the_tip_links_to_the_evidence_list(page) -> None:
    page.goto(page.base + "timeline/")
    ref, note, _quote = _first_marker(page)
    ref.click()
    page.locator(".ex-tip a.ex-tip-more").click()
    page.locator(f"li[id='{note}']").wait_for(state="visible")
    assert page.locator(".ex-tip").count() == 0


def test_source_links_open_at_the_quote(page) -> None:
    page.goto(page.base + "timeline/")
    hrefs = page.locator("a.ex-source").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("#:~:text=" in h for h in hrefs)
    archives = page.locator("a.ex-archive").evaluate_all("els => els.map(e => e.href)")
    assert len(archives) == len(hrefs) and all(a.startswith("https://") for a in archives)


def test_filtering_by_actor_hides_the_others(page) -> None:
    page.goto(page.base + "timeline/")
    events = page.locator(".ex-event")
    total = events.count()
    assert total == len(DATASET.events)
    page.select_option("select[data-ex-filter=actors]", "china")
    visible = page.locator(".ex-event:visible")
    expected = sum(1 for e in DATASET.events if "china" in e.actors)
    assert 0 < visible.count() == expected < total
    for actors in visible.evaluate_all("els => els.map(e => e.dataset.actors)"):
        assert "china" in actors.split()
    assert "actor=china" in page.url
    page.select_option("select[data-ex-filter=actors]", "")
    assert page.locator(".ex-event:visible").count() == total


def test_filter_from_a_shared_link(page) -> None:
    page.goto(page.base + "timeline/?tag=strike")
    expected = sum(1 for e in DATASET.events if "strike" in e.tags)
    assert 0 < page.locator(".ex-event:visible").count() == expected


def test_every_event_is_visible_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "timeline/")
    assert pg.locator(".ex-event:visible").count() == len(DATASET.events)
    assert not pg.locator("form.ex-filters").is_visible()
    context.close()


def test_actor_link_leads_to_actor_page_and_back(page) -> None:
    page.goto(page.base + "timeline/")
    event = page.locator(".ex-event").filter(has=page.locator("#iran-strike-koh-i-sabz"))
    event.get_by_role("link", name="Jaish al-Adl", exact=True).last.click()
    page.wait_for_url(re.compile(r"/actors/jaish-al-adl/$"))
    back = page.locator("a[href$='timeline/#iran-strike-koh-i-sabz']")
    assert back.count() >= 1
    back.first.click()
    page.wait_for_url(re.compile(r"/timeline/#iran-strike-koh-i-sabz$"))


def test_search_finds_panjgur(page) -> None:
    page.goto(page.base)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially("Panjgur", delay=50)  # typed as a reader types it
    # results for the partial query come first; the index is built in a web worker,
    # slowly on a loaded machine
    hit = page.locator(".md-search-result__item", has_text=re.compile("panjgur", re.I))
    hit.first.wait_for(state="visible", timeout=60_000)
    assert page.locator(".md-search-result__item").count() >= 1


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_sideways_scroll_on_a_phone(browser, base_url: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    pg = context.new_page()
    pg.goto(base_url + PAGE_TYPES[name])
    pg.wait_for_load_state("networkidle")
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= 375, f"{name} is {width}px wide at 375px"


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_accessibility_has_no_serious_violations(browser, base_url: str, name: str) -> None:
    # the site's policy rightly refuses injected scripts; the auditor is let in explicitly
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES[name])
    bad = serious_violations(page)
    context.close()
    assert not bad, "\n".join(bad)


def test_dark_mode_toggles_and_persists(page) -> None:
    page.goto(page.base)
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    first = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    second = page.evaluate(scheme)
    assert {first, second} == {"default", "slate"}
    page.goto(page.base + "timeline/")
    assert page.evaluate(scheme) == second
    page.reload()
    assert page.evaluate(scheme) == second


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_console_errors(page, name: str) -> None:
    page.goto(page.base + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    assert not page.errors, page.errors


def test_instant_navigation_reinitialises_the_timeline(page) -> None:
    page.goto(page.base)
    page.locator("nav.md-nav--primary a[href$='timeline/']").first.click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.locator("form.ex-filters").wait_for(state="visible")
    open_map(page)
    ref = page.locator("sup.ex-ref > a").first
    ref.click()  # one tip, not one per page visited: listeners are not added twice
    assert page.locator(".ex-tip").count() == 1
    ref.click()
    page.locator(".ex-tip").wait_for(state="detached")
    assert not page.errors, page.errors


MARKERS = "#ex-map path.leaflet-interactive"


def open_map(page) -> None:
    page.locator("details.ex-map-box summary").click()
    page.locator(MARKERS).first.wait_for(state="attached")


def places() -> int:
    return len({(round(e.place.lat, 1), round(e.place.lon, 1)) for e in DATASET.events if e.place})


def test_map_shows_every_place_once(page) -> None:
    page.goto(page.base + "timeline/")
    open_map(page)
    assert page.locator(MARKERS).count() == places() > 1


def test_map_popup_links_to_the_events_there(page) -> None:
    page.goto(page.base + "timeline/")
    open_map(page)
    page.locator(MARKERS).first.click(force=True)
    links = page.locator(".leaflet-popup-content a")
    links.first.wait_for(state="visible")
    target = links.first.get_attribute("href")
    assert target.startswith("#") and page.locator(target).count() == 1


def test_map_loads_only_when_opened_and_only_from_the_site(page) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page.base + "timeline/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "leaflet" in u or "tile." in u]
    open_map(page)
    leaflet = [u for u in requests if "leaflet" in u]
    assert leaflet and all(u.startswith(page.base) for u in leaflet)


def test_downloads_are_linked_and_valid(page) -> None:
    page.goto(page.base + "data/")
    links = page.locator("table a").evaluate_all("els => els.map(e => e.href)")
    assert len(links) == 5
    for url in links:
        response = page.request.get(url)
        assert response.ok, url
    events = json.loads(page.request.get(links[0]).text())
    assert len(events) == len(DATASET.events)
    ics = page.request.get(next(u for u in links if u.endswith(".ics"))).text()
    assert ics.count("BEGIN:VEVENT") == len(DATASET.events)


def test_structured_data(page) -> None:
    page.goto(page.base + "timeline/")
    blocks = page.locator("script[type='application/ld+json']").evaluate_all(
        "els => els.map(e => JSON.parse(e.textContent))"
    )
    assert sum(1 for b in blocks if b["@type"] == "Event") == len(DATASET.events)
    page.goto(page.base + "fact-check/")
    blocks = page.locator("script[type='application/ld+json']").evaluate_all(
        "els => els.map(e => JSON.parse(e.textContent))"
    )
    assert sum(1 for b in blocks if b["@type"] == "ClaimReview") == len(DATASET.factchecks)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_description_and_open_graph_on_every_page(page, name: str) -> None:
    page.goto(page.base + PAGE_TYPES[name])
    for selector in (
        "meta[name=description]",
        "meta[property='og:title']",
        "meta[property='og:description']",
        "meta[property='og:url']",
    ):
        assert page.locator(selector).get_attribute("content"), selector


def test_print_hides_navigation(page) -> None:
    page.goto(page.base + "timeline/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator("form.ex-filters").is_visible()
    assert page.locator(".ex-event").first.is_visible()


def test_sitemap_lists_every_actor_page(page) -> None:
    text = page.request.get(page.base + "sitemap.xml").text()
    for actor in DATASET.actors:
        assert f"/actors/{actor.id}/" in text


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_content_security_policy_is_obeyed(page, name: str) -> None:
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto(page.base + PAGE_TYPES[name])
    if name == "timeline":
        open_map(page)
    page.wait_for_load_state("networkidle")
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert page.evaluate("window.__csp") == []
    assert not page.errors, page.errors


def test_content_security_policy_blocks_injected_script(page) -> None:
    page.goto(page.base)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__pwned = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("window.__pwned") is None
