"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import type { BundleFile } from "@/lib/bundle/types";
import { CopyButton } from "./copy-button";
import { bundleZipName, downloadBundleZip } from "./download";
import { DownloadButton } from "./download-button";
import { STALE_ACTION_MESSAGE, useOutputsStale } from "./freshness";
import styles from "./outputs.module.css";

function lineCount(content: string): number {
  if (content === "") return 0;
  return content.split("\n").length - (content.endsWith("\n") ? 1 : 0);
}

function FileView({ file }: { file: BundleFile }) {
  const codeRef = useRef<HTMLPreElement>(null);
  const lines = lineCount(file.content);
  return (
    <div className={styles.file}>
      <div className={styles.fileBar}>
        <p className={styles.fileName}>
          <code>{file.name}</code>
          <span className={styles.meta}>
            {lines} {lines === 1 ? "line" : "lines"}
          </span>
        </p>
        <div className={styles.actions}>
          <CopyButton text={file.content} what={file.name} fallbackTarget={codeRef} />
          <DownloadButton fileName={file.name} content={file.content} />
        </div>
      </div>
      {/* Focusable so keyboard users can scroll long lines (axe scrollable-region-focusable). */}
      <pre className={styles.code} ref={codeRef} tabIndex={0} data-file={file.name}>
        <code>{file.content}</code>
      </pre>
    </div>
  );
}

export interface FilesPanelProps {
  releaseName: string;
  files: BundleFile[];
}

/** The bundle (DESIGN.md section 3): one tab per file, copy and download each, or all as a zip. */
export function FilesPanel({ releaseName, files }: FilesPanelProps) {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [zipState, setZipState] = useState<"idle" | "busy" | "failed" | "stale">("idle");
  const zipName = bundleZipName(releaseName);
  const stale = useOutputsStale();
  const shownState = zipState === "stale" && !stale ? "idle" : zipState;

  const downloadAll = async () => {
    if (zipState === "busy") return;
    if (stale) {
      setZipState("stale");
      return;
    }
    setZipState("busy");
    try {
      await downloadBundleZip(releaseName, files);
      setZipState("idle");
    } catch {
      setZipState("failed");
    }
  };

  return (
    <div className={styles.files}>
      <div className={styles.filesBar}>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus. */}
        <Button variant="primary" onClick={downloadAll} aria-disabled={zipState === "busy"}>
          Download all (.zip)
        </Button>
        <span role="status" className={styles.meta}>
          {shownState === "busy"
            ? `Preparing ${zipName}…`
            : shownState === "failed"
              ? `Could not build ${zipName}. Download the files one by one.`
              : shownState === "stale"
                ? STALE_ACTION_MESSAGE
                : `${files.length} files in ${zipName}`}
        </span>
      </div>
      <Tabs
        label="Generated files"
        className={styles.fileTabs}
        selected={selected}
        onSelect={setSelected}
        tabs={files.map((file) => ({
          id: file.name,
          label: file.name,
          content: <FileView file={file} />,
        }))}
      />
    </div>
  );
}
