"""The content files (reference themes and networks, demo content): they load, carry every text
in nl, en and fr, say exactly where a mistake is, and the demo built from them goes through the
features' rules and can be loaded twice."""

from __future__ import annotations

import shutil
import tomllib

import pytest
import sqlalchemy as sa

from participation.consultations import reference_data
from participation.consultations.models import Consultation, PublicStatus
from participation.core.audit import AuditEntry
from participation.core.datafile import ContentError
from participation.demo import loader
from participation.demo.seed import seed_demo
from participation.events.models import Event, Registration, RegistrationStatus
from participation.extensions import db

LANGUAGES = {"nl", "en", "fr"}
DATA_FILES = sorted([*loader.FOLDER.glob("*.toml"), *reference_data.FOLDER.glob("*.toml")])


def test_every_content_file_is_there_and_loads():
    assert {p.stem for p in loader.FOLDER.glob("*.toml")} == set(loader.FILES)
    assert {p.stem for p in reference_data.FOLDER.glob("*.toml")} == {"themes", "networks"}
    loader.load_all()
    assert len(reference_data.THEMES) == 9 and len(reference_data.NETWORKS) > 30
    accounts, people = loader.load_accounts()
    assert {a.key for a in accounts} >= {"admin", "organiser", "moderator", "resident", "resident2", "resident3"}
    assert {c.state for c in loader.load_consultations()} == set(loader.STATES)
    assert len(loader.load_events()) >= 10 and len(loader.load_questions()[1]) >= 10
    assert loader.load_comments() and loader.load_moderation().comments and people


def _translations(value, path=""):
    """Every table of texts per language in a file: (dotted path, languages present)."""
    if isinstance(value, dict):
        if value and set(value) <= LANGUAGES and all(isinstance(v, str) for v in value.values()):
            yield path, set(value)
            return
        for key, item in value.items():
            yield from _translations(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from _translations(item, path)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_text_is_in_dutch_english_and_french_unless_left_out_on_purpose(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found = 0
    for key, value in data.items():
        for table in value if isinstance(value, list) else [value]:
            if not isinstance(table, dict):
                continue
            on_purpose = {f"{key}.{field}" for field in table.get("missing_on_purpose", [])}
            for field, languages in _translations(table, key):
                found += 1
                assert "nl" in languages, (path.name, field)
                missing = {f"{field}.{lang}" for lang in LANGUAGES - languages}
                assert missing <= on_purpose, (path.name, field, sorted(missing))
    if path.stem not in ("accounts", "comments"):  # names and comments are written in one language
        assert found > 0, path.name


def test_only_the_fallback_example_leaves_a_language_out():
    left_out = {c.slug: c for c in loader.load_consultations() if "fr" not in c.body}
    assert list(left_out) == ["technologiehoofdstad"]
    assert set(left_out["technologiehoofdstad"].title) == LANGUAGES


# ------------------------------------------------------------------------------ broken files


@pytest.fixture
def content_copy(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(loader.FOLDER, folder)
    return folder


def _edit(path, old: str, new: str = "", *, first_only: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1 or (first_only and old in text), old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_field_names_the_file_the_entry_and_the_field(content_copy):
    _edit(content_copy / "events.toml", "capacity = 8\n")
    with pytest.raises(ContentError) as error:
        loader.load_events(content_copy)
    assert str(error.value) == (
        'events.toml, [[events]] entry 8 (key = "kanazawa-tafelgesprek"): the field "capacity" is missing.'
    )


def test_a_statement_with_a_stance_for_too_few_groups_or_too_long_is_refused(content_copy):
    _edit(content_copy / "statements.toml", 'stance = "+--"', 'stance = "+-"', first_only=True)
    with pytest.raises(ContentError) as error:
        loader.load_statements(content_copy)
    assert str(error.value) == (
        'statements.toml, [[statements]] entry 4: "stance" must give +, - or 0 for each of the 3 groups, not "+-".'
    )
    _edit(content_copy / "statements.toml", 'stance = "+-"\n', 'stance = "+--"\n')
    long = "Europese beslissingen moeten in begrijpelijke taal worden uitgelegd."
    _edit(content_copy / "statements.toml", f'nl = "{long}"', f'nl = "{long * 5}"')
    with pytest.raises(ContentError, match=r"entry 2: a statement has at most 280 characters \(nl is longer\)"):
        loader.load_statements(content_copy)


def test_a_missing_language_names_the_file_the_entry_and_the_text(content_copy):
    line = next(
        line for line in (content_copy / "consultations.toml").read_text().splitlines() if line.startswith("title.fr")
    )
    _edit(content_copy / "consultations.toml", line + "\n")
    with pytest.raises(ContentError) as error:
        loader.load_consultations(content_copy)
    assert str(error.value) == (
        'consultations.toml, [[consultations]] entry 1 (slug = "groene-deal-gent"): '
        '"title" lacks the French text (title.fr).'
    )


def test_a_missing_language_in_a_nested_entry_is_found_too(content_copy):
    _edit(content_copy / "questions.toml", '  en = "Energy-efficient renovation of homes"\n')
    with pytest.raises(ContentError) as error:
        loader.load_questions(content_copy)
    assert 'questions.toml, [[questions]] entry 1 (consultation = "groene-deal-gent"), options 1' in str(error.value)
    assert "lacks the English text (en = ...)" in str(error.value)


def test_a_misspelt_field_or_an_unknown_account_is_refused_not_ignored(content_copy):
    _edit(content_copy / "comments.toml", 'alignment = "against"\n', 'alignmnet = "against"\n', first_only=True)
    with pytest.raises(
        ContentError,
        match=r'comments.toml, \[\[comments\]\] entry 3 .*"alignment" is missing \(is "alignmnet" a typo\?\)',
    ):
        loader.load_comments(content_copy)
    other = content_copy.parent / "other"
    shutil.copytree(loader.FOLDER, other)
    _edit(other / "moderation.toml", 'reporter = "resident3"', 'reporter = "resident9"')
    with pytest.raises(ContentError, match=r"moderation.toml, \[\[reports\]\] entry 2 .*unknown reporter resident9"):
        loader.load_moderation(other)


def test_dates_that_do_not_fit_the_state_are_refused(content_copy):
    _edit(
        content_copy / "consultations.toml", "opens_days = -75\ncloses_days = -14", "opens_days = -75\ncloses_days = 3"
    )
    with pytest.raises(ContentError, match=r'entry 2 \(slug = "eu-klimaatplan"\).*do not fit state = "closed"'):
        loader.load_consultations(content_copy)


def test_a_broken_reference_file_names_the_network(tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(reference_data.FOLDER, folder)
    line = next(
        line for line in (folder / "networks.toml").read_text().splitlines() if line.startswith("description.fr")
    )
    _edit(folder / "networks.toml", line + "\n")
    with pytest.raises(ContentError) as error:
        reference_data.load_networks(folder)
    assert str(error.value) == (
        'networks.toml, [[networks]] entry 1 (slug = "eurocities"): '
        '"description" lacks the French text (description.fr).'
    )


def test_a_file_that_is_not_toml_says_so(content_copy):
    (content_copy / "accounts.toml").write_text("[[accounts]\nkey = ", encoding="utf-8")
    with pytest.raises(ContentError, match=r"accounts.toml: not valid TOML"):
        loader.load_accounts(content_copy)


# ------------------------------------------------------------------------------ the seeded demo


def test_the_demo_goes_through_the_rules_and_loading_it_twice_changes_nothing(app):
    with app.app_context():
        seed_demo()
        counts = {
            t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in db.metadata.sorted_tables
        }
        seed_demo()
        assert counts == {
            t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in db.metadata.sorted_tables
        }
        # Every consultation reached the state its file gives it, the way an organiser gets there.
        stories = {spec.slug: spec for spec in loader.load_consultations()}
        status = {"draft": PublicStatus.DRAFT, "upcoming": PublicStatus.UPCOMING, "open": PublicStatus.OPEN}
        status |= {"closed": PublicStatus.CLOSED, "results": PublicStatus.RESULTS}
        consultations = {c.slug: c for c in db.session.scalars(sa.select(Consultation))}
        for slug, spec in stories.items():
            assert consultations[slug].status() == status[spec.state], slug
        actions = set(
            db.session.execute(
                sa.select(AuditEntry.action, AuditEntry.consultation_id).where(AuditEntry.action.like("consultation.%"))
            ).all()
        )
        closed = [c for c in consultations.values() if stories[c.slug].state in ("closed", "results")]
        assert closed and all(("consultation.closed", c.id) in actions for c in closed)
        assert all(
            ("consultation.results_published", c.id) in actions for c in closed if stories[c.slug].state == "results"
        )
        # The small Kanazawa table: places in the file's order, then the waiting list, as the rules decide.
        title = next(spec.title["nl"] for spec in loader.load_events() if spec.key == "kanazawa-tafelgesprek")
        event = next(e for e in db.session.scalars(sa.select(Event)) if e.title["nl"] == title)
        registrations = db.session.scalars(
            sa.select(Registration).where(Registration.event_id == event.id).order_by(Registration.sequence)
        ).all()
        statuses = [r.status for r in registrations]
        assert statuses == [RegistrationStatus.CONFIRMED] * event.capacity + [RegistrationStatus.WAITING] * 2
        assert registrations[-1].email == "bezoeker-wachtlijst@demo.example"


def test_a_text_the_editor_would_refuse_stops_the_demo_and_names_the_entry(app, content_copy, monkeypatch):
    from participation.core.mail import public_request_context
    from participation.demo import consultations as demo_consultations
    from participation.demo.consultations import seed_demo_consultations
    from participation.demo.seed import seed_accounts

    _edit(content_copy / "consultations.toml", "## Wat stelt", "# Wat stelt", first_only=True)  # a level-1 heading
    read = loader.load_consultations
    monkeypatch.setattr(demo_consultations, "load_consultations", lambda folder=content_copy: read(folder))
    with app.app_context(), public_request_context():
        accounts = seed_accounts()
        with pytest.raises(ContentError) as error:
            seed_demo_consultations(accounts)
        db.session.rollback()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Consultation)) == 0
    assert str(error.value).startswith(
        'consultations.toml, [[consultations]] entry 1 (slug = "groene-deal-gent"): '
        "the platform refused it (field body_nl): "
    )
