// Shadow-DOM styles of <news-brief>: the host page's font and colour, a skeleton of a typical brief's size, and
// with `lines` a clamp that makes the box exact.
import { unsafeCSS } from "lit";

// Compact on purpose: esbuild leaves CSS in template literals as written, and every byte ships to partners;
// each line ends in a line continuation (`\`), which leaves no newline in the string (26 of them cost 13 B gzip).
// A constant string through `unsafeCSS` rather than the `css` tag, which interpolates nothing here: the tag's
// check of interpolated values, and its error text, cost 158 B gzip. Nothing from outside ever reaches this text.
// The skeleton (`i` boxes, one per line group) and the brief share one grid cell. By default the skeleton
// holds the room of a typical brief while loading (title and lead 2 lines, each key point 6), and the brief
// then takes its own height. With `lines`, the article gets class `c`: title and lead are clamped to 3 lines,
// each point to `--_l` lines, the skeleton has exactly those heights and stays, so the box never changes.
// In em of the page's font, one brief is, by default while loading, 12.25 + 9.5 × points high (40.75em with
// 3 points; 8.75em compact); with lines="N", 15.625 + (1.5 × N + 0.5) × points (26.125em with N=2 and 3
// points; 10.625em compact); plus 2px of border.
// The font-size floor sits on `article`, not `:host`, because a page's `* { all: revert }` reaches the host.
/** Styles of every `<news-brief>` shadow root. */
export const newsBriefStyles = unsafeCSS(`\
:host{display:block}\
:host([hidden]){display:none}\
:host([theme=light]),:host([theme=auto]){--_fg:#222;--_bg:#fff}\
:host([theme=dark]){--_fg:#eee;--_bg:#222}\
@media(prefers-color-scheme:dark){:host([theme=auto]){--_fg:#eee;--_bg:#222}}\
article{display:grid;padding:.5em 1em;font-size:max(1em,14px);line-height:1.5;border:1px solid var(--news-brief-border,#8886);border-radius:var(--news-brief-radius,.5em);color:var(--news-brief-color,var(--_fg));background:var(--news-brief-background,var(--_bg))}\
article+article{margin-top:1em}\
article>div{grid-area:1/1;display:flex;flex-direction:column;gap:.5em;min-width:0}\
*{margin:0}\
i{height:1.5em}\
.t,h2{font-size:1.25em}\
.t,.d{height:3em}\
.p{height:9em}\
[part=source],div>:last-child{height:1.5em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\
div>:last-child{margin-top:auto}\
ul{display:flex;flex-direction:column;gap:.5em;padding:0}\
li{display:block}\
.c :is(h2,h2+p,li){display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden;max-height:4.5em}\
.c ul li{-webkit-line-clamp:var(--_l);max-height:calc(var(--_l)*1.5em)}\
.c :is(.t,.d){height:4.5em}\
.c .p{height:calc(var(--_l)*1.5em)}\
:host([layout=compact]) :is(h2+p,ul,.d,.p){display:none}\
:host([aria-busy]) i:not(:last-child){background:linear-gradient(#8883 1em,#0000 0) 0 .25em/100% 1.5em}\
a{color:var(--news-brief-accent,inherit)}\
a:focus-visible{outline:2px solid var(--news-brief-accent,currentColor);outline-offset:-2px}`);
