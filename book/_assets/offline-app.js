// Installable, offline guide: over http(s) only, register the service worker at the site
// root (written at build time by book/_ext/offline_app.py), link the web manifest, say
// when a new version is ready, and tell the worker what to keep: on a first visit the core
// (the pages listed in offline_app.py), with Save-Data only the pages opened, in the
// installed app or on the reader's request the whole guide. Opened from a file (file://), it does nothing.
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

  // A message to the active worker; its answers come back on a port: progress ({done, total}), then the
  // state ({choice, stored, total, sizes}) or {error}.
  function ask(message, progress) {
    return navigator.serviceWorker.ready.then((reg) => new Promise((resolve, reject) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ({ data }) => {
        if (data.error) reject(new Error(data.error));
        else if ("done" in data) progress(data);
        else resolve(data);
      };
      reg.active.postMessage(message, [channel.port2]);
    }));
  }

  // "Keep the whole guide" (its markup is on the offline-app page): the sizes come from the worker, as the build
  // measured them.
  const box = document.querySelector(".be-keep");
  const part = (name) => box && box.querySelector(".be-keep-" + name);
  function say(text) {
    if (box) part("state").textContent = text;
  }
  function showState(s) {
    if (!box) return;
    box.hidden = false;
    part("progress").hidden = true;
    const kept = s.choice === "whole" && s.stored === s.total;
    part("button").hidden = kept;
    part("button").disabled = false;
    part("button").textContent = `Keep the whole guide on this device (${s.sizes.whole})`;
    say(kept ? `The whole guide is kept on this device (${s.sizes.whole}). Every page works offline.`
      : s.choice === "whole" ? `Part of the guide is kept on this device (${s.stored} of ${s.total} files).`
      : s.choice === "read" ? "Your data saver is on, so this device keeps only the pages you open."
      : `This device keeps the core of the guide (${s.sizes.core}) and every page you open.`);
  }
  function showProgress({ done, total }) {
    if (!box) return;
    box.hidden = false;
    part("button").disabled = true;
    Object.assign(part("progress"), { hidden: false, max: total, value: done });
    say(`Storing the guide on this device: ${done} of ${total} files.`);
  }
  function stopped() {
    if (!box) return;
    part("progress").hidden = true;
    part("button").disabled = false;
    say("Stopped before the end: the guide could not be reached. What is stored so far stays; "
      + "press the button again when you are online.");
  }
  const keep = (want) => ask({ want }, showProgress).then(showState, stopped);
  if (box) part("button").addEventListener("click", () => keep("whole"));
  window.addEventListener("appinstalled", () => keep("whole"));

  // The files this page's widgets load only when the reader acts (a diary form at a session's end, a handout
  // to print): named in the page's widget state as {"$file": url, "$texts": [url, ...]} (book/_ext/widget_state.py).
  function onDemandFiles() {
    const state = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
    const urls = [];
    const find = (value) => {
      if (Array.isArray(value)) value.forEach(find);
      else if (value && typeof value === "object") {
        if (typeof value.$file === "string") urls.push(value.$file, ...(value.$texts || []));
        else Object.values(value).forEach(find);
      }
    };
    if (state) find(JSON.parse(state.textContent));
    return urls.map((url) => new URL(url, location.href).href);
  }

  // This page and the files it used or may use are kept too, so the page being read works offline in every case.
  function firstKeep() {
    const saveData = Boolean(navigator.connection && navigator.connection.saveData);
    const installed = matchMedia("(display-mode: standalone)").matches;
    const used = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name), ...onDemandFiles()];
    ask({ want: installed ? "whole" : saveData ? "read" : "core", used }, showProgress)
      .catch(() => ask({ ask: "status" }))  // offline, say what is kept
      .then(showState, () => {});
  }
  if (document.readyState === "complete") firstKeep();
  else window.addEventListener("load", firstKeep);
})();
