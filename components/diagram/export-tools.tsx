"use client";

import { useId, useState } from "react";
import { copyImage } from "@/components/outputs/clipboard";
import { CopyButton } from "@/components/outputs/copy-button";
import { downloadBlob } from "@/components/outputs/download";
import { buildMermaidLiveUrl } from "@/lib/diagram/mermaid-live";
import styles from "./diagram.module.css";
import type { ExportBackground, ExportChoice, PrerenderedFiles } from "./export-diagram";
import type { DiagramTheme } from "./mermaid-config";

/**
 * The export code loads when an image is first asked for: nobody needs it to
 * see or edit the topology (issue 14, JavaScript fetched by the first live
 * drawing). A failed load is reported like a failed image.
 */
const exportCode = () => import("./export-diagram");

export interface ExportToolsProps {
  /** The Mermaid text drawn. */
  text: string;
  /** The page's theme: the default choice. */
  theme: DiagramTheme;
  /** The build-time drawing, used as is when `text` is its text. */
  prerendered?: PrerenderedFiles;
}

type Status = { kind: "idle" } | { kind: "working" } | { kind: "error"; message: string };

/**
 * Take the topology away: SVG or PNG, light or dark, on the theme's background
 * or transparent; copy it as a PNG; or open its source in the Mermaid Live
 * editor (a link: nothing is sent anywhere until it is followed).
 */
export function ExportTools({ text, theme, prerendered }: ExportToolsProps) {
  const id = useId();
  const [chosenTheme, setChosenTheme] = useState<DiagramTheme | null>(null);
  const [background, setBackground] = useState<ExportBackground>("theme");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // The Mermaid Live link compresses the whole diagram text: built only while
  // the menu is open (its contents are hidden otherwise), not at every edit
  // (issue 14: it was part of each edit's own render).
  const [open, setOpen] = useState(false);
  const choice: ExportChoice = { theme: chosenTheme ?? theme, background };

  const run = async (work: () => Promise<void>) => {
    setStatus({ kind: "working" });
    try {
      await work();
      setStatus({ kind: "idle" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ kind: "error", message: `The image could not be made: ${message}` });
    }
  };
  const downloadSvg = () =>
    run(async () => {
      const { exportFileName, exportSvg } = await exportCode();
      const svg = await exportSvg(text, choice, prerendered);
      downloadBlob(exportFileName(choice, "svg"), new Blob([svg], { type: "image/svg+xml" }));
    });
  const downloadPng = () =>
    run(async () => {
      const { exportFileName, exportSvg, svgToPng } = await exportCode();
      const png = await svgToPng(await exportSvg(text, choice, prerendered));
      downloadBlob(exportFileName(choice, "png"), png);
    });
  const copyPng = () =>
    copyImage(
      exportCode().then(({ exportSvg, svgToPng }) =>
        exportSvg(text, choice, prerendered).then((svg) => svgToPng(svg)),
      ),
    );

  return (
    <details className={styles.exportMenu} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={styles.tool}>Save image…</summary>
      <div className={styles.exportTools}>
        <label className={styles.exportOption} htmlFor={`${id}-theme`}>
          Image
          <select
            id={`${id}-theme`}
            className={styles.select}
            value={choice.theme}
            onChange={(event) => setChosenTheme(event.target.value as DiagramTheme)}
          >
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
        <label className={styles.exportOption}>
          <input
            type="checkbox"
            checked={background === "transparent"}
            onChange={(event) => setBackground(event.target.checked ? "transparent" : "theme")}
          />
          transparent
        </label>
        <button
          type="button"
          className={styles.tool}
          onClick={downloadSvg}
          aria-busy={status.kind === "working"}
        >
          Download SVG
        </button>
        <button
          type="button"
          className={styles.tool}
          onClick={downloadPng}
          aria-busy={status.kind === "working"}
        >
          Download PNG
        </button>
        <CopyButton
          what="topology as a PNG image"
          copy={copyPng}
          failedMessage="This browser cannot copy images here: use Download PNG."
        >
          Copy PNG
        </CopyButton>
        <a
          className={styles.tool}
          href={open ? buildMermaidLiveUrl(text, choice.theme) : undefined}
          target="_blank"
          rel="noopener noreferrer"
        >
          Mermaid Live<span className="visually-hidden"> (opens the diagram in a new tab)</span>
        </a>
        <span role="status" className={styles.exportStatus}>
          {status.kind === "error" ? status.message : ""}
        </span>
      </div>
    </details>
  );
}
