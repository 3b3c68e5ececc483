// Mermaid paints a flowchart's subgraphs first and its edges after them (inside
// each g.root: g.clusters, g.edgePaths, g.edgeLabels, g.nodes), so an edge that
// enters a subgraph from above runs straight through the subgraph's title:
// "Kubernetes cluster · namespace …", "zone us-east-1a" and the StatefulSet's
// title are each struck through in every preset with a load balancer or a
// StatefulSet. Backing the title with the subgraph's fill cannot help (the edge
// is painted over it), CSS cannot reorder SVG painting, and moving the titles out
// of their g.cluster would change the structure the page and its tests read. So
// the edges get a clip path with a hole at each title's box: a line stops at the
// title and carries on below it, as lines do at edge labels. Applied to the
// drawing on the page once it is in the DOM (mermaid-view.tsx: a few elements
// added, no markup parsed again), to "Save image" (export-diagram.ts) and to the
// build-time drawing (scripts/prerender-diagram.ts).

/**
 * Clips every graph's edges (in place) where its subgraph titles are; a graph
 * already clipped is left alone, so running it twice changes nothing.
 *
 * Self-contained on purpose (no imports, nothing from outside the function):
 * scripts/prerender-diagram.ts injects its source into the drawing page, so the
 * build-time drawing is clipped exactly as the page's own drawings are.
 */
export function clipEdgesAtTitles(svg: Element): void {
  const svgNamespace = "http://www.w3.org/2000/svg";
  // Drawing units around each title's box: the line stops just clear of the text.
  const clearance = 1;
  // Beyond any drawing (drawing units): everything outside the holes is kept.
  const far = 100000;
  const owner = svg.ownerDocument;
  const svgId = svg.getAttribute("id") ?? "diagram";
  // Nested graphs (a subgraph Mermaid lays out on its own) have a g.root of their
  // own, in their own coordinates: each root's titles clip that root's edges.
  svg.querySelectorAll("g.root").forEach((root, index) => {
    const edges = root.querySelector(":scope > g.edgePaths");
    const clusters = root.querySelector(":scope > g.clusters");
    if (edges === null || clusters === null || edges.hasAttribute("clip-path")) return;
    const holes: { x: number; y: number; width: number; height: number }[] = [];
    for (const title of clusters.querySelectorAll(":scope > g.cluster > g.cluster-label")) {
      const at = /^translate\(\s*([-+\d.e]+)[\s,]+([-+\d.e]+)\s*\)$/.exec(
        title.getAttribute("transform") ?? "",
      );
      const box = title.querySelector(":scope > foreignObject");
      const x = Number(at?.[1]);
      const y = Number(at?.[2]);
      const width = Number(box?.getAttribute("width"));
      const height = Number(box?.getAttribute("height"));
      if (![x, y, width, height].every(Number.isFinite) || width <= 0 || height <= 0) continue;
      holes.push({
        x: x - clearance,
        y: y - clearance,
        width: width + 2 * clearance,
        height: height + 2 * clearance,
      });
    }
    if (holes.length === 0) return;
    // A clip path rather than a mask: the same holes, without the offscreen
    // alpha layer a mask costs at every drawing. One path, the whole plane less
    // each title's box (even-odd: every hole's subpath subtracts).
    const clipId = `${svgId}-edges-clear-of-titles-${index}`;
    const clip = owner.createElementNS(svgNamespace, "clipPath");
    clip.setAttribute("id", clipId);
    clip.setAttribute("clipPathUnits", "userSpaceOnUse");
    const shape = owner.createElementNS(svgNamespace, "path");
    shape.setAttribute(
      "d",
      [
        `M${-far} ${-far}H${far}V${far}H${-far}Z`,
        ...holes.map((h) => `M${h.x} ${h.y}h${h.width}v${h.height}h${-h.width}Z`),
      ].join(""),
    );
    shape.setAttribute("clip-rule", "evenodd");
    shape.setAttribute("fill-rule", "evenodd");
    clip.append(shape);
    root.insertBefore(clip, edges);
    edges.setAttribute("clip-path", `url(#${clipId})`);
  });
}
