// Printing a handout assembled in the browser. Python sends every piece (exercise sheets with
// figure placeholders, the drawn poses, the red flags); this module fills in the figures and
// prints the handout on its own, with the rest of the page hidden (book/_assets/print.css).

// Put each pose's drawing into its placeholder: <img data-pose="name" alt="...">.
export function fillFigures(root, poses) {
  for (const img of root.querySelectorAll("img[data-pose]")) {
    const src = poses[img.dataset.pose];
    if (src) img.src = src;
  }
  return root;
}

// Print `node` alone: a copy goes into #be-print-area, the page is marked as printing, and both
// are undone when the print dialog closes. On the built book the figures are files the browser
// may still be fetching, or has left until the reader scrolls near them (loading="lazy"): each is
// fetched now, and it prints once each has loaded (or failed to).
export async function printAlone(node) {
  let area = document.getElementById("be-print-area");
  if (!area) {
    area = document.createElement("div");
    area.id = "be-print-area";
    document.body.append(area);
  }
  area.replaceChildren(node.cloneNode(true));
  const figures = [...area.querySelectorAll("img")];
  figures.forEach((img) => { img.loading = "eager"; });
  await Promise.all(figures.map((img) => img.decode().catch(() => {})));
  document.documentElement.classList.add("be-printing");
  const done = () => {
    document.documentElement.classList.remove("be-printing");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}
