"""The statement pages as a resident, an organiser and a moderator see them, in nl, en and fr."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participation.core.permissions import Role
from participation.extensions import db
from participation.statements import refresh
from participation.statements.models import StatementState
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.statements.factories import add_statement, make_map, opinion_map, statement, votes_of
from tests.support import count_queries, text


def _login(client, user, lang="nl"):
    client.login(user.email, PASSWORD, lang=lang)


def _vote(client, c, statement_id, value, lang="nl"):
    token = client.token_from(f"/{lang}/consultations/{c.slug}/statements/")
    return client.post(
        f"/{lang}/consultations/{c.slug}/statements/{statement_id}/vote", data={"csrf_token": token, "value": value}
    )


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_the_voting_page_shows_one_statement_with_three_buttons_in_every_language(app, client, lang):
    c = make_consultation(app)
    make_map(app, c, texts=({"nl": "Meer groen.", "en": "More green.", "fr": "Plus de verdure."},))
    _login(client, make_user(app, language=lang), lang)
    page = text(client.get(f"/{lang}/consultations/{c.slug}/statements/"))
    expected = {"nl": "Meer groen.", "en": "More green.", "fr": "Plus de verdure."}[lang]
    assert expected in page
    assert page.count('name="value"') == 3 and 'value="agree"' in page and 'value="pass"' in page
    assert f'<html lang="{lang}"' in page


def test_a_residents_statement_in_another_language_is_marked_with_its_language(app, client):
    c = make_consultation(app)
    make_map(app, c, texts=())
    add_statement(app, c, "Moins de voitures au centre.", language="fr")
    page = text(client.get(f"/nl/consultations/{c.slug}/statements/"))
    assert '<span lang="fr">Moins de voitures au centre.</span>' in page


def test_voting_moves_on_to_the_next_statement_and_a_vote_can_be_changed(app, client):
    c = make_consultation(app)
    first, second = make_map(app, c, texts=("Stelling een.", "Stelling twee."))
    user = make_user(app)
    _login(client, user)
    page = text(client.get(f"/nl/consultations/{c.slug}/statements/"))
    shown, other = (first, second) if "Stelling een." in page else (second, first)
    response = _vote(client, c, shown.id, "agree")
    assert response.status_code == 303
    page = text(client.get(f"/nl/consultations/{c.slug}/statements/"))
    assert other.text["nl"] in page and shown.text["nl"] not in page
    assert _vote(client, c, other.id, "pass").status_code == 303
    page = text(client.get(f"/nl/consultations/{c.slug}/statements/"))
    assert 'name="value"' not in page
    # Changing: the statement asked for, the vote replaced.
    page = text(client.get(f"/nl/consultations/{c.slug}/statements/?statement={shown.id}"))
    assert 'name="value"' in page
    assert _vote(client, c, shown.id, "disagree").status_code == 303
    assert votes_of(app, shown.id) == [(user.id, -1)]
    assert statement(app, shown.id).votes_count == 1


def test_the_statement_with_fewest_votes_comes_first(app, client):
    c = make_consultation(app)
    old, new = make_map(app, c, texts=("Oude stelling.", "Nieuwe stelling."))
    with app.app_context():
        from participation.statements.models import Statement

        db.session.get(Statement, old.id).votes_count = 40
        db.session.commit()
    _login(client, make_user(app))
    page = text(client.get(f"/nl/consultations/{c.slug}/statements/"))
    assert "Nieuwe stelling." in page and "Oude stelling." not in page


def test_a_visitor_sees_the_statement_and_is_asked_to_log_in(app, client):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    page = text(client.get(f"/en/consultations/{c.slug}/statements/"))
    assert s.text["nl"] in page and "Log in" in page and 'name="value"' not in page
    response = client.post(f"/en/consultations/{c.slug}/statements/{s.id}/vote", data={"value": "agree"})
    assert response.status_code in (302, 303, 400, 401)
    assert votes_of(app, s.id) == []


def test_a_closed_map_shows_why_and_takes_no_vote(app, client):
    c = make_consultation(app)
    (s,) = make_map(app, c, state="closed")
    _login(client, make_user(app))
    page = text(client.get(f"/en/consultations/{c.slug}/statements/"))
    assert "while they are open" in page and 'name="value"' not in page


def test_no_map_no_page(app, client):
    c = make_consultation(app)
    assert client.get(f"/nl/consultations/{c.slug}/statements/").status_code == 404
    assert client.get(f"/nl/consultations/{c.slug}/statements/map").status_code == 404
    draft = make_consultation(app, status="draft")
    make_map(app, draft)
    assert client.get(f"/nl/consultations/{draft.slug}/statements/").status_code == 404


def test_the_voting_page_runs_the_same_queries_for_three_and_sixty_statements(app, client):
    small, large = make_consultation(app), make_consultation(app)
    make_map(app, small, texts=[f"Stelling {n}." for n in range(3)])
    make_map(app, large, texts=[f"Stelling {n}." for n in range(60)])
    _login(client, make_user(app))
    counts = []
    for c in (small, large):
        client.get(f"/nl/consultations/{c.slug}/statements/")  # warm-up
        with count_queries(app) as statements:
            assert client.get(f"/nl/consultations/{c.slug}/statements/").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] and counts[0] <= 12


def test_a_resident_adds_a_statement_and_it_is_shown_to_others(app, client, other_client):
    c = make_consultation(app)
    make_map(app, c, texts=())
    _login(client, make_user(app))
    response = client.submit(
        f"/en/consultations/{c.slug}/statements/",
        {"text": "Ghent should have more bike parking.", "language": "en", "website": ""},
        action=f"/en/consultations/{c.slug}/statements/new",
    )
    assert response.status_code == 303
    assert "Others can now vote" in text(client.get(response.headers["Location"]))
    _login(other_client, make_user(app))
    assert "Ghent should have more bike parking." in text(other_client.get(f"/en/consultations/{c.slug}/statements/"))


def test_a_too_long_statement_is_refused_with_a_message(app, client):
    c = make_consultation(app)
    make_map(app, c, texts=())
    _login(client, make_user(app))
    response = client.submit(
        f"/en/consultations/{c.slug}/statements/",
        {"text": "x" * 281, "language": "en"},
        action=f"/en/consultations/{c.slug}/statements/new",
    )
    assert response.status_code == 422 and "Write between 5 and 280 characters." in text(response)


def _planted_votes(app, c, statements, groups=((1, 1, 1, -1), (1, -1, -1, 1), (1, 1, -1, 1)), size=8):
    """Three groups of `size` residents with the stances given per statement (the first is common ground)."""
    from participation.statements.models import StatementVote

    with app.app_context():
        users = [make_user(app) for _ in range(size * len(groups))]
        for index, user in enumerate(users):
            stance = groups[index // size]
            for s, value in zip(statements, stance * (len(statements) // len(stance) + 1), strict=False):
                db.session.add(StatementVote(statement_id=s.id, consultation_id=c.id, user_id=user.id, value=value))
        db.session.commit()
        refresh.recompute(c.id)
        db.session.commit()


def test_the_map_shows_groups_and_common_ground_never_a_person(app, client):
    c = make_consultation(app)
    statements = make_map(app, c, texts=[f"Stelling nummer {n}." for n in range(8)])
    _planted_votes(app, c, statements)
    for lang in ("nl", "en", "fr"):
        page = text(client.get(f"/{lang}/consultations/{c.slug}/statements/map"))
        assert "<svg" in page and page.count("<circle") == 3
        assert "Stelling nummer 0." in page  # the common ground
    page = text(client.get(f"/en/consultations/{c.slug}/statements/map"))
    assert "Common ground" in page and "Group 3: 8 people" in page
    assert "Person " not in page  # no names, no dots


def test_a_group_below_the_minimum_size_is_not_shown_on_the_page_or_in_the_csv(app, client):
    c = make_consultation(app)
    statements = make_map(app, c, texts=[f"Stelling nummer {n}." for n in range(8)])
    app.config["OPINION_MAP_MIN_GROUP"] = 9
    try:
        _planted_votes(app, c, statements, groups=((1, 1, 1, -1), (1, -1, -1, 1)), size=10)
        from participation.statements.models import StatementVote

        with app.app_context():
            # Six more people who vote alike, apart from both groups: too few to be shown.
            for _ in range(6):
                user = make_user(app)
                for s in statements:
                    db.session.add(StatementVote(statement_id=s.id, consultation_id=c.id, user_id=user.id, value=-1))
            db.session.commit()
            refresh.recompute(c.id)
            db.session.commit()
    finally:
        app.config["OPINION_MAP_MIN_GROUP"] = 5
    result = opinion_map(app, c.id).result
    assert all(g["size"] >= 9 for g in result["groups"]) and result["not_shown"] == 6
    page = text(client.get(f"/en/consultations/{c.slug}/statements/map"))
    assert page.count("<circle") == len(result["groups"]) == 2
    assert "groups smaller than 9 people" in page
    csv = client.get(f"/en/consultations/{c.slug}/statements/map.csv").get_data(as_text=True)
    header = csv.splitlines()[0]
    assert "Group 2: agree" in header and "Group 3" not in header


def test_the_csv_has_counts_overall_and_per_group(app, client):
    c = make_consultation(app)
    statements = make_map(app, c, texts=[f"Stelling nummer {n}." for n in range(8)])
    _planted_votes(app, c, statements)
    response = client.get(f"/en/consultations/{c.slug}/statements/map.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Statement,Language,Agree,Disagree,Pass,Group 1: agree")
    assert lines[1].startswith("Stelling nummer 0.,nl,24,0,0,8,0,0,8,0,0,8,0,0")


def test_the_consultation_page_has_a_statements_section(app, client):
    c = make_consultation(app)
    make_map(app, c)
    page = text(client.get(f"/en/consultations/{c.slug}"))
    assert 'id="statements"' in page and f"/en/consultations/{c.slug}/statements/map" in page
    other = make_consultation(app)
    assert 'id="statements"' not in text(client.get(f"/en/consultations/{other.slug}"))


def test_report_and_moderation_pages(app, client, other_client):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    _login(client, make_user(app))
    response = client.submit(f"/en/consultations/{c.slug}/statements/{s.id}/report", {"reason": "spam", "text": ""})
    assert response.status_code == 303
    moderator = make_user(app, role=Role.MODERATOR)
    _login(other_client, moderator, "en")
    queue = text(other_client.get("/en/moderate/statements/"))
    assert s.text["nl"] in queue and "1 open report" in queue
    response = other_client.submit(
        f"/en/moderate/statements/{s.id}/hide", {"reason": "off_topic", "note": "Not about the consultation."}
    )
    assert response.status_code == 303
    assert statement(app, s.id).state == StatementState.HIDDEN
    assert s.text["nl"] not in text(client.get(f"/en/consultations/{c.slug}/statements/"))
    token = other_client.token_from("/en/moderate/statements/")
    assert other_client.post(f"/en/moderate/statements/{s.id}/restore", data={"csrf_token": token}).status_code == 303
    assert statement(app, s.id).state == StatementState.PUBLISHED
    # A resident cannot moderate.
    assert client.get("/en/moderate/statements/").status_code == 403


def test_an_organiser_switches_statements_on_and_seeds_one(app, client):
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(app, organisers=[organiser])
    _login(client, organiser, "en")
    url = f"/en/organise/consultations/{c.slug}/statements/"
    page = text(client.get(url))
    assert "Residents vote on statements" in page
    token = client.token_from(url)
    response = client.post(
        url + "settings",
        data={"csrf_token": token, "enabled": "y", "residents_may_add": "y", "opens_at": "", "closes_at": ""},
    )
    assert response.status_code == 303
    assert opinion_map(app, c.id) is not None
    response = client.submit(
        url, {"text_nl": "Meer fietsenstallingen.", "text_en": "More bike parking."}, action=url + "new"
    )
    assert response.status_code == 303
    assert "More bike parking." in text(client.get(f"/en/consultations/{c.slug}/statements/"))
    response = client.submit(url, {"text_en": "Only English."}, action=url + "new")
    assert response.status_code == 422 and "Dutch is required" in text(response)


@st.composite
def vote_forms(draw):
    return draw(
        st.dictionaries(
            st.sampled_from(["value", "csrf_token", "text", "language", "website", "x"]),
            st.one_of(
                st.sampled_from(["agree", "disagree", "pass", "", "nl", "en", "xx"]),
                st.text(max_size=300),
                st.lists(st.text(max_size=5), max_size=3),
            ),
            max_size=4,
        )
    )


def test_fuzzed_vote_and_statement_forms_never_give_a_server_error(app, client):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    user = make_user(app)
    _login(client, user)
    token = client.token_from(f"/nl/consultations/{c.slug}/statements/")
    urls = [
        f"/nl/consultations/{c.slug}/statements/{s.id}/vote",
        f"/nl/consultations/{c.slug}/statements/new",
        f"/nl/consultations/{c.slug}/statements/{s.id}/report",
        f"/nl/consultations/{c.slug}/statements/999999999/vote",
    ]

    @settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(form=vote_forms(), url=st.sampled_from(urls), with_token=st.booleans())
    def check(form, url, with_token):
        data = dict(form)
        if with_token:
            data["csrf_token"] = token
        response = client.post(url, data=data)
        assert response.status_code < 500, text(response)[:500]
        if response.status_code == 303 and url.endswith("/vote"):
            assert data.get("value") in ("agree", "disagree", "pass")

    check()
    assert len(votes_of(app, s.id)) <= 1


# --- Refusals: the page again with the message and its status, nothing stored ---------------------


def test_a_refused_vote_is_shown_once_above_the_statement_and_not_stored(app, client):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    _login(client, make_user(app), "en")
    response = _vote(client, c, s.id, "maybe", lang="en")
    # Shown on the page (not also flashed), with the form error status.
    assert response.status_code == 422 and text(response).count("Choose agree, disagree or pass.") == 1
    assert votes_of(app, s.id) == []


def test_a_refused_report_is_shown_on_the_report_form(app, client):
    c = make_consultation(app)
    make_map(app, c, texts=())
    author = make_user(app)
    own = add_statement(app, c, "Mijn eigen stelling.", author=author)
    other = add_statement(app, c, "Een andere stelling.")
    _login(client, author, "en")
    own_url = f"/en/consultations/{c.slug}/statements/{own.id}/report"
    response = client.submit(own_url, {"reason": "spam", "text": ""})
    assert response.status_code == 409 and "You cannot report your own statement." in text(response)
    other_url = f"/en/consultations/{c.slug}/statements/{other.id}/report"
    response = client.submit(other_url, {"reason": "other", "text": ""})
    assert response.status_code == 422 and "Tell us what is wrong with this statement." in text(response)
    assert client.submit(other_url, {"reason": "spam", "text": ""}).status_code == 303
    response = client.submit(other_url, {"reason": "spam", "text": ""})
    assert response.status_code == 409 and "You already reported this statement." in text(response)


def test_a_moderators_refused_decision_is_shown_and_changes_nothing(app, client):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    _login(client, make_user(app, role=Role.MODERATOR), "en")
    hide_url = f"/en/moderate/statements/{s.id}/hide"
    assert client.submit(hide_url, {"reason": "off_topic", "note": "Not about it."}).status_code == 303
    response = client.submit(hide_url, {"reason": "spam", "note": "Spam after all."})
    assert response.status_code == 409 and "This statement is already hidden." in text(response)
    assert statement(app, s.id).hidden_reason == "off_topic"
    restore_url = f"/en/moderate/statements/{s.id}/restore"
    assert client.submit("/en/moderate/statements/", action=restore_url).status_code == 303
    assert statement(app, s.id).state == StatementState.PUBLISHED
    # Restoring it again (shown, no reports): back to the queue, which says why.
    response = client.submit("/en/moderate/statements/", action=restore_url)
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/moderate/statements/")
    assert "This statement is already shown." in text(client.get(response.headers["Location"]))


def test_settings_that_close_before_they_open_are_refused_on_the_form(app, client):
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(app, organisers=[organiser])
    _login(client, organiser, "en")
    url = f"/en/organise/consultations/{c.slug}/statements/"
    response = client.submit(
        url,
        {"enabled": "y", "opens_at": "2030-05-02T10:00", "closes_at": "2030-05-01T10:00"},
        action=url + "settings",
    )
    assert response.status_code == 422 and "The closing moment must come after the opening moment." in text(response)
    assert client.get(f"/en/consultations/{c.slug}/statements/").status_code == 404  # not switched on
