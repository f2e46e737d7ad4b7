"""Consultation requests: the form, its spam checks, encryption at rest, routing to
the chosen location, the notification worker and the admin inbox."""
