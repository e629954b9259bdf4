/* The page's <link rel="alternate" hreflang> name its twin in each language, for search engines.
 * Material's bundle also fetches "<href>sitemap.xml" for every link[rel=alternate] (made for a
 * site of one sub-site per language): here no such file exists (a 404 in the console of every
 * page), or it lies on another origin when the site is served elsewhere than its site_url. Those
 * fetches, and only those, are refused here without a request; Material then leaves the
 * language switch's own links alone (overrides/main.html). Runs before the bundle's fetch, which
 * waits for DOMContentLoaded. */
(function () {
  "use strict";
  var refused = new Set(Array.prototype.map.call(
    document.querySelectorAll("link[rel=alternate][hreflang]"),
    function (link) { return new URL("sitemap.xml", link.href).href; }
  ));
  var fetch = window.fetch;
  window.fetch = function (input) {
    var url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    if (refused.has(url)) {
      return Promise.reject(new TypeError("not fetched: " + url));
    }
    return fetch.apply(this, arguments);
  };
})();
