// The alert table (filters, sorting, cursor paging) and the alert detail: evidence, review actions
// for the roles that may review, the review history and the order's trace as a timeline.
import { CAN, call } from "../session.js";
import { esc, onLanguage, problemHtml, unauthorised, w, when } from "./shell.js";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
const STATUSES = ["OPEN", "ACKNOWLEDGED", "CLOSED", "CLOSED_TRUE_POSITIVE", "CLOSED_FALSE_POSITIVE"];
const CLOSED = ["CLOSED_TRUE_POSITIVE", "CLOSED_FALSE_POSITIVE"];
const $ = (id) => document.getElementById(id);

let session;
const list = { sort: "detectedAt", order: "desc", cursors: [null], index: 0, total: null, page: null, filters: {}, asked: 0 };
let selected = null; // {alert, trace, orderKey, message}

// ------------------------------------------------------------------ the list

function options(select, values, label) {
  const kept = select.value;
  select.innerHTML = `<option value="">${esc(w().any)}</option>` + values.map((v) => `<option value="${v}">${esc(label(v))}</option>`).join("");
  select.value = kept;
}

function readFilters() {
  const iso = (v) => (v ? new Date(v).toISOString() : "");
  return {
    ruleId: $("f-rule").value.trim(),
    severity: $("f-severity").value,
    status: $("f-status").value,
    enterpriseCode: $("f-enterprise").value.trim(),
    from: iso($("f-from").value),
    to: iso($("f-to").value),
    shadow: $("f-shadow").checked ? "any" : "",
  };
}

function query() {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(list.filters)) if (v) q.set(k, v);
  q.set("sort", list.sort);
  q.set("order", list.order);
  q.set("size", $("page-size").value);
  const cursor = list.cursors[list.index];
  if (cursor) q.set("cursor", cursor);
  return q;
}

export async function loadPage() {
  const asked = ++list.asked; // a slower earlier answer must not overwrite a later one
  try {
    const page = await call("GET", `api/v1/alerts?${query()}`);
    if (asked !== list.asked) return;
    list.page = page;
    if (list.index === 0) list.total = page.total ?? null;
    list.cursors[list.index + 1] = page.next;
    list.error = null;
  } catch (e) {
    if (unauthorised(e) || asked !== list.asked) return;
    list.page = null;
    list.error = e;
  }
  renderList();
}

function severityChip(s) {
  return `<span class="sev sev-${esc(s)}">${esc(w().severities[s] || s)}</span>`;
}

function statusChip(s) {
  return `<span class="st st-${esc(s)}">${esc(w().statuses[s] || s)}</span>`;
}

function ruleName(a) {
  return (w().locale === "zh-CN" ? a.ruleNameZh : a.ruleNameEn) || a.ruleId;
}

function renderList() {
  const body = document.querySelector("#alerts tbody");
  document.querySelectorAll("#alerts th[data-sort]").forEach((th) => {
    th.dataset.active = th.dataset.sort === list.sort ? list.order : "";
  });
  if (list.error) {
    body.innerHTML = `<tr><td colspan="7" class="error">${problemHtml(list.error)}</td></tr>`;
    $("alerts-empty").hidden = true;
    return;
  }
  const items = (list.page && list.page.items) || [];
  body.innerHTML = items
    .map((a) =>
      `<tr data-alert-id="${esc(a.alertId)}" data-status="${esc(a.status)}" class="${selected && selected.alert.alertId === a.alertId ? "selected" : ""}">` +
      `<td>${esc(when(a.detectedAt))}${a.shadow ? ` <span class="tag">${esc(w().SHADOW)}</span>` : ""}</td>` +
      `<td>${severityChip(a.severity)}</td><td>${esc(ruleName(a))}</td><td>${esc(a.enterpriseCode || "")}</td>` +
      `<td class="num">${a.score === undefined || a.score === null ? "" : esc(Math.round(a.score))}</td>` +
      `<td class="status-cell">${statusChip(a.status)}</td><td>${esc((a.review && a.review.assignee) || "")}</td></tr>`)
    .join("");
  $("alerts-empty").hidden = items.length > 0;
  $("prev").disabled = list.index === 0;
  $("next").disabled = !(list.page && list.page.next);
  $("page-info").textContent = w().page(list.index + 1, list.total);
  body.querySelectorAll("tr[data-alert-id]").forEach((tr) => tr.addEventListener("click", () => select(tr.dataset.alertId)));
}

function search() {
  list.filters = readFilters();
  list.cursors = [null];
  list.index = 0;
  loadPage();
}

// ------------------------------------------------------------------ the detail

async function select(alertId) {
  selected = { alert: { alertId }, loading: true };
  document.querySelectorAll("#alerts tr.selected").forEach((tr) => tr.classList.remove("selected"));
  const row = document.querySelector(`#alerts tr[data-alert-id="${CSS.escape(alertId)}"]`);
  if (row) row.classList.add("selected");
  await loadDetail(alertId);
}

async function loadDetail(alertId, message) {
  try {
    const alert = await call("GET", `api/v1/alerts/${encodeURIComponent(alertId)}`);
    const orderKey = (selected && selected.alert.alertId === alertId && selected.orderKey) || (alert.orderKeys || [])[0] || null;
    selected = { alert, orderKey, message, trace: null };
    renderDetail();
    if (orderKey) await loadTrace(orderKey);
  } catch (e) {
    if (unauthorised(e)) return;
    $("detail").innerHTML = `<p class="error">${problemHtml(e)}</p>`;
  }
}

async function loadTrace(orderKey) {
  const cut = orderKey.indexOf(":");
  const [ebp, no] = [orderKey.slice(0, cut), orderKey.slice(cut + 1)];
  selected.orderKey = orderKey;
  try {
    selected.trace = await call("GET", `api/v1/orders/${encodeURIComponent(ebp)}/${encodeURIComponent(no)}/trace`);
    selected.traceError = null;
  } catch (e) {
    if (unauthorised(e)) return;
    selected.trace = null;
    selected.traceError = e;
  }
  renderTrace();
}

function facts(a) {
  const rows = [
    ["ID", a.alertId],
    [w().rule, `${a.ruleId} v${a.ruleVersion} · ${a.ruleType}`],
    [w().score, a.score],
    [w().enterprise, a.enterpriseCode, a.enterpriseCode &&
      `${esc(a.enterpriseCode)} <a id="credit-link" href="#credit/${encodeURIComponent(a.enterpriseCode)}">${esc(w().creditOf)}</a>`],
    [w().detectedAt, when(a.detectedAt)],
    [w().eventTime, when(a.eventTime)],
    [w().orders, (a.orderKeys || []).join(", ")],
    [w().waybills, (a.waybillKeys || []).join(", ")],
    [w().assignee, a.review && a.review.assignee],
  ];
  return `<dl class="facts">${rows.filter((r) => r[1] !== undefined && r[1] !== null && r[1] !== "")
    .map(([k, v, html]) => `<dt>${esc(k)}</dt><dd>${html || esc(v)}</dd>`).join("")}</dl>`;
}

function actions(a) {
  if (!CAN.reviewAlerts(session.role)) return "";
  const closed = CLOSED.includes(a.status);
  return `<form id="review" class="review">` +
    `<textarea id="review-comment" rows="2" placeholder="${esc(w().commentPh)}"></textarea>` +
    `<div class="buttons">` +
    `<button type="button" data-action="acknowledge" ${a.status === "OPEN" ? "" : "disabled"}>${esc(w().acknowledge)}</button>` +
    `<input id="review-assignee" placeholder="${esc(w().assigneePh)}" ${closed ? "disabled" : ""}>` +
    `<button type="button" data-action="assign" ${closed ? "disabled" : ""}>${esc(w().assign)}</button>` +
    `<button type="button" data-action="close" data-outcome="TRUE_POSITIVE" class="danger" ${a.status === "ACKNOWLEDGED" ? "" : "disabled"}>${esc(w().closeTrue)}</button>` +
    `<button type="button" data-action="close" data-outcome="FALSE_POSITIVE" ${a.status === "ACKNOWLEDGED" ? "" : "disabled"}>${esc(w().closeFalse)}</button>` +
    `</div></form>`;
}

function history(a) {
  const h = a.history || [];
  if (!h.length) return "";
  return `<h3>${esc(w().history)}</h3><ol class="history">${h.map((e) =>
    `<li><time>${esc(when(e.at))}</time> <strong>${esc(e.by)}</strong> (${esc(w().role[e.role] || e.role || "")}) ` +
    `${esc(w().actions[e.action] || e.action)} ${e.fromStatus ? `${statusChip(e.fromStatus)} → ` : ""}${statusChip(e.toStatus)}` +
    `${e.assignee ? ` · ${esc(w().assignee)} ${esc(e.assignee)}` : ""}${e.comment ? `<div class="comment">${esc(e.comment)}</div>` : ""}</li>`).join("")}</ol>`;
}

function renderDetail() {
  if (!selected || !selected.alert.ruleId) return;
  const a = selected.alert;
  const evidence = Object.entries(a.evidence || {});
  $("detail").innerHTML =
    `<div class="detail-head" data-alert-id="${esc(a.alertId)}">${severityChip(a.severity)}<h2>${esc(ruleName(a))}</h2>` +
    `<span id="detail-status" data-status="${esc(a.status)}">${statusChip(a.status)}</span></div>` +
    (a.personalDataHidden ? `<p class="hint">${esc(w().personalHidden)}</p>` : "") +
    facts(a) +
    `<h3>${esc(w().explanation)}</h3><p class="explanation">${esc(w().locale === "zh-CN" ? a.explanationZh : a.explanationEn)}</p>` +
    `<h3>${esc(w().evidence)}</h3><table class="kv" id="evidence">${evidence.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</table>` +
    (CAN.reviewAlerts(session.role) ? `<h3>${esc(w().review)}</h3>` : "") +
    `<p id="review-message" class="message" role="status">${selected.message || ""}</p>` +
    actions(a) +
    history(a) +
    `<h3>${esc(w().trace)}</h3><div id="trace">${(a.orderKeys || []).length ? esc(w().loading) : esc(w().traceNone)}</div>`;
  document.querySelectorAll("#review [data-action]").forEach((b) => b.addEventListener("click", () => review(b)));
  renderTrace();
}

async function review(button) {
  const a = selected.alert;
  const comment = $("review-comment").value.trim();
  const body = {};
  if (comment) body.comment = comment;
  if (button.dataset.action === "assign") body.assignee = $("review-assignee").value.trim();
  if (button.dataset.outcome) body.outcome = button.dataset.outcome;
  document.querySelectorAll("#review button").forEach((b) => (b.disabled = true));
  try {
    await call("POST", `api/v1/alerts/${encodeURIComponent(a.alertId)}/${button.dataset.action}`, body);
    await loadDetail(a.alertId, esc(w().done(button.textContent)));
    await loadPage();
  } catch (e) {
    if (unauthorised(e)) return;
    await loadDetail(a.alertId, `<span class="error">${problemHtml(e)}</span>`);
  }
}

// ------------------------------------------------------------------ the trace as a timeline

/** Everything that happened to the order, in time: documents, customs statuses, logistics, match, alerts. */
export function timeline(trace) {
  const items = [];
  const tracked = (trace.shipments || []).some((s) => (s.timeline || []).length);
  for (const d of trace.documents || []) {
    // Receipts are the customs statuses below (with their meaning); tracking events are the
    // shipments' timelines when there is one.
    if (d.type === "CUSTOMS_RECEIPT" || d.type === "ENTERPRISE_FILING" || d.type === "GOODS_FILING") continue;
    if (d.type === "LOGISTICS_EVENT" && tracked) continue;
    const no = d.type === "WAYBILL" || d.type === "LOGISTICS_EVENT" ? d.logisticsNo : d.orderNo;
    items.push({ at: d.documentTime, kind: d.type, title: [no, d.status].filter(Boolean).join(" · "), detail: d.sender });
  }
  for (const s of trace.customsStatuses || []) {
    items.push({ at: s.at, kind: "CUSTOMS", title: `${s.kind} ${s.status}${s.meaning ? ` · ${s.meaning}` : ""}`, detail: s.info });
  }
  for (const sh of trace.shipments || []) {
    for (const e of sh.timeline || []) {
      items.push({ at: e.at, kind: "LOGISTICS", title: `${sh.logisticsNo || ""} · ${e.state}`, detail: e.location });
    }
  }
  if (trace.matching) {
    const m = trace.matching;
    items.push({ at: m.decidedAt, kind: "MATCH", title: m.status, detail: [...(m.failedFields || []), ...(m.missing || [])].join(", ") });
  }
  for (const a of trace.alerts || []) {
    items.push({ at: a.detectedAt, kind: "ALERT", title: ruleName(a), detail: w().statuses[a.status] || a.status, severity: a.severity });
  }
  return items.filter((i) => i.at).sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
}

function renderTrace() {
  const box = $("trace");
  if (!box || !selected) return;
  const keys = selected.alert.orderKeys || [];
  if (!keys.length) return;
  const chooser = keys.length > 1
    ? `<div class="order-keys">${keys.map((k) => `<button type="button" data-order-key="${esc(k)}" class="${k === selected.orderKey ? "on" : ""}">${esc(k)}</button>`).join("")}</div>`
    : "";
  if (selected.traceError) {
    box.innerHTML = chooser + `<p class="error">${problemHtml(selected.traceError)}</p>`;
  } else if (!selected.trace) {
    box.innerHTML = chooser + esc(w().loading);
  } else {
    const t = selected.trace;
    const counts = Object.entries(t.documentCounts || {}).map(([k, n]) => `${esc(w().kinds[k] || k)} ${n}`).join(" · ");
    box.innerHTML = chooser +
      `<p class="counts">${esc(t.orderKey)} · ${esc(w().documentCounts)}: ${counts}</p>` +
      `<ol class="timeline">${timeline(t).map((i) =>
        `<li class="tl tl-${esc(i.kind)}" data-kind="${esc(i.kind)}"><time>${esc(when(i.at))}</time>` +
        `<span class="tl-kind">${esc(w().kinds[i.kind] || i.kind)}</span>` +
        `<span class="tl-title">${i.severity ? severityChip(i.severity) + " " : ""}${esc(i.title)}</span>` +
        `<span class="tl-detail">${esc(i.detail || "")}</span></li>`).join("")}</ol>`;
  }
  box.querySelectorAll("[data-order-key]").forEach((b) => b.addEventListener("click", () => loadTrace(b.dataset.orderKey)));
}

// ------------------------------------------------------------------ wiring

function labels() {
  options($("f-severity"), SEVERITIES, (s) => w().severities[s]);
  options($("f-status"), STATUSES, (s) => w().statuses[s]);
  renderList();
  renderDetail();
}

export function startAlerts(s, ruleIds) {
  session = s;
  $("f-shadow-box").hidden = session.role === "viewer"; // viewers never get shadow alerts
  $("rule-ids").innerHTML = ruleIds.map((id) => `<option value="${esc(id)}">`).join("");
  onLanguage(labels);
  labels();
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    search();
  });
  $("reset").addEventListener("click", () => {
    $("filters").reset();
    search();
  });
  document.querySelectorAll("[data-range]").forEach((b) =>
    b.addEventListener("click", () => {
      const local = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      $("f-from").value = local(new Date(Date.now() - Number(b.dataset.range) * 86_400_000));
      $("f-to").value = "";
      search();
    }),
  );
  document.querySelectorAll("#alerts th[data-sort]").forEach((th) =>
    th.addEventListener("click", () => {
      list.order = list.sort === th.dataset.sort && list.order === "desc" ? "asc" : "desc";
      list.sort = th.dataset.sort;
      list.cursors = [null];
      list.index = 0;
      loadPage();
    }),
  );
  $("next").addEventListener("click", () => {
    list.index += 1;
    loadPage();
  });
  $("prev").addEventListener("click", () => {
    list.index = Math.max(0, list.index - 1);
    loadPage();
  });
  $("page-size").addEventListener("change", search);
  search();
  document.body.dataset.ready = "true"; // the filters answer from now on (the browser tests wait for it)
}
