"""Labels of statement moderation: the moderation log's actions and the outcomes of appeals."""

from __future__ import annotations

from participation.comments.models import AppealOutcome
from participation.core.i18n import _l

# Moderation actions the statement services record in the audit log (appeals share "appeal.*"
# with comments: the log tells them apart by the item). Organisers' actions are not moderation.
STATEMENT_ACTION_LABELS = {
    "statement.approved": _l("Statement approved"),
    "statement.hidden": _l("Statement hidden"),
    "statement.restored": _l("Statement shown again"),
    "statement.reports_dismissed": _l("Reports on a statement dismissed"),
    "statement.auto_hidden": _l("Statement hidden automatically after reports"),
}

STATEMENT_APPEAL_OUTCOME_LABELS = {
    AppealOutcome.GRANTED.value: _l("Appeal granted: statement shown again"),
    AppealOutcome.REJECTED.value: _l("Appeal rejected: statement stays hidden"),
}
