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

