"""The map's method on synthetic conversations with planted groups (no database)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import adjusted_rand_score

from participation.statements import analysis
from participation.statements.analysis import Votes
from tests.statements.synthetic import planted_conversation


def test_planted_groups_are_recovered():
    votes, statements, planted = planted_conversation(group_sizes=(60, 50, 40), statements=40, noise=0.15)
    users, labels = analysis.group_labels(votes, statements)
    assert adjusted_rand_score([planted[int(u)] for u in users], labels) >= 0.9
    result = analysis.compute_map(votes, statements)
    assert result["k"] == 3
    assert sorted(g["size"] for g in result["groups"]) == [40, 50, 60]
    assert all(g["distinctive"] for g in result["groups"])


def test_planted_groups_are_recovered_when_people_vote_on_a_third_of_the_statements():
    votes, statements, planted = planted_conversation(
        group_sizes=(50, 40, 30), statements=60, vote_share=0.35, noise=0.1, seed=7
    )
    users, labels = analysis.group_labels(votes, statements)
    assert adjusted_rand_score([planted[int(u)] for u in users], labels) >= 0.9


def test_planted_common_ground_is_found_and_divisive_statements_are_not():
    votes, statements, _planted = planted_conversation(common=(0, 1, 2), seed=3)
    result = analysis.compute_map(votes, statements)
    common = {c["statement_id"] for c in result["common_ground"]}
    assert {1, 2, 3} <= common
    # A statement the planted groups disagree on is never common ground.
    rng = np.random.default_rng(3)
    stances = rng.choice([-1, 1], size=(3, 40))
    divisive = {s + 1 for s in range(3, 40) if len(set(stances[:, s])) > 1}
    assert divisive and not (common & divisive)


def test_a_group_below_the_minimum_size_is_never_shown():
    votes, statements, _planted = planted_conversation(group_sizes=(60, 50, 40), seed=5)
    result = analysis.compute_map(votes, statements, min_group=45)
    assert sorted(g["size"] for g in result["groups"]) == [50, 60]
    assert result["not_shown"] == 40
    # Its members have no counts of their own anywhere in the result.
    assert set(result["group_counts"]) == {"1", "2"}
    assert all(g["size"] >= 45 for g in result["groups"])


def test_participants_with_too_few_votes_are_left_out_and_the_result_is_deterministic():
    votes, statements, _planted = planted_conversation(group_sizes=(30, 30), statements=20, seed=9)
    # Two people with three votes each: counted overall, never placed.
    extra = Votes(
        np.concatenate([votes.user_ids, [9001] * 3 + [9002] * 3]),
        np.concatenate([votes.statement_ids, [1, 2, 3, 1, 2, 3]]),
        np.concatenate([votes.values, [1, 1, 1, -1, -1, -1]]).astype(np.int8),
    )
    first = analysis.compute_map(extra, statements)
    assert first["participants"] == 62 and first["placed"] == 60 and first["min_votes"] == 7
    assert first == analysis.compute_map(extra, statements)


def test_too_few_participants_give_no_groups():
    votes, statements, _planted = planted_conversation(group_sizes=(3, 3), statements=10)
    result = analysis.compute_map(votes, statements)
    assert result["groups"] == [] and result["common_ground"] == []
    assert sum(sum(counts) for counts in result["counts"].values()) == len(votes.values)


def test_no_statements_no_votes():
    empty = Votes(np.array([], dtype=np.int64), np.array([], dtype=np.int64), np.array([], dtype=np.int8))
    assert analysis.compute_map(empty, [])["groups"] == []
    assert analysis.compute_map(empty, [1, 2])["counts"] == {"1": [0, 0, 0], "2": [0, 0, 0]}
