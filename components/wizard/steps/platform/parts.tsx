"use client";

import type { ReactNode } from "react";
import type { SecretInput } from "@/lib/platform";

/** Form options that keep the form's validation and dirty state in step with setValue. */
export const SET_OPTIONS = { shouldDirty: true, shouldValidate: true } as const;

/** One platform area: a titled group inside the "complete install" step. */
export function PlatformSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <div className="subsection" id={id} role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {lead !== undefined && <p className="help">{lead}</p>}
      {children}
    </div>
  );
}

/** Says which environment variables install.sh reads, so the user knows the value never travels. */
export function SecretInputsNote({ inputs }: { inputs: readonly SecretInput[] }) {
  if (inputs.length === 0) return null;
  return (
    <div className="notice">
      <p className="notice-body">
        Secret values are never part of the link, the values or the script. Before running{" "}
        <code>install.sh</code>, export:
      </p>
      <ul>
        {inputs.map((input) => (
          <li key={input.env}>
            <code>{input.env}</code>
            {input.kind === "file" ? " (a file path)" : ""}: {input.description}
          </li>
        ))}
      </ul>
      <p className="help">
        When a variable is unset and its secret already exists, the script keeps the existing
        secret, so upgrades do not need the values again.
      </p>
    </div>
  );
}
