"use client";

import { useRef } from "react";
import { detailParagraphs } from "@/lib/commands/detail-paragraphs";
import type { ScriptStep } from "@/lib/commands/types";
import { CopyButton } from "./copy-button";
import { InlineCode } from "./inline-code";
import styles from "./outputs.module.css";

function StepItem({ step, number }: { step: ScriptStep; number: number }) {
  const codeRef = useRef<HTMLPreElement>(null);
  const commands = step.commands.join("\n");
  return (
    <li className={styles.step}>
      <h3 className={styles.stepTitle}>
        <span className="visually-hidden">Step {number}: </span>
        <InlineCode text={step.title} />
      </h3>
      {detailParagraphs(step.detail ?? []).map((paragraph, index) => (
        <p key={index} className={styles.stepDetail}>
          <InlineCode text={paragraph} />
        </p>
      ))}
      {commands !== "" && (
        <>
          <pre className={styles.code} ref={codeRef} tabIndex={0}>
            <code>{commands}</code>
          </pre>
          <div className={styles.actions}>
            <CopyButton text={commands} what={`step ${number} commands`} fallbackTarget={codeRef} />
          </div>
        </>
      )}
    </li>
  );
}

/** What install.sh defines before its first step, shown so copied steps still run. */
function Preamble({ lines }: { lines: readonly string[] }) {
  const codeRef = useRef<HTMLPreElement>(null);
  const text = lines.join("\n");
  return (
    <div className={styles.step}>
      <p className={styles.stepDetail}>
        install.sh defines this first; the steps below that read file paths from variables use it:
      </p>
      <pre className={styles.code} ref={codeRef} tabIndex={0}>
        <code>{text}</code>
      </pre>
      <div className={styles.actions}>
        <CopyButton text={text} what="helper" fallbackTarget={codeRef} />
      </div>
    </div>
  );
}

/** The install steps of install.sh, readable: numbered, each with why and its commands. */
export function CommandsPanel({
  steps,
  preamble = [],
}: {
  steps: readonly ScriptStep[];
  preamble?: readonly string[];
}) {
  return (
    <>
      {preamble.length > 0 && <Preamble lines={preamble} />}
      <ol className={styles.steps}>
        {/* By position: a title names the release, so keying by it would remount
            every step at each key typed into the release name. */}
        {steps.map((step, index) => (
          <StepItem key={index} step={step} number={index + 1} />
        ))}
      </ol>
    </>
  );
}
