"""Local development: `make run`. Never used in production."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine here: dev data is throwaway and the server only listens on 127.0.0.1.
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-renren-cms"  # noqa: F405
# Uploaded images are served by Django itself only here; production puts media behind the web server.
SERVE_MEDIA = True
