// Shared helpers for the demo pages: calls to the Sessionkit REST API, relative times, the page header.
"use strict";

const api = {
  async checked(response) {
    if (response.status === 401) {
      window.location.href = base() + "login.html";
      throw new Error("signed out");
    }
    const body = response.status === 204 ? null : await response.json();
    if (!response.ok) {
      throw new Error((body && body.detail) || response.statusText);
    }
    return body;
  },
};

// Pages live under /app/ and the root; API paths are relative to the context root.
function base() {
  const path = window.location.pathname;
  return path.substring(0, path.indexOf("/app/") >= 0 ? path.indexOf("/app/") + 1 : path.lastIndexOf("/") + 1);
}
api.get = async (path) => {
  const response = await fetch(base() + "api" + path, { headers: { Accept: "application/json" } });
  return api.checked(response);
};
// X-Requested-With is the CSRF proof the API asks of scripts.
api.del = async (path) => {
  const response = await fetch(base() + "api" + path, {
    method: "DELETE", headers: { Accept: "application/json", "X-Requested-With": "sessionkit-demo" } });
  return api.checked(response);
};

function relativeTime(iso) {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 45) return "just now";
  const units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(-Math.round(seconds / size), unit);
    }
  }
  return "just now";
}

function text(value) {
  const span = document.createElement("span");
  span.textContent = value == null ? "" : String(value);
  return span.innerHTML;
}

async function header(current) {
  const me = await api.get("/sessions/current");
  const nav = document.querySelector("header nav");
  nav.innerHTML = [
    ["index.html", "Dashboard"], ["devices.html", "Your devices"], ["history.html", "Login history"],
    ["password.html", "Change password"], ["admin.html", "Admin"],
  ].map(([href, label]) => `<a href="${href}"${href === current ? ' aria-current="page"' : ""}>${label}</a>`).join("")
    + `<span class="who">Signed in as <strong>${text(me.user)}</strong></span>`
    + `<form method="post" action="${base()}logout"><button class="secondary" type="submit">Sign out</button></form>`;
  return me;
}
