"""The site-wide transparency figures: moderation of all consultations together, and suspensions.

Counts and median times only: no comment, no name, no reason written for one person.
"""

from __future__ import annotations

from participation.comments import queries as comment_queries
from participation.moderation import queries


def site_figures() -> dict:
    comments = comment_queries.moderation_figures()
    return {
        "hidden": comments["hidden"],
        "comment_appeals": comments["appeals"],
        "suspensions": queries.suspension_counts(),
        "suspension_appeals": queries.suspension_appeal_counts(),
        "median_seconds": {
            **comments["median_seconds"],
            "suspension_appeals": comment_queries.median_seconds(queries.suspension_appeal_delays()),
        },
    }
