from django.urls import path

from participation.points import views

app_name = "points"

urlpatterns = [
    path("claim/", views.claim_create, name="claim"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/withdraw/", views.claim_withdraw, name="claim_withdraw"),
    path("me/", views.my_points, name="my_points"),
    path("me/claims/", views.my_claims, name="my_claims"),
    path("me/redemptions/", views.my_redemptions, name="my_redemptions"),
    path("rewards/<slug:slug>/", views.rewards, name="rewards"),
    path("rewards/<slug:slug>/<int:pk>/redeem/", views.redeem, name="redeem"),
    path("board/<slug:slug>/", views.board, name="board"),
]
