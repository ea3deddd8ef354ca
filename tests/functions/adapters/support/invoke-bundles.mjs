// Run by a Node.js binary of another version: imports the Lambda bundles of dist/ and invokes each with the
// events read from stdin, as Lambda's Node.js runtime does; writes the runtime's version and the results to fd 3.
import { writeSync } from "node:fs";
import { text } from "node:stream/consumers";

const invocations = JSON.parse(await text(process.stdin));
const results = [];
for (const { bundle, event, context } of invocations) {
  const { handler } = await import(
    new URL(`../../../../dist/functions/${bundle}/index.mjs`, import.meta.url).href
  );
  results.push(await handler(event, context));
}
writeSync(3, JSON.stringify({ version: process.version, results }));
