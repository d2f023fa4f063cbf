from django.urls import re_path

from wlm_console_panel import views

urlpatterns = [
    re_path(r"^$", views.IndexView.as_view(), name="index"),
    re_path(r"^session\.json$", views.session, name="session"),
]
