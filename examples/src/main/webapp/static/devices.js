// "Your devices": every active session of the user, with sign-out buttons. Built with el() (app.js): data is text.
"use strict";

function deviceRow(s) {
  const device = s.device;
  return el("tr", { "data-session": s.id },
    el("td", {}, device.type, s.current ? [" ", el("span", { class: "tag" }, "this device")] : null,
      s.remembered ? [" ", el("span", { class: "tag remembered" }, "remembered")] : null),
    el("td", { class: "browser" }, device.browser),
    el("td", { class: "os" }, device.os),
    el("td", {}, s.ip),
    el("td", {}, s.location ? s.location.display : "unknown"),
    el("td", {}, ago(s.lastAccessed)),
    el("td", {}, s.current ? null : el("button", { class: "danger", type: "button", "data-end": s.id,
      "aria-label": `Sign out ${device.browser} on ${device.os}` }, "Sign out")));
}

function rememberedRow(d) {
  return el("tr", { "data-remembered": d.id },
    el("td", { class: "device" }, d.device || "unknown device",
      d.current ? [" ", el("span", { class: "tag" }, "this device")] : null),
    el("td", {}, when(d.created)),
    el("td", {}, ago(d.lastUsed)),
    el("td", {}, when(d.expiresAt)),
    el("td", {}, el("button", { class: "danger", type: "button", "data-forget": d.id,
      "aria-label": `Forget ${d.device || "this device"}` }, "Forget")));
}

async function load() {
  const sessions = await api.get("/sessions");
  document.getElementById("sessions").replaceChildren(...sessions.map(deviceRow));
  const remembered = await api.get("/sessions/remembered");
  fill(document.getElementById("remembered"), remembered.map(rememberedRow), "No remembered devices.", 5);
  document.body.dataset.loaded = "true";
}

document.addEventListener("click", async (event) => {
  const id = event.target.dataset && event.target.dataset.forget;
  if (!id || !confirm("Forget this device? It will need the password again.")) return;
  const status = document.getElementById("status");
  try {
    await api.del("/sessions/remembered/" + encodeURIComponent(id));
    status.textContent = "Device forgotten.";
  } catch (e) {
    status.textContent = e.message;
  }
  await load();
});
document.addEventListener("click", async (event) => {
  const id = event.target.dataset && event.target.dataset.end;
  if (!id || !confirm("Sign out this device?")) return;
  const status = document.getElementById("status");
  try {
    await api.del("/sessions/" + encodeURIComponent(id));
    status.textContent = "Device signed out.";
  } catch (e) {
    status.textContent = e.message; // e.g. the password was not confirmed
  }
  await load();
});
document.getElementById("others").addEventListener("click", async () => {
  if (!confirm("Sign out every other device?")) return;
  const status = document.getElementById("status");
  try {
    const result = await api.del("/sessions?scope=others");
    status.textContent = `${result.ended} other device(s) signed out.`;
  } catch (e) {
    status.textContent = e.message;
  }
  await load();
});
header("devices.html").then(load);
