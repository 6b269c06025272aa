"""Moderation tests use the comment tests' set-up (people, a request context, load)."""

from tests.comments.conftest import Comment, Consultation, User, ctx, load, people  # noqa: F401
