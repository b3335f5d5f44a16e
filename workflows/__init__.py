"""The state-machine core (docs/architecture.md, “The workflow core”). It imports none of our other apps; they subclass it.

- models: Reviewable (abstract), ReviewState, TransitionSpec, TransitionLog, Message, NotificationPreference
- services.perform_transition, selectors (timeline, messages, review queues), rules (is_author, can_review)
- viewsets.ReviewableViewSetMixin for Wagtail viewsets; registry.register_reviewable for the review queue
- urls (我的消息), context_processors.unread_messages, templatetags workflows_tags
"""
