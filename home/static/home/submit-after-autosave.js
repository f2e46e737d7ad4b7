/*
 * Wagtail's page editor autosaves while an editor types. On a new page the first
 * autosave creates the page and points the form at the page's edit address. Wagtail
 * does not make a Publish or Submit wait for an autosave still on its way, so a click
 * in that window posts the new page a second time: the second creation fails with
 * "slug already in use" (or a server error when the two cross).
 *
 * This script makes a click on any of the editor's submit buttons wait for the
 * autosave in progress, stops any further autosave, then sends the click on to
 * wherever the form now points. Wagtail's own autosave controller (`w-autosave`)
 * does the saving; this only orders the two requests.
 */
(() => {
  "use strict";

  const autosaveOf = (form) =>
    window.wagtail?.app?.getControllerForElementAndIdentifier(form, "w-autosave");

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches("[data-edit-form]")) {
        return;
      }
      const autosave = autosaveOf(form);
      if (!autosave) return;
      // No autosave may start after the editor's own submission.
      autosave.activeValue = false;
      const pending = autosave.submitPromise;
      if (!pending) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      Promise.resolve(pending)
        .catch(() => undefined) // Wagtail shows the autosave's own error.
        .then(() => {
          // Wagtail disables a clicked button while it works, and a disabled button
          // is not sent with the form: its action (publish, submit…) goes as a field.
          if (submitter?.name) {
            const action = document.createElement("input");
            action.type = "hidden";
            action.name = submitter.name;
            action.value = submitter.value;
            form.append(action);
          }
          form.requestSubmit();
        });
    },
    true,
  );
})();
