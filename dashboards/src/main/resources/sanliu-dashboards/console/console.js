// The risk console: sign-in, then the alerts view (#alerts), the rules view (#rules) or an
// enterprise's credit (#credit/<code>), as the role allows (viewers: alerts, read only, and the
// public view of credit; analysts: alerts and rules, read only; risk officers and admins: review
// actions and rule changes too; admins: the negative list).
import { CAN } from "../session.js";
import { start } from "./shell.js";
import { startAlerts } from "./alerts.js";
import { loadRules, startRules } from "./rules.js";
import { showCredit, startCredit } from "./credit.js";

const VIEWS = ["alerts", "rules", "credit"];

function view(session) {
  if (location.hash.startsWith("#credit")) return "credit";
  if (location.hash === "#rules" && CAN.readRules(session.role)) return "rules";
  return "alerts";
}

/** The code of #credit/<code>, or "". */
function creditCode() {
  const m = location.hash.match(/^#credit\/(.*)$/);
  return m ? decodeURIComponent(m[1]) : "";
}

function show(session) {
  const on = view(session);
  VIEWS.forEach((v) => (document.getElementById(`view-${v}`).hidden = v !== on));
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("on", a.id === `nav-${on}`));
  return on;
}

async function main() {
  const session = await start("consoleTitle");
  startCredit(session);
  if (show(session) === "credit") showCredit(creditCode());
  window.addEventListener("hashchange", () => {
    const on = show(session);
    if (on === "rules") loadRules(); // precision moves with reviews
    if (on === "credit") showCredit(creditCode());
  });
  const ruleIds = CAN.readRules(session.role) ? await startRules(session) : [];
  startAlerts(session, ruleIds || []);
}

main();
