import type { ClientLocation } from "../scenario/schema";

export type Severity = "error" | "warning" | "info";

/** One result of the topology check (DESIGN.md section 6). */
export interface Finding {
  /** Stable id, e.g. `outside-clients-cluster-ip`; tests and the CLI key on it. */
  id: string;
  severity: Severity;
  /** One line: what is wrong. */
  message: string;
  /** Why it happens (the mechanism). */
  why: string;
  /** What to change. */
  fix: string;
  /** Form field paths the finding concerns, dot-separated as react-hook-form names them (`loadBalancer.host`). */
  fields: string[];
  /** The client locations whose connections fail or degrade because of it (the diagram marks their edges). */
  clients: ClientLocation[];
}
