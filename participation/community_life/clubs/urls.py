"""Public URLs of 人人社团 (participation/urls.py includes them)."""

from django.urls import path

from participation.community_life.clubs import views

app_name = "clubs"

urlpatterns = [
    path("clubs/<int:pk>/", views.club_detail, name="detail"),
    path("clubs/<int:pk>/edit/", views.club_edit, name="edit"),
    path("clubs/<int:pk>/withdraw/", views.club_withdraw, name="withdraw"),
    path("clubs/<int:pk>/join/", views.club_join, name="join"),
    path("clubs/<int:pk>/leave/", views.club_leave, name="leave"),
    path("clubs/<slug:slug>/", views.club_list, name="list"),
    path("clubs/<slug:slug>/new/", views.club_propose, name="propose"),
]
