"""Public URLs of the shared spaces (participation/urls.py includes them)."""

from django.urls import path

from participation.community_life.spaces import views

app_name = "spaces"

urlpatterns = [
    path("spaces/<int:pk>/", views.space_detail, name="detail"),
    path("spaces/<int:pk>/book/", views.space_book, name="book"),
    path("spaces/bookings/<int:pk>/cancel/", views.booking_cancel, name="cancel"),
    path("spaces/<slug:slug>/", views.space_list, name="list"),
]
