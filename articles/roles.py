"""Names of the editorial groups and of the workflow that reviews health articles
(created by migrations; administrators should not rename them)."""

MARKETING_EDITORS = "Marketing editors"
MEDICAL_REVIEWERS = "Medical reviewers"
MEDICAL_REVIEW = "Medical review"
MEDICAL_REVIEW_TASK = "Medical reviewer approval"
