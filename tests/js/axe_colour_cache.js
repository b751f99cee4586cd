// Loaded after axe-core in the tabs that run its colour rules (conftest.add_axe). axe-core parses the same few CSS
// colour strings ("rgb(33, 37, 41)", ...) tens of thousands of times per crawl, each time through colorjs.io:
// about half of the colour rules' time. Parsing is a pure function of the string, so each string is parsed once
// and its numbers reused. Nothing else changes: axe-core's results are the same with and without this, node for
// node (test_crawl.py, test_the_colour_cache_changes_no_result).
(() => {
  const Color = window.axe?.commons?.color?.Color;
  if (typeof Color?.prototype?.parseString !== "function") {
    throw new Error("axe_colour_cache.js: this axe-core has no Color.prototype.parseString to cache");
  }
  const parse = Color.prototype.parseString;
  const parsed = new Map();
  Color.prototype.parseString = function (text) {
    const known = parsed.get(text);
    if (known) {
      [this.r, this.g, this.b, this.alpha] = known;
      return this;
    }
    parse.call(this, text); // throws, and caches nothing, on a string it cannot parse
    parsed.set(text, [this.r, this.g, this.b, this.alpha]);
    return this;
  };
})();
