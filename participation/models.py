"""Import every model so SQLAlchemy's metadata knows the whole schema."""


def import_all() -> None:
    import participation.accounts.models  # noqa: F401
    import participation.accounts.two_factor  # noqa: F401
    import participation.comments.models  # noqa: F401
    import participation.consultations.models  # noqa: F401
    import participation.core.audit  # noqa: F401
    import participation.core.fan_out  # noqa: F401
    import participation.core.mail  # noqa: F401
    import participation.core.scheduler  # noqa: F401
    import participation.events.models  # noqa: F401
    import participation.votes.models  # noqa: F401
