"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { bundleFolderName } from "@/lib/bundle/folder";
import { renderShellBundle } from "@/lib/bundle/render-shell-bundle";
import type { BundleFile } from "@/lib/bundle/types";
import { CopyButton } from "./copy-button";
import { bundleZipName, downloadBundleZip } from "./download";
import { DownloadButton } from "./download-button";
import { FileDiff, FilePreview } from "./file-preview";
import { copyText } from "./clipboard";
import { REFUSAL_MESSAGE, useRefusalCheck, type Refusal } from "./freshness";
import styles from "./outputs.module.css";
import { useTransientStatus } from "./use-transient-status";

function lineCount(content: string): number {
  if (content === "") return 0;
  return content.split("\n").length - (content.endsWith("\n") ? 1 : 0);
}

const NONE: ReadonlySet<number> = new Set();

/** Marks a role derived from `<release>-…` (no file name starts with it). */
const ROLE = "release:";

/** A file's role: its name with the release name taken off (`release:values.yaml`), or its name. */
function fileRole(name: string, releaseName: string): string {
  const prefix = `${releaseName}-`;
  return name.startsWith(prefix) ? `${ROLE}${name.slice(prefix.length)}` : name;
}

function FileView({
  file,
  changed,
  defaults,
}: {
  file: BundleFile;
  changed: ReadonlySet<number>;
  /** The defaults' file of the same role ("" when they have none), when comparing. */
  defaults: string | null;
}) {
  const codeRef = useRef<HTMLPreElement>(null);
  const lines = lineCount(file.content);
  return (
    <div className={styles.file}>
      <div className={styles.fileBar}>
        <p className={styles.fileName}>
          <code>{file.name}</code>
          <span className={styles.meta}>
            {lines} {lines === 1 ? "line" : "lines"}
            {defaults === null && changed.size > 0 && `, ${changed.size} changed by your last edit`}
          </span>
        </p>
        <div className={styles.actions}>
          <CopyButton text={file.content} what={file.name} fallbackTarget={codeRef} />
          <DownloadButton fileName={file.name} content={file.content} />
        </div>
      </div>
      {defaults === null ? (
        <FilePreview name={file.name} content={file.content} changed={changed} codeRef={codeRef} />
      ) : (
        <FileDiff name={file.name} before={defaults} after={file.content} />
      )}
    </div>
  );
}

/**
 * Which lines of each file the last edit changed (as nginxconfig.io marks them):
 * the files before the edit are the baseline, paired by role (fileRole). The diff
 * code loads on the first edit (line-diff.ts), never with the page.
 */
function useChangedLines(
  files: readonly BundleFile[],
  releaseName: string,
  editKey: unknown,
): ReadonlyMap<string, ReadonlySet<number>> {
  const previous = useRef<{
    files: readonly BundleFile[];
    releaseName: string;
    editKey: unknown;
  } | null>(null);
  const [changed, setChanged] = useState<ReadonlyMap<string, ReadonlySet<number>>>(new Map());
  useEffect(() => {
    const before = previous.current;
    const sameAnswers = before?.editKey === editKey;
    previous.current = { files, releaseName, editKey };
    // Files can change without an edit (the share link arrives after the page
    // loads): that becomes the baseline, not a change to show.
    if (before === null || before.files === files || sameAnswers) return;
    let cancelled = false;
    void import("./line-diff").then(({ changedLineIndexes }) => {
      if (cancelled) return;
      // Paired by role: a renamed release's values file is the same file, renamed.
      const old = new Map(before.files.map((f) => [fileRole(f.name, before.releaseName), f]));
      setChanged(
        new Map(
          files.map((f) => {
            const role = fileRole(f.name, releaseName);
            return [role, new Set(changedLineIndexes(old.get(role)?.content ?? "", f.content))];
          }),
        ),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [files, releaseName, editKey]);
  return changed;
}

export interface FilesPanelProps {
  releaseName: string;
  files: BundleFile[];
  /** The files for the default answers, for "Compare with the defaults". */
  defaultFiles: () => BundleFile[];
  /** The default answers' release name, to pair files by role (`<release>-values.yaml`). */
  defaultReleaseName: string;
  /** Changes with every edit of the answers (the scenario object): what "last edit" means. */
  editKey: unknown;
}

/**
 * The bundle (DESIGN.md section 3): one tab per file, copy and download each,
 * all as a zip (one folder inside) or as one command that writes them all.
 */
export function FilesPanel({
  releaseName,
  files,
  defaultFiles,
  defaultReleaseName,
  editKey,
}: FilesPanelProps) {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [zipState, setZipState] = useState<"idle" | "busy" | "failed">("idle");
  const [zipRefused, showZipRefused] = useTransientStatus<Refusal>(null);
  const [compare, setCompare] = useState(false);
  const zipName = bundleZipName(releaseName);
  const folder = bundleFolderName(releaseName);
  const refusal = useRefusalCheck();
  const changed = useChangedLines(files, releaseName, editKey);
  const defaults = useMemo(() => {
    if (!compare) return null;
    return new Map(defaultFiles().map((f) => [f.name, f.content]));
  }, [compare, defaultFiles]);

  /** The defaults' file of the same role: the release name is the only part of a name that varies. */
  const defaultsFor = (name: string): string | null => {
    if (defaults === null) return null;
    const role = fileRole(name, releaseName);
    const twin = role === name ? name : `${defaultReleaseName}-${role.slice(ROLE.length)}`;
    return defaults.get(twin) ?? "";
  };

  const downloadAll = async () => {
    if (zipState === "busy") return;
    const why = refusal();
    if (why !== null) {
      showZipRefused(why, 8000);
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
        {/* Written when clicked: every file as a heredoc is not worth building at every edit. */}
        <CopyButton
          copy={() => copyText(renderShellBundle(files, folder))}
          what="all files as one shell command"
        >
          Copy as one command
        </CopyButton>
        <span role="status" className={styles.meta}>
          {zipState === "busy"
            ? `Preparing ${zipName}…`
            : zipState === "failed"
              ? `Could not build ${zipName}. Download the files one by one.`
              : zipRefused !== null
                ? REFUSAL_MESSAGE[zipRefused]
                : `${files.length} files in ${zipName}, which unpacks into ${folder}/`}
        </span>
      </div>
      <p className={styles.meta}>
        “Copy as one command” copies a script to paste into a terminal: it writes all {files.length}{" "}
        files into <code>./{folder}/</code>. Lines your last edit changed are highlighted.
      </p>
      <label className={styles.compare}>
        <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
        Compare with the files for the default answers
      </label>
      <Tabs
        label="Generated files"
        className={styles.fileTabs}
        selected={selected}
        onSelect={setSelected}
        tabs={files.map((file) => {
          // By role, not name: renaming the release keeps the chosen tab, and each
          // key updates the file's text in place instead of remounting every tab.
          const role = fileRole(file.name, releaseName);
          return {
            id: role,
            label: file.name,
            content: (
              <FileView
                file={file}
                changed={changed.get(role) ?? NONE}
                defaults={defaultsFor(file.name)}
              />
            ),
          };
        })}
      />
    </div>
  );
}
