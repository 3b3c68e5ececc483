"use client";

import { Button } from "@/components/ui/button";
import { downloadText } from "./download";
import { STALE_ACTION_MESSAGE, useOutputsStale } from "./freshness";
import styles from "./outputs.module.css";
import { useTransientStatus } from "./use-transient-status";

export interface DownloadButtonProps {
  fileName: string;
  content: string;
  /** Visible label; the accessible name is "<label> <file name>". */
  children?: string;
}

/**
 * Downloads one generated file under its bundle name, with the right media type;
 * refuses, saying why, while the outputs are out of date (freshness.ts).
 */
export function DownloadButton({ fileName, content, children = "Download" }: DownloadButtonProps) {
  const stale = useOutputsStale();
  const [refused, show] = useTransientStatus(false);
  return (
    <span className={styles.copy}>
      <Button
        size="small"
        onClick={() => (stale ? show(true, 8000) : downloadText(fileName, content))}
      >
        {children}
        <span className="visually-hidden"> {fileName}</span>
      </Button>
      <span role="status" className={styles.copyStatus} data-problem>
        {refused && STALE_ACTION_MESSAGE}
      </span>
    </span>
  );
}
