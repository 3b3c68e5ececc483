// Geometry checks for a Mermaid flowchart as the browser shows it (issue 12):
// every node, edge label and subgraph title has its rendered text inside its
// shape (nothing overflowing or clipped), no subgraph title overlaps what the
// subgraph contains or is struck through by an edge, and the smallest text as
// shown on screen, in CSS px.
//
// `inspectFlowchart` runs in the page (page.evaluate / locator.evaluate): it
// must not close over anything and uses only DOM APIs. The text box of a label
// is the union of its text's client rects (a Range over the label), i.e. where
// the glyphs are laid out, which is where they would be drawn if nothing
// clipped them; its shape is the node's outline, the subgraph's rectangle, or
// for an edge label the box Mermaid sized for it (its foreignObject).

export interface LabelProblem {
  kind: "node" | "edge label" | "subgraph title";
  text: string;
  problem: string;
}

export interface FlowchartGeometry {
  /** Shown width ÷ the drawing's own width. */
  scale: number;
  /** The drawing's own width (its viewBox). */
  naturalWidth: number;
  /** The smallest label text as shown, in CSS px (font size × scale). */
  minTextPx: number;
  /** Labels with text that were checked. */
  labels: number;
  problems: LabelProblem[];
}

export function inspectFlowchart(svg: SVGSVGElement): FlowchartGeometry {
  type Box = { left: number; top: number; right: number; bottom: number };
  type Kind = LabelProblem["kind"];
  const toBox = (r: DOMRect): Box => ({
    left: r.left,
    top: r.top,
    right: r.right,
    bottom: r.bottom,
  });
  const svgBox = svg.getBoundingClientRect();
  const naturalWidth = svg.viewBox.baseVal.width;
  const scale = svgBox.width / naturalWidth;
  // Half a pixel of the drawing's own units: sub-pixel rounding is not overflow.
  const tolerance = 0.5 * scale;
  const inside = (inner: Box, outer: Box) =>
    inner.left >= outer.left - tolerance &&
    inner.top >= outer.top - tolerance &&
    inner.right <= outer.right + tolerance &&
    inner.bottom <= outer.bottom + tolerance;
  const overlap = (a: Box, b: Box) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;
  const textBox = (element: Element): Box | null => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) return null;
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  };
  const fmt = (b: Box) =>
    `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)}`;

  interface Label {
    kind: Kind;
    text: string;
    textBox: Box;
    clip: Box;
    shape: Box;
    fontPx: number;
    owner: Element;
  }
  const labels: Label[] = [];
  for (const fo of svg.querySelectorAll("foreignObject")) {
    const content = fo.firstElementChild;
    const text = (content?.textContent ?? "").replace(/\s+/g, " ").trim();
    if (content === null || text === "") continue;
    const box = textBox(content);
    if (box === null) continue;
    const node = fo.closest("g.node");
    const cluster = fo.closest("g.cluster");
    const kind: Kind = node !== null ? "node" : cluster !== null ? "subgraph title" : "edge label";
    const owner = node ?? cluster ?? fo;
    let shapeElement: Element = fo;
    if (node !== null) {
      shapeElement =
        node.querySelector(":scope > .label-container, :scope > g.label-container") ??
        node.querySelector(":scope > rect, :scope > polygon, :scope > path") ??
        fo;
    } else if (cluster !== null) {
      shapeElement = cluster.querySelector(":scope > rect") ?? fo;
    }
    const textElement = content.querySelector("p, span") ?? content;
    labels.push({
      kind,
      text,
      textBox: box,
      clip: toBox(fo.getBoundingClientRect()),
      shape: toBox(shapeElement.getBoundingClientRect()),
      fontPx: Number.parseFloat(getComputedStyle(textElement).fontSize) * scale,
      owner,
    });
  }

  const problems: LabelProblem[] = [];
  const report = (label: Label, problem: string) =>
    problems.push({ kind: label.kind, text: label.text, problem });
  for (const label of labels) {
    if (!inside(label.textBox, label.clip)) {
      report(label, `text ${fmt(label.textBox)} is cut by its label box ${fmt(label.clip)}`);
    }
    if (label.kind !== "edge label" && !inside(label.textBox, label.shape)) {
      report(label, `text ${fmt(label.textBox)} overflows its shape ${fmt(label.shape)}`);
    }
  }
  // A subgraph title must not touch anything drawn inside the subgraph: nodes,
  // nested subgraphs (their frames), edge labels, and other titles.
  const clusters = labels.filter((l) => l.kind === "subgraph title");
  for (const title of clusters) {
    for (const other of labels) {
      if (other === title) continue;
      const within = inside(other.shape, title.shape);
      if (!within) continue;
      const against =
        other.kind === "subgraph title"
          ? other.shape
          : other.kind === "node"
            ? other.shape
            : other.textBox;
      if (overlap(title.textBox, against)) {
        report(
          title,
          `overlaps the ${other.kind} "${other.text.slice(0, 40)}" (${fmt(title.textBox)} vs ${fmt(against)})`,
        );
      }
    }
  }
  // No edge may be painted across a subgraph title's text. Mermaid paints edges
  // over titles, so where an edge runs through one, the point must be clipped
  // away: outside the clip path the edges are drawn through (edge-title-clip.ts).
  const inHole = (path: SVGGraphicsElement, x: number, y: number): boolean => {
    const clipped = path.closest<SVGGraphicsElement>("[clip-path]");
    const id = /^url\(#(.+)\)$/.exec(clipped?.getAttribute("clip-path") ?? "")?.[1];
    const shape =
      id === undefined
        ? null
        : svg.ownerDocument.getElementById(id)?.querySelector<SVGPathElement>("path");
    const toScreen = clipped?.getScreenCTM();
    if (shape === null || shape === undefined || toScreen === null || toScreen === undefined) {
      return false;
    }
    return !shape.isPointInFill(new DOMPoint(x, y).matrixTransform(toScreen.inverse()));
  };
  for (const path of svg.querySelectorAll<SVGPathElement>("g.edgePaths path")) {
    const toScreen = path.getScreenCTM();
    if (toScreen === null) continue;
    const crossed = new Set<Label>();
    const length = path.getTotalLength();
    for (let at = 0; at <= length; at += 1) {
      const point = path.getPointAtLength(at).matrixTransform(toScreen);
      for (const title of clusters) {
        const box = title.textBox;
        const within =
          point.x > box.left && point.x < box.right && point.y > box.top && point.y < box.bottom;
        if (within && !crossed.has(title) && !inHole(path, point.x, point.y)) {
          crossed.add(title);
          report(title, `is struck through by the edge ${path.id} at ${fmt(box)}`);
        }
      }
    }
  }
  return {
    scale,
    naturalWidth,
    minTextPx: Math.min(...labels.map((l) => l.fontPx)),
    labels: labels.length,
    problems,
  };
}
