import { TOKEN_KEY, token } from "./session.js";

// Polls the slice endpoint and shows the last 15 minutes, newest first (orders-per-mode.html). The
// wall screen (index.html) is the main page; this one stays as the smallest end-to-end check.
const MODES = ["9610", "1210", "9710", "9810", "UNKNOWN"];
let lastOk = null;

async function refresh() {
  const status = document.getElementById("status");
  try {
    const to = new Date(Date.now() + 60_000);
    const from = new Date(to.getTime() - 16 * 60_000);
    const res = await fetch(`api/v1/stats/orders-per-mode?from=${from.toISOString()}&to=${to.toISOString()}`,
      { headers: { Authorization: `Bearer ${await token(false)}` } });
    if (res.status === 401) localStorage.removeItem(TOKEN_KEY); // expired: fetch a new one next time
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    render(body.windows);
    lastOk = new Date();
    status.textContent = `已更新 ${lastOk.toLocaleTimeString("zh-CN")}`;
    status.className = "status ok";
  } catch (e) {
    const age = lastOk ? `，数据更新于 ${lastOk.toLocaleTimeString("zh-CN")}` : "";
    status.textContent = `接口不可用 (${e.message})${age}`;
    status.className = "status down";
  }
}

function render(windows) {
  const byMinute = new Map();
  for (const w of windows) {
    const row = byMinute.get(w.windowStart) || {};
    row[w.tradeMode] = w.orders;
    byMinute.set(w.windowStart, row);
  }
  const rows = [...byMinute.entries()].sort((a, b) => b[0].localeCompare(a[0]));
  document.querySelector("#orders-per-mode tbody").innerHTML = rows
    .map(([minute, row]) => `<tr><td>${new Date(minute).toLocaleTimeString("zh-CN")}</td>` +
      MODES.map((m) => `<td>${row[m] ?? 0}</td>`).join("") + "</tr>")
    .join("");
}

refresh();
setInterval(refresh, 2000);
