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

  // The bar's markup is in every page, as a <template> (book/_templates/layout.html).
  function offerUpdate(worker) {
    const template = document.getElementById("be-update-bar");
    if (!template || document.querySelector(".be-update")) return;
    const bar = template.content.firstElementChild.cloneNode(true);
    bar.querySelector("button").addEventListener("click", () => worker.postMessage("skip-waiting"));
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
