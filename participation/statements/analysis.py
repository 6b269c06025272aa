"""The opinion map: groups of participants who vote alike, what sets each apart, what all share.

The method, as Polis does it, on plain numbers (no database here; jobs.py loads and stores):

1. The participant-by-statement matrix: agree = 1, disagree = -1, pass or not seen = 0.
2. Only participants with at least `min_votes(statements)` votes take part in the grouping:
   MIN_VOTES (7), or every statement when there are fewer than 7. Fewer votes say too little
   about a person's position to place them.
3. The matrix, centred per statement, is reduced to two dimensions by PCA; each person's point
   is scaled by sqrt(statements / their votes), as Polis does, so sparse voters are not pulled
   to the centre by the statements they did not see.
4. k-means groups the points for every k from 2 to 5 (fewer when there are few points); the k
   with the highest silhouette score wins (a tie goes to the smaller k). Above SILHOUETTE_SAMPLE
   participants the score is computed on a seeded sample of that size (it costs n² otherwise).
   Everything is seeded (RANDOM_STATE): the same votes give the same map.
5. Per group: its size; its distinctive statements: those its members agree (or disagree) with
   at a rate at least DISTINCTIVE_GAP higher than everyone outside the group, and at least half
   of the group's voters do so. Rates are over the people who voted on the statement (a pass
   counts as a vote, not as agreement).
6. Common ground: statements that more than half of the voters in every shown group agree with
   (each group needs at least MIN_VOTERS_PER_GROUP voters on it).

Privacy: a group smaller than `min_group` (OPINION_MAP_MIN_GROUP, default 5) is not shown: its
members count in the totals only, never as a group of their own, and no per-person position or
coordinate leaves this module (group centres and sizes only).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

MIN_VOTES = 7
K_RANGE = range(2, 6)
RANDOM_STATE = 0
SILHOUETTE_SAMPLE = 3000
DISTINCTIVE_GAP = 0.3
DISTINCTIVE_PER_GROUP = 5
MIN_VOTERS_PER_GROUP = 3
# Fewer participants than this make no map: groups of two or three people would be recognisable.
MIN_PARTICIPANTS = 10


def min_votes(statement_count: int) -> int:
    """Votes a participant needs to be placed on the map."""
    return max(1, min(MIN_VOTES, statement_count))


@dataclass(frozen=True)
class Votes:
    """The votes of one consultation as three parallel arrays (one entry per vote)."""

    user_ids: np.ndarray
    statement_ids: np.ndarray
    values: np.ndarray


def build_matrix(votes: Votes, statement_ids: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The matrix (participants x statements, float32), its participant ids, and a voted mask.

    Votes on statements not in `statement_ids` (hidden since) are left out.
    """
    users, rows = np.unique(votes.user_ids, return_inverse=True)
    ids = np.asarray(statement_ids, dtype=np.int64)
    order = np.argsort(ids)
    found = np.searchsorted(ids[order], votes.statement_ids)
    found = np.minimum(found, max(len(ids) - 1, 0))
    keep = (ids[order][found] == votes.statement_ids) if len(ids) else np.zeros(len(votes.statement_ids), bool)
    columns = order[found] if len(ids) else found
    matrix = np.zeros((len(users), len(statement_ids)), dtype=np.float32)
    voted = np.zeros((len(users), len(statement_ids)), dtype=bool)
    matrix[rows[keep], columns[keep]] = votes.values[keep]
    voted[rows[keep], columns[keep]] = True
    return matrix, users, voted


def _project(centred: np.ndarray, voted: np.ndarray, components: int) -> np.ndarray:
    """PCA to `components` dimensions, each person's point scaled by sqrt(statements / their votes).

    Unseen statements count as 0 and pull a sparse voter towards the centre; the scaling (as
    Polis does) puts people who voted on few statements where their votes point.
    """
    from sklearn.decomposition import PCA

    # The statements x statements covariance and its eigenvectors: exact, and quick for many people.
    points = PCA(n_components=components, svd_solver="covariance_eigh").fit_transform(centred)
    scale = np.sqrt(voted.shape[1] / np.maximum(voted.sum(axis=1), 1))
    return points * scale[:, None]


def _cluster(points: np.ndarray) -> tuple[np.ndarray, int, float]:
    """k-means labels for the k in K_RANGE with the best silhouette score."""
    from sklearn.cluster import KMeans
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import silhouette_score

    best = None
    sample = SILHOUETTE_SAMPLE if len(points) > SILHOUETTE_SAMPLE else None
    # People who voted exactly alike share a point: k cannot exceed the distinct points.
    distinct = len(np.unique(points.round(8), axis=0))
    for k in K_RANGE:
        if k >= len(points) or k > distinct:
            break
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            labels = KMeans(n_clusters=k, n_init=10, random_state=RANDOM_STATE).fit_predict(points)
        if len(set(labels.tolist())) < 2:
            continue
        score = float(silhouette_score(points, labels, sample_size=sample, random_state=RANDOM_STATE))
        if best is None or score > best[2] + 1e-9:
            best = (labels, k, score)
    if best is None:
        return np.zeros(len(points), dtype=np.int64), 1, 0.0
    return best


def _rates(matrix: np.ndarray, voted: np.ndarray, members: np.ndarray):
    """Agree, disagree and pass counts, and voters, per statement among `members`."""
    sub, sub_voted = matrix[members], voted[members]
    agree = ((sub == 1) & sub_voted).sum(axis=0)
    disagree = ((sub == -1) & sub_voted).sum(axis=0)
    voters = sub_voted.sum(axis=0)
    return agree, disagree, voters - agree - disagree, voters


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros(len(part), dtype=np.float64), where=whole > 0)


def compute_map(votes: Votes, statement_ids: list[int], *, min_group: int = 5) -> dict:
    """The opinion map as JSON-ready data (see the module docstring for the method).

    On one thread: at this size (a 500 x 500 covariance, k-means in two dimensions) the BLAS and
    OpenMP thread pools cost more than they save, many times more on a busy machine (measured:
    eigh of the covariance 0.1 s on one thread, 5.8 s on two contended cores).
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _compute_map(votes, statement_ids, min_group=min_group)


def _compute_map(votes: Votes, statement_ids: list[int], *, min_group: int) -> dict:
    statement_ids = [int(s) for s in statement_ids]
    matrix, _users, voted = build_matrix(votes, statement_ids)
    everyone = np.ones(len(matrix), dtype=bool)
    agree, disagree, passed, _voters = _rates(matrix, voted, everyone)
    overall = {sid: [int(agree[i]), int(disagree[i]), int(passed[i])] for i, sid in enumerate(statement_ids)}
    threshold = min_votes(len(statement_ids))
    result = {
        "min_votes": threshold,
        "min_group": min_group,
        "participants": int(len(matrix)),
        "placed": 0,
        "k": 0,
        "silhouette": None,
        "groups": [],
        "not_shown": 0,
        "common_ground": [],
        "counts": overall,
        "group_counts": {},
    }
    if not statement_ids:
        return _json_keys(result)
    placed = voted.sum(axis=1) >= threshold
    result["placed"] = int(placed.sum())
    if placed.sum() < max(MIN_PARTICIPANTS, 2 * min_group):
        return _json_keys(result)
    x, x_voted = matrix[placed], voted[placed]

    centred = x - x.mean(axis=0)
    components = min(2, *centred.shape)
    points = _project(centred, x_voted, components)
    labels, k, score = _cluster(points)
    result["k"], result["silhouette"] = int(k), round(score, 4)

    # Groups ordered by size (largest first, then by centre for a stable order); small ones hidden.
    sizes = np.bincount(labels, minlength=k)
    order = sorted(range(k), key=lambda g: (-int(sizes[g]), points[labels == g].mean(axis=0).round(6).tolist()))
    shown = [g for g in order if sizes[g] >= min_group]
    result["not_shown"] = int(sum(sizes[g] for g in order if sizes[g] < min_group))
    group_agree_share = []
    for number, g in enumerate(shown):
        inside = labels == g
        g_agree, g_disagree, g_pass, g_voters = _rates(x, x_voted, inside)
        o_agree, o_disagree, _o_pass, o_voters = _rates(x, x_voted, ~inside)
        agree_in, agree_out = _share(g_agree, g_voters), _share(o_agree, o_voters)
        disagree_in, disagree_out = _share(g_disagree, g_voters), _share(o_disagree, o_voters)
        group_agree_share.append((agree_in, g_voters))
        distinctive = []
        for i, sid in enumerate(statement_ids):
            if g_voters[i] < MIN_VOTERS_PER_GROUP:
                continue
            for direction, rate_in, rate_out in (
                ("agree", agree_in[i], agree_out[i]),
                ("disagree", disagree_in[i], disagree_out[i]),
            ):
                if rate_in >= 0.5 and rate_in - rate_out >= DISTINCTIVE_GAP:
                    distinctive.append(
                        {
                            "statement_id": sid,
                            "direction": direction,
                            "in_group": round(float(rate_in), 3),
                            "outside": round(float(rate_out), 3),
                        }
                    )
        distinctive.sort(key=lambda d: (-(d["in_group"] - d["outside"]), d["statement_id"]))
        centre = points[inside].mean(axis=0)
        result["groups"].append(
            {
                "number": number + 1,
                "size": int(inside.sum()),
                "centre": [round(float(c), 4) for c in np.pad(centre, (0, 2 - len(centre)))],
                "distinctive": distinctive[:DISTINCTIVE_PER_GROUP],
            }
        )
        result["group_counts"][str(number + 1)] = {
            sid: [int(g_agree[i]), int(g_disagree[i]), int(g_pass[i])] for i, sid in enumerate(statement_ids)
        }
    if shown:
        common = []
        for i, sid in enumerate(statement_ids):
            shares = [share[i] for share, voters in group_agree_share if voters[i] >= MIN_VOTERS_PER_GROUP]
            if len(shares) == len(shown) and min(shares) > 0.5:
                common.append({"statement_id": sid, "lowest_agreement": round(float(min(shares)), 3)})
        common.sort(key=lambda c: (-c["lowest_agreement"], c["statement_id"]))
        result["common_ground"] = common
    return _json_keys(result)


def _json_keys(result: dict) -> dict:
    """JSON object keys are strings: store them so, whatever reads the result back."""
    result["counts"] = {str(sid): value for sid, value in result["counts"].items()}
    result["group_counts"] = {
        number: {str(sid): value for sid, value in counts.items()} for number, counts in result["group_counts"].items()
    }
    return result


def group_labels(votes: Votes, statement_ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Participant ids and their k-means group (for tests and benchmarks only: never shown)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _group_labels(votes, statement_ids)


def _group_labels(votes: Votes, statement_ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    matrix, users, voted = build_matrix(votes, [int(s) for s in statement_ids])
    placed = voted.sum(axis=1) >= min_votes(len(statement_ids))
    x = matrix[placed]
    points = _project(x - x.mean(axis=0), voted[placed], min(2, *x.shape))
    labels, _k, _score = _cluster(points)
    return users[placed], labels
