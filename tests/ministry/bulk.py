"""A large registry built cheaply: candidates, reviews and expert deviations inserted in bulk.

No rules engine, no derived tables — enough for calibration and the report queries at scale
(``years`` × ``candidates`` reviews, ``experts_per_review`` × ``codes`` deviation rows each, a tenth of
the packages with an older, no longer current version that calibration must ignore).
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Engine, insert

from reviewer.ministry.orm import CandidateRow, DeviationRow, ReviewRow

EXPERTS = 40


def build(
    engine: Engine,
    *,
    years: int = 2,
    candidates: int = 500,
    experts_per_review: int = 5,
    codes: int = 20,
    seed: int = 21,
) -> int:
    """Fill an empty registry; return the number of deviation rows written."""
    rng = random.Random(seed)
    at = datetime(2020, 1, 1, tzinfo=UTC)
    names = {f"e{i:03d}": f"专家{i:03d}" for i in range(EXPERTS)}
    written = 0
    with engine.begin() as conn:
        conn.execute(
            insert(CandidateRow),
            [
                {
                    "id": c + 1,
                    "name": f"候选{c:04d}",
                    "type": "city" if c % 5 == 0 else "park",
                    "province": f"省{c % 31}",
                    "city": f"市{c % 97}",
                    "parent_city": None,
                    "registered_year": 2000,
                    "registered_status": "awarded",
                    "registered_at": at,
                    "status": "awarded",
                }
                for c in range(candidates)
            ],
        )
        review_id = 0
        for year in range(2000, 2000 + years):
            reviews, deviations = [], []
            for c in range(candidates):
                package = f"pkg-{year}-{c:04d}"
                versions = 2 if rng.random() < 0.1 else 1
                for version in range(1, versions + 1):
                    review_id += 1
                    panel = rng.sample(sorted(names), experts_per_review)
                    reviews.append(
                        {
                            "id": review_id,
                            "candidate_id": c + 1,
                            "package_id": package,
                            "kind": "annual",
                            "year": year,
                            "standard_id": "bulk",
                            "standard_version": "1.0",
                            "result": "2",
                            "stars": 2,
                            "vetoed": False,
                            "total": "80.5",
                            "bundle_sha256": f"{review_id:064x}",
                            "bundle_version": version,
                            "chair": names[panel[0]],
                            "experts": json.dumps([names[e] for e in panel], ensure_ascii=False),
                            "reviewed_at": at,
                            "imported_at": at,
                            "current": version == versions,
                        }
                    )
                    for code in range(codes):
                        aggregate = Decimal(rng.randint(0, 1000)) / 100
                        for e in panel:
                            score = Decimal(rng.randint(0, 20)) / 2
                            deviations.append(
                                {
                                    "review_id": review_id,
                                    "expert_id": e,
                                    "expert_name": names[e],
                                    "code": f"A{code}",
                                    "score": str(score),
                                    "aggregate": str(aggregate),
                                }
                            )
            conn.execute(insert(ReviewRow), reviews)
            for i in range(0, len(deviations), 20_000):
                conn.execute(insert(DeviationRow), deviations[i : i + 20_000])
            written += len(deviations)
    return written
