from django import template

from participation.points import selectors

register = template.Library()


@register.filter
def public_name(user) -> str:
    """`{{ claim.author|public_name }}`: the masked name (张*明) public pages show, never a phone number."""
    return selectors.public_name(user)


@register.simple_tag
def my_points_summary(user) -> dict:
    """`{% my_points_summary request.user as points %}` for the 我的积分 section of 我的."""
    return selectors.my_points_summary(resident=user)
