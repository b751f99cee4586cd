// Installable, offline guide: over http(s) only, register the service worker at the site
// root (written at build time by book/_ext/offline_app.py), link the web manifest, and say
// when a new version is ready. Opened from a file (file://), it does nothing.
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  const root = new URL("../", document.currentScript.src);
  const manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = new URL("manifest.webmanifest", root).href;
  document.head.append(manifest);

  function offerUpdate(worker) {
    if (document.querySelector(".be-update")) return;
    const bar = document.createElement("div");
    bar.className = "be-update";
    bar.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = "A new version of this guide is ready.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => worker.postMessage("skip-waiting"));
    bar.append(text, " ", reload);
    document.body.append(bar);
  }

  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !document.querySelector(".be-update")) return;
    reloading = true;
    location.reload();
  });

  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname }).then((reg) => {
    // A worker waiting while another one controls this page is a new version of the guide.
    if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const worker = reg.installing;
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
  }).catch((err) => console.warn("Offline copy not available:", err));
})();
