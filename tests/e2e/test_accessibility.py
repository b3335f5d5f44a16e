"""axe-core (from the npm registry, pinned in the Makefile) on the public pages: no serious or critical
violations, on a phone."""

import json
import os
from pathlib import Path

import pytest

from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VENDOR = Path(__file__).parent / "vendor"
PAGES = [
    "/",
    "/wuxing/",
    "/wuxing/convention/",
    "/wuxing/responsibilities/",
    "/wuxing/behaviours/",
    "/wuxing/activities/",
    "/wuxing/activities/activity-1/",
    "/wuxing/news/",
    "/wuxing/news/news-1/",
    "/wuxing/about/",
    "/search/?q=议事",
    "/accounts/login/",
    "/accounts/signup/",
    "/no-such-page/",
]


def axe_script() -> Path:
    scripts = sorted(VENDOR.glob("axe-*.min.js"))
    if not scripts:
        message = "axe-core is not vendored (run `make axe`, which needs npm)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return scripts[-1]


def test_public_pages_have_no_serious_accessibility_violations(live_server, browser, demo, screenshot):
    script = axe_script()
    # axe is injected as a script: let the test browser ignore the site's CSP (which forbids exactly that).
    context = browser.new_context(viewport=PHONE, locale="zh-CN", bypass_csp=True)
    page = context.new_page()
    # First prove the checker bites: an image without a text alternative is a critical violation.
    page.set_content('<html lang="zh"><body><main><img src="x.png"></main></body></html>')
    page.add_script_tag(path=str(script))
    probe = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert "image-alt" in {v["id"] for v in probe["violations"]}

    problems = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        page.add_script_tag(path=str(script))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "targets": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[path] = serious
            screenshot(page, path.strip("/").replace("/", "_") or "portal")
    context.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
