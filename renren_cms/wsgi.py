import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renren_cms.settings.dev")

django_application = get_wsgi_application()

from renren_cms.page_cache_front import PageCacheFront  # noqa: E402 - needs the settings configured above

# Anonymous public pages are answered from the shared cache before Django handles the request.
application = PageCacheFront(django_application)
