// `npm run bench:links` (issue 17): how long the share-link decoder takes on
// the links that cost it the most, in Node (the same function the page runs on
// its main thread when it opens a link). Goal: every link under 50 ms. Figures
// only: the machine is shared, so no test asserts them. `npm run bench` prints
// the same table; `npm run attack` times links in Chromium.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { benchLinkDecoding, renderLinkDecodeBench, type LinkDecodeBench } from "@/lib/share/bench";

export const DECODE_GOAL_MS = 50;

export function measureLinkDecoding(): LinkDecodeBench {
  return benchLinkDecoding(() => performance.now());
}

/** Whether every link's median decode time is within the goal. */
export function decodeGoalMet(result: LinkDecodeBench): boolean {
  return [...result.named, result.corpus.worst].every((row) => row.medianMs <= DECODE_GOAL_MS);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = measureLinkDecoding();
  process.stdout.write(renderLinkDecodeBench(result));
  const met = decodeGoalMet(result);
  console.log(
    `goal: every link decoded in ≤ ${DECODE_GOAL_MS} ms (median): ${met ? "met" : "NOT met"}`,
  );
}
