// "Recent security activity": the user's security events, newest first, 20 a page, with "This wasn't me" on each
// sign-in. Built with el() (app.js): every value from the API is text, never markup.
"use strict";

let page = 0;
let me = null; // this session: its own sign-in is marked, not offered for reporting
const what = {
  "authn_login_success": "Signed in", "authn_login_successafterfail": "Signed in after wrong passwords",
  "authn_login_fail": "Wrong password", "authn_login_fail_max": "Too many wrong passwords: attempts refused",
  "authn_password_change": "Password changed", "authn_impossible_travel": "Impossible travel",
  "session_created": "Session started", "session_renewed": "Session renewed", "session_expired": "Session expired",
  "session_use_after_expire": "Signed-out session used again", "session_logout": "Signed out",
  "session_revoked": "Session ended", "risk_new_device": "New device", "risk_new_country": "New country",
  "risk_many_failures": "Many wrong passwords before this sign-in", "risk_session_drift": "Session changed country or browser",
  "risk_many_countries": "Active in many countries", "user_reported_signin": "You reported a sign-in",
  "authn_reauthenticated": "Password confirmed", "authn_token_reuse": "Stolen remembered-device cookie: device forgotten",
};
// How a sign-in or confirmation proved who it was (the event's detail).
const how = { "password": " with password", "remember-me": " on a remembered device",
  "container": " through the server's login" };
const proofs = new Set(["authn_login_success", "authn_login_successafterfail", "authn_reauthenticated"]);

function whatHappened(e) {
  const text = what[e.type] || e.type;
  if (!e.detail) return [text];
  if (proofs.has(e.type) && how[e.detail]) return [text + how[e.detail]];
  return [text, el("span", { class: "muted" }, ` (${e.detail})`)];
}

function place(e) {
  return e.location ? `${e.location.display} (${e.ip})` : e.ip;
}

function eventRow(e) {
  return el("tr", { "data-event": e.id, "data-type": e.type, class: e.alert ? "alert-row" : null },
    el("td", {}, ago(e.at)),
    el("td", { class: "what" }, whatHappened(e)),
    el("td", { class: "where" }, place(e)),
    el("td", { class: "device" }, e.device),
    el("td", { class: "signals" }, e.signals.map(s => el("span", { class: "tag warn" }, s))),
    el("td", {}, !e.reportable ? null : e.sessionId === me.id ? el("span", { class: "tag" }, "this device")
      : el("button", { class: "danger", type: "button", "data-report": e.id }, "This wasn't me")));
}

async function load() {
  const result = await api.get(`/sessions/events?page=${page}&size=20`);
  fill(document.getElementById("events"), result.items.map(eventRow), "No security activity yet.", 6);
  document.getElementById("where").textContent = `Page ${page + 1} of ${Math.max(1, Math.ceil(result.total / 20))}`;
  document.getElementById("prev").disabled = page === 0;
  document.getElementById("next").disabled = !result.hasNext;
  document.body.dataset.loaded = "true";
}

document.getElementById("prev").addEventListener("click", () => { page--; load(); });
document.getElementById("next").addEventListener("click", () => { page++; load(); });
document.addEventListener("click", async (event) => {
  const id = event.target.dataset && event.target.dataset.report;
  if (!id || !confirm("Sign out the session this sign-in started, and every other session but this one?")) return;
  const status = document.getElementById("status");
  try {
    const result = await api.post(`/sessions/events/${encodeURIComponent(id)}/report?others=true`);
    status.textContent = result.outcome === "reported"
      ? `Thank you. ${result.ended} session(s) signed out.` : "You reported this sign-in before.";
  } catch (e) {
    status.textContent = e.message;
  }
  await load();
});
header("activity.html").then((current) => { me = current; return load(); });
