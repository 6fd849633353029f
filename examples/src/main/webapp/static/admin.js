// The admin page: charts (Chart.js) and every session, 20 a page. Built with el() (app.js): data is text.
"use strict";

let page = 0;

function sessionRow(s) {
  return el("tr", { "data-session": s.id },
    el("td", { class: "user" }, s.user),
    el("td", {}, s.status, s.endReason ? ` (${s.endReason})` : null),
    el("td", {}, when(s.created)),
    el("td", { class: "device" }, `${s.device.browser} / ${s.device.os}`),
    el("td", {}, s.ip),
    el("td", {}, s.status === "active"
      ? el("button", { class: "danger", type: "button", "data-user": s.userId }, "Sign out user") : null));
}

async function table() {
  const form = new FormData(document.getElementById("filter"));
  const query = new URLSearchParams({ user: form.get("user"), status: form.get("status"), page, size: 20 });
  const result = await api.get("/admin/sessions?" + query);
  fill(document.getElementById("sessions"), result.items.map(sessionRow), "No sessions match.", 6);
  document.getElementById("where").textContent = `Page ${page + 1} of ${Math.max(1, Math.ceil(result.total / 20))}`;
  document.getElementById("prev").disabled = page === 0;
  document.getElementById("next").disabled = !result.hasNext;
}

async function charts() {
  const stats = await api.get("/admin/stats");
  document.getElementById("active").textContent = stats.active;
  Chart.defaults.maintainAspectRatio = false; // each chart fills its fixed-height .chart box
  const hours = stats.loginsPerHour.map(b => new Date(b.start).getHours() + ":00");
  new Chart(document.getElementById("activity"), { type: "line", data: { labels: hours, datasets: [
    { label: "logins", data: stats.loginsPerHour.map(b => b.count) },
    { label: "ends", data: stats.endsPerHour.map(b => b.count) }] } });
  new Chart(document.getElementById("devices"), { type: "doughnut", data: {
    labels: Object.keys(stats.activeByDeviceType), datasets: [{ data: Object.values(stats.activeByDeviceType) }] } });
  new Chart(document.getElementById("reasons"), { type: "bar", data: {
    labels: Object.keys(stats.endsByReason), datasets: [{ label: "sessions", data: Object.values(stats.endsByReason) }] } });
  document.getElementById("alerts").textContent = stats.alertsLastDay;
  document.getElementById("failures").textContent = stats.failedSignInsLastDay;
  new Chart(document.getElementById("security"), { type: "bar", data: { labels: hours, datasets: [
    { label: "alerts", data: stats.alertsPerHour.map(b => b.count) },
    { label: "failed sign-ins", data: stats.failedSignInsPerHour.map(b => b.count) }] } });
  document.body.dataset.chartsDrawn = "true";
}

document.getElementById("filter").addEventListener("submit", (event) => { event.preventDefault(); page = 0; table(); });
document.getElementById("prev").addEventListener("click", () => { page--; table(); });
document.getElementById("next").addEventListener("click", () => { page++; table(); });
document.addEventListener("click", async (event) => {
  const user = event.target.dataset && event.target.dataset.user;
  if (!user || !confirm(`Sign out every session of ${user}?`)) return;
  try {
    await api.del(`/admin/users/${encodeURIComponent(user)}/sessions`);
  } catch (e) {
    return; // the password was not confirmed: nothing changed
  }
  await table();
});
header("admin.html").then(async () => {
  try {
    await api.get("/admin/stats");
  } catch (e) {
    document.getElementById("denied").hidden = false;
    return;
  }
  document.getElementById("panel").hidden = false;
  await charts();
  await table();
});
