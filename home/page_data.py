"""What the pages read from the apps, for rendering and for their editors' checks.

Page models hold content and render themselves (Wagtail's way); the queries they need of the flows and of
evaluation are here, so that no models module imports a flow's selectors (docs/architecture.md)."""

from django.utils import timezone

from evaluation.selectors import indicator_badges
from participation.activities import selectors as activity_selectors
from participation.points import selectors as points_selectors
from participation.topics import selectors as topic_selectors


def home_sections(*, page) -> dict:
    """A community home page's lists besides its own fields (lists, not lazy querysets: they are cached)."""
    from home.models.activities import ActivityPage
    from home.models.news import NewsPage

    return {
        "latest_news": list(NewsPage.objects.descendant_of(page).live().order_by("-date", "-pk")[:3]),
        "upcoming_activities": list(
            ActivityPage.objects.descendant_of(page)
            .live()
            .filter(starts_at__gte=timezone.now())
            .order_by("starts_at")[:3]
        ),
        # Titles and URLs are all the menu needs: no per-type queries for the specific pages.
        "sections": list(page.get_children().live().in_menu()),
        "good_deeds": points_selectors.board_summary(community=page.community),
        "open_topics": list(topic_selectors.open_topics(community=page.community)[:3]),
        "indicator_badges": indicator_badges(community=page.community),
    }


def behaviour_lists(*, community) -> dict:
    """The community's positive and negative behaviour items (附录C/D), as the lists page shows them."""
    return {
        "positive_items": points_selectors.positive_behaviours(community=community),
        "negative_items": points_selectors.negative_behaviours(community=community),
    }


def confirmed_signups(*, activity) -> int:
    """How many people are confirmed for the activity: its capacity may not go below this."""
    return activity_selectors.confirmed_count(activity=activity)
