"""Volunteers, teams and hours in the admin."""

from wagtail import hooks

from participation.volunteers.viewsets import VolunteerViewSetGroup


@hooks.register("register_admin_viewset")
def register_volunteer_viewsets():
    return VolunteerViewSetGroup()
