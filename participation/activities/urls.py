from django.urls import path

from participation.activities import views

app_name = "activities"

urlpatterns = [
    path("activities/<int:page_id>/signup/", views.sign_up, name="sign_up"),
    path("activities/<int:page_id>/event.ics", views.activity_event, name="event_ics"),
    path("activities/signups/<int:pk>/", views.signup_detail, name="signup_detail"),
    path("activities/signups/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("activities/check-in/<str:token>/", views.check_in_link, name="check_in_link"),
    path("activities/<slug:community_slug>/calendar.ics", views.community_calendar, name="calendar"),
]
