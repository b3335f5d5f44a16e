from django.urls import path

from participation.volunteers import views

app_name = "volunteering"

urlpatterns = [
    path("volunteers/register/", views.register, name="register"),
    path("volunteers/hours/", views.my_hours, name="my_hours"),
]
