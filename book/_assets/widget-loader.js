// Offline widget loader for the built book. Included only on pages that show widgets.
//
// myst-nb saves each page's widget state in a <script type="application/vnd.jupyter.widget-state+json">
// and puts a <script type="application/vnd.jupyter.widget-view+json"> where each widget goes.
// Every widget in this book is an anywidget, whose state carries its own ES module (_esm)
// and stylesheet (_css). So instead of the 3.6 MB Jupyter widget manager, this file imports
// each module from a Blob URL and calls its render() with the stand-in model the module exports. No kernel,
// no network: it works over http and over file://.
// The build stores each value a page's widget states repeat once (book/_ext/widget_state.py):
// a value {"$shared": i}, at any depth, stands for the i-th value of the state's
// "backease_shared" list (which may hold such references itself). A long text (a widget's module, its
// styles, the timer's tones) is kept in a script file that pages share and the browser keeps: {"$text": url},
// loaded before the widget renders. A value a widget needs only when the reader acts is kept in a script file:
// {"$file": url, "$key": name}, loaded when a view first asks for one of them, and then the long texts the value
// holds as {"$text": url} (which "$texts" lists, for the offline app).
(function () {
  "use strict";
  const STATE = "application/vnd.jupyter.widget-state+json";
  const VIEW = "application/vnd.jupyter.widget-view+json";

  // Values kept in a file: a <script> (which loads over file:// too, where fetch cannot) that calls
  // backeaseFile({name: value, ...}). The promise of them, loaded once.
  const files = new Map();
  const arriving = new Map(); // script element -> resolve
  window.backeaseFile = (value) => arriving.get(document.currentScript)?.(value);
  function fromFile(url) {
    if (!files.has(url)) {
      files.set(url, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        arriving.set(script, resolve);
        script.onerror = () => reject(new Error(`could not load ${url}`));
        script.onload = () => {
          arriving.delete(script);
          reject(new Error(`${url} holds no value`)); // nothing if it held one (resolved already)
        };
        document.head.append(script);
      }));
    }
    return files.get(url);
  }

  const inFile = (value) => value && typeof value === "object" && typeof value.$file === "string" && "$key" in value;
  const isText = (value) => value && typeof value === "object" && Object.keys(value).join() === "$text";

  // The long texts a widget's state names ({"$text": url}, at any depth, in its shared values too), loaded: url -> text.
  const texts = new Map();
  function textUrls(value, shared, urls) {
    if (Array.isArray(value)) value.forEach((v) => textUrls(v, shared, urls));
    else if (isText(value)) urls.add(value.$text);
    else if (value && typeof value === "object") {
      if (Number.isInteger(value.$shared) && Object.keys(value).length === 1) textUrls(shared[value.$shared], shared, urls);
      else Object.values(value).forEach((v) => textUrls(v, shared, urls));
    }
    return urls;
  }
  const loadTexts = (state, shared) =>
    Promise.all([...textUrls(state, shared, new Set())].map((url) => fromFile(url).then((text) => texts.set(url, text))));

  // A value kept in a file is a promise of it, its long texts loaded and in place (a view awaits it; in Jupyter,
  // awaiting the value itself gives it).
  const fromFileWithTexts = async ({ $file, $key }) => {
    const value = (await fromFile($file))[$key];
    await loadTexts(value, []);
    return resolveShared(value, []);
  };
  const read = (value) => (inFile(value) ? fromFileWithTexts(value) : value);

  const modules = new Map(); // one import per distinct module text
  function importModule(source) {
    if (!modules.has(source)) {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      modules.set(source, import(url).finally(() => URL.revokeObjectURL(url)));
    }
    return modules.get(source);
  }

  const styles = new Set();
  function addStyle(css) {
    if (!css || styles.has(css)) return;
    styles.add(css);
    const tag = document.createElement("style");
    tag.textContent = css;
    document.head.append(tag);
  }

  // The value with every {"$shared": i} replaced by what it stands for, and every {"$text": url} by its text
  // (loaded by loadTexts); each widget gets its own copy of a shared list or dict, so one widget changing its
  // data cannot change another's.
  function resolveShared(value, shared) {
    if (Array.isArray(value)) return value.map((v) => resolveShared(v, shared));
    if (!value || typeof value !== "object") return value;
    if (isText(value)) return texts.get(value.$text);
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$shared" && Number.isInteger(value.$shared)) {
      return resolveShared(shared[value.$shared], shared);
    }
    return Object.fromEntries(keys.map((k) => [k, resolveShared(value[k], shared)]));
  }

  const initialized = new WeakSet();
  const models = new Map(); // widget id -> its one model, shared by all its views (they stay in sync)

  // What a widget needs first, for every widget at once as the page starts: its module and the long texts its
  // state names (its styles, a timer's tones), which all start loading together; a text waited for only after
  // the module had arrived put a second round of loading before the first render.
  async function load(viewScript, states, shared) {
    const { model_id: id } = JSON.parse(viewScript.textContent);
    const entry = states[id];
    if (!entry || entry.model_name !== "AnyModel") {
      throw new Error(`widget ${id} cannot be shown offline: only anywidgets are supported`);
    }
    const textsLoaded = loadTexts(entry.state, shared);
    textsLoaded.catch(() => {}); // reported in the widget's turn
    const esm = entry.state._esm;
    const source = isText(esm) ? await fromFile(esm.$text) : resolveShared(esm, shared);
    return importModule(source).then((mod) => ({ viewScript, id, entry, mod, textsLoaded }));
  }

  // In the widget's own turn: its texts (loading since the start) and values (resolved once per widget, not all at
  // the start, where they made one long task of a page of widgets), its styles and its model, the stand-in every
  // widget module exports (standInModel, in backease's static/_shared.js); then the view.
  async function show({ viewScript, id, entry, mod, textsLoaded }, shared) {
    if (!models.has(id)) {
      await textsLoaded;
      const values = Object.fromEntries(Object.entries(entry.state).map(([name, value]) => [name, resolveShared(value, shared)]));
      addStyle(values._css);
      models.set(id, mod.standInModel(values, read));
    }
    const model = models.get(id);
    const widget = typeof mod.default === "function" ? await mod.default() : mod.default || mod;
    // What the build put after the view tag for the page to show until now (book/_ext/widget_state.py,
    // placeholders_into_body) is where the view draws: emptied in the same task as the view's first drawing.
    const placeholder = viewScript.nextElementSibling?.hasAttribute("data-placeholder") ? viewScript.nextElementSibling : null;
    const host = placeholder ?? document.createElement("div");
    host.className = "be-widget";
    viewScript.replaceWith(host);
    if (!initialized.has(model)) {
      initialized.add(model);
      await widget.initialize?.({ model });
    }
    if (placeholder) {
      host.removeAttribute("data-placeholder");
      host.replaceChildren();
    }
    await widget.render({ model, el: host });
  }

  const nextTask = () => new Promise((resolve) => setTimeout(resolve));

  // Every widget's module starts loading at once; then they render in page order, each in a task
  // of its own, so a page of widgets holds the reader's taps up for no long stretch.
  async function start() {
    const stateTag = document.querySelector(`script[type="${STATE}"]`);
    if (!stateTag) return;
    const manager = JSON.parse(stateTag.textContent);
    const states = manager.state || {};
    const shared = manager.backease_shared || [];
    const loading = [...document.querySelectorAll(`script[type="${VIEW}"]`)].map((view) => load(view, states, shared));
    loading.forEach((widget) => widget.catch(() => {})); // reported below, in its turn
    for (const widget of loading) {
      await widget.then((parts) => show(parts, shared)).catch((err) => console.error("Widget failed to render:", err));
      await nextTask();
    }
  }

  // The build puts this script after the page's widgets and their state, marked so
  // (book/_ext/page_weight.py): the widgets start at once. Anywhere else it waits until the page has been read.
  if (document.currentScript?.hasAttribute("data-after-widgets") || document.readyState !== "loading") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
