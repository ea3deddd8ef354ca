// Preloaded with --require into serverless-offline and, through execArgv, into each worker thread it runs a
// handler in: prints the Node.js version of that thread, so a test can tell which runtime served it.
const { isMainThread } = require("node:worker_threads");

if (!isMainThread) process.stdout.write(`handler runtime: ${process.version}\n`);
