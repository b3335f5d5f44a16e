"""{% activity_signup_box page %}: the sign-up box home's activity page includes (home only reads)."""

from django import template

from participation.activities import selectors

register = template.Library()


@register.inclusion_tag("activities/signup_box.html", takes_context=True)
def activity_signup_box(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    box = selectors.signup_box(page=page, user=user) if user is not None else {}
    return {**box, "request": request, "user": user}


@register.inclusion_tag("activities/my_signups.html", takes_context=True)
def my_activities(context):
    """我的活动 on 我的: the resident's live sign-ups, newest first (at most 20)."""
    user = context["request"].user
    return {"my_signups": selectors.my_signups(resident=user)[:20]}
