/** One step of install.sh, and of the page's step list. */
export interface ScriptStep {
  /** One line: what the step does. Rendered as a comment and as the step's heading. */
  title: string;
  /** Why it is there, or what to expect (optional comment lines). */
  detail?: string[];
  /**
   * Shell lines, ready to run. Every user value in them was either validated to
   * a safe character set by the schema or quoted with lib/commands/shell-quote.ts.
   */
  commands: string[];
}
