// Progressive enhancement for the main menu's submenus: the page works without this
// file. The menu itself is a <details> disclosure that needs no script.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function setExpanded(button, expanded) {
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
  }

  function closeSubmenus(except) {
    document.querySelectorAll(".submenu-toggle[aria-expanded='true']").forEach(function (button) {
      if (button !== except) setExpanded(button, false);
    });
  }

  // Browsers without ::details-content cannot show a closed disclosure's list on wide
  // screens: open it there.
  var disclosure = document.querySelector(".main-nav__disclosure");
  var supportsDetailsContent = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (disclosure && !supportsDetailsContent && window.matchMedia("(min-width: 60em)").matches) {
    disclosure.open = true;
  }

  document.querySelectorAll(".submenu-toggle").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      closeSubmenus(button);
      setExpanded(button, !open);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".submenu-toggle[aria-expanded='true']");
    if (open) {
      setExpanded(open, false);
      open.focus();
    }
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest(".main-nav")) closeSubmenus(null);
  });
})();
