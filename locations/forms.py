"""The location editor's form: checks that span several opening-hours rows."""

from collections import defaultdict

from wagtail.admin.forms import WagtailAdminPageForm

from locations.hours import Weekday, overlapping_ranges


class LocationPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "state" in self.fields:
            self.fields["state"].error_messages["invalid_choice"] = (
                "Choose a US state from the list."
            )

    def clean(self):
        cleaned_data = super().clean()
        self.check_opening_hours_do_not_overlap()
        return cleaned_data

    def check_opening_hours_do_not_overlap(self):
        formset = self.formsets.get("opening_hours")
        # Rows are compared only once each row is valid on its own.
        if formset is None or not formset.is_bound or not formset.is_valid():
            return
        ranges = defaultdict(list)
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("closed"):
                continue
            if data.get("opens") and data.get("closes"):
                ranges[data["weekday"]].append((data["opens"], data["closes"], form))
        for weekday, day_ranges in ranges.items():
            pairs = overlapping_ranges(
                [(opens, closes) for opens, closes, _ in day_ranges]
            )
            for _, second in pairs:
                form = next(f for o, c, f in day_ranges if (o, c) == second)
                form.add_error(
                    "opens",
                    f"This overlaps another opening range on {Weekday(weekday).label}.",
                )
