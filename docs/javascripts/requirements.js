// The requirements of a sector or a lead-department role, newest first, filtered in the
// browser. The page holds only the form (build_tools/render/listing_view.py); this script
// loads data/<folder>/<id>/index.json, then the stream files the chosen filters need, one at
// a time (build_tools/render/listing_data.py), so the page stays small at any archive size.
// Filters live in the URL query (?province=山东省&level=national,provincial&year=2022) and
// the chosen province in localStorage. Text from the data only ever becomes textContent.
(function () {
  "use strict";
  const view = document.getElementById("req-view");
  const form = document.getElementById("req-filter");
  if (!view || !form) return;
  const list = document.getElementById("req-results");
  const countLine = document.getElementById("req-count");
  const moreButton = document.getElementById("req-more");
  const feedLink = document.getElementById("req-feed");
  const issuerList = document.getElementById("req-issuers");
  const STORAGE_KEY = "worksafety-archive:province";
  const STEP = 50;
  const PROVINCE_NAME = /^[\u4e00-\u9fff]{2,9}(省|市|自治区|特别行政区)$/;
  const MAX_ISSUER_OPTIONS = 500;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  const dataFolder = new URL(
    "data/" + encodeURIComponent(view.dataset.folder) + "/" + encodeURIComponent(view.dataset.id) + "/",
    root,
  );
  const files = new Map(); // file name → promise of its parsed content
  const itemTexts = new Map(); // notice id → promise of { anchor: text }
  let index = null;
  let issuers = null; // [name, count rows] of issuers.json, once loaded
  let issuersLoading = null;
  let limit = STEP;
  let generation = 0;

  function json(url) {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  // ---- the stored province -------------------------------------------------------------
  function stored() {
    try {
      return localStorage.getItem(STORAGE_KEY) || "";
    } catch (error) {
      return "";
    }
  }

  function store(province) {
    try {
      if (province) localStorage.setItem(STORAGE_KEY, province);
      else localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }

  // ---- the form and the URL ------------------------------------------------------------
  function radios() {
    return Array.from(form.querySelectorAll('input[name="province"]'));
  }

  function levelBoxes() {
    return Array.from(form.querySelectorAll('input[name="level"]'));
  }

  function placeOf(name) {
    return index.places.find((place) => place.name === name || place.key === name);
  }

  function chooseProvince(name) {
    const wanted = name || "";
    let radio = radios().find((r) => r.value === wanted || (wanted && r.dataset.code === wanted));
    if (!radio && !PROVINCE_NAME.test(wanted)) radio = radios()[0];
    if (!radio) {
      // A province without requirements here still shows its national ones.
      const label = element("label", "chip");
      radio = element("input");
      radio.type = "radio";
      radio.name = "province";
      radio.value = wanted;
      label.append(radio, element("span", "", wanted), " ", element("span", "n"));
      form.querySelector(".req-places").append(label);
    }
    radio.checked = true;
  }

  function setSelect(name, value) {
    const select = form.elements.namedItem(name);
    if (!select) return;
    select.value = value || "";
    if (select.value !== (value || "")) select.value = "";
  }

  function applyQuery(params) {
    chooseProvince(params.has("province") ? params.get("province") : stored());
    if (params.has("level")) {
      const wanted = new Set(params.get("level").split(","));
      levelBoxes().forEach((box) => (box.checked = wanted.has(box.value)));
    }
    const year = params.get("year");
    setSelect("from", year || params.get("from"));
    setSelect("to", year || params.get("to"));
    const issuer = form.elements.namedItem("issuer");
    if (issuer) issuer.value = params.get("issuer") || "";
    setSelect("kind", params.get("kind"));
  }

  function selection() {
    const radio = radios().find((r) => r.checked);
    const province = radio ? radio.value : "";
    const place = province ? placeOf(province) : null;
    const from = parseInt(form.elements.namedItem("from").value, 10) || null;
    const to = parseInt(form.elements.namedItem("to").value, 10) || null;
    const kind = form.elements.namedItem("kind");
    return {
      province: province,
      provinceKey: place ? place.key : province ? "?" : null,
      levels: new Set(levelBoxes().filter((box) => box.checked).map((box) => box.value)),
      from: from && to && from > to ? to : from,
      to: from && to && from > to ? from : to,
      issuer: (form.elements.namedItem("issuer").value || "").trim(),
      kind: kind ? kind.value : "",
    };
  }

  function writeQuery(sel) {
    const parts = [];
    const add = (name, value) => parts.push(name + "=" + value);
    if (sel.province) add("province", encodeURIComponent(sel.province));
    if (sel.levels.size < levelBoxes().length) {
      add("level", Array.from(sel.levels).map(encodeURIComponent).join(","));
    }
    if (sel.from && sel.from === sel.to) add("year", sel.from);
    else {
      if (sel.from) add("from", sel.from);
      if (sel.to) add("to", sel.to);
    }
    if (sel.issuer) add("issuer", encodeURIComponent(sel.issuer));
    if (sel.kind) add("kind", encodeURIComponent(sel.kind));
    const query = parts.length ? "?" + parts.join("&") : "";
    history.replaceState(null, "", location.pathname + query + location.hash);
  }

  // ---- which requirements a selection takes ----------------------------------------------
  function inYears(sel, year) {
    if (!sel.from && !sel.to) return true;
    return year > 0 && (!sel.from || year >= sel.from) && (!sel.to || year <= sel.to);
  }

  // ``ignore`` leaves one filter out, to count what choosing another value there would give.
  function accepts(sel, place, level, year, issuer, kind, ignore) {
    return (
      (ignore === "level" || sel.levels.has(level)) &&
      (ignore === "place" || sel.provinceKey === null || place === "national" || place === sel.provinceKey) &&
      inYears(sel, year) &&
      (!sel.issuer || issuer.includes(sel.issuer)) &&
      (!sel.kind || kind === sel.kind)
    );
  }

  // Counts of what the selection shows, per level and per place too (each leaving that
  // filter out): from the index, or from each matching issuer's counts when one is typed.
  function counts(sel) {
    const found = { total: 0, levels: {}, places: {} };
    const add = (issuer, rows) => {
      for (const [year, p, l, k, n] of rows) {
        const place = index.places[p].key;
        const level = index.levels[l].key;
        const kind = index.kinds[k].key;
        if (accepts(sel, place, level, year, issuer, kind)) found.total += n;
        if (accepts(sel, place, level, year, issuer, kind, "level")) {
          found.levels[level] = (found.levels[level] || 0) + n;
        }
        if (accepts(sel, place, level, year, issuer, kind, "place")) {
          found.places[place] = (found.places[place] || 0) + n;
          found.places[""] = (found.places[""] || 0) + n;
        }
      }
    };
    if (!sel.issuer) add("", index.counts);
    else issuers.filter(([name]) => name.includes(sel.issuer)).forEach(([name, rows]) => add(name, rows));
    return found;
  }

  // Issuers and their counts (data/<folder>/<id>/issuers.json), loaded on first need.
  function loadIssuers() {
    if (!issuersLoading) {
      issuersLoading = json(new URL(index.issuers, dataFolder)).then(
        (data) => (issuers = data.issuers),
        (error) => {
          issuersLoading = null; // try again next time
          throw error;
        },
      );
    }
    return issuersLoading;
  }

  // The streams whose files hold what the selection shows: one place's, or all of them.
  function streamsFor(sel) {
    let places = null;
    if (sel.provinceKey !== null) places = new Set(["national", sel.provinceKey]);
    if (sel.issuer) {
      const named = new Set();
      issuers
        .filter(([name]) => name.includes(sel.issuer))
        .forEach(([, rows]) => rows.forEach((row) => named.add(index.places[row[1]].key)));
      places = places ? new Set([...places].filter((key) => named.has(key))) : named;
    }
    if (sel.levels.size === 1 && sel.levels.has("national")) {
      places = new Set(places ? [...places].filter((key) => key === "national") : ["national"]);
    }
    const chosen = places ? [...places].map((key) => index.streams[key]).filter(Boolean) : [index.streams.all];
    return chosen.map((described) => ({
      files: described.filter((file) => inYearRange(sel, file)),
      next: 0,
      loaded: [],
    }));
  }

  function inYearRange(sel, file) {
    return (!sel.from || file.y1 >= sel.from) && (!sel.to || (file.y0 <= sel.to && file.y1 > 0));
  }

  function loadFile(name) {
    if (!files.has(name)) {
      files.set(
        name,
        json(new URL(name, dataFolder)).then((data) =>
          data.rows.map(([notice, number, anchor, text, evidence, kind]) => ({
            notice: data.notices[notice],
            number: number,
            anchor: anchor,
            text: text,
            evidence: evidence,
            kind: kind,
          })),
        ),
      );
    }
    return files.get(name);
  }

  // Newest first, as build_tools.render.requirements.newest_first orders notices: plan year,
  // then 成文日期 (none last), then notice id; a notice's items stay in their order.
  function newer(a, b) {
    return b.notice.y - a.notice.y || (a.notice.d < b.notice.d ? 1 : a.notice.d > b.notice.d ? -1 : 0) ||
      (a.notice.id < b.notice.id ? -1 : a.notice.id > b.notice.id ? 1 : 0) || a.order - b.order;
  }

  // What can be shown now: with several streams, only years no unloaded file can add to.
  function ready(sel, streams) {
    const pending = streams.filter((stream) => stream.next < stream.files.length);
    const frontier = pending.length ? Math.max(...pending.map((s) => s.files[s.next].y1)) : -1;
    const shown = [];
    let order = 0;
    for (const stream of streams) {
      for (const rows of stream.loaded) {
        for (const row of rows) {
          const notice = row.notice;
          if (!accepts(sel, notice.p, notice.l, notice.y, notice.i, row.kind)) continue;
          if (streams.length > 1 && notice.y <= frontier) continue;
          shown.push(Object.assign({ order: order++ }, row));
        }
      }
    }
    if (streams.length > 1) shown.sort(newer);
    return { shown: shown, pending: pending };
  }

  // ---- showing ------------------------------------------------------------------------
  function showCounts(sel, found) {
    form.querySelectorAll(".req-levels .n").forEach((span) => {
      span.textContent = String(found.levels[span.dataset.count] || 0);
    });
    radios().forEach((radio) => {
      let span = radio.parentElement.querySelector(".n");
      if (!span) {
        span = element("span", "n");
        radio.parentElement.append(" ", span);
      }
      const key = radio.value ? (placeOf(radio.value) || {}).key : "";
      span.textContent = String(key === undefined ? 0 : found.places[key] || 0);
    });
  }

  function showFeed(sel) {
    if (!feedLink || !index.feeds) return;
    const feed = (sel.provinceKey && index.feeds.places[sel.provinceKey]) || index.feeds.all;
    feedLink.href = new URL(feed.href, root).href;
    feedLink.textContent = "订阅：" + feed.title + "（Atom）";
  }

  function showIssuers(sel) {
    if (!issuerList || !issuers) return;
    const here = (rows) =>
      sel.provinceKey === null || rows.some((row) => ["national", sel.provinceKey].includes(index.places[row[1]].key));
    const options = issuers
      .filter(([, rows]) => here(rows))
      .slice(0, MAX_ISSUER_OPTIONS)
      .map(([name]) => {
        const option = element("option");
        option.value = name;
        return option;
      });
    issuerList.replaceChildren(...options);
  }

  function levelName(key) {
    const level = index.levels.find((l) => l.key === key);
    return level ? level.name : "";
  }

  function item(row) {
    const notice = row.notice;
    const li = element("li", "req");
    const line = element("p", "req-line");
    const number = element("a", "req-number", row.number);
    number.href = new URL(notice.u + "#" + row.anchor, root).href;
    line.append(number, " ");
    if (row.kind) line.append(element("span", "req-kind req-kind-" + row.kind, kindName(row.kind)), " ");
    line.append(element("span", "req-text", row.text));
    const source = element("p", "req-source");
    const where = [notice.i, levelName(notice.l), notice.r && notice.r !== notice.i ? notice.r : "",
      notice.d || (notice.y ? notice.y + "年" : "")].filter(Boolean);
    source.append(where.join(" · ") + " · ");
    const title = element("a", "", notice.t);
    title.href = new URL(notice.u, root).href;
    source.append(title);
    const evidence = element("p", "evidence", row.evidence);
    const expand = element("button", "req-expand", "展开全文");
    expand.type = "button";
    expand.setAttribute("aria-expanded", "false");
    expand.dataset.notice = notice.id;
    expand.dataset.anchor = row.anchor;
    const full = element("p", "req-full-text");
    full.hidden = true;
    evidence.append(" ", expand);
    li.append(line, source, evidence, full);
    return li;
  }

  function kindName(key) {
    const kind = index.kinds.find((k) => k.key === key);
    return kind ? kind.name : key;
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button.req-expand");
    if (!button) return;
    const full = button.closest("li").querySelector(".req-full-text");
    const opening = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(opening));
    button.textContent = opening ? "收起全文" : "展开全文";
    full.hidden = !opening;
    if (!opening || full.textContent) return;
    const id = button.dataset.notice;
    if (!itemTexts.has(id)) {
      itemTexts.set(id, json(new URL("data/items/" + encodeURIComponent(id) + ".json", root)));
    }
    full.textContent = "正在载入……";
    itemTexts
      .get(id)
      .then((texts) => (full.textContent = texts[button.dataset.anchor] || ""))
      .catch(() => (full.textContent = "全文未能载入，请打开原文。"));
  });

  function describe(sel, total) {
    const place = sel.province ? "国家级和" + sel.province + "的" : "";
    const years = sel.from && sel.from === sel.to ? sel.from + "年" : sel.from || sel.to
      ? (sel.from || "最早") + "—" + (sel.to || "最新") + "年" : "";
    return "共 " + total + " 条" + (years ? years + "的" : "") + place + "要求，从新到旧排列";
  }

  // ---- the loop: load files until a screenful is ready, newest first ---------------------
  // data-state on the view: "loading" while files come, "ready" once the list is complete.
  async function update() {
    const run = ++generation;
    view.dataset.state = "loading";
    const sel = selection();
    writeQuery(sel);
    if (sel.issuer && !issuers) {
      try {
        await loadIssuers();
      } catch (error) {
        if (run === generation) failed();
        return;
      }
      if (run !== generation) return;
    }
    const found = counts(sel);
    showCounts(sel, found);
    showFeed(sel);
    showIssuers(sel);
    countLine.textContent = describe(sel, found.total);
    const streams = streamsFor(sel);
    let state = ready(sel, streams);
    while (state.shown.length < limit && state.pending.length) {
      if (state.shown.length) render(state.shown, found.total);
      const stream = state.pending.reduce((a, b) => (b.files[b.next].y1 > a.files[a.next].y1 ? b : a));
      let rows;
      try {
        rows = await loadFile(stream.files[stream.next].f);
      } catch (error) {
        if (run === generation) failed();
        return;
      }
      if (run !== generation) return;
      stream.loaded.push(rows);
      stream.next += 1;
      state = ready(sel, streams);
    }
    render(state.shown, found.total);
    view.dataset.state = "ready";
  }

  function failed() {
    countLine.textContent = "要求未能载入，请刷新页面重试。";
    view.dataset.state = "error";
  }

  function render(shown, total) {
    const visible = shown.slice(0, limit);
    list.replaceChildren(...visible.map(item));
    moreButton.hidden = visible.length >= total;
    view.dataset.shown = String(visible.length);
  }

  let typing = null;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", (event) => {
    if (event.target.name === "issuer") return;
    if (event.target.name === "province") store(event.target.value);
    limit = STEP;
    update();
  });
  form.addEventListener("input", (event) => {
    if (event.target.name !== "issuer") return;
    view.dataset.state = "loading";
    clearTimeout(typing);
    typing = setTimeout(() => {
      limit = STEP;
      update();
    }, 250);
  });
  form.elements.namedItem("issuer").addEventListener("focus", () => {
    if (!index) return;
    loadIssuers()
      .then(() => showIssuers(selection()))
      .catch(() => {});
  });
  moreButton.addEventListener("click", () => {
    limit += STEP;
    update();
  });

  // The first files the page's own query or stored province will need, fetched beside the
  // index (build_tools/render/listing_data.py names them <stream>-1.json).
  function fetchFirstFiles() {
    const params = new URLSearchParams(location.search);
    if (["level", "year", "from", "to", "issuer", "kind"].some((name) => params.has(name))) return;
    const province = params.has("province") ? params.get("province") : stored();
    const places = new Set((view.dataset.places || "").split(" "));
    const radio = radios().find((r) => province && (r.value === province || r.dataset.code === province));
    const streams = !province ? ["all"] : radio ? ["national", radio.dataset.code] : ["national"];
    streams.filter((stream) => places.has(stream)).forEach((stream) => loadFile(stream + "-1.json").catch(() => {}));
  }

  fetchFirstFiles();
  json(new URL("index.json", dataFolder))
    .then((loaded) => {
      index = loaded;
      applyQuery(new URLSearchParams(location.search));
      return update();
    })
    .catch(failed);
})();
