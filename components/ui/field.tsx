"use client";

import { useRef, useState, type ReactNode } from "react";
import { useFormContext, type FieldPath, type FieldPathByValue } from "react-hook-form";
import type { Finding } from "@/lib/check/types";
import type { Scenario } from "@/lib/scenario/schema";
import { useIsReached, useLeaveMarksReached } from "@/components/wizard/field-reach";
import { useFieldFindings } from "@/components/wizard/findings-context";
import { useFindingsStillTrue } from "@/components/wizard/scenario-context";
import { useFieldProblem } from "@/components/wizard/validation-context";
import { errorId, fieldId, findingsId, helpId } from "./field-ids";

export { HelpText, docsUrl, BUFSTREAM_DOCS, type DocsLink, type HelpTextProps } from "./help-text";
export { fieldId, focusField } from "./field-ids";

type AnyName = FieldPath<Scenario>;
type StringName = FieldPathByValue<Scenario, string>;
type NumberName = FieldPathByValue<Scenario, number>;
type BooleanName = FieldPathByValue<Scenario, boolean>;

interface FieldBaseProps<N extends string> {
  /** The react-hook-form path, e.g. `loadBalancer.host`. */
  name: N;
  label: ReactNode;
  /** Usually a <HelpText />; linked to the control with aria-describedby. */
  help?: ReactNode;
  /** Findings to show here instead of those FindingsContext files under `name`. */
  findings?: readonly Finding[];
  disabled?: boolean;
  className?: string;
}

export type FieldMessageContent = { tone: "error" | "needed"; text: string };
type Message = FieldMessageContent;

/** A field's problem: an error once the field was reached, else a neutral "Needed" note. */
export function FieldMessage({ name, message }: { name: string; message: Message }) {
  const error = message.tone === "error";
  return (
    <p className={error ? "field-error" : "field-needed"} id={errorId(name)}>
      <span aria-hidden="true" className={error ? "field-error-icon" : "field-needed-icon"}>
        {error ? "!" : "→"}
      </span>{" "}
      {!error && <span className="field-needed-term">Needed: </span>}
      {message.text}
    </p>
  );
}

/**
 * The schema message and findings for one field, the ids that describe the
 * control, and the focus handlers for the field's wrapper.
 *
 * When a problem shows (issue 13, "Nothing flickers"; components/wizard/field-reach.tsx):
 * - a field the user has not left yet shows a problem as a neutral "needed"
 *   note, never as an error;
 * - while a field has focus it shows no problem it did not have when focused
 *   (a half-typed value is not a mistake yet: the error comes when it is left;
 *   its new findings wait too, components/wizard/scenario-context.tsx), and, in
 *   a box typed in (`typed`), its message area (message and findings) keeps at
 *   least the height it had, so what follows the field does not move while the
 *   user types in it. A choice is made in one click, so there it goes at once:
 *   held, the error a click on "Cloud load balancer" resolved left a blank
 *   100 px under the radios for as long as they had focus.
 */
function useFieldFeedback(
  name: string,
  help: ReactNode,
  findingsProp: readonly Finding[] | undefined,
  typed: boolean,
) {
  const rawProblem = useFieldProblem(name);
  const problem = rawProblem === undefined ? undefined : plainNumberMessage(rawProblem);
  const reached = useIsReached(name);
  const contextFindings = useFieldFindings(name);
  // Findings are the last valid answers' while some answer is invalid: none about
  // a value this field, or another the finding is about, no longer holds.
  const findings = useFindingsStillTrue(name, findingsProp ?? contextFindings);
  const slot = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ height: number; hadProblem: boolean } | null>(null);

  let message: Message | null = null;
  if (problem !== undefined) {
    if (reached) message = { tone: "error", text: problem };
    else if (focus === null || focus.hadProblem) message = { tone: "needed", text: problem };
  }
  const describedBy = [
    message !== null ? errorId(name) : null,
    findings.length > 0 ? findingsId(name) : null,
    help !== undefined ? helpId(name) : null,
  ]
    .filter((id): id is string => id !== null)
    .join(" ");
  // After the click that left the field has landed: its error and the released
  // height must not move the page under the pointer.
  const leave = useLeaveMarksReached(name, () => setFocus(null));
  const focusHandlers = {
    onFocus: () => {
      leave.onFocus();
      if (focus !== null) return;
      setFocus({ height: slot.current?.offsetHeight ?? 0, hadProblem: problem !== undefined });
    },
    // Moving between the radios of one group is not leaving it.
    onBlur: leave.onBlur,
  };
  return {
    message,
    findings,
    describedBy: describedBy === "" ? undefined : describedBy,
    invalid: message?.tone === "error",
    slot,
    slotMinHeight: typed ? (focus?.height ?? 0) : 0,
    focusHandlers,
  };
}

/**
 * The answer as the static HTML should show it. react-hook-form fills its fields
 * through their refs, which only run in the browser, so without this the page
 * served (and shown until its code runs, which can be a while: the framework
 * loads at the first sign of use) would have every box empty and no choice
 * picked. Only on the server: in the browser react-hook-form owns the values,
 * and a `defaultChecked` there changes how it registers a radio.
 */
function useServerValue(name: AnyName): unknown {
  const { getValues } = useFormContext<Scenario>();
  return typeof window === "undefined" ? getValues(name) : undefined;
}

/** zod's own message for an empty number box is technical; say it plainly. */
function plainNumberMessage(message: string): string {
  return /expected number, received (NaN|null)/i.test(message) ? "Enter a number." : message;
}

const SEVERITY_LABEL: Record<Finding["severity"], string> = {
  error: "Will not work",
  warning: "Warning",
  info: "Note",
};

function FieldFeedback({
  name,
  feedback,
  help,
}: {
  name: string;
  feedback: ReturnType<typeof useFieldFeedback>;
  help: ReactNode;
}) {
  const { message, findings, slot, slotMinHeight } = feedback;
  return (
    <>
      <div
        className="field-message"
        ref={slot}
        style={slotMinHeight > 0 ? { minHeight: slotMinHeight } : undefined}
      >
        {message !== null && <FieldMessage name={name} message={message} />}
        {findings.length > 0 && (
          <ul className="field-findings" id={findingsId(name)}>
            {findings.map((f) => (
              <li key={f.id} className={`finding finding-${f.severity}`}>
                <strong>{SEVERITY_LABEL[f.severity]}:</strong> {f.message} <span>{f.fix}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {help !== undefined && (
        <div className="field-help" id={helpId(name)}>
          {help}
        </div>
      )}
    </>
  );
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

export interface TextFieldProps extends FieldBaseProps<StringName> {
  placeholder?: string;
  inputMode?: "text" | "url" | "numeric" | "decimal";
  /** Names and hosts are not prose: no spellcheck, no autocapitalise. */
  prose?: boolean;
  autoComplete?: string;
  maxLength?: number;
  /** Narrow inputs for short values (ports, versions). */
  size?: "short" | "medium" | "long";
}

export function TextField(props: TextFieldProps) {
  const { name, label, help, disabled, className, placeholder, inputMode, prose, autoComplete } =
    props;
  const { register } = useFormContext<Scenario>();
  const serverValue = useServerValue(name);
  const fb = useFieldFeedback(name, help, props.findings, true);
  return (
    <div
      className={classes("field", fb.invalid && "field-invalid", className)}
      {...fb.focusHandlers}
    >
      <label className="field-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <input
        id={fieldId(name)}
        type="text"
        defaultValue={serverValue as string | undefined}
        suppressHydrationWarning
        className={classes("input", props.size && `input-${props.size}`)}
        aria-invalid={fb.invalid || undefined}
        aria-describedby={fb.describedBy}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        spellCheck={prose ?? false}
        autoCapitalize={prose ? undefined : "none"}
        autoCorrect={prose ? undefined : "off"}
        maxLength={props.maxLength}
        disabled={disabled}
        {...register(name)}
      />
      <FieldFeedback name={name} feedback={fb} help={help} />
    </div>
  );
}

export interface NumberFieldProps extends FieldBaseProps<NumberName> {
  min?: number;
  max?: number;
  step?: number;
}

export function NumberField(props: NumberFieldProps) {
  const { name, label, help, disabled, className, min, max, step } = props;
  const { register } = useFormContext<Scenario>();
  const serverValue = useServerValue(name);
  const fb = useFieldFeedback(name, help, props.findings, true);
  return (
    <div
      className={classes("field", fb.invalid && "field-invalid", className)}
      {...fb.focusHandlers}
    >
      <label className="field-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <input
        id={fieldId(name)}
        type="number"
        defaultValue={serverValue as number | undefined}
        suppressHydrationWarning
        className="input input-short"
        inputMode="numeric"
        aria-invalid={fb.invalid || undefined}
        aria-describedby={fb.describedBy}
        min={min}
        max={max}
        step={step ?? 1}
        disabled={disabled}
        {...register(name, { valueAsNumber: true })}
      />
      <FieldFeedback name={name} feedback={fb} help={help} />
    </div>
  );
}

export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/**
 * Options for every value of a schema `as const` list; the record type makes the
 * compiler insist on a label for each value, so a new enum value cannot be missed.
 */
export function choicesFor<V extends string>(
  values: readonly V[],
  text: Record<V, { label: ReactNode; description?: ReactNode }>,
): ChoiceOption<V>[] {
  return values.map((value) => ({ value, ...text[value] }));
}

export interface RadioGroupFieldProps<V extends string> extends FieldBaseProps<StringName> {
  options: readonly ChoiceOption<V>[];
  /** Lay options side by side when there is room. */
  columns?: boolean;
}

/** A fieldset/legend radio group; each option has a label and an optional description. */
export function RadioGroupField<V extends string>(props: RadioGroupFieldProps<V>) {
  const { name, label, help, disabled, className, options } = props;
  const { register } = useFormContext<Scenario>();
  const serverValue = useServerValue(name);
  const fb = useFieldFeedback(name, help, props.findings, false);
  const base = fieldId(name);
  return (
    <fieldset
      id={base}
      role="radiogroup"
      className={classes("field", "field-choices", fb.invalid && "field-invalid", className)}
      {...fb.focusHandlers}
      aria-invalid={fb.invalid || undefined}
      aria-describedby={fb.describedBy}
      disabled={disabled}
    >
      <legend className="field-label">{label}</legend>
      <div className={classes("choices", props.columns && "choices-columns")}>
        {options.map((option) => {
          const id = `${base}-${option.value || "none"}`;
          const descId = `${id}-desc`;
          return (
            <div className="choice" key={option.value}>
              <input
                id={id}
                type="radio"
                value={option.value}
                defaultChecked={
                  serverValue === undefined ? undefined : serverValue === option.value
                }
                suppressHydrationWarning
                disabled={option.disabled}
                aria-describedby={option.description !== undefined ? descId : undefined}
                {...register(name)}
              />
              <div className="choice-text">
                <label htmlFor={id} className="choice-label">
                  {option.label}
                </label>
                {option.description !== undefined && (
                  <p className="choice-description" id={descId}>
                    {option.description}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <FieldFeedback name={name} feedback={fb} help={help} />
    </fieldset>
  );
}

export type CheckboxFieldProps = FieldBaseProps<BooleanName>;

export function CheckboxField(props: CheckboxFieldProps) {
  const { name, label, help, disabled, className } = props;
  const { register } = useFormContext<Scenario>();
  const serverValue = useServerValue(name);
  const fb = useFieldFeedback(name, help, props.findings, false);
  return (
    <div
      className={classes("field", "field-checkbox", fb.invalid && "field-invalid", className)}
      {...fb.focusHandlers}
    >
      <div className="checkbox-row">
        <input
          id={fieldId(name)}
          type="checkbox"
          defaultChecked={serverValue === undefined ? undefined : serverValue === true}
          suppressHydrationWarning
          aria-invalid={fb.invalid || undefined}
          aria-describedby={fb.describedBy}
          disabled={disabled}
          {...register(name)}
        />
        <label className="field-label" htmlFor={fieldId(name)}>
          {label}
        </label>
      </div>
      <FieldFeedback name={name} feedback={fb} help={help} />
    </div>
  );
}

export interface SelectFieldProps<V extends string> extends FieldBaseProps<StringName> {
  options: readonly ChoiceOption<V>[];
}

/** A native select; option descriptions are not shown (use a radio group when they matter). */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { name, label, help, disabled, className, options } = props;
  const { register } = useFormContext<Scenario>();
  const serverValue = useServerValue(name);
  const fb = useFieldFeedback(name, help, props.findings, false);
  return (
    <div
      className={classes("field", fb.invalid && "field-invalid", className)}
      {...fb.focusHandlers}
    >
      <label className="field-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <select
        id={fieldId(name)}
        defaultValue={serverValue as string | undefined}
        suppressHydrationWarning
        className="input select"
        aria-invalid={fb.invalid || undefined}
        aria-describedby={fb.describedBy}
        disabled={disabled}
        {...register(name)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {typeof option.label === "string" ? option.label : option.value}
          </option>
        ))}
      </select>
      <FieldFeedback name={name} feedback={fb} help={help} />
    </div>
  );
}

/** Any field path, for components that take a name without caring about its type. */
export type ScenarioFieldName = AnyName;
