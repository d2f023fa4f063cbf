"""The panel page (the console in an iframe) and the session it hands over: the Horizon user's
token, project, expiry and Workloadmgr endpoint from the token's catalog."""
from urllib.parse import urlsplit

from django.conf import settings
from django.http import JsonResponse
from django.views import generic

from openstack_dashboard.api import base

SERVICE_TYPES = ("workloads", "workloadmgr")


def console_url():
    return getattr(settings, "WLM_CONSOLE_URL", "/backup-console/")


def console_origin(request):
    """The origin the session may be posted to: the console's, exactly (never "*")."""
    parts = urlsplit(console_url())
    if parts.scheme and parts.netloc:
        return "%s://%s" % (parts.scheme, parts.netloc)
    return request.build_absolute_uri("/").rstrip("/")


def workloads_endpoint(request):
    interface = getattr(settings, "WLM_CONSOLE_INTERFACE", None) or getattr(
        settings, "OPENSTACK_ENDPOINT_TYPE", "publicURL")
    for service_type in SERVICE_TYPES:
        try:
            return base.url_for(request, service_type, endpoint_type=interface)
        except Exception:  # noqa: BLE001 - Horizon raises several kinds for "not in the catalog"
            continue
    return None


class IndexView(generic.TemplateView):
    template_name = "wlm_console_panel/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["console_url"] = console_url()
        context["console_origin"] = console_origin(self.request)
        context["has_service"] = workloads_endpoint(self.request) is not None
        return context


def session(request):
    """What the console needs to act as this Horizon user in the current project."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({"error": "not signed in"}, status=401)
    endpoint = workloads_endpoint(request)
    if endpoint is None:
        return JsonResponse({"error": "no backup service in the catalog"}, status=404)
    token = user.token
    expires = getattr(token, "expires", None)
    response = JsonResponse({
        "type": "wlm-console/session",
        "token": token.id,
        "project_id": user.project_id,
        "project_name": getattr(user, "project_name", None),
        "user_name": user.username,
        "region": getattr(user, "services_region", None),
        "endpoint": endpoint,
        "expires_at": expires.isoformat() if expires else None,
    })
    response["Cache-Control"] = "no-store"
    return response
