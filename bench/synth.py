"""A synthetic, valid explainer dataset of any size, for benchmarks.

Shaped like the flagship data (measured on it): about two citations per claim,
claim texts of about 150 characters, a number in one claim of three, a date in one
claim of ten, and the event's date stated in one quote per event. Every claim passes
every rule.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import yaml

START = dt.date(2020, 1, 1)
PLACES = ["Panjgur", "Saravan", "Quetta", "Zahedan", "Turbat", "Gwadar", "Chabahar", "Kerman"]
FILLER = (
    "according to officials who spoke to reporters after the meeting of the provincial "
    "security committee"
)


def _claim(e: int, c: int, day: dt.date, place: str, actor: str, sources: list[str]) -> tuple:
    """A claim, and for each source the sentence its capture must hold."""
    n = (e * 3 + c) % 900 + 2
    with_number = c % 3 == 0
    with_date = (e + c) % 10 == 0
    what = f"{n} people were hurt" if with_number else "several people were hurt"
    when = f" on {day.day} {day:%B}" if with_date else ""
    text = f"{actor} said {what} near {place}{when}, {FILLER}."
    quoted_when = f"On {day:%B} {day.day}, " if with_date or c == 0 else ""
    sentence = f"{quoted_when}{actor} said {what} near {place}, {FILLER}, in incident {e}-{c}."
    quote = sentence[: sentence.index(", in incident")]
    return text, [{"source": s, "quote": quote} for s in sources], sentence


def generate(out: Path, events: int, claims_per_event: int = 3, actors: int = 50) -> dict[str, int]:
    data = out / "data"
    (data / "captures").mkdir(parents=True, exist_ok=True)
    names = [f"Actor{i:04d}" for i in range(actors)]
    actor_rows = [
        {"id": f"actor-{i:04d}", "name": name, "kind": "organisation", "claims": []}
        for i, name in enumerate(names)
    ]
    sources, event_rows = [], []
    for e in range(events):
        day = START + dt.timedelta(days=e % 1500)
        place = PLACES[e % len(PLACES)]
        actor = e % actors
        sids = [f"src-{e:05d}-a", f"src-{e:05d}-b"]
        claims, passages = [], []
        for c in range(claims_per_event):
            text, cite, sentence = _claim(e, c, day, place, names[actor], sids)
            claims.append({"text": text, "cite": cite})
            passages.append(sentence)
        for k, sid in enumerate(sids):
            # each report words the rest of the sentence its own way: two publishers
            # sharing whole paragraphs would be one story (E043)
            own = [
                p.replace(", in incident", f", reporter {k} wrote about incident") for p in passages
            ]
            (data / "captures" / f"{sid}.txt").write_text("\n[…]\n".join(own) + "\n")
            sources.append(
                {
                    "id": sid,
                    "title": f"Report {e} ({k})",
                    "publisher": f"Publisher {(e + k) % 40}",
                    "published": (day + dt.timedelta(days=1 + k)).isoformat(),
                    "url": f"https://example.org/report/{e}/{k}",
                    "accessed": "2026-01-01",
                    "kind": "news",
                }
            )
        event_rows.append(
            {
                "id": f"event-{e:05d}",
                "date": day.isoformat(),
                "title": f"Incident {e} near {place}",
                "actors": [f"actor-{actor:04d}"],
                "claims": claims,
            }
        )
    for path, rows in (
        ("events.yaml", event_rows),
        ("actors.yaml", actor_rows),
        ("sources.yaml", sources),
    ):
        (data / path).write_text(yaml.safe_dump(rows, sort_keys=False, width=120))
    return {"events": events, "claims": events * claims_per_event, "sources": len(sources)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args()
    print(generate(args.out, args.events))


if __name__ == "__main__":
    main()
