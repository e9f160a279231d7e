// An enterprise's credit (信用): grade, score, suggested inspection rate, every factor's
// contribution with its explanation, the cause of the latest change, the score history as a chart
// and the negative-list status; administrators list entries on the negative list. The page shows
// what the API answers for the role: a viewer's answer is the public view (有序公开), and the page
// draws that view, not a role check, so it never shows more than it was given.
import { CAN, call } from "../session.js";
import { esc, onLanguage, problemHtml, unauthorised, w, when } from "./shell.js";

const HISTORY = 50; // revisions drawn in the score history
const BOUNDS = [["A", 88], ["B", 72], ["C", 55]]; // docs/credit.md: the grades' lower bounds
const $ = (id) => document.getElementById(id);

let session;
let historyChart;
const state = { code: "", profile: null, profileError: null, entries: null, entriesError: null, asked: 0 };

/** Reads and shows the credit of {@code code} (an empty code clears the page). */
export async function showCredit(code) {
  code = (code || "").trim();
  $("credit-code").value = code;
  $("nl-enterpriseCode").value = code;
  state.code = code;
  const asked = ++state.asked; // a slower answer for an earlier code must not overwrite a later one
  if (!code) {
    Object.assign(state, { profile: null, profileError: null, entries: null, entriesError: null });
    render();
    return;
  }
  const path = encodeURIComponent(code);
  const [profile, list] = await Promise.allSettled([
    call("GET", `api/v1/credit/${path}?historySize=${HISTORY}`),
    call("GET", `api/v1/negative-list?enterpriseCode=${path}`),
  ]);
  if (asked !== state.asked) return;
  for (const r of [profile, list]) if (r.status === "rejected" && unauthorised(r.reason)) return;
  state.profile = profile.status === "fulfilled" ? profile.value : null;
  state.profileError = profile.status === "rejected" ? profile.reason : null;
  state.entries = list.status === "fulfilled" ? list.value : null;
  state.entriesError = list.status === "rejected" ? list.reason : null;
  render();
}

// ------------------------------------------------------------------ formatting

const zh = () => w().locale === "zh-CN";
const fixed = (v, digits = 1) => (v === null || v === undefined ? "—" : Number(v).toFixed(digits));
const signed = (v) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v).toFixed(1)}`;
const percent = (v) => (v === null || v === undefined ? "—" : `${(v * 100).toLocaleString(w().locale, { maximumFractionDigits: 2 })}%`);
const figure = (v) => (v === null || v === undefined ? "—" : Number(v).toLocaleString(w().locale, { maximumFractionDigits: 4 }));
const gradeName = (p) => (zh() ? p.gradeNameZh : p.gradeNameEn) || "";

function gradeBadge(grade) {
  return `<span class="grade grade-${esc(grade)}">${esc(grade || "—")}</span>`;
}

function listedStatus(listed, id = "") {
  return `<span ${id ? `id="${id}" ` : ""}class="listed-${listed ? "yes" : "no"}" data-listed="${listed ? "true" : "false"}">${esc(listed ? w().listed : w().notListed)}</span>`;
}

// ------------------------------------------------------------------ the profile

function facts(p) {
  const rows = [[w().gradeSince, when(p.gradeSince)]];
  if (p.view === "full") {
    rows.unshift([w().creditScore, fixed(p.score)]);
    rows.push(
      [w().inspectionRate, percent(p.inspectionRateSuggested)],
      [w().previousGrade, p.previousGrade || "—"],
      [w().participantTypes, (p.participants || []).map((t) => w().participantNames[t] || t).join(" · ")],
      [w().asOf, when(p.asOf)],
      [w().revision, p.revision],
    );
  }
  return `<dl class="facts" id="credit-facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

function cause(p) {
  if (!p.cause) return "";
  const name = (zh() ? p.causeNameZh : p.causeNameEn) || p.cause;
  const from = p.previousScore === null || p.previousScore === undefined ? "—" : fixed(p.previousScore);
  return `<h3>${esc(w().cause)}</h3><p id="credit-cause" data-cause="${esc(p.cause)}">${esc(w().causeLine(name, p.cause, from, fixed(p.score)))}</p>`;
}

function contributions(p) {
  const rows = (p.contributions || []).map((c) =>
    `<tr data-factor="${esc(c.factor)}" data-points="${esc(c.points)}"><td>${esc((zh() ? c.nameZh : c.nameEn) || c.factor)}<div class="sub">${esc(c.factor)}</div></td>` +
    `<td class="num points">${esc(signed(c.points))}</td><td class="num">${esc(figure(c.figure))}</td>` +
    `<td class="num">${esc(figure(c.observations))}</td><td class="explanation">${esc(c.explanation || "")}</td></tr>`);
  return `<h3>${esc(w().contributions)}</h3><table class="grid" id="credit-contributions"><thead><tr>` +
    `<th>${esc(w().factor)}</th><th class="num">${esc(w().points)}</th><th class="num">${esc(w().figure)}</th>` +
    `<th class="num">${esc(w().observations)}</th><th>${esc(w().explanation)}</th></tr></thead><tbody>` +
    `<tr class="base"><td>${esc(w().base)}</td><td class="num">${esc(fixed(p.base))}</td><td colspan="3"></td></tr>` +
    rows.join("") +
    `<tr class="total"><td>${esc(w().totalScore)}</td><td class="num" id="credit-score">${esc(fixed(p.score))}</td><td colspan="3" class="sub">${esc(w().clampNote)}</td></tr>` +
    `</tbody></table>`;
}

function renderProfile() {
  const box = $("credit-profile");
  if (!state.code) {
    box.innerHTML = `<p class="empty">${esc(w().creditPick)}</p>`;
    return;
  }
  if (state.profileError) {
    box.innerHTML = `<p class="error" id="credit-error">${problemHtml(state.profileError)}</p>`;
    return;
  }
  const p = state.profile;
  if (!p) {
    box.innerHTML = `<p class="empty">${esc(w().loading)}</p>`;
    return;
  }
  box.innerHTML =
    `<div class="credit-head" data-code="${esc(p.code)}" data-view="${esc(p.view)}">${gradeBadge(p.grade)}` +
    `<div><h2>${esc(p.code)}</h2><div class="grade-name">${esc(gradeName(p))}</div></div>${listedStatus(p.negativeListed, "credit-listed")}</div>` +
    (p.view === "full" ? "" : `<p class="hint" id="credit-public">${esc(w().publicView)}</p>`) +
    facts(p) +
    (p.view === "full" ? cause(p) + contributions(p) : "");
}

// ------------------------------------------------------------------ score history

function renderHistory() {
  const el = $("credit-history");
  const info = $("credit-history-info");
  const entries = state.profile && state.profile.history ? state.profile.history.entries.slice().reverse() : [];
  el.dataset.points = String(entries.length);
  if (!entries.length) {
    if (historyChart) historyChart.clear();
    el.hidden = true;
    info.textContent = state.profile && state.profile.view !== "full" ? w().historyNone : "";
    return;
  }
  el.hidden = false;
  info.textContent = w().historyCount(entries.length, state.profile.history.total);
  if (!historyChart) historyChart = echarts.init(el, null, { renderer: "canvas" });
  historyChart.resize();
  const axis = { color: "#9fb8e6" };
  historyChart.setOption({
    animation: false,
    grid: { left: 8, right: 30, top: 14, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", formatter: (ps) => ps.map((x) => `${when(x.value[0])}<br>${fixed(x.value[1])} · ${x.data.grade}`).join("") },
    xAxis: { type: "time", axisLabel: axis, splitLine: { show: false } },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: axis, splitLine: { lineStyle: { color: "#14305f" } } },
    series: [{
      type: "line", step: "end", symbolSize: 6, lineStyle: { width: 2, color: "#fbbf24" }, itemStyle: { color: "#fbbf24" },
      data: entries.map((e) => ({ value: [e.asOf, e.score], grade: e.grade })),
      markLine: { silent: true, symbol: "none", lineStyle: { color: "#475569", type: "dashed" },
        label: { color: "#94a3b8", formatter: (m) => m.name }, data: BOUNDS.map(([g, y]) => ({ name: g, yAxis: y })) },
    }],
  }, true);
  el.dataset.drawn = "true";
}

// ------------------------------------------------------------------ the negative list

function renderEntries() {
  const box = $("credit-negative");
  if (!state.code) {
    box.innerHTML = "";
    return;
  }
  const status = state.profile ? `<p>${listedStatus(state.profile.negativeListed)}</p>` : "";
  if (state.entriesError) {
    box.innerHTML = status + `<p class="error">${problemHtml(state.entriesError)}</p>`;
    return;
  }
  const list = state.entries;
  if (!list) {
    box.innerHTML = status;
    return;
  }
  const full = list.view === "full";
  const head = full
    ? [w().nlEntry, w().nlSubject, w().nlReason, w().nlListedBy, w().nlListedAt]
    : [w().enterprise, w().nlListedAt];
  const rows = list.entries.map((e) => full
    ? `<tr data-entry-id="${esc(e.entryId)}"><td>${esc(e.entryId)}</td><td>${esc(w().subjects[e.subject] || e.subject)}${e.itemRecordNo || e.itemNo ? ` · ${esc(e.itemRecordNo || e.itemNo)}` : ""}</td>` +
      `<td class="reason">${esc(e.reason)}</td><td>${esc(e.listedBy)}</td><td>${esc(when(e.listedAt))}</td></tr>`
    : `<tr><td>${esc(e.enterpriseCode)}</td><td>${esc(when(e.since))}</td></tr>`);
  box.innerHTML = status + (rows.length
    ? `<table class="grid" id="negative-entries"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`
    : `<p class="empty" id="negative-none">${esc(w().nlNone)}</p>`);
}

function render() {
  renderProfile();
  renderHistory();
  renderEntries();
  document.querySelectorAll("#nl-subject option").forEach((o) => (o.textContent = `${o.value} · ${w().subjects[o.value]}`));
}

// ------------------------------------------------------------------ listing an entry (admins)

async function listEntry(form) {
  const message = $("negative-message");
  const body = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) body[k] = String(v).trim();
  form.querySelector("button[type=submit]").disabled = true;
  try {
    const entry = await call("POST", "api/v1/negative-list", body);
    message.innerHTML = `<span class="ok" id="negative-listed" data-entry-id="${esc(entry.entryId)}">${esc(w().nlDone(entry.entryId))}</span>`;
    form.querySelector("[name=reason]").value = "";
    if (entry.enterpriseCode && entry.enterpriseCode !== state.code) location.hash = `#credit/${encodeURIComponent(entry.enterpriseCode)}`;
    else await showCredit(state.code);
  } catch (e) {
    if (unauthorised(e)) return;
    const fields = (e.problem && e.problem.invalidParams) || [];
    message.innerHTML = `<span class="error" id="negative-problem" data-invalid="${esc(fields.join(","))}">${problemHtml(e)}` +
      (fields.length ? ` <span class="problem-fields">${esc(w().invalidFields(fields.join(", ")))}</span>` : "") + "</span>";
  } finally {
    form.querySelector("button[type=submit]").disabled = false;
  }
}

export function startCredit(s) {
  session = s;
  $("credit-lookup").addEventListener("submit", (e) => {
    e.preventDefault();
    const code = $("credit-code").value.trim();
    const hash = code ? `#credit/${encodeURIComponent(code)}` : "#credit";
    if (location.hash === hash) showCredit(code);
    else location.hash = hash; // the console's hash handler shows it (and the back button works)
  });
  const form = $("negative-form");
  form.hidden = !CAN.listNegative(session.role);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    listEntry(form);
  });
  onLanguage(render);
  window.addEventListener("resize", () => historyChart && historyChart.resize());
  render();
}
