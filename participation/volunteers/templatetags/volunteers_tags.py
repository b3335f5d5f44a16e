"""{% my_volunteering %}: the 我的志愿服务 section of 我的."""

from django import template

from participation.volunteers import selectors

register = template.Library()


@register.inclusion_tag("volunteers/my_section.html", takes_context=True)
def my_volunteering(context):
    user = context["request"].user
    volunteer = selectors.volunteer_for(resident=user)
    return {
        "volunteer": volunteer,
        "approved_total": selectors.approved_hours(resident=user) if volunteer else 0,
    }
