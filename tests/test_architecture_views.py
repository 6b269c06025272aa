"""View modules build no SQL: queries live in each feature's queries.py, where they can be read,
reused and checked (tests/test_query_plans.py) in one place.

A view may run what a queries function returns (`db.session.scalars(queries.attendees(...))`),
but it writes no `sa.select(...)`, no `text(...)` and no statement of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "participation"
VIEW_MODULES = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if (path.name == "views.py" or path.name.endswith("_views.py")) and "demo" not in path.parts
)
# Building blocks of a statement (sqlalchemy's, written as `sa.x` or imported by name).
SQL_BUILDERS = {"select", "text", "insert", "update", "delete", "exists", "union", "union_all", "func", "case"}
SESSION_RUNNERS = {"execute", "scalar", "scalars"}


def _query_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names bound to a queries module, and functions imported from one; and names taken from sqlalchemy."""
    from_queries: set[str] = set()
    from_sqlalchemy: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                name = alias.asname or alias.name
                if node.module.endswith("queries") or alias.name.endswith("queries"):
                    from_queries.add(name)
                if node.module.split(".")[0] == "sqlalchemy" and alias.name in SQL_BUILDERS:
                    from_sqlalchemy.add(name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.endswith("queries"):
                    from_queries.add(alias.asname or alias.name)
    return from_queries, from_sqlalchemy


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_session_call(call: ast.Call) -> bool:
    """db.session.execute/scalar/scalars(...)."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in SESSION_RUNNERS
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "session"
    )


def _is_prepared(arg: ast.expr, from_queries: set[str]) -> bool:
    """A statement that comes from a queries module: `queries.x(...)`, `x(...)` imported from one, or a name."""
    if isinstance(arg, ast.Name):
        return True
    if isinstance(arg, ast.Call):
        func = arg.func
        if isinstance(func, ast.Name):
            return func.id in from_queries
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            return func.value.id in from_queries  # queries.x(...), not queries.x(...).where(...)
    return False


def sql_built_in(source: str) -> list[str]:
    """Where this module's source builds SQL itself: 'line N: what'."""
    tree = ast.parse(source)
    from_queries, from_sqlalchemy = _query_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in SQL_BUILDERS and _root_name(node) == "sa":
            found.append(f"line {node.lineno}: sa.{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in from_sqlalchemy:
            found.append(f"line {node.lineno}: {node.func.id}(...)")
        elif isinstance(node, ast.Call) and _is_session_call(node):
            if node.args and not _is_prepared(node.args[0], from_queries):
                found.append(f"line {node.lineno}: db.session.{node.func.attr}() with a statement built in place")
    return found


def test_there_are_view_modules_to_check():
    names = {path.relative_to(PACKAGE).as_posix() for path in VIEW_MODULES}
    assert {"events/views.py", "events/manage_views.py", "comments/views.py", "admin/views.py"} <= names


@pytest.mark.parametrize("path", [pytest.param(path, id=path.relative_to(PACKAGE).as_posix()) for path in VIEW_MODULES])
def test_view_module_builds_no_sql(path):
    found = sql_built_in(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(PACKAGE)} builds SQL; move it to the feature's queries.py: {found}"


@pytest.mark.parametrize(
    "source",
    [
        "import sqlalchemy as sa\ndef v():\n    return sa.select(User)\n",
        "from sqlalchemy import select\ndef v():\n    return db.session.scalars(select(User))\n",
        "from x import queries\ndef v():\n    return db.session.scalars(queries.users().where(User.id == 1))\n",
        "def v():\n    db.session.execute(text_of('SELECT 1'))\n",
        "import sqlalchemy as sa\ndef v():\n    return db.session.scalar(sa.func.count())\n",
    ],
)
def test_the_scan_finds_sql_built_in_a_view(source):
    assert sql_built_in(source)


def test_the_scan_lets_a_view_run_what_queries_built():
    source = (
        "from participation.events import queries\n"
        "from participation.my_participation.queries import participation_flags\n"
        "def v(stmt):\n"
        "    db.session.scalars(queries.attendees(1))\n"
        "    db.session.execute(participation_flags(1))\n"
        "    db.session.scalars(stmt)\n"
        "    db.session.get(User, 1)\n"
    )
    assert sql_built_in(source) == []
