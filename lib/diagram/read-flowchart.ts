// Reads back the flowchart text flowchart.ts writes (and nothing else): for
// tests that count nodes, subgraphs and edges, and check labels. It is strict:
// a line it does not recognise is reported, so it doubles as a check that the
// text has the structure the writer promises, whatever the labels hold.
import { LABEL_LINE_BREAK, decodeLabel } from "./escape";

export interface ReadNode {
  id: string;
  /** Decoded label lines. */
  lines: string[];
  /** Ids of the enclosing subgraphs, outermost first. */
  parents: string[];
}
export interface ReadSubgraph extends ReadNode {
  kind: "subgraph";
}
export interface ReadEdge {
  index: number;
  from: string;
  to: string;
  arrow: string;
  lines: string[];
}
export interface ReadFlowchart {
  nodes: ReadNode[];
  subgraphs: ReadSubgraph[];
  edges: ReadEdge[];
  /** class name -> node ids */
  classes: Map<string, string[]>;
  classDefs: string[];
  failingEdges: number[];
  /** Lines that match no statement the writer emits. */
  unknown: string[];
}

/** A label as written: the safe alphabet, entity codes and line breaks, no raw quote. */
const LABEL = String.raw`(?:[^"#;<>\[\]{}|%\x60\\$&*_~\n\r]|#\d+;|<br/>)*`;
const ID = String.raw`n\d+`;
const NODE = new RegExp(String.raw`^\s*(${ID})\["(${LABEL})"\]$`, "u");
const SUBGRAPH = new RegExp(String.raw`^\s*subgraph (${ID})\["(${LABEL})"\]$`, "u");
const EDGE = new RegExp(
  String.raw`^\s*(${ID}) (-->|-\.->|---|-\.-|<-\.->|<-->)(?:\|"(${LABEL})"\|)? (${ID})$`,
  "u",
);
const CLASS = new RegExp(String.raw`^\s*class (${ID}(?:,${ID})*) ([a-z]+)$`);
const CLASS_DEF = /^\s*classDef ([a-z]+) [a-z:#0-9,.\- ]+$/;
const LINK_STYLE = /^\s*linkStyle (\d+(?:,\d+)*) [a-z:#0-9,.\- ]+$/;
const ACC = /^\s*acc(Title|Descr): [^\n#%;&<>]*$/u;

function splitLabel(label: string): string[] {
  return label.split(LABEL_LINE_BREAK).map(decodeLabel);
}

export function readFlowchart(text: string): ReadFlowchart {
  const result: ReadFlowchart = {
    nodes: [],
    subgraphs: [],
    edges: [],
    classes: new Map(),
    classDefs: [],
    failingEdges: [],
    unknown: [],
  };
  const stack: string[] = [];
  const lines = text.split("\n");
  if (lines[0] !== "flowchart TB") result.unknown.push(lines[0] ?? "");
  for (const line of lines.slice(1)) {
    let m: RegExpMatchArray | null;
    if (line === "") continue;
    if ((m = line.match(SUBGRAPH))) {
      result.subgraphs.push({
        kind: "subgraph",
        id: m[1]!,
        lines: splitLabel(m[2]!),
        parents: [...stack],
      });
      stack.push(m[1]!);
    } else if (/^\s*direction TB$/.test(line)) {
      if (stack.length === 0) result.unknown.push(line);
    } else if (/^\s*end$/.test(line)) {
      if (stack.pop() === undefined) result.unknown.push(line);
    } else if ((m = line.match(NODE))) {
      result.nodes.push({ id: m[1]!, lines: splitLabel(m[2]!), parents: [...stack] });
    } else if ((m = line.match(EDGE))) {
      result.edges.push({
        index: result.edges.length,
        from: m[1]!,
        arrow: m[2]!,
        lines: m[3] === undefined ? [] : splitLabel(m[3]),
        to: m[4]!,
      });
    } else if ((m = line.match(CLASS))) {
      result.classes.set(m[2]!, m[1]!.split(","));
    } else if ((m = line.match(CLASS_DEF))) {
      result.classDefs.push(m[1]!);
    } else if ((m = line.match(LINK_STYLE))) {
      result.failingEdges.push(...m[1]!.split(",").map(Number));
    } else if (!ACC.test(line)) {
      result.unknown.push(line);
    }
  }
  if (stack.length > 0) result.unknown.push(`unclosed subgraph ${stack.join(",")}`);
  return result;
}
