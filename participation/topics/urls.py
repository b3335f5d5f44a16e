"""Public URLs of the 人人议事厅 (participation/urls.py includes them)."""

from django.urls import path

from participation.topics import views

app_name = "topics"

urlpatterns = [
    path("topics/mine/", views.my_topics, name="mine"),
    path("topics/<int:pk>/", views.topic_detail, name="detail"),
    path("topics/<int:pk>/edit/", views.topic_edit, name="edit"),
    path("topics/<int:pk>/do/<slug:transition>/", views.topic_action, name="action"),
    path("topics/<int:pk>/support/", views.topic_support, name="support"),
    path("topics/<int:pk>/follow/", views.topic_follow, name="follow"),
    path("topics/<int:pk>/comment/", views.topic_comment, name="comment"),
    path("topics/<int:pk>/report/", views.topic_report, name="report"),
    path("topics/comments/<int:pk>/report/", views.comment_report, name="report_comment"),
    path("topics/<slug:slug>/", views.topic_list, name="list"),
    path("topics/<slug:slug>/new/", views.topic_create, name="create"),
    path("topics/<slug:slug>/meetings/", views.meeting_list, name="meetings"),
    path("topics/<slug:slug>/meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("topics/<slug:slug>/meetings.ics", views.meeting_calendar, name="meeting_calendar"),
]
