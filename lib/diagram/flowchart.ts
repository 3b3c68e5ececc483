// A tiny Mermaid flowchart writer: generated ids (n1, n2, …; never user text),
// labels always quoted and escaped, edges numbered in the order Mermaid numbers
// them (for `linkStyle`). The diagram builders say what to draw; this file is
// the only place that knows flowchart syntax.
import { escapeAccessibleText, escapeLabelLines } from "./escape";

export type EdgeStyle = "solid" | "dotted" | "line" | "dotted-line" | "solid-both" | "dotted-both";

// "dotted-both" (arrowheads at both ends) draws a request and its response as
// one edge: Mermaid's layout puts `from` above `to` for every edge, and two
// edges in opposite directions between one pair make a cycle that its layout
// breaks by flipping one of them, which puts clients above their bootstrap in
// one zone and below it in the next.
const EDGE_ARROWS: Record<EdgeStyle, string> = {
  solid: "-->",
  dotted: "-.->",
  line: "---",
  "dotted-line": "-.-",
  "solid-both": "<-->",
  "dotted-both": "<-.->",
};

interface NodeItem {
  kind: "node";
  id: string;
  label: string;
}
interface SubgraphItem {
  kind: "subgraph";
  id: string;
  label: string;
  children: Item[];
}
type Item = NodeItem | SubgraphItem;

interface Edge {
  from: string;
  to: string;
  style: EdgeStyle;
  label: string | null;
}

export interface ClassDef {
  name: string;
  /** Mermaid style properties, e.g. `fill:#fff,stroke:#000` (constants, never user text). */
  style: string;
}

/** A container items are added to: the top level or a subgraph. */
export interface Scope {
  node(lines: readonly string[]): string;
  subgraph(lines: readonly string[]): Scope & { id: string };
}

export class Flowchart implements Scope {
  private counter = 0;
  private readonly items: Item[] = [];
  private readonly edges: Edge[] = [];
  private readonly classes = new Map<string, string[]>();
  private readonly failingEdges: number[] = [];

  constructor(
    private readonly direction: "TB",
    private readonly accTitle: string,
    private readonly accDescr: string,
  ) {}

  private nextId(): string {
    this.counter += 1;
    return `n${this.counter}`;
  }

  private scope(into: Item[]): Scope {
    return {
      node: (lines) => {
        const id = this.nextId();
        into.push({ kind: "node", id, label: escapeLabelLines(lines) });
        return id;
      },
      subgraph: (lines) => {
        const id = this.nextId();
        const children: Item[] = [];
        into.push({ kind: "subgraph", id, label: escapeLabelLines(lines), children });
        return { id, ...this.scope(children) };
      },
    };
  }

  node(lines: readonly string[]): string {
    return this.scope(this.items).node(lines);
  }

  subgraph(lines: readonly string[]): Scope & { id: string } {
    return this.scope(this.items).subgraph(lines);
  }

  /** Adds an edge and returns its index (Mermaid's `linkStyle` number). */
  edge(from: string, to: string, style: EdgeStyle, label: readonly string[] | null = null): number {
    this.edges.push({ from, to, style, label: label === null ? null : escapeLabelLines(label) });
    return this.edges.length - 1;
  }

  /** Puts a node in a class (see renderFlowchart's classDefs). */
  addClass(className: string, id: string): void {
    const ids = this.classes.get(className) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.classes.set(className, ids);
  }

  markEdgeFailing(index: number): void {
    if (!this.failingEdges.includes(index)) this.failingEdges.push(index);
  }

  render(classDefs: readonly ClassDef[], failingEdgeStyle: string): string {
    const lines = [`flowchart ${this.direction}`];
    lines.push(`  accTitle: ${escapeAccessibleText(this.accTitle)}`);
    lines.push(`  accDescr: ${escapeAccessibleText(this.accDescr)}`);
    const walk = (items: Item[], indent: string): void => {
      for (const item of items) {
        if (item.kind === "node") {
          lines.push(`${indent}${item.id}["${item.label}"]`);
        } else {
          lines.push(`${indent}subgraph ${item.id}["${item.label}"]`);
          // Mermaid lays out a subgraph that no edge enters (here often the whole
          // cluster) on its own, across the parent's direction unless told.
          lines.push(`${indent}  direction ${this.direction}`);
          walk(item.children, `${indent}  `);
          lines.push(`${indent}end`);
        }
      }
    };
    walk(this.items, "  ");
    for (const edge of this.edges) {
      const label = edge.label === null ? "" : `|"${edge.label}"|`;
      lines.push(`  ${edge.from} ${EDGE_ARROWS[edge.style]}${label} ${edge.to}`);
    }
    for (const def of classDefs) {
      if (this.classes.has(def.name)) lines.push(`  classDef ${def.name} ${def.style}`);
    }
    for (const def of classDefs) {
      const ids = this.classes.get(def.name);
      if (ids !== undefined) lines.push(`  class ${ids.join(",")} ${def.name}`);
    }
    if (this.failingEdges.length > 0) {
      const indices = [...this.failingEdges].sort((a, b) => a - b);
      lines.push(`  linkStyle ${indices.join(",")} ${failingEdgeStyle}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
