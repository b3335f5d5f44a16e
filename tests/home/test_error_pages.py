"""Error pages: a database outage gets a 503 "come back in a minute" page, any other failure the 500 page."""

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def _failing_search(error):
    def search_pages(**kwargs):
        raise error

    return search_pages


def test_database_outage_answers_503_with_retry_after_in_chinese(monkeypatch, resident_a):
    monkeypatch.setattr(
        "home.selectors.search_pages", _failing_search(OperationalError("connection refused"))
    )
    client = Client(raise_request_exception=False)
    client.force_login(resident_a)  # a logged-in visitor too: the page must not need the session
    response = client.get("/search/", {"q": "公约"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "服务暂时不可用" in response.content.decode()


def test_other_failures_answer_the_500_page(monkeypatch):
    monkeypatch.setattr("home.selectors.search_pages", _failing_search(RuntimeError("bug")))
    response = Client(raise_request_exception=False).get("/search/", {"q": "公约"})
    assert response.status_code == 500
    assert "服务器错误" in response.content.decode()
