// Material's inline content script (partials/javascripts/content.html of Material 9.8), moved
// into a file so that the Content-Security-Policy needs no 'unsafe-inline' for scripts: it
// opens the content tab a link's #fragment names.
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
