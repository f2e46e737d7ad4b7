// Progressive enhancement for the main menu: the page works without this file.
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

  var navToggle = document.querySelector(".main-nav__toggle");
  if (navToggle) {
    navToggle.hidden = false;
    navToggle.addEventListener("click", function () {
      setExpanded(navToggle, navToggle.getAttribute("aria-expanded") !== "true");
    });
  }

  document.querySelectorAll(".submenu-toggle").forEach(function (button) {
    button.hidden = false;
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
