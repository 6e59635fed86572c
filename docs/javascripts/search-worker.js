/* The archive's search worker: speaks Material for MkDocs' worker protocol (SETUP → READY,
 * QUERY → RESULT) but reads the archive's own sharded index (build_tools/search), so that a
 * query fetches a few small files instead of one index of the whole archive.
 *
 * A query is split on spaces into phrases. Each phrase is cut into the same tokens as the
 * index (CJK bigrams, ASCII runs); documents holding every token are candidates, ranked by
 * weight and rarity; the best candidates are fetched and kept only if every phrase occurs
 * in them as a whole (ignoring punctuation and spacing, so 国办发[2012]14号 finds
 * 国办发〔2012〕14号). 两客一危 therefore never matches a page that merely has 一.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
const RUN = new RegExp(`[${CJK}]+|[a-z0-9]+`, "g")
const KEY_CHAR = new RegExp(`[${CJK}a-z0-9]`)
const FIRST_BATCH = 6     // documents checked before the first results are shown
const BATCH = 12          // documents fetched at once to check phrases after that
const MAX_CHECKED = 60    // documents checked per query at most
const WANTED = 10         // stop checking once this many documents matched
const SECTIONS_SHOWN = 3  // matching items shown per document before "more"
const SNIPPET_BEFORE = 24, SNIPPET_AFTER = 72

const base = new URL("../search-data/", self.location.href)
let meta = null           // promise of meta.json
let pages = []            // Material's own (hand-written) pages, searched by substring
let latest = 0            // number of the newest query; older answers are dropped
const shards = new Map()  // shard number → promise of {token: postings}
const stored = new Map()  // document id → promise of the stored document
const decoded = new Map() // token → its decoded postings

function normalise(text) {
  return text.normalize("NFKC").toLowerCase()
}

function runTokens(run) {
  if (run.charCodeAt(0) < 128) return [run]
  const found = []
  for (let i = 0; i + 1 < run.length; i++) found.push(run.slice(i, i + 2))
  return found
}

/* Key text and, for each of its characters, the index of the raw character it came from */
function keyed(raw) {
  let key = "", from = []
  const whole = normalise(raw)
  if (whole.length === raw.length) {
    /* The usual case: normalising kept every character in place */
    for (let i = 0; i < whole.length; i++)
      if (KEY_CHAR.test(whole[i])) { key += whole[i]; from.push(i) }
    return { key, from }
  }
  for (let i = 0; i < raw.length; i++) {
    const norm = normalise(raw[i])
    for (const ch of norm)
      if (KEY_CHAR.test(ch)) { key += ch; from.push(i) }
  }
  return { key, from }
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`)
}

async function json(path) {
  const response = await fetch(new URL(path, base))
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  return response.json()
}

function shard(number) {
  if (!shards.has(number)) shards.set(number, json(`s/${number}.json`))
  return shards.get(number)
}

function documentById(id) {
  if (!stored.has(id)) stored.set(id, json(`d/${id}.json`))
  return stored.get(id)
}

/* Postings of a token as sorted ids and their weights; a lone character reads every token
   it starts */
async function lookup(token, info) {
  if (decoded.has(token)) return decoded.get(token)
  const table = await shard(token.codePointAt(0) % info.shards)
  let found
  if (token.length === 1 && token.charCodeAt(0) >= 128) {
    const union = new Map()
    for (const t of Object.keys(table).filter(t => t[0] === token)) {
      const { ids, weights } = decode(table[t])
      ids.forEach((id, i) => union.set(id, Math.max(union.get(id) || 0, weights[i])))
    }
    const ids = Int32Array.from([...union.keys()].sort((a, b) => a - b))
    found = { ids, weights: Uint8Array.from(ids, id => union.get(id)) }
  } else {
    found = decode(table[token] || [])
  }
  decoded.set(token, found)
  return found
}

function decode(list) {
  const ids = new Int32Array(list.length), weights = new Uint8Array(list.length)
  let id = 0
  for (let i = 0; i < list.length; i++) {
    id += list[i] >> 2
    ids[i] = id
    weights[i] = list[i] & 3
  }
  return { ids, weights }
}

function queryTokens(phrases) {
  const tokens = new Set(), singles = new Set()
  for (const phrase of phrases)
    for (const run of phrase.match(RUN) || []) {
      if (run.length === 1 && run.charCodeAt(0) >= 128) singles.add(run)
      else runTokens(run).forEach(t => tokens.add(t))
    }
  return tokens.size ? [...tokens] : [...singles]
}

/* Candidates holding every token, best first: sorted posting lists intersected in step */
async function candidates(phrases, info) {
  const tokens = queryTokens(phrases)
  if (!tokens.length) return []
  const lists = await Promise.all(tokens.map(t => lookup(t, info)))
  lists.sort((a, b) => a.ids.length - b.ids.length)
  const idf = list => Math.log(1 + info.docs / Math.max(1, list.ids.length))
  let ids = Array.from(lists[0].ids)
  let scores = Array.from(lists[0].weights, w => idf(lists[0]) * (1 + w))
  for (const list of lists.slice(1)) {
    const keptIds = [], keptScores = [], weight = idf(list)
    let j = 0
    for (let i = 0; i < ids.length; i++) {
      while (j < list.ids.length && list.ids[j] < ids[i]) j++
      if (j === list.ids.length) break
      if (list.ids[j] === ids[i]) {
        keptIds.push(ids[i])
        keptScores.push(scores[i] + weight * (1 + list.weights[j]))
      }
    }
    ids = keptIds
    scores = keptScores
  }
  return ids.map((id, i) => [id, scores[i]]).sort((a, b) => b[1] - a[1] || a[0] - b[0])
}

/* Where each phrase key occurs in a text: [start, end, key], start and end in raw characters */
function occurrences(raw, keys) {
  /* Cheap test first: a text without the first character of any key cannot match */
  const whole = normalise(raw)
  if (!keys.some(k => whole.includes(k[0]))) return []
  const { key, from } = keyed(raw)
  const spans = []
  for (const k of keys) {
    let at = key.indexOf(k)
    while (at >= 0) {
      spans.push([from[at], from[at + k.length - 1] + 1, k])
      at = key.indexOf(k, at + k.length)
    }
  }
  return spans.sort((a, b) => a[0] - b[0])
}

function snippet(raw, spans) {
  if (!spans.length) return escapeHTML(raw.slice(0, SNIPPET_AFTER))
  const start = Math.max(0, spans[0][0] - SNIPPET_BEFORE)
  const end = Math.min(raw.length, spans[0][1] + SNIPPET_AFTER)
  return highlight(raw, spans, start, end)
}

function highlight(raw, spans, start, end) {
  let html = start > 0 ? "…" : "", at = start
  for (const [s, e] of spans) {
    if (s < at || e > end) continue
    html += escapeHTML(raw.slice(at, s)) + "<mark>" + escapeHTML(raw.slice(s, e)) + "</mark>"
    at = e
  }
  return html + escapeHTML(raw.slice(at, end)) + (end < raw.length ? "…" : "")
}

/* A stored document as Material's result group, or null when a phrase is missing */
function match(doc, keys, terms) {
  const head = `${doc.t}\n${doc.m}`
  const seen = new Set()
  const headSpans = occurrences(head, keys)
  headSpans.forEach(span => seen.add(span[2]))
  const sections = []
  let count = headSpans.length
  for (const [anchor, heading, text] of doc.s) {
    const spans = occurrences(text, keys)
    if (!spans.length) continue
    spans.forEach(span => seen.add(span[2]))
    count += spans.length
    sections.push({ anchor, heading, text, spans })
  }
  if (!keys.every(k => seen.has(k))) return null
  const exact = (doc.f || []).some(form => keys.includes(keyed(form).key))
  const rank = (exact ? 1e6 : 0) + (headSpans.length ? 1e4 : 0) + count
  const titleSpans = occurrences(doc.t, keys)
  const parent = {
    location: doc.u,
    title: highlight(doc.t, titleSpans, 0, doc.t.length),
    text: highlight(doc.m, occurrences(doc.m, keys), 0, doc.m.length),
    score: rank, terms
  }
  const items = [parent]
  sections.forEach((section, i) => items.push({
    location: section.anchor ? `${doc.u}#${section.anchor}` : doc.u + "#",
    title: escapeHTML(section.heading),
    text: snippet(section.text, section.spans),
    score: i < SECTIONS_SHOWN ? rank : rank - 1, terms
  }))
  return { rank, year: doc.y || 0, items }
}

/* Material's hand-written pages: plain substring search */
function searchPages(keys, terms) {
  const groups = []
  for (const page of pages) {
    const text = page.text.replace(/<[^>]*>/g, "")
    const spans = occurrences(`${page.title}\n${text}`, keys)
    if (!keys.every(k => spans.some(span => span[2] === k))) continue
    const body = occurrences(text, keys)
    groups.push({
      rank: spans.length, year: 0, items: [{
        location: page.location, title: escapeHTML(page.title),
        text: snippet(text, body), score: spans.length, terms
      }]
    })
  }
  return groups
}

async function search(query, early) {
  const phrases = normalise(query).split(/\s+/).filter(p => keyed(p).key)
  const keys = phrases.map(p => keyed(p).key)
  if (!keys.length) return { items: [] }
  const terms = Object.fromEntries(phrases.map(p => [p, true]))
  const info = await meta
  const ranked = await candidates(phrases, info)
  const groups = []
  let checked = 0
  while (checked < ranked.length && checked < MAX_CHECKED && groups.length < WANTED) {
    const batch = ranked.slice(checked, checked + (checked ? BATCH : FIRST_BATCH))
    checked += batch.length
    const docs = await Promise.all(batch.map(([id]) => documentById(id)))
    docs.forEach(doc => {
      const found = match(doc, keys, terms)
      if (found) groups.push(found)
    })
    /* Show the first matches at once while the rest are checked */
    if (checked === batch.length && groups.length && checked < ranked.length && early)
      early(assemble(groups, keys, terms, ranked.length, checked))
  }
  return assemble(groups, keys, terms, ranked.length, checked)
}

/* Material's result: matched documents best first, hand-written pages, then a note on
   candidates left unchecked */
function assemble(found, keys, terms, total, checked) {
  const groups = [...found].sort((a, b) => b.rank - a.rank || b.year - a.year)
  groups.push(...searchPages(keys, terms).filter(g => g.items[0].location))
  const items = groups.map(g => g.items)
  const unchecked = total - checked
  if (unchecked > 0)
    items.push([{
      location: "browse/all/",
      title: `另有 ${unchecked} 篇含有这些字、尚未列出`,
      text: `只核对并列出了最相关的 ${checked} 篇。加一个词（年份、地区或发文机关）可缩小范围，或用“全部通知”筛选。`,
      score: 0, terms
    }])
  return { items }
}

addEventListener("message", async event => {
  const message = event.data
  if (message.type === SETUP) {
    pages = (message.data.docs || []).filter(doc => !doc.location.includes("#"))
    meta = json("meta.json")
    meta.catch(() => {})
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const number = ++latest
    let result
    try {
      result = await search(message.data, partial => {
        if (number === latest) postMessage({ type: RESULT, data: partial })
      })
    } catch (err) {
      console.warn(`search failed: ${err}`)
      result = { items: [] }
    }
    if (number === latest) postMessage({ type: RESULT, data: result })
  }
})
