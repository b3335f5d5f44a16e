"""人人社团, 共享客厅 and 便民服务圈 in the admin, under one menu group."""

from wagtail import hooks

from participation.community_life.clubs.viewsets import CommunityLifeViewSetGroup


@hooks.register("register_admin_viewset")
def register_community_life_viewsets():
    return CommunityLifeViewSetGroup()
