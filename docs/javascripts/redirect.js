// A notice's earlier address (notices/<file stem>/) forwards to its permanent address,
// given by the page's canonical link, keeping the item anchor (#s2-4-1) that the meta
// refresh after this script cannot carry. Loaded from a file: the site's
// Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";
  var canonical = document.querySelector('link[rel="canonical"]');
  if (!canonical) return;
  var target = canonical.href;
  if (location.hash) target = target.split("#")[0] + location.hash;
  location.replace(target);
})();
