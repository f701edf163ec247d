"""The data contract, declared once.

The shape rules, the model builder and (later) the JSON Schema all read these
declarations, so the contract cannot drift between what is checked, what is
built and what is documented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Text:
    """Plain text: no HTML, no Markdown links; the generator escapes it."""


@dataclass(frozen=True)
class Slug:
    """An identifier: lowercase slug."""


@dataclass(frozen=True)
class Ref:
    """The id of a record in another file."""

    target: str  # "sources", "actors" or "events"


@dataclass(frozen=True)
class Date:
    """An ISO date, YYYY-MM-DD."""


@dataclass(frozen=True)
class Url:
    """An absolute http or https URL."""


@dataclass(frozen=True)
class Enum:
    values: tuple[str, ...]


@dataclass(frozen=True)
class Bool:
    pass


@dataclass(frozen=True)
class Number:
    minimum: float
    maximum: float


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    hint: str


@dataclass(frozen=True)
class ListOf:
    item: FieldType
    min_items: int = 0


@dataclass(frozen=True)
class Record:
    spec: RecordSpec


FieldType = Text | Slug | Ref | Date | Url | Enum | Bool | Number | Pattern | ListOf | Record


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool
    doc: str


@dataclass(frozen=True)
class RecordSpec:
    name: str
    doc: str
    fields: tuple[Field, ...] = field(default=())

    def __post_init__(self) -> None:
        by_name = {f.name: f for f in self.fields}
        object.__setattr__(self, "_by_name", by_name)
        # The checker looks up every key of every record: the dict's own get, set on the
        # instance, answers in one C call instead of a method call and a lookup.
        object.__setattr__(self, "get", by_name.get)
        object.__setattr__(self, "name_set", frozenset(by_name))

    # Every key a record of this kind knows; derived from fields in __post_init__.
    name_set: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    def get(self, name: str) -> Field | None:
        return self._by_name.get(name)  # type: ignore[attr-defined]

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass(frozen=True)
class FileSpec:
    filename: str  # relative to the data directory
    record: RecordSpec
    required: bool
    doc: str


SOURCE_KINDS = ("news", "wire", "official", "analysis", "reference")
ACTOR_KINDS = ("state", "armed-group", "person", "organisation")
VERDICTS = ("false", "misleading", "partly-true", "true", "unsupported")

CITE = RecordSpec(
    "cite",
    "One piece of evidence: a source and the verbatim passage that supports the claim.",
    (
        Field("source", Ref("sources"), True, "The id of a source in sources.yaml."),
        Field(
            "quote",
            Text(),
            True,
            "Verbatim passage from the source's capture. `…` or `...` may skip text.",
        ),
    ),
)

CLAIM = RecordSpec(
    "claim",
    "One factual statement a reader will see, in the project's own words.",
    (
        Field("id", Slug(), False, "Optional stable anchor for the claim."),
        Field("text", Text(), True, "The statement, plain text, in the project's own words."),
        Field("cite", ListOf(Record(CITE), 1), True, "The evidence; one or more citations."),
        Field(
            "contested",
            Bool(),
            False,
            "True when the cited sources disagree; the page shows a 'sources differ' badge.",
        ),
    ),
)

PLACE = RecordSpec(
    "place",
    "Where an event happened.",
    (
        Field("name", Text(), True, "The place's name."),
        Field("lat", Number(-90, 90), True, "Latitude in decimal degrees."),
        Field("lon", Number(-180, 180), True, "Longitude in decimal degrees."),
    ),
)

EVENT = RecordSpec(
    "event",
    "A timeline entry.",
    (
        Field("id", Slug(), True, "Unique id of the event."),
        Field("date", Date(), True, "When the event happened (YYYY-MM-DD)."),
        Field("title", Text(), True, "Short headline, in the project's own words."),
        Field("claims", ListOf(Record(CLAIM), 1), True, "What the sources say happened."),
        Field("actors", ListOf(Ref("actors")), True, "Ids of the actors involved."),
        Field("place", Record(PLACE), False, "Where it happened."),
        Field("related", ListOf(Ref("events")), False, "Ids of related events."),
        Field("tags", ListOf(Slug()), False, "Free tags (slugs) for filtering."),
    ),
)

RELATION = RecordSpec(
    "relation",
    "A sourced link from one actor to another.",
    (
        Field("actor", Ref("actors"), True, "The id of the other actor."),
        Field("type", Text(), True, "The relation, e.g. 'foreign minister of'."),
        Field("cite", ListOf(Record(CITE), 1), True, "The evidence for the relation."),
    ),
)

ACTOR = RecordSpec(
    "actor",
    "A state, armed group, person or organisation.",
    (
        Field("id", Slug(), True, "Unique id of the actor."),
        Field("name", Text(), True, "The name shown to readers."),
        Field("kind", Enum(ACTOR_KINDS), True, "What kind of actor this is."),
        Field("aliases", ListOf(Text()), False, "Other names that refer to it in claim text."),
        Field("claims", ListOf(Record(CLAIM)), True, "Profile statements about the actor."),
        Field("relations", ListOf(Record(RELATION)), False, "Links to other actors."),
        Field("wikidata", Pattern(QID_RE, "a Wikidata Q-id such as Q794"), False, "Wikidata id."),
    ),
)

SOURCE = RecordSpec(
    "source",
    "One bibliographic record.",
    (
        Field("id", Slug(), True, "Unique id; its capture is captures/<id>.txt."),
        Field("title", Text(), True, "The headline or title as published."),
        Field(
            "publisher",
            Text(),
            True,
            "Who published it; for wire copy, the wire agency (see `via`).",
        ),
        Field(
            "via",
            Text(),
            False,
            "The outlet whose copy was read, when it republished another publisher's text.",
        ),
        Field("author", Text(), False, "Byline, when there is one."),
        Field("published", Date(), True, "Publication date."),
        Field("url", Url(), True, "Where the source was read (http or https)."),
        Field("accessed", Date(), True, "When it was read."),
        Field("kind", Enum(SOURCE_KINDS), True, "news, wire, official, analysis or reference."),
        Field(
            "archived",
            Url(),
            False,
            "A Wayback Machine snapshot of url "
            "(https://web.archive.org/web/<timestamp>/<url>), recorded by `explainer verify "
            "--online --record-archives`; when absent, citations offer a search of the archive.",
        ),
    ),
)

TOPIC = RecordSpec(
    "topic",
    "Undated background, grouped for prose pages.",
    (
        Field("id", Slug(), True, "Unique id of the topic."),
        Field("title", Text(), True, "Heading shown to readers."),
        Field("claims", ListOf(Record(CLAIM), 1), True, "The background statements."),
    ),
)

FACTCHECK = RecordSpec(
    "factcheck",
    "A circulating statement reviewed against the sources.",
    (
        Field("id", Slug(), True, "Unique id of the review."),
        Field("statement", Text(), True, "The statement under review, quoted as it circulates."),
        Field("origin", Text(), True, "Where the statement circulates."),
        Field(
            "source",
            Ref("sources"),
            False,
            "When the statement comes from a citable source: its id "
            "(the statement must then appear in that capture).",
        ),
        Field(
            "verdict", Enum(VERDICTS), True, "false, misleading, partly-true, true, unsupported."
        ),
        Field("claims", ListOf(Record(CLAIM), 1), True, "The evidence behind the verdict."),
    ),
)

BRIEF = RecordSpec(
    "brief",
    "A part of the home page's summary of the whole story.",
    (
        Field("id", Slug(), True, "Unique id of the part."),
        Field("title", Text(), True, "Heading shown to readers, in the project's own words."),
        Field("claims", ListOf(Record(CLAIM), 1), True, "The statements, read as one paragraph."),
    ),
)

FIGURE = RecordSpec(
    "figure",
    "A key figure on the home page: the accounts of one event's toll, each one a claim.",
    (
        Field("id", Slug(), True, "Unique id of the figure."),
        Field("event", Ref("events"), True, "The id of the event the figures are about."),
        Field(
            "claims",
            ListOf(Record(CLAIM), 1),
            True,
            "One claim per account, naming who gave the figure.",
        ),
    ),
)

QUESTION = RecordSpec(
    "question",
    "A question readers ask, answered by sourced claims.",
    (
        Field("id", Slug(), True, "Unique id; the question's anchor on the questions page."),
        Field("question", Text(), True, "The question, as a reader would ask it."),
        Field("claims", ListOf(Record(CLAIM), 1), True, "The answer, read as one paragraph."),
        Field("events", ListOf(Ref("events")), False, "Ids of the timeline events it is about."),
        Field("actors", ListOf(Ref("actors")), False, "Ids of the actors it is about."),
    ),
)

DAY = RecordSpec(
    "day",
    "A day of the home page's day-by-day strip, labelled with the title of its lead event.",
    (Field("event", Ref("events"), True, "The id of the event that leads its day."),),
)

FILES: tuple[FileSpec, ...] = (
    FileSpec("events.yaml", EVENT, True, "Timeline entries."),
    FileSpec("actors.yaml", ACTOR, True, "States, armed groups, people and organisations."),
    FileSpec("sources.yaml", SOURCE, True, "Bibliographic records."),
    FileSpec("topics.yaml", TOPIC, False, "Undated background statements for prose pages."),
    FileSpec("factchecks.yaml", FACTCHECK, False, "Reviews of statements that circulate."),
    FileSpec("brief.yaml", BRIEF, False, "The home page's summary of the whole story."),
    FileSpec("figures.yaml", FIGURE, False, "The home page's key figures: tolls by who gave them."),
    FileSpec("questions.yaml", QUESTION, False, "Questions readers ask, with sourced answers."),
    FileSpec(
        "days.yaml",
        DAY,
        False,
        "The lead event of each day in the home page's day-by-day strip; the strip runs "
        "from the first to the last of these days.",
    ),
)
