// "Change password": posts the form with the header the demo asks of scripts, shows the answer as text.
"use strict";

header("password.html");
document.getElementById("change").addEventListener("submit", async (event) => {
  event.preventDefault();
  const response = await fetch(base() + "app/password", { method: "POST", body: new URLSearchParams(new FormData(event.target)),
    headers: { "X-Requested-With": "sessionkit-demo" } });
  const body = await response.text();
  document.getElementById("status").textContent = response.ok
    ? `Password changed. ${body} other device(s) signed out.` : body;
});
