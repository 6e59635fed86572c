// Material's inline bootstrap (partials/javascripts/base.html of Material 9.8), moved into a
// file so that the Content-Security-Policy needs no 'unsafe-inline' for scripts. Material
// scopes its local storage to the site's root: the folder that holds javascripts/.
__md_scope = new URL("..", document.currentScript.src);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) =>
  JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {}
};
