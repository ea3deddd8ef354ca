// What a page did that injected code would do: dialogs opened (each dismissed) and requests made.
import type { Dialog, Page, Request } from "playwright-core";

/** Counts the dialogs `page` opens and records the URLs it requests, until `stop`. */
export function watchPage(page: Page) {
  const watched = { dialogs: 0, requests: [] as string[], stop };
  const onDialog = (dialog: Dialog) => {
    watched.dialogs++;
    dialog.dismiss().catch(() => undefined);
  };
  const onRequest = (request: Request) => watched.requests.push(request.url());
  page.on("dialog", onDialog);
  page.on("request", onRequest);
  function stop() {
    page.off("dialog", onDialog);
    page.off("request", onRequest);
  }
  return watched;
}
