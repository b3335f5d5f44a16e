"""Public pages of the 人人议事厅. Thin: rules decide who may, services write, selectors read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from participation.models import Community
from participation.ratelimit import rate_limited
from participation.selectors import photos_for
from participation.topics import ical, selectors, services
from participation.topics.forms import SUBMIT, CommentForm, ReportForm, TopicFilterForm, TopicForm
from participation.topics.models import TopicComment
from renren_cms.page_cache import cached_by_generation
from workflows.exceptions import TransitionForbidden, WorkflowError
from workflows.refusals import show_refusal
from workflows.selectors import transition_logs_for

PER_PAGE = 20


def _community(slug) -> Community:
    return get_object_or_404(Community, slug=slug)


def _visible_topic(request, pk, *, cached: bool = False):
    if cached:
        # For reading only: the topic with its counts once per content change (a costly query to plan).
        topic = cached_by_generation(f"topic-detail:{pk}", lambda: selectors.topic_detail(pk=pk))
    else:
        topic = selectors.topic_detail(pk=pk)
    if topic is None or not request.user.has_perm("topics.view_topic", topic):
        # Drafts and hidden topics do not exist for anyone but their author and the community's staff.
        raise Http404
    return topic


def _page_number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _back(topic):
    return redirect(topic.get_absolute_url())


def topic_list(request, slug):
    community = _community(slug)

    def listing():
        filter_form = TopicFilterForm(request.GET or None, community=community)
        topics = selectors.public_topics(community=community, **filter_form.filters())
        return {
            "filter_form": filter_form,
            "page_obj": Paginator(topics, PER_PAGE).get_page(request.GET.get("page")),
        }

    # The list is the same for every visitor: the template caches it per content generation and URL, and only
    # evaluates `listing` (the queries) when that fragment is missing.
    context = {"community": community, "listing": SimpleLazyObject(listing)}
    return render(request, "topics/topic_list.html", context)


def _save_topic_form(request, form, *, save):
    try:
        return save(submit=request.POST.get("action") == SUBMIT, **form.cleaned_data)
    except (services.TopicActionRefused, WorkflowError) as error:
        show_refusal(request, error, form=form)
        return None


@never_cache
@login_required
@rate_limited("topic-create", per_user=10, per_ip=30, window=3600)
def topic_create(request, slug):
    community = _community(slug)
    if not request.user.has_perm("topics.propose_topic", community):
        raise PermissionDenied
    form = TopicForm(request.POST or None, request.FILES or None, community=community)
    if request.method == "POST" and form.is_valid():
        topic = _save_topic_form(
            request,
            form,
            save=lambda photos, **data: services.create_topic(
                author=request.user, community=community, images=photos, **data
            ),
        )
        if topic is not None:
            messages.success(request, _topic_saved_message(topic))
            return _back(topic)
    context = {"community": community, "form": form, "topic": None}
    return render(request, "topics/topic_form.html", context)


@never_cache
@login_required
@rate_limited("topic-edit", per_user=20, per_ip=200, window=3600)
def topic_edit(request, pk):
    topic = _visible_topic(request, pk)
    if topic.author_id != request.user.pk or not topic.is_editable:
        raise PermissionDenied
    form = TopicForm(request.POST or None, request.FILES or None, instance=topic, community=topic.community)
    if request.method == "POST" and form.is_valid():
        saved = _save_topic_form(
            request,
            form,
            save=lambda photos, **data: services.update_topic(
                topic=topic, actor=request.user, images=photos, **data
            ),
        )
        if saved is not None:
            messages.success(request, _topic_saved_message(saved))
            return _back(saved)
    if form.is_bound:
        topic.refresh_from_db()
    context = {"community": topic.community, "form": form, "topic": topic, "photos": photos_for(item=topic)}
    return render(request, "topics/topic_form.html", context)


def _topic_saved_message(topic) -> str:
    if topic.state == "submitted":
        return _(
            "Your topic has been submitted. The coordination group will review it; you will get a message."
        )
    return _("Your draft has been saved. You can edit it and submit it when it is ready.")


def topic_detail(request, pk):
    topic = _visible_topic(request, pk, cached=True)
    user = request.user
    comments_number = _page_number(request.GET.get("comments"))
    context = {
        "topic": topic,
        "community": topic.community,
        # Lazy: the template's cached fragments need them only when a fragment is rendered afresh.
        "photos": SimpleLazyObject(lambda: list(photos_for(item=topic))),
        "logs": SimpleLazyObject(lambda: list(transition_logs_for(obj=topic))),
        "comments_number": comments_number,
        "comments_page": SimpleLazyObject(
            lambda: selectors.comments_page(topic=topic, number=comments_number)
        ),
        "viewer": selectors.viewer_state(topic=topic, user=user),
        "support_refusal": services.support_refusal(user=user, topic=topic),
        "comment_refusal": services.comment_refusal(user=user, topic=topic),
        "author_actions": topic.available_transitions_for(user)
        if user.is_authenticated and topic.author_id == user.pk
        else [],
        "comment_form": CommentForm(),
    }
    return render(request, "topics/topic_detail.html", context)


@require_POST
@login_required
@rate_limited("topic-action", per_user=20, per_ip=200, window=3600)
def topic_action(request, pk, transition):
    """The author's own transitions (submit, withdraw) from the public site."""
    topic = _visible_topic(request, pk)
    try:
        topic = services.author_transition(topic=topic, actor=request.user, transition=transition)
    except TransitionForbidden:
        raise PermissionDenied from None
    except WorkflowError as error:
        show_refusal(request, error)
        return _back(topic)
    messages.success(
        request, _("Done: your topic is now “%(state)s”.") % {"state": topic.get_state_display()}
    )
    return _back(topic)


def _act(request, topic, action, success_message):
    try:
        action()
    except services.TopicActionRefused as error:
        show_refusal(request, error)
    else:
        messages.success(request, success_message)
    return _back(topic)


# Supporting and following are one click each, often many in a row through the list, and a whole compound
# may share one address: larger limits than the forms'.
@require_POST
@login_required
@rate_limited("topic-support", per_user=60, per_ip=600, window=3600)
def topic_support(request, pk):
    topic = _visible_topic(request, pk)
    return _act(
        request,
        topic,
        lambda: services.support_topic(topic=topic, resident=request.user),
        _("Thank you: you support this topic."),
    )


@require_POST
@login_required
@rate_limited("topic-follow", per_user=60, per_ip=600, window=3600)
def topic_follow(request, pk):
    topic = _visible_topic(request, pk)
    if request.POST.get("follow") == "0":
        return _act(
            request,
            topic,
            lambda: services.unfollow_topic(topic=topic, user=request.user),
            _("You no longer follow this topic."),
        )
    return _act(
        request,
        topic,
        lambda: services.follow_topic(topic=topic, user=request.user),
        _("You follow this topic: you will get a message about new comments."),
    )


@require_POST
@login_required
@rate_limited("topic-comment", per_user=30, per_ip=300, window=3600)
def topic_comment(request, pk):
    topic = _visible_topic(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(topic)
    parent = None
    if form.cleaned_data["parent"]:
        parent = TopicComment.objects.filter(pk=form.cleaned_data["parent"], topic=topic).first()
        if parent is None:
            messages.error(request, _("The comment you replied to is not available."))
            return _back(topic)
    try:
        comment = services.add_comment(
            topic=topic, author=request.user, body=form.cleaned_data["body"], parent=parent
        )
    except services.TopicActionRefused as error:
        show_refusal(request, error)
        return _back(topic)
    messages.success(request, _("Your comment has been posted."))
    # The discussion is read a page at a time, oldest first: back to the page that shows the new comment.
    return redirect(selectors.comment_url(comment=comment))


def _report(request, *, topic, comment=None):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_item(
                reporter=request.user, topic=None if comment else topic, comment=comment, **form.cleaned_data
            )
        except services.TopicActionRefused as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(request, _("Thank you. The coordination group will look at your report."))
            return _back(topic)
    context = {"form": form, "topic": topic, "reported_comment": comment, "community": topic.community}
    return render(request, "topics/report_form.html", context)


@never_cache
@login_required
@rate_limited("topic-report", per_user=10, per_ip=100, window=3600)
def topic_report(request, pk):
    return _report(request, topic=_visible_topic(request, pk))


@never_cache
@login_required
@rate_limited("topic-report", per_user=10, per_ip=100, window=3600)
def comment_report(request, pk):
    comment = get_object_or_404(TopicComment.objects.select_related("topic"), pk=pk, is_hidden=False)
    topic = _visible_topic(request, comment.topic_id)
    if not topic.is_public:
        raise Http404
    return _report(request, topic=topic, comment=comment)


@never_cache
@login_required
def my_topics(request):
    page_obj = Paginator(selectors.topics_of_author(user=request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "topics/my_topics.html", {"page_obj": page_obj})


# --- meetings -------------------------------------------------------------------------------------


def meeting_list(request, slug):
    community = _community(slug)
    page_obj = Paginator(selectors.meetings_of(community=community), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "topics/meeting_list.html", {"community": community, "page_obj": page_obj})


def meeting_detail(request, slug, pk):
    community = _community(slug)
    meeting = selectors.meeting_detail(community=community, pk=pk)
    if meeting is None:
        raise Http404
    agenda = Paginator(selectors.agenda_of(meeting=meeting), PER_PAGE).get_page(request.GET.get("page"))
    context = {"community": community, "meeting": meeting, "agenda": agenda}
    return render(request, "topics/meeting_detail.html", context)


@require_GET
def meeting_calendar(request, slug):
    community = _community(slug)
    meetings = selectors.meetings_for_calendar(community=community)
    body = ical.calendar(
        community=community,
        meetings=meetings,
        host=request.get_host(),
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{community.slug}-meetings.ics"'
    return response
