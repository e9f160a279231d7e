// The wall screen (大屏). Headline figures and the modes follow the API's KPI stream (a tick a
// second with the overview); new alerts come on the alert stream; the slower panels are read again
// every 30 s. Each panel keeps the last answer it had, so the language switch and an outage
// re-render from it, and a panel marks data-filled once it shows data (the browser tests read it).
import { WORDS } from "./i18n.js";
import { TOKEN_KEY, api, token } from "../session.js";

const LANG_KEY = "sanliu.lang";
const POLL_MS = 30_000;
const STALE_MS = 5_000; // no tick for this long: the stream is down
const ZONE = [114.06, 22.54]; // where the flows end: the zone (Shenzhen's coordinates)
const MODES = ["9610", "1210", "9710", "9810"];
const DOWNGRADES = 4; // the rows the credit panel has room for
const GRADE_COLOURS = { A: "#4ade80", B: "#38bdf8", C: "#facc15", D: "#f87171" };
const AXIS = { color: "#9fb8e6", fontSize: 16 };
const GRID_LINE = { lineStyle: { color: "#14305f" } };

let lang = localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
const w = () => WORDS[lang];
const last = {}; // panel → its last answer
let lastDataAt = null;
let streamDown = false;
const charts = {};

// ------------------------------------------------------------------ API access

const minute = (ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(".000Z", "Z");

// ------------------------------------------------------------------ formatting

const num = (v) => Math.round(v).toLocaleString(w().locale);
const time = (d) => d.toLocaleTimeString(w().locale, { hour12: false });
function change(pct) {
  if (pct === null || pct === undefined || !isFinite(pct)) return `<span class="change">${w().vsYesterday} —</span>`;
  const cls = pct > 0 ? "up" : pct < 0 ? "down" : "";
  return `<span class="change ${cls}">${w().vsYesterday} ${pct > 0 ? "▲" : pct < 0 ? "▼" : ""}${Math.abs(pct).toFixed(1)}%</span>`;
}
const pctOf = (now, before) => (before ? ((now - before) * 100) / before : null);

/** Text for innerHTML: codes come from the participants' documents. */
const esc = (v) => String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function fill(id, filled) {
  document.getElementById(id).dataset.filled = filled ? "true" : "false";
}

function chart(id, renderer = "canvas") {
  if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer });
  return charts[id];
}

// ------------------------------------------------------------------ panels

function renderKpis() {
  const tick = last.kpis;
  if (!tick) return;
  const today = tick.statistics.today.CUSTOMS;
  const cur = today.current;
  const prev = today.previous;
  const dir = (d, k) => (cur.byDirection[d] || {})[k] || 0;
  const prevDir = (d, k) => (prev.byDirection[d] || {})[k] || 0;
  const cards = [
    ["importValue", dir("I", "valueCny"), pctOf(dir("I", "valueCny"), prevDir("I", "valueCny")), true],
    ["exportValue", dir("E", "valueCny"), pctOf(dir("E", "valueCny"), prevDir("E", "valueCny")), true],
    ["orders", cur.orders, today.changePercent.orders],
    ["parcels", cur.parcels, today.changePercent.parcels],
    ["activeEnterprises", cur.activeEnterprises, today.changePercent.activeEnterprises],
    ["liveAlerts", tick.liveAlerts, undefined],
  ];
  document.getElementById("kpis").innerHTML = cards
    .map(([key, v, pct, money]) => {
      const [shown, unit] = money ? w().yuan(v) : [num(v), ""];
      const sub = key === "liveAlerts"
        ? `<span class="change">${["CRITICAL", "HIGH", "MEDIUM", "LOW"].map((s) => `<span class="sev-${s}">${tick.liveAlertsBySeverity[s] || 0}</span>`).join(" / ")}</span>`
        : change(pct);
      return `<div class="kpi" id="kpi-${key}" data-value="${v}"><span class="label">${w()[key]}</span>` +
        `<span class="value">${shown}${unit ? `<small>${unit}</small>` : ""}</span>${sub}</div>`;
    })
    .join("");
  fill("kpis", true);
  renderModes();
}

/** "进口 60%\n出口 40%": the import and export shares of today's value. */
function directionShares(cur) {
  const i = (cur.byDirection.I || {}).valueCny || 0;
  const e = (cur.byDirection.E || {}).valueCny || 0;
  const pct = (v) => (i + e > 0 ? Math.round((100 * v) / (i + e)) : 0);
  return `${w().import} ${pct(i)}%\n${w().export} ${pct(e)}%`;
}

// On the map, the short English names (US, UK, South Korea): the long ones run into each other.
const SHORT_EN = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region", style: "short" }) : null;
function mapName(r) {
  if (lang !== "en" || !SHORT_EN) return r.name;
  try {
    return SHORT_EN.of(r.iso2) || r.name;
  } catch (e) {
    return r.name;
  }
}

/** Whether another shown point lies within a few degrees east of {@code p}. */
function eastNeighbour(p, points) {
  return points.some((q) => q[0] > p[0] && q[0] - p[0] < 15 && Math.abs(q[1] - p[1]) < 8);
}

function renderModes() {
  const cur = last.kpis.statistics.today.CUSTOMS.current;
  const modes = MODES.map((m) => (cur.byTradeMode[m] || {}).valueCny || 0);
  const orders = MODES.map((m) => (cur.byTradeMode[m] || {}).orders || 0);
  chart("chart-modes").setOption({
    animation: false,
    grid: { left: 12, right: "42%", top: 30, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: MODES, axisLabel: AXIS },
    yAxis: { type: "value", name: w().value, nameTextStyle: { ...AXIS, align: "left" }, axisLabel: { ...AXIS, formatter: (v) => (v / 1e4).toFixed(0) }, splitLine: GRID_LINE },
    series: [
      { type: "bar", data: modes, barWidth: "55%", itemStyle: { color: "#38bdf8" },
        label: { show: true, position: "top", color: "#fff", fontSize: 16, formatter: (p) => num(orders[p.dataIndex]) } },
      // The shares in the ring's hole: labels around a small ring would run into the bars.
      { type: "pie", center: ["79%", "50%"], radius: ["52%", "72%"], labelLine: { show: false },
        label: { show: true, position: "center", color: "#dbe7ff", fontSize: 15, lineHeight: 22,
          formatter: () => directionShares(cur) },
        emphasis: { disabled: true },
        data: [
          { name: w().import, value: (cur.byDirection.I || {}).valueCny || 0, itemStyle: { color: "#f59e0b" } },
          { name: w().export, value: (cur.byDirection.E || {}).valueCny || 0, itemStyle: { color: "#22d3ee" } },
        ] },
    ],
  }, true);
  fill("panel-modes", modes.some((v) => v > 0));
}

function hbar(id, panel, rows, color) {
  rows = rows.slice(0, 6).reverse();
  chart(id).setOption({
    animation: false,
    grid: { left: 12, right: 110, top: 6, bottom: 6, containLabel: true },
    xAxis: { type: "value", show: false },
    yAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { ...AXIS, fontSize: 17 }, axisTick: { show: false } },
    series: [{ type: "bar", data: rows.map((r) => r.value), barWidth: "60%", itemStyle: { color },
      label: { show: true, position: "right", color: "#fff", fontSize: 17, formatter: (p) => rows[p.dataIndex].text } }],
  }, true);
  fill(panel, rows.length > 0);
}

// Rankings are per direction: both are read and added per key.
function merged(answers) {
  const by = new Map();
  for (const a of answers) for (const i of a.items) {
    const r = by.get(i.key) || { key: i.key, valueCny: 0, orders: 0 };
    r.valueCny += i.valueCny;
    r.orders += i.orders;
    by.set(i.key, r);
  }
  return [...by.values()].sort((a, b) => b.valueCny - a.valueCny);
}

function renderRankings() {
  const money = (v) => w().yuan(v).join(" ");
  if (last.chapters) hbar("chart-chapters", "panel-chapters",
    merged(last.chapters).map((r) => ({ label: w().chapter(r.key), value: r.valueCny, text: money(r.valueCny) })), "#a78bfa");
  if (last.enterprises) hbar("chart-enterprises", "panel-enterprises",
    merged(last.enterprises).map((r) => ({ label: r.key, value: r.valueCny, text: money(r.valueCny) })), "#34d399");
}

function renderMap() {
  const answer = last.map;
  if (!answer || !last.geo) return;
  const byIso = new Map();
  for (const c of answer.countries) {
    if (!c.iso2) continue;
    const r = byIso.get(c.iso2) || { iso2: c.iso2, name: lang === "zh" ? c.nameZh : c.nameEn, I: 0, E: 0 };
    r[c.direction] += c.valueCny;
    byIso.set(c.iso2, r);
  }
  const rows = [...byIso.values()].sort((a, b) => b.I + b.E - (a.I + a.E));
  const max = Math.max(1, ...rows.map((r) => r.I + r.E));
  const at = (r) => last.geo.centres[r.iso2];
  const located = rows.filter(at);
  chart("chart-map").setOption({
    animation: true,
    geo: { map: "world", roam: false, zoom: 1.15, center: [40, 20], silent: true,
      itemStyle: { areaColor: "#10244d", borderColor: "#2a4f8f" } },
    visualMap: { show: false, min: 0, max, seriesIndex: 0, inRange: { color: ["#1e3a8a", "#0ea5e9", "#fde047"] } },
    series: [
      { type: "map", geoIndex: 0, data: rows.map((r) => ({ name: r.iso2, value: r.I + r.E })) },
      { type: "lines", coordinateSystem: "geo", zlevel: 2, effect: { show: true, period: 4, trailLength: 0.2, symbolSize: 6 },
        lineStyle: { color: "#fbbf24", width: 2, opacity: 0.7, curveness: 0.25 },
        data: located.filter((r) => r.I > 0).map((r) => ({ coords: [at(r), ZONE] })) },
      { type: "lines", coordinateSystem: "geo", zlevel: 2, effect: { show: true, period: 5, trailLength: 0.2, symbolSize: 5, color: "#22d3ee" },
        lineStyle: { color: "#22d3ee", width: 1.5, opacity: 0.5, curveness: -0.25 },
        data: located.filter((r) => r.E > 0).map((r) => ({ coords: [ZONE, at(r)] })) },
      { type: "effectScatter", coordinateSystem: "geo", zlevel: 3, symbolSize: (v) => 8 + 16 * Math.sqrt(v[2] / max),
        itemStyle: { color: "#fde047" },
        label: { show: true, position: "right", color: "#fff", fontSize: 17, formatter: (p) => `${p.name} ${w().yuan(p.value[2]).join("")}` },
        data: located.slice(0, 6).map((r, k, shown) => ({
          name: mapName(r),
          value: [...at(r), r.I + r.E],
          // A neighbour close to the east (Korea and Japan) would take the same place: label left.
          label: { position: eastNeighbour(at(r), shown.map(at)) ? "left" : "right" },
        })) },
    ],
    legend: { show: false },
  }, true);
  fill("panel-map", rows.length > 0);
}

function renderIndex() {
  const points = (last.index || {}).points || [];
  chart("chart-index").setOption({
    animation: false,
    grid: { left: 12, right: 70, top: 16, bottom: 30, containLabel: true },
    // Half a column wide (next to the credit panel): few time labels, none over another.
    xAxis: { type: "time", splitNumber: 3, axisLabel: { ...AXIS, hideOverlap: true, formatter: (v) => time(new Date(v)).slice(0, 5) }, splitLine: { show: false } },
    yAxis: { type: "value", scale: true, axisLabel: AXIS, splitLine: GRID_LINE },
    series: [{ type: "line", showSymbol: false, smooth: true, lineStyle: { width: 3, color: "#fbbf24" },
      areaStyle: { color: "rgba(251,191,36,0.12)" },
      data: points.map((p) => [p.minuteStart, p.composite]),
      endLabel: { show: true, color: "#fff", fontSize: 20, formatter: (p) => p.value[1].toFixed(1) } }],
  }, true);
  fill("panel-index", points.length > 0);
}

function renderTimeliness() {
  const stages = (last.timeliness || {}).stages || [];
  const label = (s) => (lang === "zh" && s.stageZh ? s.stageZh : s.stage);
  chart("chart-timeliness").setOption({
    animation: false,
    legend: { top: 0, right: 0, textStyle: AXIS, data: [w().p50, w().p90] },
    grid: { left: 12, right: 50, top: 30, bottom: 6, containLabel: true },
    xAxis: { type: "value", show: false },
    yAxis: { type: "category", inverse: true, data: stages.map(label), axisLabel: AXIS, axisTick: { show: false } },
    series: [
      { name: w().p50, type: "bar", data: stages.map((s) => s.p50Minutes / 60), itemStyle: { color: "#38bdf8" },
        label: { show: true, position: "right", color: "#fff", fontSize: 15, formatter: (p) => p.value.toFixed(1) } },
      { name: w().p90, type: "bar", data: stages.map((s) => s.p90Minutes / 60), itemStyle: { color: "#f59e0b" },
        label: { show: true, position: "right", color: "#fff", fontSize: 15, formatter: (p) => p.value.toFixed(1) } },
    ],
  }, true);
  fill("panel-timeliness", stages.length > 0);
}

function renderStalled() {
  const page = last.stalled;
  if (!page) return;
  const h2 = document.querySelector("#panel-stalled h2");
  h2.textContent = `${w().stalled}${page.total !== undefined && page.total !== null ? " · " + w().total(page.total) : ""}`;
  document.getElementById("stalled").innerHTML = page.items.slice(0, 7)
    .map((s) => {
      const hours = Math.max(0, Math.round((Date.now() - Date.parse(s.stalledSince)) / 3_600_000));
      return `<li><span>${s.logisticsNo} · ${s.route || ""}</span><span>${w().stalledFor(hours)}</span></li>`;
    })
    .join("");
  fill("panel-stalled", page.items.length > 0);
}

function ruleName(a) {
  return lang === "zh" ? a.ruleNameZh || a.ruleId : a.ruleNameEn || a.ruleId;
}

// Risk by rule: the API's exact counts per rule type for the last 24 hours, plus the alerts the
// push stream brought since, detected after the period those counts end at.
function renderRules() {
  const counts = last.rules;
  if (!counts) return;
  const by = new Map(counts.rules.map((r) => [r.ruleType, { name: r, n: r.alerts }]));
  for (const a of (last.newAlerts || new Map()).values()) {
    if (Date.parse(a.detectedAt) < Date.parse(counts.to)) continue;
    const row = by.get(a.ruleType) || { name: { nameZh: a.ruleNameZh, nameEn: a.ruleNameEn, ruleType: a.ruleType }, n: 0 };
    row.n += 1;
    by.set(a.ruleType, row);
  }
  const label = (r) => (lang === "zh" ? r.nameZh : r.nameEn) || r.ruleType;
  const rows = [...by.values()].sort((a, b) => b.n - a.n).map((r) => ({ label: label(r.name), value: r.n, text: num(r.n) }));
  hbar("chart-rules", "panel-rules", rows, "#f87171");
}

// Credit (信用): e-commerce enterprises per grade and the latest downgrades, as a viewer gets them
// (grade and status only, 有序公开: no scores or causes). The bars are drawn as SVG, so their
// figures are text on the page.
function renderCredit() {
  const answer = last.credit;
  if (!answer) return;
  const h2 = document.querySelector("#panel-credit h2");
  h2.textContent = `${w().credit} · ${w().creditTotal(answer.participants)}`;
  const rows = answer.grades.slice().reverse(); // A on top
  const name = (g) => `${g.grade} ${lang === "zh" ? g.nameZh : g.nameEn}`;
  chart("chart-credit", "svg").setOption({
    animation: false,
    grid: { left: 6, right: 58, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: "value", show: false, max: (v) => Math.max(1, v.max) },
    yAxis: { type: "category", data: rows.map(name), axisLabel: { ...AXIS, fontSize: 15, interval: 0 }, axisTick: { show: false }, axisLine: { show: false } },
    series: [{ type: "bar", barWidth: "62%", data: rows.map((g) => ({ value: g.count, itemStyle: { color: GRADE_COLOURS[g.grade] } })),
      label: { show: true, position: "right", color: "#fff", fontSize: 16, formatter: (p) => num(p.value) } }],
  }, true);
  document.getElementById("chart-credit").dataset.counts = answer.grades.map((g) => `${g.grade}:${g.count}`).join(",");
  const when = (iso) => new Date(iso).toLocaleString(w().locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  document.getElementById("downgrades").innerHTML = answer.downgrades.length
    ? answer.downgrades.slice(0, DOWNGRADES).map((d) =>
      `<li data-code="${esc(d.code)}" data-from="${esc(d.from)}" data-to="${esc(d.to)}" data-at="${esc(d.at)}">` +
      `<span>${esc(d.code)}</span><span class="change-to">${esc(d.from)} → ${esc(d.to)}</span><span>${esc(when(d.at))}</span></li>`).join("")
    : `<li class="empty">${esc(w().noDowngrades)}</li>`;
  fill("panel-credit", answer.participants > 0);
}

function tickerItem(a, fresh) {
  const t = time(new Date(a.detectedAt));
  const text = lang === "zh" ? a.explanationZh : a.explanationEn;
  return `<li data-alert-id="${a.alertId}" class="${fresh ? "new" : ""}"><span class="sev-${a.severity}">● ${t} ${ruleName(a)}</span> ` +
    `${a.enterpriseCode || ""} ${text || ""}</li>`;
}

function renderTicker(freshId) {
  const items = last.ticker || [];
  document.getElementById("ticker").innerHTML = items.map((a) => tickerItem(a, a.alertId === freshId)).join("");
  fill("panel-ticker", items.length > 0);
}

function renderStatus() {
  const el = document.getElementById("status");
  const stale = !lastDataAt || Date.now() - lastDataAt > STALE_MS;
  if (streamDown || (stale && lastDataAt)) {
    el.dataset.state = "down";
    el.textContent = w().down(lastDataAt ? time(new Date(lastDataAt)) : null, lastDataAt ? Math.round((Date.now() - lastDataAt) / 1000) : 0);
  } else if (!lastDataAt) {
    el.dataset.state = "connecting";
    el.textContent = w().connecting;
  } else {
    el.dataset.state = "live";
    el.textContent = w().live(time(new Date(lastDataAt)));
  }
  document.getElementById("clock").textContent = new Date().toLocaleString(w().locale, { hour12: false });
}

function renderAll() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = w().title;
  document.querySelectorAll("[data-i18n]").forEach((e) => (e.textContent = w()[e.dataset.i18n]));
  document.getElementById("lang").textContent = w().switchTo;
  renderKpis();
  renderRankings();
  renderMap();
  if (last.index) renderIndex();
  if (last.timeliness) renderTimeliness();
  renderStalled();
  renderRules();
  renderCredit();
  renderTicker();
  renderStatus();
}

// ------------------------------------------------------------------ loading

async function load(name, read, render) {
  try {
    last[name] = await read();
    render();
  } catch (e) {
    console.warn(`panel ${name}: ${e.message}`); // the status line says the API is down
  }
}

function poll() {
  const now = Date.now();
  const top = (dimension, direction) => api(`api/v1/stats/top?dimension=${dimension}&direction=${direction}&size=8`);
  load("chapters", () => Promise.all([top("CHAPTER", "I"), top("CHAPTER", "E")]), renderRankings);
  load("enterprises", () => Promise.all([top("ENTERPRISE", "I"), top("ENTERPRISE", "E")]), renderRankings);
  load("map", () => api("api/v1/stats/partner-countries"), renderMap);
  load("index", () => api(`api/v1/stats/composite-index?interval=1m&from=${minute(now - 3 * 3_600_000)}&to=${minute(now + 60_000)}`), renderIndex);
  load("timeliness", () => api("api/v1/logistics/timeliness"), renderTimeliness);
  load("stalled", () => api("api/v1/logistics/stalled?size=7"), renderStalled);
  load("credit", () => api(`api/v1/credit/grades?participant=ENTERPRISE&downgrades=${DOWNGRADES}`), renderCredit);
  load("rules", async () => {
    const counts = await api("api/v1/stats/risk-by-rule");
    // Streamed alerts the new counts already hold are dropped; later ones keep adding.
    for (const [id, a] of last.newAlerts || new Map()) if (Date.parse(a.detectedAt) < Date.parse(counts.to)) last.newAlerts.delete(id);
    return counts;
  }, renderRules);
}

async function stream(path, event, onData) {
  let source;
  const open = async () => {
    try {
      source = new EventSource(`${path}?access_token=${encodeURIComponent(await token(false))}`);
    } catch (e) {
      setTimeout(open, 3_000);
      return;
    }
    source.addEventListener(event, (m) => onData(JSON.parse(m.data)));
    source.onerror = () => {
      streamDown = true;
      renderStatus();
      // A refused token closes the stream for good: open again with a fresh one.
      if (source.readyState === EventSource.CLOSED) {
        localStorage.removeItem(TOKEN_KEY);
        setTimeout(open, 3_000);
      }
    };
  };
  open();
}

async function start() {
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    localStorage.setItem(LANG_KEY, lang);
    renderAll();
  });
  renderAll();
  const geo = await (await fetch("geo/world.json")).json();
  echarts.registerMap("world", geo);
  last.geo = geo;
  await load("ticker", async () => (await api("api/v1/alerts?size=12")).items, renderTicker);
  stream("api/v1/stream/kpis", "kpis", (tick) => {
    last.kpis = tick;
    lastDataAt = Date.now();
    streamDown = false;
    renderKpis();
    renderStatus();
  });
  stream("api/v1/stream/alerts", "alert", (a) => {
    last.ticker = [a, ...(last.ticker || []).filter((x) => x.alertId !== a.alertId)].slice(0, 12);
    if (!a.shadow) {
      last.newAlerts = last.newAlerts || new Map();
      last.newAlerts.set(a.alertId, a);
      renderRules();
    }
    renderTicker(a.alertId);
  });
  poll();
  setInterval(poll, POLL_MS);
  setInterval(renderStatus, 1_000);
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
}

start();
