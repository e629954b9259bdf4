/* The page's <link rel="alternate" hreflang> name its twin in each language, for search engines.
 * Material's bundle also requests "<href>sitemap.xml" for every link[rel=alternate] (made for a
 * site of one sub-site per language): here no such file exists (a 404 in the console of every
 * page), or it lies on another origin when the site is served elsewhere than its site_url.
 * Those requests, and only those, end here in an error event without being sent; Material then
 * leaves the language switch's own links alone (overrides/main.html). Runs before the bundle,
 * whose request (an XMLHttpRequest) waits for DOMContentLoaded. */
(function () {
  "use strict";
  var refused = new Set(Array.prototype.map.call(
    document.querySelectorAll("link[rel=alternate][hreflang]"),
    function (link) { return new URL("sitemap.xml", link.href).href; }
  ));
  var XHR = XMLHttpRequest.prototype, open = XHR.open, send = XHR.send;
  XHR.open = function (method, url) {
    this.egovRefused = refused.has(new URL(String(url), location.href).href);
    return open.apply(this, arguments);
  };
  XHR.send = function () {
    if (!this.egovRefused) {
      return send.apply(this, arguments);
    }
    var request = this;
    Promise.resolve().then(function () { request.dispatchEvent(new ProgressEvent("error")); });
  };
})();
