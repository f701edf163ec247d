"""The home page's brief, key figures and day strip, and the questions page: fixture data
in, expected Markdown out (snapshots in tests/snapshots/), plus what the snapshots alone
would not show (escaping, empty days, where their claims are linked from)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import Project
from explainer import check, load
from explainer.export import claims_csv
from explainer.render import PageContext, Renderer
from explainer.render_home import HomeRenderer
from test_render import snapshot

CLAIM = """\
      cite:
        - source: wire-2024-01-17
          quote: Pakistan said two children were killed
"""

BRIEF = f"""\
- id: strikes
  title: The strike
  claims:
    - text: Iran struck targets in Pakistan, state media reported.
      cite:
        - source: wire-2024-01-17
          quote: Iran launched attacks on Tuesday in Pakistan
    - text: Pakistan said two children were killed.
{CLAIM}"""

FIGURES = f"""\
- id: toll
  event: iran-strike
  claims:
    - text: "Pakistan: two children killed."
{CLAIM}      contested: true
"""

QUESTIONS = f"""\
- id: who-died
  question: Who died in Iran's strike?
  events: [iran-strike]
  actors: [pakistan]
  claims:
    - text: Pakistan said two children were killed.
{CLAIM}"""

SECOND_EVENT = """\
- id: recall
  date: 2024-01-19
  title: Pakistan recalls its ambassador
  actors: [pakistan]
  claims:
    - text: Pakistan recalled its ambassador on 19 January.
      cite:
        - source: daily-2024-01-20
          quote: On January 19 Pakistan recalled its ambassador
"""

THIRD_SOURCE = """\
- id: daily-2024-01-20
  title: Envoy recalled
  publisher: Example Daily
  published: 2024-01-20
  url: https://example.net/recall
  accessed: 2024-02-01
  kind: news
"""


@pytest.fixture
def home(project: Project) -> HomeRenderer:
    project.write("brief.yaml", BRIEF)
    project.write("figures.yaml", FIGURES)
    project.write("questions.yaml", QUESTIONS)
    project.write("days.yaml", "- event: iran-strike\n- event: recall\n")
    for name, more in (("events.yaml", SECOND_EVENT), ("sources.yaml", THIRD_SOURCE)):
        text = (project.data / name).read_text(encoding="utf-8")
        project.write(name, text + more)
    project.write(
        "captures/daily-2024-01-20.txt", "On January 19 Pakistan recalled its ambassador.\n"
    )
    ds = load(project.data, root=project.root)
    assert check(ds) == []
    return HomeRenderer(Renderer(ds, site_url="https://example.org/site/"))


def test_brief_snapshot(home: HomeRenderer) -> None:
    snapshot("home-brief.md", home.brief(PageContext("index.md")))


def test_key_figures_snapshot(home: HomeRenderer) -> None:
    snapshot("home-figures.md", home.key_figures(PageContext("index.md")))


def test_day_strip_snapshot(home: HomeRenderer) -> None:
    snapshot("home-days.md", home.day_strip(PageContext("index.md")))


def test_questions_snapshot(home: HomeRenderer) -> None:
    snapshot("questions.md", home.questions(PageContext("questions.md")))


def test_markers_number_on_across_the_home_page(home: HomeRenderer) -> None:
    page = PageContext("index.md")
    out = home.brief(page) + home.key_figures(page)
    ids = re.findall(r'id="ref-(\d+)"', out)
    assert ids == [str(n) for n in range(1, len(ids) + 1)] and len(ids) == 3
    # the evidence stays folded: what follows it on the home page stays in view
    assert out.count('<details class="ex-evidence">') == 2


def test_day_strip_has_a_cell_for_every_day(home: HomeRenderer) -> None:
    out = home.day_strip(PageContext("index.md"))
    cells = re.findall(r"<li[^>]*>.*?</li>", out)
    assert len(cells) == 4  # 16 to 19 January
    assert [c.count("<a ") for c in cells] == [1, 0, 0, 1]
    assert 'href="timeline/#iran-strike"' in cells[0]
    assert "No events recorded" in cells[1] and "No events recorded" in cells[2]
    assert out.startswith('<ol class="ex-days"')


def test_day_strip_links_from_a_page_in_a_folder(home: HomeRenderer) -> None:
    out = home.day_strip(PageContext("actors/iran.md"))
    assert 'href="../../timeline/#iran-strike"' in out


def test_day_strip_is_empty_without_days(project: Project) -> None:
    home = HomeRenderer(Renderer(load(project.data, root=project.root)))
    assert home.day_strip(PageContext("index.md")) == ""


def test_faq_data_matches_the_answers(home: HomeRenderer) -> None:
    out = home.questions(PageContext("questions.md"))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', out, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "FAQPage"
    assert data["url"] == "https://example.org/site/questions/"
    [q] = data["mainEntity"]
    assert q["name"] == "Who died in Iran's strike?"
    assert q["acceptedAnswer"]["text"] == "Pakistan said two children were killed."


def test_faq_data_cannot_close_its_script_element(project: Project) -> None:
    hostile = QUESTIONS.replace(
        "question: Who died in Iran's strike?", "question: What is </script><script>x()?"
    )
    project.write("questions.yaml", hostile)
    home = HomeRenderer(Renderer(load(project.data, root=project.root)))
    out = home.questions(PageContext("questions.md"))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', out, re.S)
    assert json.loads(block.group(1))["mainEntity"][0]["name"] == "What is </script><script>x()?"
    assert out.count("</script>") == 1
    assert "<script>x()" not in out


def test_new_claims_are_listed_with_their_sources(home: HomeRenderer) -> None:
    sources = home.base.sources(PageContext("sources.md"))
    assert "(index.md#claim-brief-strikes-2)" in sources
    assert "(index.md#claim-figures-toll-1)" in sources
    assert "(questions.md#claim-questions-who-died-1)" in sources


def test_new_claims_are_mentions_on_actor_pages(home: HomeRenderer) -> None:
    page = home.base.actor("pakistan", PageContext("actors/pakistan.md"))
    mentions = page.split("## Mentioned in", 1)[1]
    assert "[In brief: The strike](../index.md#claim-brief-strikes-1)" in mentions
    assert "[Who died in Iran's strike?](../questions.md#claim-questions-who-died-1)" in mentions


def test_new_claims_are_exported(home: HomeRenderer) -> None:
    rows = list(csv.DictReader(io.StringIO(claims_csv(home.ds))))
    kinds = {r["collection"] for r in rows}
    assert {"brief", "figures", "questions"} <= kinds


def test_figures_put_who_gave_the_figure_first_in_bold(home: HomeRenderer) -> None:
    out = home.key_figures(PageContext("index.md"))
    assert (
        '<a id="claim-figures-toll-1"></a><strong class="ex-figure-who">'
        "[Pakistan](actors/pakistan.md)</strong>: two children killed." in out
    )
