// "Login history": the user's ended sessions, newest first, 20 a page. Built with el() (app.js): data is text.
"use strict";

let page = 0;
const reasons = { "logout": "signed out", "revoked-by-user": "signed out from another device",
  "revoked-by-admin": "ended by an administrator", "expired-idle": "idle too long", "expired-absolute": "too old",
  "evicted-by-limit": "too many sessions", "rotated": "renewed", "password-changed": "password changed",
  "security-policy": "ended by the security policy" };

function historyRow(s) {
  return el("tr", {},
    el("td", {}, when(s.created)),
    el("td", {}, ago(s.endedAt)),
    el("td", { class: "reason" }, reasons[s.endReason] || s.endReason),
    el("td", { class: "device" }, `${s.device.browser} / ${s.device.os}`),
    el("td", {}, s.ip));
}

async function load() {
  const result = await api.get(`/sessions/history?page=${page}&size=20`);
  fill(document.getElementById("history"), result.items.map(historyRow), "No ended sessions yet.", 5);
  document.getElementById("where").textContent = `Page ${page + 1} of ${Math.max(1, Math.ceil(result.total / 20))}`;
  document.getElementById("prev").disabled = page === 0;
  document.getElementById("next").disabled = !result.hasNext;
}

document.getElementById("prev").addEventListener("click", () => { page--; load(); });
document.getElementById("next").addEventListener("click", () => { page++; load(); });
header("history.html").then(load);
