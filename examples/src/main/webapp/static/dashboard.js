// The dashboard: who is signed in, on what, and how many sessions. Built with el() (app.js): data is text.
"use strict";

(async () => {
  const me = await header("index.html");
  const count = await api.get("/sessions/count");
  document.getElementById("summary").replaceChildren(
    el("p", {}, "Welcome, ", el("strong", {}, me.user), ". This session started ", relativeTime(me.created), " on ",
      el("span", { id: "device" }, `${me.device.browser} / ${me.device.os}`), " from ", me.ip, "."),
    el("p", {}, "You have ", el("strong", { id: "active-count" }, count.active), " active session(s). ",
      el("a", { href: "devices.html" }, "See your devices"), "."));
})();
