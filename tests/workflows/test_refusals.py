"""One refusal hierarchy (workflows.exceptions.Refusal) and one way of showing it (workflows.refusals)."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from workflows.exceptions import AlreadyHandled, Forbidden, Invalid, Refusal, TransitionForbidden
from workflows.refusals import RefusalMiddleware, show_refusal

PACKAGES = ("participation", "evaluation", "workflows", "home")
# Exceptions of ours that are not refusals shown to a person.
NOT_REFUSALS = set()


def _our_exception_classes():
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
            if ".migrations" in info.name or info.name.endswith(".tests"):
                continue
            module = importlib.import_module(info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if value.__module__ == module.__name__ and issubclass(value, BaseException):
                    yield value


def test_every_exception_of_ours_is_a_refusal():
    found = set(_our_exception_classes())
    assert len(found) >= 15  # the flows' refusals are found at all
    strays = {f"{cls.__module__}.{cls.__qualname__}" for cls in found if not issubclass(cls, Refusal)}
    assert strays <= NOT_REFUSALS, strays


def test_refusals_read_as_their_message_and_keep_their_kind():
    assert str(Invalid("名额已满")) == "名额已满"
    assert isinstance(Invalid("x"), ValidationError)
    assert isinstance(Forbidden(), PermissionDenied) and not isinstance(Forbidden(), ValidationError)
    assert str(AlreadyHandled()) == "已被他人处理。"
    assert isinstance(TransitionForbidden(), Refusal)


class _Form(forms.Form):
    title = forms.CharField(required=False)


def _request(method="post"):
    request = getattr(RequestFactory(), method)("/somewhere/?page=2")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_show_refusal_puts_the_message_where_the_person_looks():
    form = _Form({"title": "x"})
    form.is_valid()
    show_refusal(_request(), Invalid({"title": ["标题重复"]}), form=form)
    assert form.errors["title"] == ["标题重复"]
    form = _Form({"title": "x"})
    form.is_valid()
    show_refusal(_request(), Invalid("名额已满"), form=form)
    assert form.non_field_errors() == ["名额已满"]
    request = _request()
    show_refusal(request, Invalid("名额已满"))
    assert [str(message) for message in get_messages(request)] == ["名额已满"]


@pytest.mark.django_db
def test_an_uncaught_refusal_is_a_message_not_a_server_error():
    middleware = RefusalMiddleware(lambda request: None)
    request = _request("post")
    response = middleware.process_exception(request, Invalid("名额已满"))
    assert response.status_code == 302 and response["Location"] == "/somewhere/?page=2"
    assert [str(message) for message in get_messages(request)] == ["名额已满"]
    response = middleware.process_exception(_request("get"), Invalid("名额已满"))
    assert response.status_code == 400 and "名额已满" in response.content.decode()
    # Not ours to show: a 403 stays a 403, anything else a real error.
    assert middleware.process_exception(_request(), Forbidden()) is None
    assert middleware.process_exception(_request(), ValueError("boom")) is None
