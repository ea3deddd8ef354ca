// The pages' one stylesheet: readable type, system fonts, light and dark.
import { raw } from "hono/html";

/** Inlined in a <style> element; small enough that a separate request would cost more. */
export const PAGE_CSS = raw(`
:root{color-scheme:light dark;--ink:#1b1b1f;--muted:#5b5b66;--line:#d9d9e0;--accent:#b3123c;--paper:#fff}
@media (prefers-color-scheme:dark){:root{--ink:#ececf1;--muted:#a9a9b6;--line:#3a3a44;--accent:#ff6f91;--paper:#16161a}}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
header,main,footer{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:1px solid var(--line)}
footer{border-top:1px solid var(--line);margin-top:2rem;color:var(--muted);font-size:.95rem}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.site{font-weight:700;text-decoration:none;color:var(--ink)}
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0}
.meta,.source{color:var(--muted);font-size:.95rem}
.lead{font-size:1.2rem}
.points li{margin:.6rem 0}
.briefs{list-style:none;padding:0}
.briefs li{border-bottom:1px solid var(--line);padding:.75rem 0}
.briefs h3{margin:.25rem 0;font-size:1.2rem}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.tags li{border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;font-size:.9rem}
.feeds code,pre{font-size:.85rem;overflow-wrap:anywhere}
pre{white-space:pre-wrap;background:color-mix(in srgb,var(--line) 35%,transparent);padding:.75rem;border-radius:.4rem}
news-brief{display:block;margin:1rem 0}
@media (scripting:enabled){news-brief:not(:defined){display:block;min-height:calc(40.75em + 2px)}}
`);
