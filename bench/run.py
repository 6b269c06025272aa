"""Run every load measurement in bench/ (each prints its own figures).

Each script starts gunicorn on 127.0.0.1 against SQLite and a throw-away
PostgreSQL database, sends a bounded number of requests and stops by itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script in sorted(HERE.glob("*_bench.py")):
        print(f"== {script.name}", flush=True)
        status |= subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
    return status


if __name__ == "__main__":
    sys.exit(main())
