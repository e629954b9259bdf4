/* The eGov roles wizard, enhanced.
 *
 * Without this script every step of the wizard is an ordinary page (macros/wizard.py) linked to
 * the next. With it, the same pages become one interactive wizard:
 * - a step loads in place: the next page is fetched and its .wizard block replaces the current
 *   one, the address follows (history.pushState), so any step can be shared or reloaded;
 * - the toolbar (written hidden by the page) offers back, home and the profile definitions, and
 *   lists the steps taken;
 * - focus moves to the new step's title and the change is announced (live region);
 * - arrow keys move between the choices, Backspace goes back one step (only while the focus is in
 *   the wizard, WCAG 2.1.4), Escape closes the definitions.
 * Every label comes from the page (data-label-* attributes written from data/wizard.yml).
 */
(function () {
  "use strict";

  var SELECTOR = ".wizard";
  var MAX_STEPS = 30;
  var first = document.querySelector(SELECTOR);
  if (!first || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }

  var toolbar = document.querySelector(".wizard-toolbar");
  if (!toolbar) {
    return;
  }
  var labels = { stepLoaded: first.dataset.labelStepLoaded };
  // The start page's address: the wizard's home, and every step lives below it.
  var home = new URL(first.dataset.wizardHome, location.href);

  function root() {
    return document.querySelector(SELECTOR);
  }

  function here() {
    var url = new URL(location.href);
    url.hash = "";
    return url.href;
  }

  function inScope(url) {
    return url.origin === home.origin && url.pathname.indexOf(home.pathname) === 0;
  }

  /* The address changes without a new document: every relative address of the page (theme
   * navigation, header, favicon...) would then resolve against the wrong directory. Pin them. */
  function pin(container, base) {
    container.querySelectorAll("a[href], link[href], img[src], form[action]").forEach(function (node) {
      if (node.matches('link[rel~="stylesheet"]')) {
        return; // loaded already: leave them alone
      }
      var name = node.hasAttribute("href") ? "href" : node.hasAttribute("src") ? "src" : "action";
      var value = node.getAttribute(name);
      if (value && value.charAt(0) !== "#" && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        node.setAttribute(name, new URL(value, base).href);
      }
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  /* --- toolbar -------------------------------------------------------------------------- */

  /* Written by macros/wizard.py before the step (so that it does not push the step down when
     the script arrives), invisible until this line. */
  var backButton = toolbar.querySelector(".wizard-tool-back");
  var homeButton = toolbar.querySelector(".wizard-tool-home");
  var definitionsButton = toolbar.querySelector(".wizard-tool-definitions");
  var historyNav = toolbar.querySelector(".wizard-history");
  var historyList = historyNav.querySelector("ol");
  var status = toolbar.querySelector("[role=status]");
  toolbar.setAttribute("data-ready", "");
  // Pinned at the first step taken, not at load: re-pointing the favicon while its first request
  // is still running would cancel that request.
  var pinned = false;
  var loadedFrom = location.href; // what the page's relative addresses are relative to

  /* --- state: the steps taken, kept in the history entries -------------------------------- */

  function currentStep() {
    return { url: here(), title: root().dataset.wizardTitle };
  }

  var state = history.state && history.state.wizard ? history.state : { wizard: true, steps: [currentStep()] };
  history.replaceState(state, "", location.href);

  function definitions() {
    return root().querySelector("details.wizard-definitions");
  }

  function render() {
    var steps = state.steps;
    historyList.textContent = "";
    steps.forEach(function (step, index) {
      var item = element("li");
      if (index === steps.length - 1) {
        item.appendChild(element("span", { "aria-current": "step" }, step.title));
      } else {
        item.appendChild(element("a", { href: step.url }, step.title));
      }
      historyList.appendChild(item);
    });
    historyNav.hidden = steps.length < 2;
    var atHome = here() === home.href;
    backButton.disabled = steps.length < 2 && !root().querySelector("a.wizard-back");
    homeButton.disabled = atHome;
    var details = definitions();
    definitionsButton.hidden = !details;
    definitionsButton.setAttribute("aria-expanded", details && details.open ? "true" : "false");
  }

  function announce(title) {
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = labels.stepLoaded.replace("{title}", title);
    }, 50);
  }

  /* --- loading a step in place -------------------------------------------------------------- */

  function syncPage(doc, url) {
    document.title = doc.title;
    pin(doc, url);
    // The language switch points to this step's twin in the other language.
    doc.querySelectorAll(".md-header a[hreflang]").forEach(function (fresh) {
      var mine = document.querySelector('.md-header a[hreflang="' + fresh.getAttribute("hreflang") + '"]');
      if (mine) {
        mine.setAttribute("href", fresh.getAttribute("href"));
      }
    });
    // The head's links to neighbouring pages.
    ["canonical", "prev", "next"].forEach(function (rel) {
      var mine = document.head.querySelector('link[rel="' + rel + '"]');
      var fresh = doc.head.querySelector('link[rel="' + rel + '"]');
      if (mine) {
        mine.remove();
      }
      if (fresh) {
        document.head.appendChild(document.importNode(fresh, true));
      }
    });
    var topic = document.querySelector('[data-md-component="header-topic"]');
    var freshTopic = doc.querySelector('[data-md-component="header-topic"]');
    if (topic && freshTopic) {
      topic.innerHTML = freshTopic.innerHTML;
    }
    // Previous / next page of the theme's footer (only pages in the navigation have them).
    var footer = document.querySelector(".md-footer__inner");
    var freshFooter = doc.querySelector(".md-footer__inner");
    if (footer && freshFooter) {
      footer.replaceWith(document.importNode(freshFooter, true));
    } else if (footer) {
      footer.remove();
    } else if (freshFooter && document.querySelector(".md-footer")) {
      document.querySelector(".md-footer").prepend(document.importNode(freshFooter, true));
    }
  }

  var pending = null;

  function go(url, options) {
    var request = {};
    pending = request;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + url);
        }
        return response.text();
      })
      .then(function (text) {
        if (pending !== request) {
          return; // a later click won
        }
        var doc = new DOMParser().parseFromString(text, "text/html");
        var fresh = doc.querySelector(SELECTOR);
        if (!fresh) {
          throw new Error("not a wizard page: " + url);
        }
        var title = fresh.dataset.wizardTitle;
        if (!pinned) {
          pin(document, loadedFrom);
          pinned = true;
        }
        if (options.push) {
          state = { wizard: true, steps: state.steps.concat([{ url: url, title: title }]).slice(-MAX_STEPS) };
          // First the address, then the content: the new block's relative links resolve against it.
          history.pushState(state, "", url);
        } else {
          state = options.state;
        }
        root().replaceWith(document.importNode(fresh, true));
        syncPage(doc, url);
        render();
        window.scrollTo(0, 0);
        root().querySelector(".wizard-title").focus({ preventScroll: true });
        announce(title);
        // Material mounts its content components (tooltips, ...) on each document$ emission, as
        // after its own instant navigation.
        if (window.document$ && typeof window.document$.next === "function") {
          window.document$.next(document);
        }
      })
      .catch(function () {
        location.assign(url); // the plain page always works
      });
  }

  function back() {
    if (state.steps.length > 1) {
      history.back();
      return;
    }
    var link = root().querySelector("a.wizard-back");
    if (link) {
      go(link.href, { push: true });
    }
  }

  /* --- events --------------------------------------------------------------------------- */

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || !(root().contains(link) || historyNav.contains(link))) {
      return;
    }
    if ((link.target && link.target !== "_self") || link.hasAttribute("download")) {
      return;
    }
    var url = new URL(link.href);
    if (!inScope(url) || (url.hash && url.pathname === location.pathname)) {
      return;
    }
    event.preventDefault();
    url.hash = "";
    go(url.href, { push: true });
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.wizard) {
      go(here(), { push: false, state: event.state });
    }
  });

  backButton.addEventListener("click", back);
  homeButton.addEventListener("click", function () {
    go(home.href, { push: true });
  });

  definitionsButton.addEventListener("click", function () {
    var details = definitions();
    if (!details) {
      return;
    }
    details.open = !details.open;
    render();
    if (details.open) {
      details.scrollIntoView({ block: "nearest" });
      details.querySelector("summary").focus();
    }
  });
  // "toggle" does not bubble: listen while capturing, for the summary clicked directly.
  document.addEventListener(
    "toggle",
    function (event) {
      if (event.target === definitions()) {
        render();
      }
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    var wizard = root();
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || !(wizard.contains(target) || toolbar.contains(target))) {
      return;
    }
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var choices = Array.prototype.slice.call(wizard.querySelectorAll(".wizard-choices a"));
      if (!choices.length) {
        return;
      }
      var index = choices.indexOf(document.activeElement);
      var next;
      if (event.key === "ArrowDown") {
        next = index < 0 ? 0 : Math.min(index + 1, choices.length - 1);
      } else {
        next = index < 0 ? choices.length - 1 : Math.max(index - 1, 0);
      }
      event.preventDefault();
      choices[next].focus();
    } else if (event.key === "Backspace") {
      event.preventDefault();
      back();
    } else if (event.key === "Escape") {
      var details = definitions();
      if (details && details.open) {
        details.open = false;
        render();
        definitionsButton.focus();
      }
    }
  });

  // Paper shows everything: open the definitions while printing.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".wizard details:not([open])").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) {
      details.open = false;
    });
    openedForPrint = [];
  });

  render();
})();
