/* Keyboard access that Material leaves to the mouse.
 *
 * 1. Lexicon terms are <abbr title> elements; Material's content.tooltips shows their definition on
 *    hover and on focus, but an <abbr> never takes focus. Each one gets tabindex="0", and Escape
 *    hides the open definition without moving focus (WCAG 1.4.13: dismissible).
 * 2. On narrow screens (and at 400 % zoom) the header's menu and search buttons are <label>s for
 *    hidden checkboxes, which Tab skips. They become buttons: focusable, named, Enter/Space toggle.
 */
(function () {
  "use strict";

  function makeTermsFocusable(root) {
    root.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      abbr.tabIndex = 0;
    });
  }

  function hideTooltipOf(element) {
    var id = element.getAttribute("aria-describedby");
    var tooltip = id && document.getElementById(id);
    if (tooltip) {
      tooltip.classList.remove("md-tooltip2--active");
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && target instanceof Element && target.matches("abbr")) {
      hideTooltipOf(target);
    }
  });

  /* The accessible names come from the page (the theme translated them), not from this file. */
  function labelName(label) {
    var toggle = label.htmlFor;
    if (toggle === "__drawer") {
      var nav = document.querySelector(".md-nav--primary");
      return nav && nav.getAttribute("aria-label");
    }
    if (toggle === "__search") {
      var input = document.querySelector(".md-search__input");
      return input && input.getAttribute("aria-label");
    }
    return null;
  }

  function makeHeaderTogglesButtons(root) {
    root.querySelectorAll(".md-header label.md-header__button[for]").forEach(function (label) {
      var checkbox = document.getElementById(label.htmlFor);
      var name = labelName(label);
      if (!checkbox || !name || label.hasAttribute("tabindex")) {
        return;
      }
      label.tabIndex = 0;
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", name);
      label.setAttribute("aria-expanded", String(checkbox.checked));
      checkbox.addEventListener("change", function () {
        label.setAttribute("aria-expanded", String(checkbox.checked));
      });
      label.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          /* Material's own key handler also clicks a focused label on Enter: stop the event here
             so that one key press toggles once. */
          event.preventDefault();
          event.stopPropagation();
          label.click();
        }
      });
    });
  }

  function init() {
    makeTermsFocusable(document);
    makeHeaderTogglesButtons(document);
  }

  /* Material publishes document$ and emits on every page it renders; plain load otherwise. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
