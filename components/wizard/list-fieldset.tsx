"use client";

// A form list of rows (zones, client groups, policy peers, CIDR blocks): one
// fieldset with its legend, the list's own error and findings above the rows,
// a Remove button per row, and focus moved into a row just added.
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { errorId } from "@/components/ui/field-ids";
import { FieldMessage, fieldId } from "@/components/ui/field";
import { useIsReached, useLeaveMarksReached } from "./field-reach";
import { useFieldFindings } from "./findings-context";
import { useFindingsStillTrue } from "./scenario-context";
import { useFieldProblem } from "./validation-context";

/**
 * The list's validation error and the check's findings about it. Until the
 * user has been in the list and left it, a problem is a neutral "Needed" note
 * (issue 13: ticking zone-aware routing must not greet the user with a red
 * "Add at least one zone"), as components/ui/field.tsx does for one field.
 */
export function ListFeedback({ name }: { name: string }) {
  const problem = useFieldProblem(name);
  const findings = useFindingsStillTrue(name, useFieldFindings(name));
  const reached = useIsReached(name);
  return (
    <>
      {problem !== undefined && (
        <FieldMessage name={name} message={{ tone: reached ? "error" : "needed", text: problem }} />
      )}
      {findings.length > 0 && (
        <ul className="field-findings">
          {findings.map((f) => (
            <li key={f.id} className={`finding finding-${f.severity}`}>
              {f.message} {f.fix}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ListFieldset({
  name,
  legend,
  help,
  children,
}: {
  name: string;
  legend: ReactNode;
  help?: ReactNode;
  children: ReactNode;
}) {
  const problem = useFieldProblem(name);
  // Leaving the list (not moving between its rows) is reaching it.
  const leave = useLeaveMarksReached(name);
  return (
    <fieldset
      className="field"
      id={fieldId(name)}
      aria-describedby={problem !== undefined ? errorId(name) : undefined}
      onFocus={leave.onFocus}
      onBlur={leave.onBlur}
    >
      <legend className="field-label">{legend}</legend>
      {help !== undefined && <p className="help">{help}</p>}
      <ListFeedback name={name} />
      {children}
    </fieldset>
  );
}

/** Remove, naming the row for screen readers ("Remove zone 2"). */
export function RemoveRowButton({ row, onClick }: { row: string; onClick: () => void }) {
  return (
    <Button size="small" onClick={onClick}>
      Remove<span className="visually-hidden"> {row}</span>
    </Button>
  );
}

/**
 * Focus for a row about to be added: call the returned function with the new
 * row's index before adding it; once the list has grown, the field whose id
 * `idOf` gives for that index takes focus.
 */
export function useFocusAddedRow(length: number, idOf: (index: number) => string) {
  const pending = useRef<number | null>(null);
  const id = useRef(idOf);
  useEffect(() => {
    id.current = idOf;
  });
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(id.current(pending.current))?.focus();
    pending.current = null;
  }, [length]);
  return (index: number) => {
    pending.current = index;
  };
}
