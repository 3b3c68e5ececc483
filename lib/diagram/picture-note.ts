// What the bundle's README says about a picture of the topology (issue 12).
//
// The bundle carries no rendered topology.svg: the page, the zip and the CLI
// promise the same files, byte for byte, and Mermaid can only lay a diagram out
// in a browser (STACK.md trap 1), which the CLI never starts. The candidates
// for rendering without one do not close the gap: mermaid-isomorphic drives
// Playwright (a browser again), and beautiful-mermaid is a different renderer
// (its own ELK layout, text widths estimated from character classes, fonts
// imported from a CDN), so its SVG would neither match the page's drawing nor
// guarantee that labels fit. The README says where to get the picture instead.

/** Sentences for the README's topology section, after it names the Mermaid file. */
export function topologyPictureNote(diagramFile: string): string {
  return (
    `Paste \`${diagramFile}\` into any Mermaid viewer, or, for a picture (SVG or PNG, light or dark), ` +
    "open this scenario in the wizard and use Save image under the topology diagram."
  );
}
