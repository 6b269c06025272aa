"""How long the opinion map takes for 10,000 participants and 500 statements.

Run: .venv/bin/python bench/opinion_map_bench.py [participants] [statements] [vote_share]

Synthetic votes with three planted groups (tests/statements/synthetic.py); by default every
participant votes on 30 % of the statements (1.5 million votes), `1.0` makes the matrix dense
(5 million votes). Prints the seconds of analysis.compute_map (matrix, PCA, k-means for k = 2..5
with silhouette scores on a 3,000-person sample, group statistics), and the adjusted Rand index
against the planted groups. Loading the votes from the database (refresh.load_votes) comes on
top and is not measured here.

Measured on the 2-core development machine, busy with other work (2026-12-06): 1.8-2.5 s for
1.5 million votes (30 %), 3.8 s for the dense 5 million.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.metrics import adjusted_rand_score  # noqa: E402

from participation.statements import analysis  # noqa: E402
from tests.statements.synthetic import planted_conversation  # noqa: E402


def main() -> None:
    participants = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    statements = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
    sizes = (participants * 5 // 10, participants * 3 // 10, participants - participants * 8 // 10)
    started = time.perf_counter()
    votes, statement_ids, planted = planted_conversation(
        group_sizes=sizes, statements=statements, vote_share=share, noise=0.15, seed=1
    )
    print(f"synthetic votes: {len(votes.values):,} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    result = analysis.compute_map(votes, statement_ids)
    seconds = time.perf_counter() - started
    print(f"compute_map: {participants:,} participants x {statements} statements: {seconds:.1f} s")
    print(f"groups: {[g['size'] for g in result['groups']]}, common ground: {len(result['common_ground'])}")
    users, labels = analysis.group_labels(votes, statement_ids)
    print(f"adjusted Rand index: {adjusted_rand_score([planted[int(u)] for u in users], labels):.3f}")


if __name__ == "__main__":
    main()
