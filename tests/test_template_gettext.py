"""Templates look the catalogue up once per request (core/templating.py), yet follow a change of language."""

from __future__ import annotations

from flask import render_template_string
from flask_babel import force_locale


def test_templates_follow_a_forced_language_inside_a_request(app):
    # A request in Dutch that renders a mail in the recipient's language (force_locale), then goes on in Dutch.
    with app.test_request_context("/nl/"):
        template = "{{ _('Comments') }} {{ ngettext('%(num)d endorsement', '%(num)d endorsements', 2) }}"
        before = render_template_string(template)
        with force_locale("fr"):
            forced = render_template_string(template)
        after = render_template_string(template)
    assert before.startswith("Reacties") and after == before
    assert forced.startswith("Commentaires")
