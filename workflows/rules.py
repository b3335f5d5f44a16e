"""Who may take a workflow transition, as named predicates (docs/architecture.md, “Permissions and scoping”).

The predicates ask the item itself (`user_is_author`, `user_can_review`), so a concrete flow narrows them by
overriding those methods (e.g. same community) and every user of the predicates follows: the FSM
transitions' `permission=`, the admin buttons, the views and the tests."""

import rules


@rules.predicate
def is_author(user, obj) -> bool:
    return obj is not None and obj.user_is_author(user)


@rules.predicate
def can_review(user, obj) -> bool:
    return obj is not None and obj.user_can_review(user)


def transition_permission(predicate):
    """Adapt a rules predicate, called (user, obj), to django-fsm's `permission=` callable (obj, user)."""

    def has_permission(instance, user) -> bool:
        return bool(predicate.test(user, instance))

    has_permission.predicate = predicate
    has_permission.__name__ = f"permission_{predicate.name}"
    return has_permission
