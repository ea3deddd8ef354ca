// One build or one publish to a folder, alone in its process, so its time and peak memory are its own.
// Usage: node --import tsx tests/bench/build-publish-child.ts <build|publish> <content> <out> <cacheDir>
// Prints one JSON line: { ms, maxRssMB }.
import { join } from "node:path";
import { buildAll } from "../../infra/build.js";
import { publishContent } from "../../infra/publish-content.js";
import { destination } from "../../infra/store/destination.js";

const [task, content, out, cacheDir] = process.argv.slice(2);
if (!task || !content || !out || !cacheDir || (task !== "build" && task !== "publish")) {
  console.error("usage: build-publish-child.ts <build|publish> <content> <out> <cacheDir>");
  process.exit(2);
}
const start = performance.now();
if (task === "build") {
  await buildAll(content, out, process.env, cacheDir);
} else {
  await publishContent(destination(out, {}), {
    content,
    cacheDir,
    state: join(`${out}.state`, "published.json"),
    env: {},
    logger: { log: () => {}, error: (line: unknown) => console.error(line) },
    progress: false,
  });
}
const ms = performance.now() - start;
// resourceUsage's maxRSS is in kilobytes: the process's high-water mark, start-up included.
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
