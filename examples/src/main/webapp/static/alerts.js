// "Security alerts": the demo's outbox of alert mails for the signed-in user. Built with el() (app.js): data is text.
"use strict";

function message(m) {
  return el("li", { class: "alert-message" },
    el("p", {}, el("strong", {}, m.subject), " ", ago(m.at)),
    el("p", {}, m.text),
    m.link ? el("p", {}, el("a", { href: base() + m.link, class: "report-link" }, "This wasn't me")) : null);
}

async function load() {
  const response = await fetch(base() + "app/alerts.json", { headers: { Accept: "application/json" } });
  const messages = await api.checked(response);
  const list = document.getElementById("alerts");
  list.replaceChildren(...(messages.length > 0 ? messages.map(message)
    : [el("li", { class: "muted" }, "No alerts. We write here when a sign-in looks unusual.")]));
}

header("alerts.html").then(load);
