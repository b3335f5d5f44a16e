"""Security headers: a Content-Security-Policy for every page, and a Permissions-Policy.

The public site's policy allows no inline script or style at all. The Wagtail admin gets its own policy:
Wagtail 8 still initialises its date pickers, choosers and inline panels with small inline ``<script>``
blocks, so the admin must allow inline scripts (but not eval: the editor, its live preview and its
accessibility checks run without it, as tests/e2e/test_admin_csp.py shows in Chromium); everything else is as tight as on the public site. Scripts, styles, images, fonts, frames and
connections come only from this site, forms post only here, and no other site may frame the admin. An
injected ``<script src=…>`` from elsewhere, or an exfiltrating ``fetch`` to another host, is still refused."""

from django.conf import settings

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        # Image previews before upload are blob: URLs; Wagtail's icons and avatars use data: URLs.
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        # The live preview panel frames the page being edited, from this site.
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_csp = getattr(settings, "CONTENT_SECURITY_POLICY", PUBLIC_CSP)
        self.admin_csp = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", ADMIN_CSP)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            # Set, not setdefault: Wagtail renders a preview by passing a fake request for the page's own URL
            # through the middleware, which gives the inner response the public policy (frame-ancestors 'none').
            response["Content-Security-Policy"] = self.admin_csp
            # The admin's live preview frames the page being edited, served from /admin/ too: the site-wide
            # X-Frame-Options DENY would blank it. Same-site framing only, as the policy's frame-ancestors says.
            if response.get("X-Frame-Options") == "DENY":
                response["X-Frame-Options"] = "SAMEORIGIN"
        else:
            response.setdefault("Content-Security-Policy", self.public_csp)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
