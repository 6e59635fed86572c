// Compare two notices part by part, in the reader's browser. No third-party code; the only
// requests are the two notices' outlines, compare/data/<slug>.json, relative to this page.
//
// The alignment and the character diff are those of build_tools/compare.py, whose tests
// document them: difflib's SequenceMatcher without junk heuristics (ported below, on code
// points as Python does), a weighted longest common subsequence over the parts, and a pass
// that recognises a removed part reappearing elsewhere as moved.
(function () {
  "use strict";
  const form = document.getElementById("compare-form");
  if (!form) return;
  const THRESHOLD = 0.5; // build_tools.compare.THRESHOLD
  const STATUS = { same: "相同", changed: "修改", added: "新增", removed: "删除" };
  const selectA = document.getElementById("compare-a");
  const selectB = document.getElementById("compare-b");
  const summary = document.getElementById("compare-summary");
  const results = document.getElementById("compare-results");
  const dataBase = new URL("data/", location.href);
  const cache = new Map();

  // ---- difflib.SequenceMatcher(None, a, b, autojunk=False), on arrays of code points ----

  class Matcher {
    constructor() {
      this.a = [];
      this.b = [];
      this.b2j = new Map();
      this.fullbcount = null;
      this.blocks = null;
    }

    setB(b) {
      this.b = Array.from(b);
      this.b2j = new Map();
      this.b.forEach((ch, j) => {
        const list = this.b2j.get(ch);
        if (list) list.push(j);
        else this.b2j.set(ch, [j]);
      });
      this.fullbcount = null;
      this.blocks = null;
    }

    setA(a) {
      this.a = Array.from(a);
      this.blocks = null;
    }

    findLongestMatch(alo, ahi, blo, bhi) {
      let besti = alo;
      let bestj = blo;
      let bestsize = 0;
      let j2len = new Map();
      for (let i = alo; i < ahi; i++) {
        const newj2len = new Map();
        for (const j of this.b2j.get(this.a[i]) || []) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) || 0) + 1;
          newj2len.set(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
        j2len = newj2len;
      }
      return [besti, bestj, bestsize];
    }

    matchingBlocks() {
      if (this.blocks) return this.blocks;
      const la = this.a.length;
      const lb = this.b.length;
      const queue = [[0, la, 0, lb]];
      const found = [];
      while (queue.length) {
        const [alo, ahi, blo, bhi] = queue.pop();
        const [i, j, k] = this.findLongestMatch(alo, ahi, blo, bhi);
        if (k) {
          found.push([i, j, k]);
          if (alo < i && blo < j) queue.push([alo, i, blo, j]);
          if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
        }
      }
      found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
      const blocks = [];
      let [i1, j1, k1] = [0, 0, 0];
      for (const [i2, j2, k2] of found) {
        if (i1 + k1 === i2 && j1 + k1 === j2) {
          k1 += k2;
        } else {
          if (k1) blocks.push([i1, j1, k1]);
          [i1, j1, k1] = [i2, j2, k2];
        }
      }
      if (k1) blocks.push([i1, j1, k1]);
      blocks.push([la, lb, 0]);
      this.blocks = blocks;
      return blocks;
    }

    static ratioOf(matches, length) {
      return length ? (2.0 * matches) / length : 1.0;
    }

    ratio() {
      const matches = this.matchingBlocks().reduce((sum, block) => sum + block[2], 0);
      return Matcher.ratioOf(matches, this.a.length + this.b.length);
    }

    quickRatio() {
      if (!this.fullbcount) {
        this.fullbcount = new Map();
        for (const ch of this.b) this.fullbcount.set(ch, (this.fullbcount.get(ch) || 0) + 1);
      }
      const avail = new Map();
      let matches = 0;
      for (const ch of this.a) {
        const numb = avail.has(ch) ? avail.get(ch) : this.fullbcount.get(ch) || 0;
        avail.set(ch, numb - 1);
        if (numb > 0) matches++;
      }
      return Matcher.ratioOf(matches, this.a.length + this.b.length);
    }

    realQuickRatio() {
      const la = this.a.length;
      const lb = this.b.length;
      return Matcher.ratioOf(Math.min(la, lb), la + lb);
    }

    opcodes() {
      let i = 0;
      let j = 0;
      const answer = [];
      for (const [ai, bj, size] of this.matchingBlocks()) {
        let tag = "";
        if (i < ai && j < bj) tag = "replace";
        else if (i < ai) tag = "delete";
        else if (j < bj) tag = "insert";
        if (tag) answer.push([tag, i, ai, j, bj]);
        i = ai + size;
        j = bj + size;
        if (size) answer.push(["equal", ai, i, bj, j]);
      }
      return answer;
    }
  }

  // ---- build_tools.compare: body, similarity_matrix, align, char_diff ----

  function body(row) {
    return row.text.startsWith(row.number) ? row.text.slice(row.number.length) : row.text;
  }

  function similarityMatrix(left, right) {
    const scores = left.map(() => right.map(() => null));
    const matcher = new Matcher();
    right.forEach((rightRow, j) => {
      matcher.setB(body(rightRow));
      left.forEach((leftRow, i) => {
        if (leftRow.style !== rightRow.style) return;
        matcher.setA(body(leftRow));
        if (matcher.realQuickRatio() < THRESHOLD || matcher.quickRatio() < THRESHOLD) return;
        const ratio = matcher.ratio();
        if (ratio >= THRESHOLD) scores[i][j] = ratio;
      });
    });
    return scores;
  }

  function align(left, right) {
    const scores = similarityMatrix(left, right);
    const n = left.length;
    const m = right.length;
    const best = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0.0));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        let value = Math.max(best[i + 1][j], best[i][j + 1]);
        const score = scores[i][j];
        if (score !== null) value = Math.max(value, score + best[i + 1][j + 1]);
        best[i][j] = value;
      }
    }
    const steps = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      const score = i < n && j < m ? scores[i][j] : null;
      if (score !== null && score + best[i + 1][j + 1] === best[i][j]) {
        steps.push([body(left[i]) === body(right[j]) ? "same" : "changed", i, j]);
        i++;
        j++;
      } else if (i < n && (j === m || best[i + 1][j] === best[i][j])) {
        steps.push(["removed", i, -1]);
        i++;
      } else {
        steps.push(["added", -1, j]);
        j++;
      }
    }
    // A removed part, in order, takes the most similar added part not yet taken: moved.
    const added = steps.filter((s) => s[0] === "added").map((s) => s[2]);
    const taken = new Set();
    const movedTo = new Map();
    const movedFrom = new Map();
    for (const [status, li] of steps) {
      if (status !== "removed") continue;
      let found = -1;
      let foundScore = -1.0;
      for (const rj of added) {
        const score = scores[li][rj];
        if (!taken.has(rj) && score !== null && score > foundScore) {
          found = rj;
          foundScore = score;
        }
      }
      if (found >= 0) {
        taken.add(found);
        movedTo.set(li, found);
        movedFrom.set(found, li);
      }
    }
    return steps.map(([status, li, rj]) => {
      if (status === "removed") {
        const to = movedTo.get(li);
        return { status, left: left[li], right: null, moved: to === undefined ? null : right[to] };
      }
      if (status === "added") {
        const from = movedFrom.get(rj);
        const moved = from === undefined ? null : left[from];
        return { status, left: null, right: right[rj], moved };
      }
      return { status, left: left[li], right: right[rj], moved: null };
    });
  }

  function charDiff(a, b) {
    const matcher = new Matcher();
    matcher.setB(b);
    matcher.setA(a);
    const found = [];
    for (const [tag, i1, i2, j1, j2] of matcher.opcodes()) {
      if (tag === "equal") {
        found.push(["equal", matcher.a.slice(i1, i2).join("")]);
        continue;
      }
      if (i2 > i1) found.push(["delete", matcher.a.slice(i1, i2).join("")]);
      if (j2 > j1) found.push(["insert", matcher.b.slice(j1, j2).join("")]);
    }
    return found;
  }

  // ---- page ----

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(notice, row, text) {
    const anchor = element("a", "", text);
    anchor.href = new URL(notice.url + (row ? "#" + row.anchor : ""), location.href).href;
    return anchor;
  }

  function outline(slug) {
    if (!cache.has(slug)) {
      const request = fetch(new URL(encodeURIComponent(slug) + ".json", dataBase)).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + r.url);
        return r.json();
      });
      cache.set(slug, request);
      request.catch(() => cache.delete(slug));
    }
    return cache.get(slug);
  }

  // A part's cell: its number, linking to the part in its notice, and its text.
  function partCell(notice, row, fill) {
    const cell = element("td");
    if (!row) return cell;
    cell.style.paddingInlineStart = 0.6 + row.depth * 1.2 + "em";
    cell.appendChild(link(notice, row, row.number));
    const text = element("span", "compare-text");
    fill(text, row);
    cell.appendChild(text);
    return cell;
  }

  // Unchanged parts show their heading only: the text is the same on both sides.
  function brief(node, row) {
    const text = body(row);
    node.textContent = row.heading && text.length > row.heading.length ? row.heading + "……" : text;
  }

  function whole(node, row) {
    node.textContent = body(row);
  }

  // One side of a character diff: kept text, and that side's deletions or insertions.
  function diffed(pieces, side) {
    return (node) => {
      for (const [op, piece] of pieces) {
        if (op === "equal") node.appendChild(document.createTextNode(piece));
        else if (op === side) node.appendChild(element(op === "delete" ? "del" : "ins", "", piece));
      }
    };
  }

  function statusCell(line, other) {
    const cell = element("td", "compare-status", STATUS[line.status]);
    if (line.status === "same" && line.left.number !== line.right.number) {
      cell.appendChild(element("small", "", "（改号）"));
    }
    if (line.moved) {
      cell.appendChild(document.createElement("br"));
      cell.appendChild(element("small", "", line.status === "removed" ? "移至 " : "移自 "));
      cell.appendChild(link(other, line.moved, line.moved.number));
    }
    return cell;
  }

  function heading(notice) {
    const cell = element("th");
    cell.appendChild(link(notice, null, notice.title));
    const who = [notice.year, notice.issuer || notice.region].filter(Boolean).join(" · ");
    if (who) cell.appendChild(element("div", "compare-who", who));
    return cell;
  }

  function table(left, right, lines) {
    const tableNode = element("table", "compare-table");
    const head = element("tr");
    head.append(heading(left), element("th", "", "状态"), heading(right));
    tableNode.appendChild(element("thead")).appendChild(head);
    const tbody = tableNode.appendChild(element("tbody"));
    for (const line of lines) {
      const row = element("tr", "compare-" + line.status);
      let fillLeft = line.status === "same" ? brief : whole;
      let fillRight = fillLeft;
      if (line.status === "changed") {
        const pieces = charDiff(body(line.left), body(line.right));
        fillLeft = diffed(pieces, "delete");
        fillRight = diffed(pieces, "insert");
      }
      row.append(
        partCell(left, line.left, fillLeft),
        statusCell(line, line.status === "removed" ? right : left),
        partCell(right, line.right, fillRight),
      );
      tbody.appendChild(row);
    }
    return tableNode;
  }

  let shown = 0;

  async function render() {
    const ticket = ++shown;
    const a = selectA.value;
    const b = selectB.value;
    const params = new URLSearchParams(location.search);
    params.set("a", a);
    params.set("b", b);
    history.replaceState(null, "", "?" + params.toString() + location.hash);
    summary.textContent = "正在载入……";
    let left;
    let right;
    try {
      [left, right] = await Promise.all([outline(a), outline(b)]);
    } catch (error) {
      if (ticket === shown) summary.textContent = "无法载入条目数据（" + error.message + "）。";
      return;
    }
    if (ticket !== shown) return;
    const lines = align(left.rows, right.rows);
    const counts = { same: 0, changed: 0, added: 0, removed: 0 };
    lines.forEach((line) => counts[line.status]++);
    summary.textContent = ["same", "changed", "added", "removed"]
      .map((status) => STATUS[status] + " " + counts[status] + " 条")
      .join("，") + "。";
    const empty = element("p", "", "两份通知都没有编号条目。");
    results.replaceChildren(lines.length ? table(left, right, lines) : empty);
  }

  for (const option of selectA.options) selectB.appendChild(option.cloneNode(true));
  const has = (slug) => Array.from(selectA.options).some((option) => option.value === slug);
  const params = new URLSearchParams(location.search);
  const wantA = params.get("a");
  const wantB = params.get("b") || selectB.dataset.default;
  if (wantA && has(wantA)) selectA.value = wantA;
  if (wantB && has(wantB)) selectB.value = wantB;
  if (!selectA.value) return;
  selectA.addEventListener("change", render);
  selectB.addEventListener("change", render);
  document.getElementById("compare-swap").addEventListener("click", () => {
    [selectA.value, selectB.value] = [selectB.value, selectA.value];
    render();
  });
  render();
})();
