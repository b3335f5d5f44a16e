"""我的消息 on the public site: the user's own messages, reading them, and delivery preferences."""

from django.contrib import messages as flash
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, View

from workflows.forms import NotificationPreferencesForm
from workflows.notifications import default_delivery
from workflows.registry import notification_kinds
from workflows.selectors import messages_for, notification_preferences_for, unread_message_count
from workflows.services import mark_all_messages_read, mark_message_read, set_notification_preferences


class MessageListView(LoginRequiredMixin, ListView):
    template_name = "workflows/message_list.html"
    # Not "messages": base.html uses that name for the flash messages.
    context_object_name = "message_list"
    paginate_by = 20
    extra_context = {"page_title": gettext_lazy("My messages")}

    def get_queryset(self):
        return messages_for(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unread_count"] = unread_message_count(user=self.request.user)
        return context


class MessageDetailView(LoginRequiredMixin, DetailView):
    template_name = "workflows/message_detail.html"
    context_object_name = "inbox_message"

    def get_queryset(self):
        # Someone else's message is a 404, the same as a missing one.
        return messages_for(user=self.request.user)

    def get_object(self, queryset=None):
        message = super().get_object(queryset)
        return mark_message_read(message=message, user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.object.subject
        return context


class MarkAllReadView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        count = mark_all_messages_read(user=request.user)
        if count:
            flash.success(request, _("All messages are marked as read."))
        return redirect("workflows:message_list")


class NotificationPreferencesView(LoginRequiredMixin, FormView):
    template_name = "workflows/preferences.html"
    form_class = NotificationPreferencesForm
    success_url = reverse_lazy("workflows:preferences")
    extra_context = {"page_title": gettext_lazy("Notification preferences")}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            kinds=notification_kinds(),
            initial_deliveries=notification_preferences_for(user=self.request.user),
            default_delivery=default_delivery(),
        )
        return kwargs

    def form_valid(self, form):
        set_notification_preferences(user=self.request.user, preferences=form.cleaned_data)
        flash.success(self.request, _("Your notification preferences are saved."))
        return super().form_valid(form)
