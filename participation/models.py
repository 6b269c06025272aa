"""Every model, so that SQLAlchemy's metadata knows the whole schema (migrations, create_all)."""

import participation.accounts.models
import participation.accounts.two_factor
import participation.comments.models
import participation.consultations.models
import participation.core.audit
import participation.core.fan_out
import participation.core.mail
import participation.core.scheduler
import participation.events.models
import participation.moderation.models
import participation.statements.models
import participation.votes.models  # noqa: F401


def import_all() -> None:
    """Nothing to do at call time: importing this module imported every model."""
