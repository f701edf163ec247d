"""The reader's way in: the timeline opens on the crisis, every claim can be linked to,
and every page says when it last changed and how to cite it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT, timeline_order
from explainer import load

from .conftest import PAGE_TYPES

pytestmark = pytest.mark.browser
DATASET = load(ROOT / "data", root=ROOT)
BEFORE = [e for e in DATASET.events_in_order() if e.date < timeline_order(DATASET)[0].date]
PERMALINK = "a.ex-permalink"


def _clipboard_context(browser, **options):
    context = browser.new_context(**options)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.set_default_timeout(10_000)
    return context


def test_the_timeline_opens_on_january_2024_even_on_a_phone(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    first = page.locator(".ex-event").first
    event = DATASET.event_by_id[first.locator("h4[id]").get_attribute("id")]
    assert (event.date.year, event.date.month) == (2024, 1)
    assert page.locator("h2[id]").first.inner_text().startswith("The crisis")
    # the first day of the crisis is on the first two screens, not twenty down
    assert first.bounding_box()["y"] < 2 * 844
    context.close()


def test_the_years_before_are_folded_below_and_reachable(page) -> None:
    assert BEFORE, "the flagship has background events"
    page.goto(page.base + "timeline/")
    fold = page.locator("details.ex-period")
    assert fold.get_attribute("open") is None  # folded once the script runs
    headings = page.locator("h2[id]").evaluate_all("els => els.map(e => e.id)")
    assert headings[-1] == "before-focus"
    assert page.locator(".ex-event").count() == len(DATASET.events)
    page.locator(".ex-jump a[href$='#before-focus']").click()
    fold.locator("summary").click()
    oldest = page.locator(f"[id='{BEFORE[0].id}']")
    oldest.wait_for(state="visible")
    assert str(BEFORE[0].date.year) in fold.locator("summary").inner_text()


def test_a_link_to_a_background_event_unfolds_it(page) -> None:
    page.goto(page.base + f"timeline/#{BEFORE[0].id}")
    heading = page.locator(f"[id='{BEFORE[0].id}']")
    heading.wait_for(state="visible")
    assert page.locator("details.ex-period").get_attribute("open") is not None
    box = heading.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]


def test_every_claim_has_a_link_to_itself(page) -> None:
    page.goto(page.base + "actors/iran/")
    claims = page.locator("li:has(> a[id^='claim-'])")
    links = claims.locator(PERMALINK)
    assert links.count() == claims.count() == len(DATASET.actor_by_id["iran"].claims)
    for i in range(links.count()):
        anchor = claims.nth(i).locator("a[id^='claim-']").get_attribute("id")
        # instant navigation makes links absolute; the fragment is what counts
        assert links.nth(i).evaluate("el => el.hash") == f"#{anchor}"
        assert links.nth(i).get_attribute("aria-label") == "Link to this statement"


def _opacity(locator) -> float:
    return float(locator.evaluate("el => getComputedStyle(el).opacity"))


def test_the_claim_link_shows_on_hover_and_on_keyboard_focus(page) -> None:
    page.goto(page.base + "actors/iran/")
    claim = page.locator("li:has(> a[id^='claim-'])").nth(1)
    link = claim.locator(PERMALINK)
    assert _opacity(link) == 0
    claim.hover()
    page.wait_for_function("el => getComputedStyle(el).opacity === '1'", arg=link.element_handle())
    page.mouse.move(0, 0)
    page.wait_for_function("el => getComputedStyle(el).opacity === '0'", arg=link.element_handle())
    # Tab from the claim's last evidence marker reaches its link (past a badge, if any)
    claim.locator("sup.ex-ref > a").last.focus()
    page.keyboard.press("Escape")  # the marker's evidence tip stays out of the way
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.ex-permalink')"):
            break
    assert link.evaluate("el => el === document.activeElement")
    page.wait_for_function("el => getComputedStyle(el).opacity === '1'", arg=link.element_handle())


def test_the_claim_link_copies_the_claims_address_from_the_keyboard(browser, base_url) -> None:
    context = _clipboard_context(browser)
    page = context.new_page()
    page.goto(base_url + "actors/iran/")
    link = page.locator(PERMALINK).nth(2)
    anchor = link.evaluate("el => el.hash")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('a.ex-permalink[data-copied]')")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"{base_url}actors/iran/{anchor}"
    assert page.url == copied  # the address bar names the claim too
    page.locator("#ex-announce").filter(has_text="copied").wait_for(state="attached")
    context.close()


def test_without_a_clipboard_the_claim_link_is_a_plain_link(browser, base_url) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    page.goto(base_url + "actors/iran/")
    link = page.locator(PERMALINK).nth(2)
    anchor = link.evaluate("el => el.hash")
    link.click(force=True)
    page.wait_for_url(re.compile(re.escape(anchor) + "$"))
    context.close()


def test_the_claim_link_works_after_instant_navigation(browser, base_url) -> None:
    context = _clipboard_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    page.locator("nav.md-nav--primary a[href$='timeline/']").first.click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.locator("form.ex-filters").wait_for(state="visible")
    assert page.locator("details.ex-period").get_attribute("open") is None
    claim = page.locator("li:has(> a[id^='claim-'])").first
    claim.hover()
    claim.locator(PERMALINK).click()
    page.wait_for_function("() => document.querySelector('a.ex-permalink[data-copied]')")
    anchor = claim.locator("a[id^='claim-']").get_attribute("id")
    assert page.evaluate("() => navigator.clipboard.readText()") == (
        f"{base_url}timeline/#{anchor}"
    )
    context.close()


@pytest.mark.parametrize(
    "path", ["timeline/#claim-kerman-bombing-1", "actors/iran/#claim-actors-iran-3"]
)
def test_a_claims_address_lands_on_the_claim(page, path: str) -> None:
    page.goto(page.base + path)
    anchor = path.rsplit("#", 1)[1]
    claim = page.locator(f"li:has(> a[id='{anchor}'])")
    claim.wait_for(state="visible")
    page.wait_for_timeout(300)  # let the fold open and the page settle
    header = page.locator("header.md-header").bounding_box()
    box = claim.bounding_box()
    assert header["height"] <= box["y"] < page.viewport_size["height"] - 20
    background = claim.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # marked as the target


@pytest.mark.parametrize("name", ["home", "timeline", "actor", "contributing"])
def test_every_page_says_when_it_last_changed_and_how_to_cite_it(page, name: str) -> None:
    page.goto(page.base + PAGE_TYPES[name])
    facts = page.locator(".ex-page-facts")
    facts.scroll_into_view_if_needed()
    changed = facts.locator("time").get_attribute("datetime")
    day = dt.date.fromisoformat(changed)
    text = " ".join(facts.inner_text().split())
    assert f"Last changed {day.day} {day:%B %Y}." in text
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert re.search(r"Cite this page: .*" + re.escape(canonical) + ", last changed ", text)
    if name != "home":
        title = page.title().rsplit(" - ", 1)[0]  # the page's title, without the site's
        assert f"“{title}”" in text
