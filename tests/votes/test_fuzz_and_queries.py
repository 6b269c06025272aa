"""Any ballot input gets a 3xx/4xx with a message, never a 500; results run a fixed number of queries."""

from __future__ import annotations

import re
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import count_queries, text
from tests.votes.factories import ballots_of, bulk_ballots, make_question, option_ids

ASCII_NUMBER = re.compile(r"[0-9]{1,18}")
RANK_FIELD = re.compile(r"rank_([0-9]{1,18})")


def _value(own: list[int], other: list[int]):
    """What one form value may be: real ids and ranks, another question's ids, junk, look-alike digits."""
    return st.one_of(
        st.integers(-2, 6).map(str),
        st.sampled_from([str(i) for i in own]),
        st.sampled_from([str(i) for i in other]),
        st.text(max_size=5),
        st.just(""),
        st.integers(10**17, 10**20).map(str),
        st.sampled_from(["²", "١", " 1", "1.0", "0x1", "-1", "01"]),
    )


@st.composite
def ballot_forms(draw, question, own: list[int], other: list[int]) -> dict:
    """A submitted ballot form for `question`: often plausible, then tampered with."""
    value = _value(own, other)
    form = draw(
        st.dictionaries(
            st.text(max_size=8).filter(lambda k: k != "csrf_token"), st.lists(value, min_size=1, max_size=2), max_size=2
        )
    )
    if question.kind.value == "ranking":
        if draw(st.booleans()):
            ranks = draw(st.permutations(range(1, len(own) + 1)))
            form.update({f"rank_{oid}": [str(rank)] for oid, rank in zip(own, ranks, strict=True)})
        for oid in own:
            if draw(st.integers(0, 4)) == 0:
                values = draw(st.one_of(st.none(), st.lists(value, min_size=1, max_size=2)))
                if values is None:
                    form.pop(f"rank_{oid}", None)
                else:
                    form[f"rank_{oid}"] = values
        if draw(st.integers(0, 3)) == 0:  # a rank for another question's option
            form[f"rank_{draw(st.sampled_from(other))}"] = [draw(value)]
    else:
        chosen = draw(st.lists(st.one_of(st.sampled_from([str(i) for i in own]), value), max_size=4))
        if chosen:
            form["option"] = chosen
        else:
            form.pop("option", None)
    return form


def _number(text: str) -> int | None:
    return int(text) if ASCII_NUMBER.fullmatch(text) else None


def expected_choices(question, own: list[int], form: dict) -> list | None:
    """The (option id, rank) pairs a valid form stores; None when the form must be refused."""
    if question.kind.value == "ranking":
        fields = {str(oid) for oid in own}
        if any((m := RANK_FIELD.fullmatch(key)) and m.group(1) not in fields for key in form):
            return None  # a rank for an option that is not this question's ("rank_007" is not option 7's)
        ranks = {}
        for oid in own:
            values = form.get(f"rank_{oid}") or [""]
            rank = _number(values[0])  # a select keeps the first value
            if rank is None or not 1 <= rank <= len(own) or rank in ranks.values():
                return None
            ranks[oid] = rank
        return sorted(ranks.items())
    values = form.get("option") or []
    if question.kind.value != "multiple":
        values = values[:1]  # a radio group keeps the first value
    ids = {_number(v) for v in values}
    if not ids or None in ids or not ids <= set(own) or len(ids) > question.choice_limit():
        return None
    return sorted((oid, None) for oid in ids)


@pytest.mark.parametrize("kind", ["single", "multiple", "ranking", "scale"])
def test_fuzzed_ballots_are_stored_exactly_when_valid_and_never_give_a_server_error(app, client, kind):
    c = make_consultation(app)
    question = make_question(app, c, kind, options=3, max_choices=2)
    other = make_question(app, c, "ranking" if kind != "ranking" else "single", options=3)
    own, other_ids = option_ids(question), option_ids(other)
    user = make_user(app)
    client.login(user.email, PASSWORD)
    token = client.token_from(f"/nl/consultations/{c.slug}")
    url = f"/nl/consultations/{c.slug}/questions/{question.id}"
    outcomes = set()

    @settings(max_examples=50, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(form=ballot_forms(question, own, other_ids), with_token=st.integers(0, 9).map(bool))
    def run(form, with_token):
        before = ballots_of(app, question.id)
        response = client.post(url, data={**form, **({"csrf_token": [token]} if with_token else {})})
        expected = expected_choices(question, own, form) if with_token else None
        outcomes.add(response.status_code)
        if expected is None:
            # A form error answers 422; a missing CSRF token is a bad request (400).
            assert response.status_code == (422 if with_token else 400), (form, response.status_code)
            assert ballots_of(app, question.id) == before, form  # nothing stored
            if with_token:
                assert "Er is een probleem" in text(response), form
        else:
            assert response.status_code == 303, (form, text(response)[:3000])
            [(user_id, _, choices)] = ballots_of(app, question.id)
            assert user_id == user.id and choices == expected, form
        assert ballots_of(app, other.id) == []

    run()
    assert outcomes == {303, 400, 422}, outcomes


@pytest.mark.slow  # 100,000 ballots
def test_results_run_the_same_queries_for_ten_and_a_hundred_thousand_ballots(app, client):
    small, large = make_consultation(app, status="closed"), make_consultation(app, status="closed")
    for c, n in ((small, 10), (large, 100_000)):
        bulk_ballots(app, make_question(app, c, "single", options=4), n)
        bulk_ballots(app, make_question(app, c, "ranking", options=4), 10 if n == 10 else 1_000)
    counts = {}
    for c in (small, large):
        for url in (
            f"/en/consultations/{c.slug}/results",
            f"/en/consultations/{c.slug}",
            f"/en/consultations/{c.slug}/results?page=3",
            f"/en/consultations/{c.slug}/fingerprints.txt",
        ):
            client.get(url).get_data()  # warm-up
            with count_queries(app) as statements:
                response = client.get(url)
                response.get_data()  # a streamed download runs its queries while it is read
                assert response.status_code == 200
            counts[(c.slug == large.slug, url.replace(c.slug, "X"))] = len(statements)
    for (is_large, url), n in counts.items():
        if is_large:
            assert n == counts[(False, url)], (url, n, counts[(False, url)])
    body = client.get(f"/en/consultations/{large.slug}/results").get_data(as_text=True)
    assert "101000 ballots are counted" in body or "101,000 ballots are counted" in body
    assert "Download all 101000 fingerprints" in body or "Download all 101,000 fingerprints" in body
    lines = client.get(f"/en/consultations/{large.slug}/fingerprints.txt").get_data().count(b"\n")
    assert lines == 101_000


def test_the_fingerprint_download_streams_in_constant_memory(app, client):
    """Reading 40,000 fingerprints holds a few chunks at a time, not the whole list (over 12 MB)."""
    c = make_consultation(app, status="closed")
    bulk_ballots(app, make_question(app, c, "single", options=2), 40_000)
    url = f"/en/consultations/{c.slug}/fingerprints.txt"
    client.get(url).get_data()  # warm-up: imports and caches are not what is measured
    tracemalloc.start()
    try:
        response = client.get(url, buffered=False)
        assert response.is_streamed
        total = 0
        for chunk in response.response:
            total += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
        response.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == 40_000
    assert peak < 3_000_000, peak


def _aggregates(statements) -> list[str]:
    return [s for s in statements if "count(" in s.lower()]


@pytest.mark.real_commits  # the page stores the counts in a transaction of its own
def test_closed_results_are_counted_once_open_live_results_at_every_request(app, client):
    """Once voting has closed nothing can change the counts, so they are not aggregated again."""
    closed = make_consultation(app, status="closed")
    bulk_ballots(app, make_question(app, closed, "single", options=3), 7)
    live = make_consultation(app, status="open", results_visible_while_open=True)
    live_question = make_question(app, live, "single", options=3)
    bulk_ballots(app, live_question, 4)
    assert "7 ballots are counted" in text(client.get(f"/en/consultations/{closed.slug}/results"))
    with count_queries(app) as statements:
        page = text(client.get(f"/en/consultations/{closed.slug}/results"))
    assert "7 ballots are counted" in page and _aggregates(statements) == []
    assert "4 ballots are counted" in text(client.get(f"/en/consultations/{live.slug}/results"))
    bulk_ballots(app, live_question, 2)
    with count_queries(app) as statements:
        page = text(client.get(f"/en/consultations/{live.slug}/results"))
    assert "6 ballots are counted" in page and _aggregates(statements)
