"""Public URL of the service circle (participation/urls.py includes it)."""

from django.urls import path

from participation.community_life.service_points import views

app_name = "services"

urlpatterns = [path("services/<slug:slug>/", views.service_circle, name="circle")]
