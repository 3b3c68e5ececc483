"use client";

import { useId } from "react";
import { useFormContext, useWatch, type FieldPath } from "react-hook-form";
import type { Question } from "@/lib/import/read-scenario";
import type { Scenario } from "@/lib/scenario/schema";

export interface QuestionsProps {
  questions: readonly Question[];
  /** Questions the user answered here or in the form (a guess left as it is stays a guess). */
  answered: ReadonlySet<string>;
  onAnswer: (id: string) => void;
  /** The value of the one question no form field holds (does the DNS name resolve?). */
  dnsRecord: string;
  onDnsRecord: (value: string) => void;
}

/**
 * The facts the values leave open, asked where the import is shown: each
 * pre-filled with the guess and saying it is one. Answers go straight into the
 * form (the same fields the steps below show), so every output follows.
 */
export function ImportQuestions({
  questions,
  answered,
  onAnswer,
  dnsRecord,
  onDnsRecord,
}: QuestionsProps) {
  const { control, setValue } = useFormContext<Scenario>();
  const fields = questions.flatMap((q) =>
    q.field === null ? [] : [q.field as FieldPath<Scenario>],
  );
  const watched = useWatch({ control, name: fields }) as unknown[];
  const current = new Map(fields.map((field, i) => [field, String(watched[i] ?? "")]));
  if (questions.length === 0) return null;

  const answer = (q: Question, value: string) => {
    if (q.field === null) onDnsRecord(value);
    else
      setValue(q.field as FieldPath<Scenario>, value, { shouldDirty: true, shouldValidate: true });
    onAnswer(q.id);
  };

  return (
    <section className="import-block" aria-labelledby="import-questions-heading">
      <h3 id="import-questions-heading">What the values leave open</h3>
      <p className="import-muted">
        Values do not say these, so the wizard guessed. Answer them: the check depends on them.
      </p>
      <ul className="import-questions">
        {questions.map((q) => {
          const value =
            q.field === null ? dnsRecord : (current.get(q.field as FieldPath<Scenario>) ?? q.value);
          const isAnswered = answered.has(q.id) || value !== q.guess;
          return (
            <li key={q.id} data-testid={`import-question-${q.id}`}>
              <QuestionControl q={q} value={value} onChange={(v) => answer(q, v)} />
              {isAnswered ? (
                <p className="import-answered">Answered.</p>
              ) : (
                <p className="import-guess">
                  <span className="import-badge">Guess</span>{" "}
                  <strong>
                    {q.guess === ""
                      ? "none, left empty"
                      : (q.options?.find((o) => o.value === q.guess)?.label ?? q.guess)}
                  </strong>{" "}
                  ({q.why}).{" "}
                  <button type="button" className="link-button" onClick={() => onAnswer(q.id)}>
                    That is right<span className="visually-hidden">: {q.text}</span>
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function QuestionControl({
  q,
  value,
  onChange,
}: {
  q: Question;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  if (q.options === null) {
    return (
      <div className="field import-question-field">
        <label className="field-label" htmlFor={id}>
          {q.text}
        </label>
        <input
          id={id}
          className="input input-medium"
          type="text"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="none"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    );
  }
  return (
    <fieldset className="field field-choices import-question-field" role="radiogroup">
      <legend className="field-label">{q.text}</legend>
      <div className="choices choices-columns">
        {q.options.map((option) => (
          <div className="choice" key={option.value}>
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <div className="choice-text">
              <label htmlFor={`${id}-${option.value}`} className="choice-label">
                {option.label}
              </label>
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
