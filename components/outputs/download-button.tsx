"use client";

import { Button } from "@/components/ui/button";
import { downloadText } from "./download";

export interface DownloadButtonProps {
  fileName: string;
  content: string;
  /** Visible label; the accessible name is "<label> <file name>". */
  children?: string;
}

/** Downloads one generated file under its bundle name, with the right media type. */
export function DownloadButton({ fileName, content, children = "Download" }: DownloadButtonProps) {
  return (
    <Button size="small" onClick={() => downloadText(fileName, content)}>
      {children}
      <span className="visually-hidden"> {fileName}</span>
    </Button>
  );
}
