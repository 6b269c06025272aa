"""Moderation workspace: the review queue, hiding and restoring, suspensions, appeals, the log."""
