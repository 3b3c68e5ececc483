"use client";

import { useEffect, useMemo, useState, type CSSProperties, type RefObject } from "react";
import type { CodeLanguage, CodeToken } from "./highlight-adapter";
import type { DiffLine } from "./line-diff";
import styles from "./outputs.module.css";

/** The grammar for a bundle file, by its extension. */
export function languageFor(fileName: string): CodeLanguage | null {
  if (/\.ya?ml$/.test(fileName)) return "yaml";
  if (fileName.endsWith(".sh")) return "shellscript";
  if (fileName.endsWith(".mmd")) return "mermaid";
  if (fileName.endsWith(".md")) return "markdown";
  return null;
}

function splitLines(content: string): string[] {
  const lines = content.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * Syntax colours, loaded with the highlighter's code on first use
 * (highlight-adapter.ts). Until the colours of this exact text arrive, lines
 * the previous text also had keep their colours, so an edit does not make the
 * whole file flash plain and back.
 */
function useLineTokens(
  content: string,
  lang: CodeLanguage | null,
  box: RefObject<HTMLElement | null>,
) {
  const [tokenized, setTokenized] = useState<{ content: string; lines: CodeToken[][] } | null>(
    null,
  );
  const visible = useSeen(box);
  useEffect(() => {
    if (lang === null || !visible) return;
    let cancelled = false;
    import("./highlight-adapter")
      .then(({ tokenizeCode }) => tokenizeCode(content, lang))
      .then((lines) => {
        if (!cancelled) setTokenized({ content, lines });
      })
      // Without colours the text is still all there.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [content, lang, visible]);
  return useMemo(() => {
    const byText = new Map<string, CodeToken[]>();
    if (tokenized !== null) {
      const previous = splitLines(tokenized.content);
      tokenized.lines.forEach((tokens, i) => byText.set(previous[i] ?? "", tokens));
    }
    return (line: string): CodeToken[] | undefined => byText.get(line);
  }, [tokenized]);
}

/**
 * True once the element has been on screen: the highlighter (about 75 KiB gzip)
 * loads only when a preview is actually seen, not on every page load.
 */
function useSeen(box: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = box.current;
    // Every browser the site supports has IntersectionObserver.
    if (seen || element === null || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, seen]);
  return seen;
}

function Line({ text, tokens }: { text: string; tokens: CodeToken[] | undefined }) {
  if (tokens === undefined || tokens.map((t) => t.content).join("") !== text) return text;
  return tokens.map((token, i) => (
    <span
      key={i}
      className={styles.token}
      style={{ "--token-light": token.light, "--token-dark": token.dark } as CSSProperties}
    >
      {token.content}
    </span>
  ));
}

export interface FilePreviewProps {
  name: string;
  content: string;
  /** Indexes of the lines the last edit changed: highlighted. */
  changed: ReadonlySet<number>;
  codeRef: RefObject<HTMLPreElement | null>;
}

/** A generated file, coloured, its last edit's lines marked. Its text is exactly the file. */
export function FilePreview({ name, content, changed, codeRef }: FilePreviewProps) {
  const lang = languageFor(name);
  const tokensFor = useLineTokens(content, lang, codeRef);
  const lines = splitLines(content);
  return (
    // Focusable so keyboard users can scroll long lines (axe scrollable-region-focusable).
    <pre className={styles.code} ref={codeRef} tabIndex={0} data-file={name}>
      <code>
        {lines.map((line, i) => (
          <span
            key={i}
            className={styles.line}
            data-changed={changed.has(i) || undefined}
            data-testid={changed.has(i) ? "changed-line" : undefined}
          >
            <Line text={line} tokens={tokensFor(line)} />
            {i < lines.length - 1 || content.endsWith("\n") ? "\n" : ""}
          </span>
        ))}
      </code>
    </pre>
  );
}

/** The file against the defaults' file of the same role: added and removed lines marked. */
export function FileDiff({ name, before, after }: { name: string; before: string; after: string }) {
  const [lines, setLines] = useState<{ key: string; lines: DiffLine[] } | null>(null);
  const key = `${before}\u0000${after}`;
  useEffect(() => {
    let cancelled = false;
    import("./line-diff")
      .then(({ diffTextLines }) => {
        if (!cancelled) setLines({ key, lines: diffTextLines(before, after) });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [key, before, after]);
  const shown = lines?.key === key ? lines.lines : null;
  if (shown === null) return <p className={styles.meta}>Comparing with the defaults…</p>;
  const added = shown.filter((l) => l.kind === "added").length;
  const removed = shown.filter((l) => l.kind === "removed").length;
  return (
    <>
      <p className={styles.meta} data-testid="diff-summary">
        {added === 0 && removed === 0
          ? "The same as for the default answers."
          : `Against the default answers: ${added} ${added === 1 ? "line" : "lines"} added, ${removed} removed.`}
      </p>
      <pre className={styles.code} tabIndex={0} data-diff-of={name}>
        <code>
          {shown.map((line, i) => (
            <span key={i} className={styles.line} data-diff={line.kind}>
              <span className={styles.diffMark} aria-hidden="true">
                {line.kind === "added" ? "+" : line.kind === "removed" ? "-" : " "}
              </span>
              {line.kind !== "same" && (
                <span className="visually-hidden">
                  {line.kind === "added" ? "Added: " : "Removed: "}
                </span>
              )}
              {line.text}
              {"\n"}
            </span>
          ))}
        </code>
      </pre>
    </>
  );
}
