// The risk console: sign-in, then the alerts view (#alerts) or the rules view (#rules), as the
// role allows (viewers: alerts, read only; analysts: alerts and rules, read only; risk officers
// and admins: review actions and rule changes too).
import { CAN } from "../session.js";
import { start } from "./shell.js";
import { startAlerts } from "./alerts.js";
import { loadRules, startRules } from "./rules.js";

function show(session) {
  const rules = location.hash === "#rules" && CAN.readRules(session.role);
  document.getElementById("view-alerts").hidden = rules;
  document.getElementById("view-rules").hidden = !rules;
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("on", a.id === (rules ? "nav-rules" : "nav-alerts")));
}

async function main() {
  const session = await start("consoleTitle");
  show(session);
  window.addEventListener("hashchange", () => {
    show(session);
    if (location.hash === "#rules" && CAN.readRules(session.role)) loadRules(); // precision moves with reviews
  });
  const ruleIds = CAN.readRules(session.role) ? await startRules(session) : [];
  startAlerts(session, ruleIds || []);
}

main();
