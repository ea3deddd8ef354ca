// AWS Lambda through the HTTP API, as serverless-offline runs serverless.yml: the same conformance suite as
// every other host, so the three functions and their routes together answer as the one app does.
import { CONFORMANCE_ENV, conformance } from "../functions/hosts/conformance.js";
import { NotCarriedError, requestOverHttp } from "../functions/hosts/host-under-test.js";
import { startOffline } from "./support/offline-process.js";

conformance(
  "AWS Lambda (serverless-offline)",
  async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
    const offline = await startOffline({ env: { ...env, ...CONFORMANCE_ENV } });
    const request = async (path: string, init?: RequestInit) => {
      // serverless-offline answers CORS preflights with hapi's own CORS (credentials allowed), which API Gateway
      // without `cors` leaves to the function; the app's OPTIONS answers are checked in tests/functions/adapters/.
      if (init?.method === "OPTIONS") throw new NotCarriedError("serverless-offline answers OPTIONS itself");
      return requestOverHttp(offline.url, path, init);
    };
    return { request, stop: offline.stop };
  },
  { contentTypeOn304: true, varyOnUncompressed: true },
);
