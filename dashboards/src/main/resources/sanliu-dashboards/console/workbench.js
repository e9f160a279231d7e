// The SQL workbench: a statement (or an example) run through POST /api/v1/sql, its rows as a
// table, a quick chart (the first text or time column against the first numeric one), CSV export
// in the browser, and a refused query's problem document shown as it came.
import { CAN, call } from "../session.js";
import { esc, onLanguage, problemHtml, start, unauthorised, w } from "./shell.js";

const $ = (id) => document.getElementById(id);
const EXAMPLES = [
  "SELECT severity, COUNT(*) AS alerts\nFROM alerts\nWHERE shadow = false\nGROUP BY severity\nORDER BY alerts DESC",
  "SELECT enterprise_code, COUNT(*) AS alerts\nFROM alerts\nWHERE shadow = false AND enterprise_code IS NOT NULL\nGROUP BY enterprise_code\nORDER BY alerts DESC\nLIMIT 10",
  "SELECT rule_id, COUNT(*) AS alerts\nFROM alerts\nWHERE detected_at >= CURRENT_TIMESTAMP - INTERVAL '7' DAY\nGROUP BY rule_id\nORDER BY alerts DESC",
  "SELECT trade_mode, SUM(orders) AS orders, SUM(value_cny) AS value_cny\nFROM trade_stats\nWHERE caliber = 'CUSTOMS' AND window_size = '1d' AND dimension = 'MODE'\n  AND window_start >= CURRENT_TIMESTAMP - INTERVAL '30' DAY\nGROUP BY trade_mode\nORDER BY value_cny DESC",
  "SELECT route, COUNT(*) AS parcels\nFROM shipments\nWHERE stalled = true\nGROUP BY route\nORDER BY parcels DESC",
];
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|DECIMAL|FLOAT|REAL|DOUBLE)/;
const TEXT = /CHAR/;

let result = null;
let chart = null;

function examples() {
  const box = $("examples");
  box.querySelectorAll("button").forEach((b) => b.remove());
  EXAMPLES.forEach((sql, i) => {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.example = String(i);
    b.textContent = w().exampleNames[i];
    b.title = sql;
    b.addEventListener("click", () => {
      $("sql").value = sql;
      run();
    });
    box.appendChild(b);
  });
}

async function run() {
  const sql = $("sql").value.trim();
  if (!sql) return;
  $("run").disabled = true;
  const t0 = performance.now();
  try {
    result = await call("POST", "api/v1/sql", { sql });
    result.ms = Math.round(performance.now() - t0);
    result.error = null;
  } catch (e) {
    if (unauthorised(e)) return;
    result = { error: e };
  } finally {
    $("run").disabled = false;
  }
  render();
}

function cell(v) {
  if (v === null || v === undefined) return `<td class="null">null</td>`;
  return `<td class="${typeof v === "number" ? "num" : ""}">${esc(typeof v === "number" ? v.toLocaleString(w().locale, { maximumFractionDigits: 6 }) : v)}</td>`;
}

function render() {
  const error = $("sql-error");
  const table = $("result");
  const plan = $("plan");
  error.hidden = !(result && result.error);
  $("export").disabled = !(result && !result.error && result.columns && !result.plan);
  if (!result) return;
  if (result.error) {
    error.innerHTML = `<div class="refused">${esc(w().refused)}</div>${problemHtml(result.error)}`;
    table.hidden = true;
    plan.hidden = true;
    $("result-info").textContent = "";
    drawChart(null);
    return;
  }
  $("result-info").textContent = w().rowsIn(result.rows.length, result.ms, result.truncated);
  plan.hidden = !result.plan;
  table.hidden = !!result.plan;
  if (result.plan) {
    plan.textContent = result.plan;
    drawChart(null);
    return;
  }
  table.querySelector("thead").innerHTML = `<tr>${result.columns.map((c) => `<th class="${NUMERIC.test(c.type) ? "num" : ""}" title="${esc(c.type)}">${esc(c.name)}</th>`).join("")}</tr>`;
  table.querySelector("tbody").innerHTML = result.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("");
  drawChart(result);
}

/** The columns to chart: the first text column (else the first time column) and the first numeric one. */
export function chartColumns(columns) {
  let x = columns.findIndex((c) => TEXT.test(c.type));
  if (x < 0) x = columns.findIndex((c) => c.type.startsWith("TIMESTAMP") || c.type === "DATE");
  const y = columns.findIndex((c, i) => i !== x && NUMERIC.test(c.type));
  return x < 0 || y < 0 ? null : { x, y };
}

function drawChart(r) {
  const cols = r && r.columns ? chartColumns(r.columns) : null;
  // Without a chart the rows (or the refusal) take the whole width rather than leave a box empty.
  $("results").classList.toggle("no-chart", !cols);
  if (r && r.columns && !cols) $("result-info").textContent += ` · ${w().noChart}`;
  const el = $("chart");
  el.dataset.drawn = cols ? "true" : "false";
  if (!cols) {
    if (chart) chart.clear();
    return;
  }
  if (!chart) chart = echarts.init(el, null, { renderer: "canvas" });
  chart.resize(); // the box may have been hidden since the last chart
  const time = !TEXT.test(r.columns[cols.x].type);
  const rows = r.rows.slice(0, time ? 2000 : 50);
  const axis = { color: "#9fb8e6" };
  chart.setOption({
    animation: false,
    grid: { left: 12, right: 24, top: 30, bottom: 12, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: time
      ? { type: "time", axisLabel: axis }
      : { type: "category", data: rows.map((row) => String(row[cols.x] ?? "null")), axisLabel: { ...axis, interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: "value", name: r.columns[cols.y].name, nameTextStyle: axis, axisLabel: axis, splitLine: { lineStyle: { color: "#14305f" } } },
    series: [time
      ? { type: "line", showSymbol: false, data: rows.map((row) => [row[cols.x], row[cols.y]]), itemStyle: { color: "#fbbf24" } }
      : { type: "bar", data: rows.map((row) => row[cols.y]), itemStyle: { color: "#38bdf8" }, barMaxWidth: 48,
        label: { show: rows.length <= 12, position: "top", color: "#fff" } }],
  }, true);
}

/** RFC 4180 CSV with a byte-order mark (so spreadsheet programs read the Chinese right). */
export function csv(r) {
  const field = (v) => {
    if (v === null || v === undefined) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [r.columns.map((c) => field(c.name)).join(","), ...r.rows.map((row) => row.map(field).join(","))];
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

function exportCsv() {
  const blob = new Blob([csv(result)], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `sanliu-sql-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "")}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function main() {
  const session = await start("workbenchTitle");
  if (!CAN.runSql(session.role)) {
    $("not-allowed").hidden = false;
    return;
  }
  $("workbench").hidden = false;
  $("sql").value = EXAMPLES[0];
  onLanguage(() => {
    examples();
    render();
  });
  examples();
  $("run").addEventListener("click", run);
  $("export").addEventListener("click", exportCsv);
  $("sql").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  window.addEventListener("resize", () => chart && chart.resize());
}

main();
