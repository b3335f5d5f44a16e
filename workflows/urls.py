"""Public-site URLs of the workflow core: the project adds `path("", include("workflows.urls"))`."""

from django.urls import path

from workflows import views

app_name = "workflows"

urlpatterns = [
    path("messages/", views.MessageListView.as_view(), name="message_list"),
    path("messages/read-all/", views.MarkAllReadView.as_view(), name="mark_all_read"),
    path("messages/preferences/", views.NotificationPreferencesView.as_view(), name="preferences"),
    path("messages/<int:pk>/", views.MessageDetailView.as_view(), name="message_detail"),
]
