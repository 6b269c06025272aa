"""The shape of the code: features meet at extension points, never through each other's views,
and the packages import each other without cycles.

Read from the source with `ast`, so a new import that breaks the shape fails here with the file
and line, before it becomes a start-up order problem.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "participation"

# Modules at the package's top that belong to the core layer (no feature imports).
CORE_ROOT_MODULES = {"extensions", "config"}
# Modules that wire the application together: they may import everything, nothing imports them.
APP_ROOT_MODULES = {"__init__", "app", "features", "models"}
DEFERRED_MARK = "Deferred import"


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield path, parts


def _layer(parts: tuple[str, ...]) -> str:
    """core, app, or the feature package's name."""
    if len(parts) == 1:
        return "core" if parts[0] in CORE_ROOT_MODULES else "app"
    return parts[0]


def _imports(path: Path):
    """(line, imported module, inside a function?) for every import of our own package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    in_function.add(id(inner))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("participation"):
            # `from participation.x import y` may import the module participation.x.y.
            targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            yield node.lineno, targets, id(node) in in_function
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("participation"):
                    yield node.lineno, [alias.name], id(node) in in_function


def _existing_module(targets: list[str]) -> tuple[str, ...] | None:
    """The most specific of the targets that is a module of ours, as parts below `participation`."""
    for target in sorted(targets, key=len, reverse=True):
        parts = tuple(target.split(".")[1:])
        if not parts:
            continue
        if (PACKAGE.joinpath(*parts).with_suffix(".py")).exists() or (
            PACKAGE.joinpath(*parts) / "__init__.py"
        ).exists():
            return parts
    return None


def _graph():
    edges = defaultdict(set)  # layer -> {layer}
    where = defaultdict(list)  # (layer, layer) -> ["file:line"]
    for path, parts in _modules():
        source = _layer(parts)
        for line, targets, _deferred in _imports(path):
            target = _existing_module(targets)
            if target is None:
                continue
            layer = _layer(target)
            if layer != source:
                edges[source].add(layer)
                where[(source, layer)].append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return edges, where


def _cycles(edges) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in edges.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in list(edges):
        if node not in index:
            visit(node)
    return result


def test_packages_import_each_other_without_cycles():
    edges, where = _graph()
    cycles = _cycles(edges)
    details = [
        f"{cycle}: " + "; ".join(f"{a}->{b} at {where[(a, b)][0]}" for a in cycle for b in cycle if (a, b) in where)
        for cycle in cycles
    ]
    assert not cycles, "import cycles between packages:\n" + "\n".join(details)


def test_core_imports_no_feature_and_nothing_imports_the_app_wiring():
    edges, where = _graph()
    assert edges["core"] <= {"core"}, {layer: where[("core", layer)] for layer in edges["core"]}
    importers = {source for source, targets in edges.items() if "app" in targets and source != "app"}
    assert not importers, {source: where[(source, "app")] for source in importers}


def test_no_feature_imports_another_features_views():
    offenders = []
    for path, parts in _modules():
        for line, targets, _deferred in _imports(path):
            target = _existing_module(targets)
            if target is None or len(target) < 2:
                continue
            is_view_module = target[-1] == "views" or target[-1].endswith("_views")
            # core.views holds the view helpers every feature uses; it is no feature's pages.
            if is_view_module and target[0] not in (parts[0], "core"):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {'.'.join(target)}")
    assert not offenders, offenders


def test_imports_inside_functions_say_why():
    """An import inside a function hides a dependency; only an unavoidable cycle justifies it,
    and then a comment starting with "Deferred import" right above it says which."""
    unexplained = []
    for path, _parts in _modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, _targets, deferred in _imports(path):
            if not deferred:
                continue
            context = lines[max(0, line - 4) : line]
            if not any(DEFERRED_MARK in text for text in context):
                unexplained.append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    assert not unexplained, "imports inside functions without a reason:\n" + "\n".join(unexplained)


def test_the_checks_see_a_cycle_and_a_view_import():
    """The graph code itself: a made-up cycle is found (so an empty result means something)."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _existing_module(["participation.pages", "participation.pages.views"]) == ("pages", "views")
