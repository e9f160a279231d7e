// The rules in force with their precision; for risk officers and admins, switching a rule on or
// off, between live and shadow, and editing its severity, parameters and note (each a new version
// published on the control topic; the engine applies it without a restart).
import { CAN, call } from "../session.js";
import { esc, onLanguage, problemHtml, unauthorised, w, when } from "./shell.js";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
const $ = (id) => document.getElementById(id);

let session;
const state = { rules: [], types: new Map(), precision: new Map(), editing: null, message: "" };

export async function loadRules() {
  try {
    const [rules, types, precision] = await Promise.all([
      call("GET", "api/v1/rules"),
      call("GET", "api/v1/rule-types"),
      call("GET", "api/v1/rules/precision"),
    ]);
    state.rules = rules.rules;
    state.types = new Map(types.types.map((t) => [t.type, t]));
    state.precision = new Map(precision.rules.map((p) => [p.ruleId, p]));
  } catch (e) {
    if (unauthorised(e)) return;
    state.message = `<span class="error">${problemHtml(e)}</span>`;
  }
  render();
  return state.rules.map((r) => r.ruleId);
}

function name(r) {
  return (w().locale === "zh-CN" ? r.nameZh : r.nameEn) || r.type;
}

function paramsText(r) {
  const p = Object.entries(r.params || {});
  return p.length ? p.map(([k, v]) => `${k}=${v}`).join(", ") : "—";
}

function row(r) {
  const p = state.precision.get(r.ruleId) || {};
  const can = CAN.editRules(session.role);
  const buttons = can
    ? `<button type="button" data-op="${r.enabled ? "disable" : "enable"}">${esc(r.enabled ? w().disable : w().enable)}</button>` +
      `<button type="button" data-op="mode" data-mode="${r.mode === "LIVE" ? "SHADOW" : "LIVE"}">${esc(r.mode === "LIVE" ? w().toShadow : w().toLive)}</button>` +
      `<button type="button" data-op="edit">${esc(w().edit)}</button>`
    : "";
  return `<tr data-rule-id="${esc(r.ruleId)}" data-enabled="${r.enabled}" data-mode="${esc(r.mode)}" data-version="${r.version}">` +
    `<td><strong>${esc(r.ruleId)}</strong><div class="sub">${esc(name(r))}</div></td><td>${esc(r.type)}</td>` +
    `<td><span class="sev sev-${esc(r.severity)}">${esc(w().severities[r.severity] || r.severity)}</span></td>` +
    `<td class="num">${r.version}</td><td><span class="onoff ${r.enabled ? "on" : "off"}">${esc(r.enabled ? w().on : w().off)}</span></td>` +
    `<td><span class="mode mode-${esc(r.mode)}">${esc(w()[r.mode] || r.mode)}</span></td><td class="params">${esc(paramsText(r))}</td>` +
    `<td class="num">${p.closed ?? 0} / ${p.truePositives ?? 0} / ${p.falsePositives ?? 0}</td>` +
    `<td class="num precision">${p.precision === null || p.precision === undefined ? "—" : `${(p.precision * 100).toFixed(1)}%`}</td>` +
    `<td class="sub">${esc(r.updatedBy || "")}<br>${esc(when(r.updatedAt))}</td><td class="row-actions">${buttons}</td></tr>` +
    (state.editing === r.ruleId ? editor(r) : "");
}

function editor(r) {
  const type = state.types.get(r.type) || { parameters: [] };
  const fields = type.parameters.map((p) => {
    const v = (r.params || {})[p.name] ?? "";
    const input = p.allowed && p.allowed.length
      ? `<select name="${esc(p.name)}"><option value="">${esc(w().defaultIs(p.default ?? ""))}</option>${p.allowed.map((a) => `<option ${a === v ? "selected" : ""}>${esc(a)}</option>`).join("")}</select>`
      : `<input name="${esc(p.name)}" value="${esc(v)}" placeholder="${esc(w().defaultIs(p.default ?? ""))}">`;
    return `<label title="${esc(p.description || "")}"><span>${esc(p.name)} <small>${esc(p.kind)}</small></span>${input}</label>`;
  }).join("");
  return `<tr class="editor"><td colspan="11"><form id="rule-editor" data-rule-id="${esc(r.ruleId)}">` +
    `<label><span>${esc(w().severity)}</span><select name="severity">${SEVERITIES.map((s) => `<option value="${s}" ${s === r.severity ? "selected" : ""}>${esc(w().severities[s])}</option>`).join("")}</select></label>` +
    fields +
    `<label class="wide"><span>${esc(w().note)}</span><input name="note" value="${esc(r.note || "")}"></label>` +
    `<div class="buttons"><button type="submit" class="primary">${esc(w().save)}</button><button type="button" id="rule-cancel">${esc(w().cancel)}</button></div>` +
    `</form></td></tr>`;
}

function render() {
  $("rules-message").innerHTML = state.message;
  document.querySelector("#rules tbody").innerHTML = state.rules.map(row).join("");
  document.querySelectorAll("#rules [data-op]").forEach((b) => b.addEventListener("click", () => operate(b)));
  const form = $("rule-editor");
  if (form) {
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      save(form);
    });
    $("rule-cancel").addEventListener("click", () => {
      state.editing = null;
      render();
    });
  }
}

async function publish(ruleId, request) {
  try {
    const answer = await request();
    state.message = esc(w().published(ruleId, answer.version));
    state.editing = null;
  } catch (e) {
    if (unauthorised(e)) return;
    state.message = `<span class="error">${problemHtml(e)}</span>`;
  }
  await loadRules();
}

function operate(button) {
  const tr = button.closest("tr");
  const id = tr.dataset.ruleId;
  const path = `api/v1/rules/${encodeURIComponent(id)}`;
  if (button.dataset.op === "edit") {
    state.editing = state.editing === id ? null : id;
    render();
  } else if (button.dataset.op === "mode") {
    publish(id, () => call("POST", `${path}/mode`, { mode: button.dataset.mode }));
  } else {
    publish(id, () => call("POST", `${path}/${button.dataset.op}`, {}));
  }
}

function save(form) {
  const r = state.rules.find((x) => x.ruleId === form.dataset.ruleId);
  const data = new FormData(form);
  const params = {};
  for (const p of (state.types.get(r.type) || { parameters: [] }).parameters) {
    const v = String(data.get(p.name) ?? "").trim();
    if (v) params[p.name] = v;
  }
  // The version edited: a change made meanwhile by someone else is a 409, not overwritten.
  const body = { version: r.version, severity: data.get("severity"), params, note: String(data.get("note") || "") };
  publish(r.ruleId, () => call("PUT", `api/v1/rules/${encodeURIComponent(r.ruleId)}`, body));
}

export function startRules(s) {
  session = s;
  onLanguage(render);
  return loadRules();
}
