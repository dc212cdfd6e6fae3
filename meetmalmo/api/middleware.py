"""What the API and the open-data files share as machine-readable resources: any origin may
read them (CORS), answers carry an ETag and may be cached for a minute, a client that sends too
many requests a minute is asked to wait, and the API's errors are JSON. Pages for people are
untouched."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from meetmalmo.core import limits

API = "/api/"
FILES = "/open-data/"
FILE_SUFFIXES = (".csv", ".rdf")
WINDOW = 60  # seconds; API_RATE_LIMIT counts requests per window
MAX_AGE = 60

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Retry-After, Content-Disposition",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def machine_readable(path: str) -> bool:
    return path.startswith(API) or (path.startswith(FILES) and path.endswith(FILE_SUFFIXES))


def seconds_to_wait(address: str) -> int:
    """A fixed window per client address: 0 while the client is within API_RATE_LIMIT, else
    the seconds until the window ends."""
    limit = settings.API_RATE_LIMIT
    if limit <= 0:
        return 0
    count = limits.hit("api", address, limit=limit, window=WINDOW)
    return count.retry_after if count.exceeded else 0


def _language_neutral(response) -> None:
    """The content is the same whatever language the client prefers, so caches may share one
    copy; the locale middleware would say otherwise."""
    vary = [h.strip() for h in response.get("Vary", "").split(",") if h.strip()]
    vary = [h for h in vary if h.lower() != "accept-language"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]
    if response.has_header("Content-Language"):
        del response["Content-Language"]


def _set(response, headers: dict) -> None:
    for name, value in headers.items():
        response[name] = value


def client_address(request) -> str:
    """The visitor's address as the login throttle sees it: behind a reverse proxy, from
    X-Forwarded-For when TRUSTED_PROXY_COUNT says how many proxies to trust."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return ""


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not machine_readable(request.path_info):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            _set(response, PREFLIGHT)
            response["Allow"] = PREFLIGHT["Access-Control-Allow-Methods"]
        elif wait := seconds_to_wait(client_address(request)):
            response = JsonResponse(
                {"detail": f"Too many requests from this address; try again in {wait} seconds."},
                status=429,
            )
            response["Retry-After"] = str(wait)
        else:
            response = self._answer(request)
        _set(response, CORS)
        return response

    def _answer(self, request):
        head = request.method == "HEAD"
        if head and request.path_info.startswith(API):
            request.method = "GET"  # the API's routes are GET; HEAD is GET without the body
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)
            response = get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
        elif (
            response.status_code >= 400
            and request.path_info.startswith(API)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            response = self._json_error(response)
        _language_neutral(response)
        if head and not response.streaming:
            response.content = b""  # Content-Length stays that of the GET
        return response

    @staticmethod
    def _json_error(response):
        """Django's own answers (no such path, method not allowed) as JSON, like the API's."""
        answer = JsonResponse({"detail": response.reason_phrase}, status=response.status_code)
        for header in ("Allow", "Retry-After"):
            if response.has_header(header):
                answer[header] = response[header]
        return answer
