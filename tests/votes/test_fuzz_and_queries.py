"""Any ballot input gets a 3xx/4xx with a message, never a 500; results run a fixed number of queries."""

from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.consultations.factories import make_consultation
from tests.support import count_queries
from tests.factories import PASSWORD, make_user
from tests.votes.factories import bulk_ballots, make_question, option_ids

values = st.one_of(st.text(max_size=20), st.integers(-5, 10**12).map(str), st.just(""))
field_names = st.one_of(st.sampled_from(["option", "rank_1", "rank_2", "rank_x", "csrf_token"]), st.text(max_size=10))


def test_fuzzed_ballots_never_give_a_server_error(app, client):
    c = make_consultation(app)
    questions = [make_question(app, c, kind, options=3, max_choices=2)
                 for kind in ("single", "multiple", "ranking", "scale")]
    user = make_user(app)
    client.login(user.email, PASSWORD)
    token = client.token_from(f"/nl/consultations/{c.slug}")
    known = [str(i) for q in questions for i in option_ids(q)]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(index=st.integers(0, 3), data=st.dictionaries(field_names, st.lists(st.one_of(values, st.sampled_from(known)),
                                                                                 max_size=4), max_size=6),
           with_token=st.booleans())
    def run(index, data, with_token):
        q = questions[index]
        form = {k: v for k, v in data.items() if k != "csrf_token"}
        if q.kind.value == "ranking" and form and index % 2:
            form.update({f"rank_{oid}": [str(r)] for r, oid in enumerate(option_ids(q), start=1)})
        if with_token:
            form["csrf_token"] = [token]
        response = client.post(f"/nl/consultations/{c.slug}/questions/{q.id}", data=form)
        assert response.status_code in (303, 400, 409), response.status_code

    run()


def test_results_run_the_same_queries_for_ten_and_a_hundred_thousand_ballots(app, client):
    small, large = make_consultation(app, status="closed"), make_consultation(app, status="closed")
    for c, n in ((small, 10), (large, 100_000)):
        bulk_ballots(app, make_question(app, c, "single", options=4), n)
        bulk_ballots(app, make_question(app, c, "ranking", options=4), 10 if n == 10 else 1_000)
    counts = {}
    for c in (small, large):
        for url in (f"/en/consultations/{c.slug}/results", f"/en/consultations/{c.slug}",
                    f"/en/consultations/{c.slug}/results?page=3"):
            client.get(url)  # warm-up
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            counts[(c.slug == large.slug, url.replace(c.slug, "X"))] = len(statements)
    for (is_large, url), n in counts.items():
        if is_large:
            assert n == counts[(False, url)], (url, n, counts[(False, url)])
    assert "101,000 ballots are counted" in client.get(f"/en/consultations/{large.slug}/results").get_data(as_text=True) \
        or "101000 ballots are counted" in client.get(f"/en/consultations/{large.slug}/results").get_data(as_text=True)
