"""Administration forms."""

from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from participation.core.forms import BaseForm
from participation.core.i18n import _l
from participation.core.permissions import Role

ROLE_LABELS = {
    Role.RESIDENT: _l("Resident"),
    Role.ORGANISER: _l("Organiser"),
    Role.MODERATOR: _l("Moderator"),
    Role.ADMIN: _l("Administrator"),
}


class RoleForm(BaseForm):
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()],
        validators=[InputRequired()],
    )


USER_SEARCH_MAX = 100


class UserSearchForm(BaseForm):
    class Meta:
        csrf = False  # a GET search form changes nothing

    q = StringField(_l("Search by name or e-mail"), validators=[Optional(), Length(max=USER_SEARCH_MAX)])
