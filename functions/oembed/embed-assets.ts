// The embed page's only style and script; functions/http/security-headers.ts allows exactly those two by hash.

/** Compact, self-contained, light and dark; the body has no margin so its height is the frame's. */
export const EMBED_CSS = `
:root{color-scheme:light dark;--ink:#1b1b1f;--muted:#5b5b66;--line:#d9d9e0;--accent:#b3123c;--paper:#fff}
@media (prefers-color-scheme:dark){:root{--ink:#ececf1;--muted:#a9a9b6;--line:#3a3a44;--accent:#ff6f91;--paper:#16161a}}
*{box-sizing:border-box}
html{background:transparent}
body{margin:0;display:flow-root;font:.9375rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink)}
article{margin:0;padding:.9rem 1.1rem;border:1px solid var(--line);border-radius:.5rem;background:var(--paper);overflow-wrap:anywhere}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
h1{font-size:1.2rem;line-height:1.25;margin:.2rem 0 .3rem}
h1 a{color:inherit;text-decoration:none}
h1 a:hover{text-decoration:underline}
.meta{margin:0;color:var(--muted);font-size:.85rem}
.lead{margin:.5rem 0}
ul{margin:.5rem 0;padding-left:1.2rem}
li{margin:.3rem 0}
.more{margin:.6rem 0 0;display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;font-size:.875rem}
.site{color:var(--muted)}
`;

/**
 * Reports the page's height to the embedding page, and in a WordPress embed asks it to follow links.
 *
 * The protocol is WordPress's (wp-includes/js/wp-embed-template.js, read by wp-includes/js/wp-embed.js):
 * `postMessage({ message: "height", value, secret }, "*")`, where `secret` is the 10 letters and digits
 * WordPress appends to the iframe's src as `#?secret=…` and puts in its `data-secret`. Sent at once, then
 * whenever the body's size changes (ResizeObserver), as wp-embed-template.js does on load and resize, and
 * again when the fragment changes: older wp-embed.js adds the secret to the src after load. The first message cannot
 * wait for ResizeObserver: WordPress clips the frame to nothing while the oEmbed html's blockquote stands in
 * for it, and shows the frame only once a message arrives, but Chromium does not render, so never observes,
 * a cross-origin frame clipped out of sight.
 * WordPress frames an unknown provider with `sandbox="allow-scripts"` only, which blocks `target="_top"`
 * links; there, a click posts `{ message: "link", value }` instead, and WordPress navigates only to the
 * iframe's own host, so a link elsewhere (the source's article) goes to the brief page, which links it.
 * Without a secret, links navigate on their own.
 */
export const EMBED_SCRIPT = `(() => {
  if (window.parent === window) return;
  const secret = () => (/[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash) || [])[1] || "";
  const post = (message, value) => window.parent.postMessage({ message, value, secret: secret() }, "*");
  const reportHeight = () => post("height", Math.ceil(document.body.getBoundingClientRect().height));
  reportHeight();
  new ResizeObserver(reportHeight).observe(document.body);
  window.addEventListener("hashchange", reportHeight);
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[href]");
    if (!link || !secret()) return;
    event.preventDefault();
    const canonical = document.querySelector('link[rel="canonical"]').href;
    post("link", new URL(link.href).host === location.host ? link.href : canonical);
  });
})();`;
