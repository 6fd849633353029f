// Shared helpers for the demo pages: calls to the Sessionkit REST API, relative times, DOM builders, the page
// header. Pages build every element from data with the DOM API (el), never by concatenating HTML.
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
function send(method, path) {
  return fetch(base() + "api" + path, {
    method, headers: { Accept: "application/json", "X-Requested-With": "sessionkit-demo" } });
}

/** Whether the API refused because the password must be confirmed first (type ...reauthentication-required). */
async function needsPassword(response) {
  if (response.status !== 403) return false;
  const problem = await response.clone().json().catch(() => ({}));
  return typeof problem.type === "string" && problem.type.endsWith("reauthentication-required");
}

/** A state-changing call; when the API asks for a fresh password, the "Confirm your password" dialog, then again. */
async function sendConfirmed(method, path) {
  let response = await send(method, path);
  if (await needsPassword(response)) {
    await confirmPassword();
    response = await send(method, path);
  }
  return api.checked(response);
}
api.del = (path) => sendConfirmed("DELETE", path);

/**
 * Shows the "Confirm your password" dialog and resolves once POST /reauthenticate accepted the password (the
 * session is then renewed); rejects when the user cancels. Built with el(), like every element of the demo.
 */
function confirmPassword() {
  const input = el("input", { type: "password", id: "reauth-password", name: "password",
    autocomplete: "current-password", required: true });
  const error = el("p", { class: "error", role: "alert", id: "reauth-error" });
  const cancel = el("button", { type: "button", class: "secondary", id: "reauth-cancel" }, "Cancel");
  const form = el("form", { id: "reauth-form" },
    el("h2", {}, "Confirm your password"),
    el("p", { class: "muted" }, "Signing devices out needs your password again."),
    el("label", { for: "reauth-password" }, "Password"), input, error,
    el("p", { class: "row" }, el("button", { type: "submit" }, "Confirm"), cancel));
  const dialog = el("dialog", { id: "reauth", "aria-labelledby": "reauth-title" }, form);
  form.querySelector("h2").id = "reauth-title";
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve, reject) => {
    cancel.addEventListener("click", () => { dialog.close(); dialog.remove(); reject(new Error("Not confirmed.")); });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const response = await fetch(base() + "reauthenticate", { method: "POST",
        headers: { "X-Requested-With": "sessionkit-demo" }, body: new URLSearchParams({ password: input.value }) });
      if (response.status === 204) {
        dialog.close();
        dialog.remove();
        resolve();
        return;
      }
      error.textContent = await response.text();
      input.value = "";
      input.focus();
    });
  });
}

api.post = async (path) => {
  const response = await fetch(base() + "api" + path, {
    method: "POST", headers: { Accept: "application/json", "X-Requested-With": "sessionkit-demo" } });
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

/**
 * Builds an element with the DOM API, never from HTML text, so data cannot become markup: el("td", { class: "os" },
 * session.device.os). Attributes go through setAttribute (null or false leaves one out); children are nodes or
 * strings, and strings become text nodes.
 */
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** A <time> showing how long ago an ISO-8601 instant was, the instant itself in its datetime attribute. */
function ago(iso) {
  return el("time", { datetime: iso }, relativeTime(iso));
}

/** A <time> showing an ISO-8601 instant in the reader's locale. */
function when(iso) {
  return el("time", { datetime: iso }, new Date(iso).toLocaleString());
}

/** Sets the rows of a table body, or one row saying "empty" when there are none. */
function fill(tbody, rows, empty, columns) {
  tbody.replaceChildren(...(rows.length > 0 ? rows : [el("tr", {}, el("td", { colspan: columns, class: "muted" }, empty))]));
}

async function header(current) {
  const me = await api.get("/sessions/current");
  const links = [
    ["index.html", "Dashboard"], ["devices.html", "Your devices"], ["history.html", "Login history"],
    ["activity.html", "Security activity"], ["alerts.html", "Security alerts"], ["password.html", "Change password"], ["admin.html", "Admin"],
  ].map(([href, label]) => el("a", { href, "aria-current": href === current ? "page" : null }, label));
  document.querySelector("header nav").replaceChildren(...links,
    el("span", { class: "who" }, "Signed in as ", el("strong", {}, me.user)),
    el("form", { method: "post", action: base() + "logout" },
      el("button", { class: "secondary", type: "submit" }, "Sign out")));
  return me;
}
