/* Keyboard access that Material leaves to the mouse.
 *
 * 1. Lexicon terms are <abbr title> elements; Material's content.tooltips shows their definition on
 *    hover and on focus, but an <abbr> never takes focus. Each one gets tabindex="0", and Escape
 *    hides the open definition without moving focus (WCAG 1.4.13: dismissible).
 * 2. On narrow screens (and at 400 % zoom) the header's menu and search buttons are <label>s for
 *    hidden checkboxes, which Tab skips. Each is replaced by a real <button> holding the same icon:
 *    focusable, named, Enter/Space toggle its checkbox. (A role="button" on the <label> itself is
 *    not an allowed ARIA role for that element: Lighthouse's aria-allowed-role audit failed.)
 * 3. A table wider than the page scrolls sideways in Material's wrapper; the keyboard can scroll it
 *    only if the wrapper takes focus (WCAG 2.1.1; axe's scrollable-region-focusable). Lexicon
 *    terms inside used to give it a focusable child, but a term is now defined at its first use
 *    on a page only: each wrapper that scrolls gets tabindex="0", again when the window resizes.
 */
(function () {
  "use strict";

  function makeTermsFocusable(root) {
    root.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      abbr.tabIndex = 0;
    });
  }

  function makeScrollingTablesFocusable(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
      } else {
        wrap.removeAttribute("tabindex");
      }
    });
  }

  window.addEventListener("resize", function () {
    makeScrollingTablesFocusable(document);
  });

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
      if (!checkbox || !name) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      /* site.css hides it where Material hides the label ([for=…] rules at wide screens). */
      button.setAttribute("data-toggle", label.htmlFor);
      button.setAttribute("aria-label", name);
      button.setAttribute("aria-expanded", String(checkbox.checked));
      while (label.firstChild) {
        button.appendChild(label.firstChild);
      }
      label.replaceWith(button);
      checkbox.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(checkbox.checked));
      });
      /* click() on the checkbox fires the change event Material's drawer and search listen to.
         Material also focuses the search field on a click of the label it bound at start-up (now
         replaced): the button does the same. */
      var input = label.htmlFor === "__search" && document.querySelector(".md-search__input");
      button.addEventListener("click", function () {
        checkbox.click();
        if (input && checkbox.checked) {
          input.focus();
        }
      });
    });
  }

  function init() {
    makeTermsFocusable(document);
    makeHeaderTogglesButtons(document);
    makeScrollingTablesFocusable(document);
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
