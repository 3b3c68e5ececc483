"use client";

import { useCallback, useMemo, useRef } from "react";
import { CopyButton } from "@/components/outputs/copy-button";
import { DownloadButton } from "@/components/outputs/download-button";
import type { Finding } from "@/lib/check/types";
import { buildTopologyDiagram } from "@/lib/diagram/build-diagram";
import { describeTopology } from "@/lib/diagram/describe";
import type { Scenario } from "@/lib/scenario/schema";
import styles from "./diagram.module.css";
import { ExportTools } from "./export-tools";
import { MermaidView, type PrerenderedDrawing } from "./mermaid-view";
import {
  PRERENDERED_TOPOLOGY_ANCHOR,
  PRERENDERED_TOPOLOGY_SIZE,
  PRERENDERED_TOPOLOGY_TEXT,
} from "./prerendered-topology";
import { useColorScheme } from "./use-color-scheme";

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? "";
/** The default scenario's diagram, drawn at build time so it shows at first paint (issue 7). */
const PRERENDERED_DEFAULT: PrerenderedDrawing = {
  text: PRERENDERED_TOPOLOGY_TEXT,
  ...PRERENDERED_TOPOLOGY_SIZE,
  anchor: PRERENDERED_TOPOLOGY_ANCHOR,
  light: `${basePath}/prerendered/default-topology-light.svg`,
  dark: `${basePath}/prerendered/default-topology-dark.svg`,
};

/** The benchmark and e2e tests read this performance mark (issue 7: time to first diagram). */
export const FIRST_DIAGRAM_MARK = "bufstream-wizard:first-diagram";
export const TOPOLOGY_FILE_NAME = "topology.mmd";

export interface TopologyDiagramProps {
  scenario: Scenario;
  findings: readonly Finding[];
}

/**
 * The topology as a Mermaid flowchart in a zoomable viewer with SVG / PNG
 * export (issue 12), with its text alternative (title, description, and a
 * table of Services, addresses and zones; issue 7) and the Mermaid source to
 * copy or download.
 */
export function TopologyDiagram({ scenario, findings }: TopologyDiagramProps) {
  const text = useMemo(() => buildTopologyDiagram(scenario, [...findings]), [scenario, findings]);
  const description = useMemo(() => describeTopology(scenario), [scenario]);
  // The zone column only means something when the layout is zone-aware.
  const zoned = description.rows.some((row) => row.zone !== "");
  const sourceRef = useRef<HTMLPreElement>(null);
  const theme = useColorScheme();
  const markFirstDraw = useCallback(() => {
    performance.mark(FIRST_DIAGRAM_MARK);
  }, []);

  return (
    <div className={styles.topology}>
      <MermaidView
        text={text}
        label={`Topology diagram: ${description.title}`}
        name="topology diagram"
        describedBy="topology-description"
        onFirstDraw={markFirstDraw}
        testId="topology-diagram"
        // Drawn once it comes near the viewport (issue 14): on a phone opened
        // from a share link the topology is screens below, and drawing it at
        // load (mermaid's download, evaluation and layout) was most of the
        // page's blocking time; on desktop it is in the first screen anyway.
        lazy
        prerendered={PRERENDERED_DEFAULT}
        anchorText="Kafka clients"
        tools={<ExportTools text={text} theme={theme} prerendered={PRERENDERED_DEFAULT} />}
      />
      <div className={styles.alternative}>
        <p className={styles.altTitle}>{description.title}</p>
        <p id="topology-description">{description.description}</p>
        <details className={styles.details}>
          <summary>Services, addresses and zones</summary>
          <div className={styles.tableScroll}>
            <table className={styles.table}>
              <caption className="visually-hidden">
                Services, addresses and zones in this topology
              </caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Address</th>
                  {zoned && <th scope="col">Zone</th>}
                </tr>
              </thead>
              <tbody>
                {description.rows.map((row) => (
                  <tr key={`${row.service}|${row.address}|${row.zone}|${row.kind}`}>
                    <th scope="row">{row.service}</th>
                    <td>{row.kind}</td>
                    <td>
                      <code>{row.address}</code>
                    </td>
                    {zoned && <td>{row.zone}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <details className={styles.details}>
          <summary>Mermaid source</summary>
          <pre className={styles.source} ref={sourceRef} tabIndex={0}>
            <code>{text}</code>
          </pre>
        </details>
      </div>
      <div className={styles.actions}>
        <CopyButton text={text} what="Mermaid source" fallbackTarget={sourceRef} />
        <DownloadButton fileName={TOPOLOGY_FILE_NAME} content={text} />
      </div>
    </div>
  );
}
