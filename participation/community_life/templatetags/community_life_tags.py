"""Template tags of 我的社团 and 我的预约 (the sections participation/my_account.html includes)."""

from django import template

from participation.community_life.clubs.selectors import clubs_of_user
from participation.community_life.spaces.selectors import bookings_of_user

register = template.Library()
MY_BOOKINGS_ON_ACCOUNT_PAGE = 10


@register.simple_tag
def my_clubs(user):
    """`{% my_clubs request.user as clubs %}`: clubs.joined and clubs.proposed (led or proposed)."""
    return clubs_of_user(user=user)


@register.simple_tag
def my_bookings(user):
    return list(bookings_of_user(user=user)[:MY_BOOKINGS_ON_ACCOUNT_PAGE])
