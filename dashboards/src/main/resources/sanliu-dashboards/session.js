// The dashboards' access to the API (docs/api.md): a bearer token, which a screen gets once in the
// URL's fragment (#token=..., never sent to a server) and keeps; in development the API hands out a
// viewer token itself. Shared by every page.
export const TOKEN_KEY = "sanliu.token";

export async function token(fresh) {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, "", location.pathname + location.search);
  }
  if (fresh) localStorage.removeItem(TOKEN_KEY);
  let t = localStorage.getItem(TOKEN_KEY);
  if (!t) {
    // Development mode only (docs/api.md); a production screen is opened with #token=...
    const res = await fetch("api/v1/auth/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ role: "viewer", subject: "wall-screen" }),
    });
    if (!res.ok) throw new Error("no token: open this page with #token=<viewer token>");
    t = (await res.json()).token;
    localStorage.setItem(TOKEN_KEY, t);
  }
  return t;
}

export async function api(path) {
  let res = await fetch(path, { headers: { Authorization: `Bearer ${await token(false)}` } });
  if (res.status === 401) res = await fetch(path, { headers: { Authorization: `Bearer ${await token(true)}` } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}


// ------------------------------------------------------------------ signed-in pages (console, workbench)
// These pages never fetch a token by themselves: the person signs in (a pasted token, or in
// development a role), and the page shows what that role may do. The API stays the authority.

/** The JWT's payload, read (not verified) to shape the UI; null when it is no JWT. */
export function claims(t) {
  try {
    const part = t.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(part + "=".repeat((4 - (part.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return null;
  }
}

/** The kept token with its claims, if it is a JWT with a role and not past its expiry. */
export function signedIn() {
  const t = localStorage.getItem(TOKEN_KEY);
  const c = t && claims(t);
  if (!c || !c.role || (c.exp && c.exp * 1000 <= Date.now())) return null;
  return { token: t, role: c.role, subject: c.sub, expiresAt: c.exp ? new Date(c.exp * 1000) : null };
}

export function signIn(t) {
  localStorage.setItem(TOKEN_KEY, t.trim());
  return signedIn();
}

export function signOut() {
  localStorage.removeItem(TOKEN_KEY);
}

/** Development mode only: the API hands out a token for {@code role}. */
export async function devToken(role, subject) {
  const res = await fetch("api/v1/auth/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, subject }),
  });
  if (!res.ok) throw await ApiError.of(res);
  return (await res.json()).token;
}

/** A refused request: its RFC 9457 problem document (title, detail, status, problems). */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.problem = problem;
    this.status = problem.status;
  }

  static async of(res) {
    let problem;
    try {
      problem = await res.json();
    } catch (e) {
      problem = {};
    }
    return new ApiError({ title: res.statusText || `HTTP ${res.status}`, status: res.status, ...problem });
  }
}

/** A call with the signed-in token; a refusal throws an ApiError with the problem document. */
export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${localStorage.getItem(TOKEN_KEY) || ""}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw await ApiError.of(res);
  return res.json();
}

/** What each role may do in the UI (mirrors docs/api.md's roles; the API refuses the rest). */
export const CAN = {
  readRules: (role) => ["analyst", "risk_officer", "admin"].includes(role),
  runSql: (role) => ["analyst", "risk_officer", "admin"].includes(role),
  reviewAlerts: (role) => ["risk_officer", "admin"].includes(role),
  editRules: (role) => ["risk_officer", "admin"].includes(role),
  listNegative: (role) => role === "admin",
};
