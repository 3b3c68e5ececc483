// The floor under the page's first paint on this machine (issue 7): how soon this
// browser paints a page with one line of text, served over the same loopback. The
// wizard's first contentful paint is reported next to it, since on a slow or busy
// machine most of it can be the browser's own start-up rather than the page.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "@playwright/test";
import { newBenchContext } from "./context";
import { median } from "./stats";

const TRIVIAL_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head>' +
  "<body><p>Hello.</p></body></html>";

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}/`);
    });
  });
}

/** Median first contentful paint of a one-paragraph page, over `loads` fresh contexts. */
export async function measureBaselinePaint(browser: Browser, loads: number): Promise<number> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(TRIVIAL_PAGE);
  });
  const url = await listen(server);
  try {
    const paints: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await newBenchContext(browser);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(
        () => performance.getEntriesByName("first-contentful-paint").length > 0,
      );
      paints.push(
        await page.evaluate(
          () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        ),
      );
      await context.close();
    }
    return median(paints);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
