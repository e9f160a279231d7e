// What the console and the workbench share: the header (title, the links the role may follow, who
// is signed in, sign out, language), the sign-in form, and the language. A page calls start() and
// gets the session once someone is signed in; signing in or out reloads the page, so every page
// starts from one known state.
import { WORDS } from "./i18n.js";
import { ApiError, CAN, devToken, signIn, signOut, signedIn } from "../session.js";

const LANG_KEY = "sanliu.lang"; // shared with the wall screen
const NOTICE_KEY = "sanliu.signin.notice";
export const ROLES = ["viewer", "analyst", "risk_officer", "admin"];

let lang = localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
const listeners = [];
export const w = () => WORDS[lang];

/** Escapes text for innerHTML: alert texts and evidence come from outside. */
export function esc(v) {
  return String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export function when(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString(w().locale, { hour12: false });
}

/** Re-labels the page; calls each page's own re-render. */
export function onLanguage(render) {
  listeners.push(render);
}

function applyLanguage() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-i18n]").forEach((e) => (e.textContent = w()[e.dataset.i18n]));
  document.querySelectorAll("[data-i18n-ph]").forEach((e) => (e.placeholder = w()[e.dataset.i18nPh]));
  const lb = document.getElementById("lang");
  if (lb) lb.textContent = w().switchTo;
  listeners.forEach((f) => f());
}

function header(titleKey, session) {
  const bar = document.getElementById("bar");
  const links = [
    ["console.html#alerts", "navAlerts", "alerts", true],
    ["console.html#rules", "navRules", "rules", session && CAN.readRules(session.role)],
    ["console.html#credit", "navCredit", "credit", true],
    ["workbench.html", "navWorkbench", "workbench", session && CAN.runSql(session.role)],
    ["./", "navWall", "wall", true],
  ];
  bar.innerHTML =
    `<h1 data-i18n="${titleKey}"></h1>` +
    `<nav id="nav">${session ? links.filter((l) => l[3]).map(([href, key, id]) => `<a href="${href}" id="nav-${id}" data-i18n="${key}"></a>`).join("") : ""}</nav>` +
    `<div class="who">${session ? `<span id="who" data-role="${esc(session.role)}"></span><button id="sign-out" type="button" data-i18n="signOut"></button>` : ""}` +
    `<button id="lang" type="button"></button></div>`;
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    localStorage.setItem(LANG_KEY, lang);
    applyLanguage();
  });
  if (session) {
    document.getElementById("sign-out").addEventListener("click", () => {
      signOut();
      location.reload();
    });
    onLanguage(() => {
      const exp = session.expiresAt ? ` · ${w().expires(when(session.expiresAt.toISOString()))}` : "";
      document.getElementById("who").textContent = `${session.subject || ""} · ${w().role[session.role] || session.role}${exp}`;
    });
  }
}

function loginForm() {
  const box = document.getElementById("login");
  box.hidden = false;
  box.innerHTML =
    `<form id="login-token" class="card"><h2 data-i18n="loginTitle"></h2>` +
    `<label for="token-input" data-i18n="loginToken"></label>` +
    `<textarea id="token-input" rows="4" spellcheck="false"></textarea>` +
    `<button type="submit" class="primary" data-i18n="loginSubmit"></button>` +
    `<h3 data-i18n="loginDev"></h3><p class="hint" data-i18n="loginDevHint"></p>` +
    `<div class="roles">${ROLES.map((r) => `<button type="button" data-dev-role="${r}"></button>`).join("")}</div>` +
    `<p id="login-error" class="error" role="alert"></p></form>`;
  const error = document.getElementById("login-error");
  error.textContent = sessionStorage.getItem(NOTICE_KEY) || "";
  sessionStorage.removeItem(NOTICE_KEY);
  onLanguage(() => box.querySelectorAll("[data-dev-role]").forEach((b) => (b.textContent = w().role[b.dataset.devRole])));
  document.getElementById("login-token").addEventListener("submit", (e) => {
    e.preventDefault();
    const t = document.getElementById("token-input").value;
    if (signIn(t)) location.reload();
    else {
      signOut();
      error.textContent = w().loginBad;
    }
  });
  box.querySelectorAll("[data-dev-role]").forEach((b) =>
    b.addEventListener("click", async () => {
      try {
        signIn(await devToken(b.dataset.devRole, `console-${b.dataset.devRole}`));
        location.reload();
      } catch (e) {
        error.textContent = e instanceof ApiError ? `${e.problem.title}: ${e.problem.detail || ""}` : e.message;
      }
    }),
  );
}

/**
 * Draws the header; resolves with the session ({token, role, subject, expiresAt}) when someone is
 * signed in, otherwise shows the sign-in form and never resolves (signing in reloads the page).
 */
export function start(titleKey) {
  const session = signedIn();
  header(titleKey, session);
  document.body.dataset.role = session ? session.role : "";
  if (!session) loginForm();
  applyLanguage();
  return session ? Promise.resolve(session) : new Promise(() => {});
}

/** A refusal of the token itself (expired, another secret): back to the sign-in form. */
export function unauthorised(e) {
  if (e instanceof ApiError && e.status === 401) {
    sessionStorage.setItem(NOTICE_KEY, w().loginExpired);
    signOut();
    location.reload();
    return true;
  }
  return false;
}

/** A problem document as a message: title, detail, and each problem if there are several. */
export function problemHtml(e) {
  if (!(e instanceof ApiError)) return `<strong>${esc(e.message)}</strong>`;
  const p = e.problem;
  const more = (p.problems || []).length > 1 ? `<ul>${p.problems.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : "";
  return `<strong class="problem-title">${esc(p.title)} (${esc(p.status)})</strong> <span class="problem-detail">${esc(p.detail || "")}</span>${more}`;
}
