"""The page cache's front door: a WSGI wrapper that answers cache hits before Django builds a request.

A hit needs one Redis round trip and nothing else; going through Django's handler, its signals and the
middleware chain for it cost more than the round trip. The rules (which requests, which key, which generation)
are page_cache's, shared with its middleware, which stores the pages; this only replays them."""

from renren_cms import page_cache


class PageCacheFront:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if page_cache.eligible(environ):
            try:
                key, generation, stored = page_cache.lookup(environ)
            except Exception:
                return self.application(environ, start_response)
            if stored is not None:
                content, headers = stored[1], stored[2]
                start_response("200 OK", [*headers, ("X-Page-Cache", "hit")])
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else content]
            environ[page_cache.FRONT_LOOKUP] = (key, generation)
        return self.application(environ, start_response)
