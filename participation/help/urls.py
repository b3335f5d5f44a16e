from django.urls import path

from participation.help import views

app_name = "help"

urlpatterns = [
    path("help/track/<str:token>/", views.track, name="track"),
    path("help/track/<str:token>/<slug:action>/", views.track_act, name="track_act"),
    path("help/<int:pk>/", views.detail, name="detail"),
    path("help/<int:pk>/<slug:action>/", views.act, name="act"),
    path("help/<slug:community_slug>/", views.public_list, name="list"),
    path("help/<slug:community_slug>/new/", views.new_request, name="new"),
]
