"""The public account URLs. Names stay un-namespaced: templates everywhere use {% url 'login' %}."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from participation import views

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", views.signup, name="signup"),
    path("me/", views.my_account, name="my_account"),
    path("me/data.json", views.my_data, name="my_data"),
    path("points/", include("participation.points.urls")),
    path("", include("participation.community_life.clubs.urls")),
    path("", include("participation.community_life.spaces.urls")),
    path("", include("participation.community_life.service_points.urls")),
    path("", include("participation.help.urls")),
    path("", include("participation.topics.urls")),
    path("", include("participation.activities.urls")),
    path("", include("participation.volunteers.urls")),
]
