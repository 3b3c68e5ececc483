// What one kind of client goes through, as a Mermaid sequence diagram (issue 5):
// ① metadata request to the bootstrap address, ② metadata response with the
// advertised brokers (as Bufstream returns them, domain 3 core behaviour),
// ③ produce / fetch to the advertised addresses. A step that fails is drawn
// with a `-x` arrow and a note giving the reason, and nothing after it.
//
// Participants have fixed names (the sequence lexer forbids `:`, `,` and `@`
// in aliases); every piece of view text goes into messages and notes, escaped,
// and always after fixed words (a message starting with "wrap" would be read
// as the wrap option).
import type { AddressVerdict, ClientView } from "../clients/types";
import { escapeAccessibleText, escapeLabelLines } from "./escape";
import { endpointText, FAILING_MARK, plural, STEP_LABELS } from "./labels";
import { NODE_LINE_MAX_PX, wrapWords } from "./wrap";

const CLIENT = "n1";
const BOOTSTRAP = "n2";
const BROKERS = "n3";
/** Above this many entries the metadata response shows the first two and the last. */
const LISTED_ENTRIES = 3;

function works(verdict: AddressVerdict): boolean {
  return verdict.resolves && verdict.reachable;
}

function message(from: string, arrow: "->>" | "-->>" | "-x", to: string, lines: string[]): string {
  return `  ${from}${arrow}${to}: ${escapeLabelLines(lines)}`;
}

function note(over: string, lines: string[]): string {
  return `  Note over ${over}: ${escapeLabelLines(lines)}`;
}

/**
 * Why a step fails, wrapped as node labels are: Mermaid sizes a note over two
 * lifelines to the space between them, not to its text, so one long line ran
 * out of its box and across the lifelines.
 */
function failingNote(reason: string): string[] {
  return wrapWords(`${FAILING_MARK} ${reason}`, NODE_LINE_MAX_PX);
}

function responseLines(brokers: readonly AddressVerdict[]): string[] {
  const title = `${STEP_LABELS.response}, ${plural(brokers.length, "broker")}`;
  const addresses = brokers.map((b) => b.address);
  if (addresses.length <= LISTED_ENTRIES) return [title, ...addresses];
  return [
    title,
    ...addresses.slice(0, 2),
    `… ${addresses.length - 3} more …`,
    ...addresses.slice(-1),
  ];
}

/** Advertised addresses grouped as the client connects to them: same address (any letter case) and same verdict. */
function connectionGroups(
  brokers: readonly AddressVerdict[],
): Array<{ verdict: AddressVerdict; count: number }> {
  const groups: Array<{ key: string; verdict: AddressVerdict; count: number }> = [];
  for (const verdict of brokers) {
    // Kafka host names are case-insensitive DNS names; Bufstream varies the case per entry.
    const key = `${verdict.address.toLowerCase()}|${works(verdict)}|${verdict.note}`;
    const group = groups.find((g) => g.key === key);
    if (group === undefined) groups.push({ key, verdict, count: 1 });
    else group.count += 1;
  }
  return groups;
}

export function buildClientSequence(view: ClientView): string {
  const lines = [
    "sequenceDiagram",
    `  accTitle: ${escapeAccessibleText(`${view.title}: bootstrap, metadata, produce and fetch`)}`,
    `  accDescr: ${escapeAccessibleText(
      view.connects
        ? `Connects: bootstrap from ${endpointText(view.bootstrap)}, then produce and fetch. Where they land: ${view.landsIn}`
        : `Does not connect: bootstrap from ${endpointText(view.bootstrap)}. The notes say which step fails and why.`,
    )}`,
    `  participant ${CLIENT} as Kafka client`,
    `  participant ${BOOTSTRAP} as Bootstrap address`,
    `  participant ${BROKERS} as Advertised brokers`,
  ];
  if (view.clientId !== "") lines.push(note(CLIENT, [`client.id ${view.clientId}`]));

  const bootstrap = endpointText(view.bootstrap);
  if (!works(view.bootstrapVerdict)) {
    lines.push(
      message(CLIENT, "-x", BOOTSTRAP, [
        `${FAILING_MARK} ${STEP_LABELS.request}`,
        `to ${bootstrap}`,
      ]),
    );
    lines.push(note(`${CLIENT},${BOOTSTRAP}`, failingNote(view.bootstrapVerdict.note)));
    return `${lines.join("\n")}\n`;
  }
  lines.push(message(CLIENT, "->>", BOOTSTRAP, [STEP_LABELS.request, `to ${bootstrap}`]));
  lines.push(message(BOOTSTRAP, "-->>", CLIENT, responseLines(view.brokers)));

  let failed = false;
  for (const { verdict, count } of connectionGroups(view.brokers)) {
    const target = `to ${verdict.address}${count > 1 ? ` (×${count})` : ""}`;
    if (works(verdict)) {
      lines.push(message(CLIENT, "->>", BROKERS, [STEP_LABELS.produceFetch, target]));
    } else {
      failed = true;
      lines.push(
        message(CLIENT, "-x", BROKERS, [`${FAILING_MARK} ${STEP_LABELS.produceFetch}`, target]),
      );
      lines.push(note(`${CLIENT},${BROKERS}`, failingNote(verdict.note)));
    }
  }
  if (view.brokers.length === 0) {
    failed = true;
    lines.push(
      message(CLIENT, "-x", BROKERS, [
        `${FAILING_MARK} ${STEP_LABELS.produceFetch}`,
        "no broker advertised",
      ]),
    );
  }
  // After a failing step its note already says why; otherwise say where the requests land.
  if (!failed && !view.connects) {
    // The view says it fails although every address works: trust the view, say so.
    lines.push(
      note(`${CLIENT},${BROKERS}`, [
        `${FAILING_MARK} this client does not connect (see the findings)`,
      ]),
    );
  } else if (!failed) {
    // Fixed words first (see above); the sentence wrapped as node labels are.
    lines.push(
      note(BROKERS, ["Produce and fetch land in:", ...wrapWords(view.landsIn, NODE_LINE_MAX_PX)]),
    );
  }
  return `${lines.join("\n")}\n`;
}
