"""Public evaluation URLs: /evaluation/<slug>/ (+ indicators.json) and /survey/<slug>/…/."""

from django.urls import path

from evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("evaluation/<slug:slug>/", views.community_evaluation, name="community"),
    path("evaluation/<slug:slug>/indicators.json", views.indicators_json, name="indicators_json"),
    path("survey/<slug:slug>/satisfaction/", views.survey_satisfaction, name="survey_satisfaction"),
    path("survey/<slug:slug>/awareness/", views.survey_awareness, name="survey_awareness"),
]
