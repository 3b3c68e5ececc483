"use client";

import { Button } from "@/components/ui/button";
import { downloadText } from "./download";
import { REFUSAL_MESSAGE, useRefusalCheck, type Refusal } from "./freshness";
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
  const refusal = useRefusalCheck();
  const [refused, show] = useTransientStatus<Refusal>(null);
  return (
    <span className={styles.copy}>
      <Button
        size="small"
        onClick={() => {
          const why = refusal();
          if (why === null) downloadText(fileName, content);
          else show(why, 8000);
        }}
      >
        {children}
        <span className="visually-hidden"> {fileName}</span>
      </Button>
      <span role="status" className={styles.copyStatus} data-problem>
        {refused !== null && REFUSAL_MESSAGE[refused]}
      </span>
    </span>
  );
}
