"""Who may import and export which lists (in their own communities; the object is the community)."""

import rules

from participation.rules import is_admin, is_coordination, is_operations, is_staff_member


@rules.predicate
def member_of_community(user, community) -> bool:
    if community is None:
        return True
    if user.is_superuser:
        return True
    return user.is_authenticated and user.communities.filter(pk=community.pk).exists()


# Residents' data belongs to the coordination group (居民核实); the registries to operations.
rules.add_perm("dataio.import_residents", is_admin | (is_coordination & member_of_community))
rules.add_perm("dataio.export_residents", is_admin | (is_coordination & member_of_community))
rules.add_perm("dataio.import_registries", is_admin | (is_operations & member_of_community))
rules.add_perm("dataio.export_registries", is_admin | (is_staff_member & member_of_community))
