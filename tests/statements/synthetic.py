"""A synthetic conversation with planted opinion groups and planted common ground."""

from __future__ import annotations

import numpy as np

from participation.statements.analysis import Votes


def planted_conversation(
    group_sizes=(60, 50, 40),
    statements=40,
    common=(0, 1, 2),
    vote_share=0.8,
    noise=0.1,
    seed=1,
):
    """Votes from groups that each hold their own position on every statement.

    Each group has a random agree/disagree stance per statement; the `common` statements are
    agreed by every group. A person votes on `vote_share` of the statements, follows their
    group's stance except with probability `noise` (then a random vote). Returns the votes,
    the statement ids (1..statements), and the planted group of every user id.
    """
    rng = np.random.default_rng(seed)
    stances = rng.choice([-1, 1], size=(len(group_sizes), statements))
    stances[:, list(common)] = 1
    groups = np.repeat(np.arange(len(group_sizes)), group_sizes)
    people = len(groups)
    seen = rng.random((people, statements)) < vote_share
    follows = rng.random((people, statements)) >= noise
    random_votes = rng.choice([-1, 0, 1], size=(people, statements))
    values = np.where(follows, stances[groups], random_votes)
    rows, columns = np.nonzero(seen)
    votes = Votes((rows + 1).astype(np.int64), (columns + 1).astype(np.int64), values[rows, columns].astype(np.int8))
    planted = {user + 1: int(group) for user, group in enumerate(groups)}
    return votes, list(range(1, statements + 1)), planted
