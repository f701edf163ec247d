import pytest

from conftest import Project

PLACE = "  actors: [iran, pakistan]\n  place: {{name: Panjgur, lat: {lat}, lon: {lon}}}"


@pytest.mark.parametrize(("lat", "lon"), [(95, 64), (-91, 64), (26.9, 181), (26.9, -200.5)])
def test_coordinates_out_of_range(project: Project, assert_problem, lat, lon) -> None:
    project.replace("events.yaml", "  actors: [iran, pakistan]", PLACE.format(lat=lat, lon=lon))
    p = assert_problem(project, "E012", "events.yaml", project.line_of("events.yaml", "place:"))
    assert "out of range" in p.message


@pytest.mark.parametrize("qid", ["794", "q794", "Q0", "QX1"])
def test_wikidata_pattern(project: Project, assert_problem, qid) -> None:
    project.replace(
        "actors.yaml", "  kind: state\n  aliases", f'  kind: state\n  wikidata: "{qid}"\n  aliases'
    )
    assert_problem(project, "E012", "actors.yaml", project.line_of("actors.yaml", "wikidata"))


def test_valid_values_pass(project: Project) -> None:
    project.replace("events.yaml", "  actors: [iran, pakistan]", PLACE.format(lat=26.96, lon=64.09))
    project.replace(
        "actors.yaml", "  kind: state\n  aliases", "  kind: state\n  wikidata: Q843\n  aliases"
    )
    assert project.only("E012") == []
