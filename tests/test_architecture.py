"""The dependency rules of docs/architecture.md, checked on the source: which app may import which, and what a
models module never imports. Every import counts, function-level ones included."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOWS = (
    "topics",
    "help",
    "points",
    "activities",
    "volunteers",
    "community_life",
    "grids",
    "registries",
    "dataio",
)
OURS = ("participation", "evaluation", "home", "workflows", "renren_cms")
# Each app and the apps of ours it may import (itself always). A layer imports only layers below it, so the
# graph has no circle; docs/architecture.md draws it.
ALLOWED = {
    "workflows": set(),
    "participation": {"workflows"},
    "dataio": {"participation", "workflows"},
    "points": {"participation", "workflows", "dataio"},
    "registries": {"participation", "workflows", "dataio"},
    "grids": {"participation", "workflows", "dataio"},
    "volunteers": {"participation", "workflows", "dataio", "points"},
    "activities": {"participation", "workflows", "dataio", "points", "volunteers"},
    "community_life": {"participation", "workflows", "dataio", "points"},
    "help": {"participation", "workflows", "dataio", "points", "grids", "registries", "volunteers"},
    "topics": {"participation", "workflows", "dataio", "points", "grids"},
    "evaluation": {"participation", "workflows", *FLOWS},
    "home": {"participation", "workflows", "evaluation", *FLOWS},
}
# The project package: settings and URLs wire the apps together; the infrastructure modules (page cache,
# cache backend, security headers) serve every app and import none.
PROJECT_WIRING = ("renren_cms.settings", "renren_cms.urls")
FORBIDDEN_IN_MODELS = ("services", "selectors", "notifications", "notify")


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "participation":
        return parts[1] if len(parts) > 1 and parts[1] in FLOWS else "participation"
    return parts[0] if parts[0] in OURS else None


def source_modules():
    for path in sorted(ROOT.glob("**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in OURS or "migrations" in relative.parts:
            continue
        module = ".".join(relative.with_suffix("").parts)
        yield module.removesuffix(".__init__"), path


def imports_of(path: Path) -> list[tuple[str, int]]:
    """Every module `path` imports (absolute names; `from a import b` also as a.b), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
    return found


MODULES = list(source_modules())


def test_the_rules_cover_every_app():
    apps = {app_of(module) for module, _ in MODULES} - {"renren_cms"}
    assert apps == set(ALLOWED), "a new app needs its line in ALLOWED (and in docs/architecture.md)"


@pytest.mark.parametrize("module,path", MODULES, ids=[module for module, _ in MODULES])
def test_imports_follow_the_layers(module, path):
    source_app = app_of(module)
    wrong = []
    for imported, line in imports_of(path):
        target = app_of(imported)
        if target is None or target == source_app:
            continue
        if source_app == "renren_cms":
            if not module.startswith(PROJECT_WIRING):
                wrong.append(f"line {line}: {imported} (the project's infrastructure imports no app)")
            continue
        if target == "renren_cms":
            if source_app == "workflows":
                wrong.append(f"line {line}: {imported} (workflows imports nothing of ours)")
            elif imported.startswith(PROJECT_WIRING) and imported != "renren_cms.settings":
                wrong.append(f"line {line}: {imported} (apps never import the URL configuration)")
            continue
        if target not in ALLOWED[source_app]:
            wrong.append(f"line {line}: {imported} ({source_app} may not import {target})")
    assert not wrong, f"{module}:\n" + "\n".join(wrong)


def _is_models_module(module: str) -> bool:
    parts = module.split(".")
    return parts[-1] == "models" or "models" in parts[:-1]


@pytest.mark.parametrize(
    "module,path",
    [(module, path) for module, path in MODULES if _is_models_module(module)],
    ids=[module for module, _ in MODULES if _is_models_module(module)],
)
def test_models_never_import_services_selectors_or_notifications(module, path):
    wrong = [
        f"line {line}: {imported}"
        for imported, line in imports_of(path)
        if app_of(imported) is not None and imported.split(".")[-1] in FORBIDDEN_IN_MODELS
    ]
    assert not wrong, (
        f"{module} imports what a model must not (a transition's effects are handlers):\n" + "\n".join(wrong)
    )


def test_the_checker_sees_a_forbidden_import(tmp_path):
    # The rules above must be able to fail: a models module importing a flow's services is caught.
    sample = tmp_path / "models.py"
    sample.write_text("def approve():\n    from participation.points.services import award_for_claim\n")
    assert ("participation.points.services", 2) in imports_of(sample)
    assert app_of("participation.points.services") == "points"
    assert "topics" not in ALLOWED["points"] and "points" in ALLOWED["topics"]
