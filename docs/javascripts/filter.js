// Filterable list of notices. Loads data/years/index.json, then one year's JSON on demand,
// so the page stays small however many notices the archive holds. No third-party code.
(function () {
  "use strict";
  const form = document.getElementById("notice-filter");
  if (!form) return;
  const dataBase = new URL("../../data/years/", location.href);
  const yearSelect = document.getElementById("filter-year");
  const levelSelect = document.getElementById("filter-level");
  const sectorSelect = document.getElementById("filter-sector");
  const issuerInput = document.getElementById("filter-issuer");
  const results = document.getElementById("filter-results");
  const count = document.getElementById("filter-count");
  const cache = new Map();

  function option(select, value, label) {
    const element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    select.appendChild(element);
  }

  async function year(key) {
    if (!cache.has(key)) {
      cache.set(key, fetch(new URL(key + ".json", dataBase)).then((r) => r.json()));
    }
    return cache.get(key);
  }

  async function render() {
    const keys = yearSelect.value ? [yearSelect.value] : Array.from(yearSelect.options).slice(1).map((o) => o.value);
    const lists = await Promise.all(keys.map(year));
    const issuer = issuerInput.value.trim();
    const shown = lists.flat().filter((n) =>
      (!levelSelect.value || n.level === levelSelect.value) &&
      (!sectorSelect.value || n.sectors.includes(sectorSelect.value)) &&
      (!issuer || (n.issuer || "").includes(issuer)));
    results.replaceChildren(...shown.map((n) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = new URL("../../" + n.url, location.href).pathname;
      link.textContent = n.title;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" — " + [n.issuer, n.level, n.date || n.year].filter(Boolean).join("，")));
      return item;
    }));
    count.textContent = "共 " + shown.length + " 份通知";
    const params = new URLSearchParams(new FormData(form));
    history.replaceState(null, "", "?" + params.toString());
  }

  fetch(new URL("index.json", dataBase)).then((r) => r.json()).then((index) => {
    option(yearSelect, "", "全部年度");
    index.years.forEach((y) => option(yearSelect, y.year, y.year === "unknown" ? "年度不详" : y.year + "年（" + y.count + "）"));
    index.levels.forEach((l) => option(levelSelect, l, l));
    index.sectors.forEach((s) => option(sectorSelect, s, s));
    const params = new URLSearchParams(location.search);
    for (const [name, value] of params) {
      const field = form.elements.namedItem(name);
      if (field) field.value = value;
    }
    if (!params.has("year") && index.years.length) yearSelect.value = index.years[0].year;
    form.addEventListener("input", render);
    render();
  });
})();
