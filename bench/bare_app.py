"""The yardstick of design.md §10: a bare Flask + Jinja page that reads 50 rows and lists them.

Served by gunicorn next to the application in the same run (bench/pages_bench.py), on the
same database (its own table `bench_bare_items`), so each page's speed is given as a ratio to it.
The template is compiled once (a loader, not render_template_string, which recompiles every call).
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from flask import Flask, render_template
from jinja2 import DictLoader

TEMPLATE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
<ul>{% for item in items %}<li id="item-{{ item.id }}"><a href="/items/{{ item.id }}">{{ item.name }}</a>
<p>{{ item.body }}</p></li>{% endfor %}</ul></main></body></html>
"""

ITEMS = sa.table("bench_bare_items", sa.column("id"), sa.column("name"), sa.column("body"))


def create_items(engine) -> None:
    """The 50 rows the bare page reads (idempotent)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS bench_bare_items (id INTEGER PRIMARY KEY, name VARCHAR(100), body TEXT)"
        )
        conn.exec_driver_sql("DELETE FROM bench_bare_items")
        conn.execute(
            sa.insert(ITEMS), [{"id": i, "name": f"Item {i}", "body": f"Text of item {i} " * 8} for i in range(1, 51)]
        )


app = Flask(__name__)
app.jinja_loader = DictLoader({"items.html": TEMPLATE})
engine = sa.create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
STMT = sa.select(ITEMS).order_by(ITEMS.c.id).limit(50)


@app.get("/")
def items():
    with engine.connect() as conn:
        rows = conn.execute(STMT).all()
    return render_template("items.html", title="Items", items=rows)
