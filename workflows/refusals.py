"""The one way a service's refusal reaches the person (docs/architecture.md): on the form they sent — at the
field it names, or above the form — or, when there is no form, as a message on the page they see next."""

from django.contrib import messages
from django.http import HttpResponseRedirect

from workflows.exceptions import Forbidden, Refusal


def show_refusal(request, refusal: Refusal, *, form=None) -> None:
    if form is not None:
        if hasattr(refusal, "error_dict"):
            for field, errors in refusal.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, refusal.messages)
        return
    messages.error(request, str(refusal))


class RefusalMiddleware:
    """A refusal no view caught still reaches the person as a message, never as a server error: back to the
    page (a POST's own URL, shown again by GET); a refusal of a GET gets the 400 page with its message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Refusal) or isinstance(exception, Forbidden):
            return None
        if request.method == "POST":
            show_refusal(request, exception)
            return HttpResponseRedirect(request.get_full_path())
        from django.shortcuts import render

        return render(request, "400.html", {"message": str(exception)}, status=400)
