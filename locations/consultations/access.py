"""Who may do what with consultation requests in the admin: model permissions (from
the "Location managers" group or the "view all" permission) limited to the requests
each user may see."""

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.permission_policies.base import ModelPermissionPolicy

from home.two_factor import second_factor_satisfied
from locations.consultations.models import ConsultationRequest


class ConsultationRequestPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (given by the "Location managers" group) limited to the
    requests each user may see. Requests come only from visitors: nobody adds one.
    Nothing is allowed before a required second factor is verified in this session
    (the sign-in middleware also stops such users at the admin's door)."""

    def user_has_permission(self, user, action):
        if action == "add" or not second_factor_satisfied(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and ConsultationRequest.objects.visible_to(user)
            .filter(pk=instance.pk)
            .exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ConsultationRequest.objects.none()
        return ConsultationRequest.objects.visible_to(user)


class ConsultationRequestURLFinder(ModelAdminURLFinder):
    """Admin links to a request (site history) for those who may see it."""

    def get_edit_url(self, instance):
        if self.user and not self.permission_policy.user_has_permission_for_instance(
            self.user, "view", instance
        ):
            return None
        return self.construct_edit_url(instance)
