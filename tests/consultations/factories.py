"""Consultation factories for tests."""

from __future__ import annotations

import itertools
from datetime import timedelta

from participation.consultations.models import Consultation, ConsultationPhase, ConsultationState, Theme
from participation.core.time import utcnow
from participation.extensions import db
from tests.factories import detach

_counter = itertools.count(1)


def make_theme(app, slug="climate-green-deal", name=None):
    with app.app_context():
        theme = Theme(slug=slug, name=name or {"nl": f"Thema {slug}", "en": f"Theme {slug}", "fr": f"Thème {slug}"})
        db.session.add(theme)
        db.session.commit()
        return detach(theme)


def make_consultation(
    app,
    *,
    slug=None,
    status="open",
    title=None,
    summary=None,
    body=None,
    themes=(),
    organisers=(),
    phases=(),
    results=None,
    feedback=None,
    **fields,
):
    """status: draft | upcoming | open | closed | results."""
    now = utcnow()
    opens, closes = {
        "draft": (now - timedelta(days=1), now + timedelta(days=10)),
        "upcoming": (now + timedelta(days=5), now + timedelta(days=30)),
        "open": (now - timedelta(days=5), now + timedelta(days=20)),
        "closed": (now - timedelta(days=40), now - timedelta(days=2)),
        "results": (now - timedelta(days=60), now - timedelta(days=20)),
    }[status]
    state = {"draft": ConsultationState.DRAFT, "results": ConsultationState.RESULTS_PUBLISHED}.get(
        status, ConsultationState.PUBLISHED
    )
    n = next(_counter)
    with app.app_context():
        from participation.accounts.models import User

        consultation = Consultation(
            slug=slug or f"consultation-{n}",
            state=state,
            opens_at=opens,
            closes_at=closes,
            title=title or {"nl": f"Bevraging {n}", "en": f"Consultation {n}", "fr": f"Consultation {n}"},
            summary=summary or {"nl": "Een korte samenvatting.", "en": "A short summary.", "fr": "Un court résumé."},
            body=body or {"nl": "## Waarover\n\nDe tekst.", "en": "## About\n\nThe text."},
            results=results,
            feedback=feedback,
            published_at=None if status == "draft" else opens,
            **fields,
        )
        consultation.themes = [db.session.get(Theme, t.id) for t in themes]
        consultation.organisers = [db.session.get(User, u.id) for u in organisers]
        for name, start, end in phases:
            consultation.phases.append(ConsultationPhase(name=name, starts_at=start, ends_at=end))
        db.session.add(consultation)
        db.session.commit()
        return detach(consultation)
