"""Consultation requests, from the visitor's form to the request's deletion.

Read the modules in the order a request travels:

1. The form page: `models/form_page.py` (the page editors build and its
   `serve_post`), `fields.py` (the form builder's field types) and `forms.py` (the
   visitor's form and the editor's page form).
2. Spam checks: `spam.py` (honeypot, signed form token, rate limit).
3. Storage and encryption: `models/requests.py` (the stored request, its pending
   notifications, queued with it by `queue_notifications()`, and its audit log
   entries) and `crypto.py` (answers encrypted at rest, key rotation).
4. Routing: `routing.py` (who is told about a request; no model imports).
5. Notifications: `notifications.py` (sending each email once, retries, the sweep)
   and `tasks.py` (the background tasks that run them on the task worker).
6. The inbox: `inbox.py` (the admin's "Consultation requests" views).
7. Access: `access.py` (who may see which request), `audit.py` (the audit log's
   actions) and `signals.py` (a deleted location's managers keep their requests;
   connected in `LocationsConfig.ready()`).
8. Retention: `retention.py` (the daily clean-up) and `ConsultationSettings` in
   `models/requests.py` (how long requests are kept, per site).

Imports point one way: the form page and the inbox use the helpers, the helpers use
`models/`, and nothing here imports `locations.models` (which only re-exports the
models for Django). Demo content lives in `locations/demo/consultations.py`.
"""
