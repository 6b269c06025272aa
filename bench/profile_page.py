"""Where one page's time goes: cProfile over repeated in-process requests (Flask's test client).

    .venv/bin/python bench/profile_page.py sqlite:////tmp/demo.db /nl/consultations/groene-deal-gent [N] [--login]

Uses an existing database (e.g. one `make run` or bench/pages_bench.py filled). Prints the
functions with the most cumulative and internal time.
"""

from __future__ import annotations

import cProfile
import pstats
import re
import sys
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    import logging

    logging.disable(logging.INFO)
    from participation import create_app

    url, path = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 200
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "profile",
            "PUBLIC_URL": "http://127.0.0.1",
            "EXTRA_TRUSTED_HOSTS": ("localhost",),
            "RATELIMIT_ENABLED": False,
        }
    )
    client = app.test_client()
    if "--login" in sys.argv:
        page = client.get("/nl/account/login").get_data(as_text=True)
        token = unescape(re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1))
        answer = client.post(
            "/nl/account/login",
            data={"csrf_token": token, "email": "inwoner@demo.example", "password": "demo-inwoner-2026"},
        )
        assert answer.status_code == 303, answer.status_code
    for _ in range(5):
        assert client.get(path).status_code == 200
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(n):
        client.get(path)
    profile.disable()
    stats = pstats.Stats(profile)
    print(f"{n} requests of {path}: {stats.total_tt / n * 1000:.1f} ms each (under the profiler)")
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
