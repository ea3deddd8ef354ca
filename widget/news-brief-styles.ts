// Shadow-DOM styles of <news-brief>: the host page's font and colour, fixed line counts so loading never shifts the page.

// Compact on purpose: esbuild leaves CSS in template literals as written, and every byte ships to partners.
// The skeleton (`i` boxes, one per line group, each as high as its part's line clamp) stays under the brief in
// the same grid cell, so the article is always the skeleton's height: the brief, never taller, replaces it
// without moving anything, and what it leaves empty gathers above the link. In em of the page's font, one
// brief is 15.625 + 3.5 × points high, plus 2px of border (26.125em with 3 points; 10.625em compact).
// The font-size floor sits on `article`, not `:host`, because a page's `* { all: revert }` reaches the host.
/** Styles of every `<news-brief>` shadow root. */
export const newsBriefCss = `
:host{display:block}
:host([hidden]){display:none}
:host([theme=light]),:host([theme=auto]){--_fg:#222;--_bg:#fff}
:host([theme=dark]){--_fg:#eee;--_bg:#222}
@media(prefers-color-scheme:dark){:host([theme=auto]){--_fg:#eee;--_bg:#222}}
article{display:grid;padding:.5em 1em;font-size:max(1em,14px);line-height:1.5;border:1px solid var(--news-brief-border,#8886);border-radius:var(--news-brief-radius,.5em);color:var(--news-brief-color,var(--_fg));background:var(--news-brief-background,var(--_bg))}
article+article{margin-top:1em}
article>div{grid-area:1/1;display:flex;flex-direction:column;gap:.5em;min-width:0}
*{margin:0}
i{height:1.5em}
.t{font-size:1.25em}
.t,.d{height:4.5em}
.p{height:3em}
[part=source],div>:last-child{height:1.5em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
div>:last-child{margin-top:auto}
h2,li,h2+p{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;max-height:3em}
h2{font-size:1.25em}
h2,h2+p{-webkit-line-clamp:3;max-height:4.5em}
ul{display:flex;flex-direction:column;gap:.5em;padding:0}
:host([layout=compact]) :is(h2+p,ul,.d,.p){display:none}
:host([aria-busy]) i:not(:last-child){background:linear-gradient(#8883 1em,#0000 0) 0 .25em/100% 1.5em}
a{color:var(--news-brief-accent,inherit)}
a:focus-visible{outline:2px solid var(--news-brief-accent,currentColor);outline-offset:-2px}
`;

// One sheet for every element on the page, made on first use: a module-level `new CSSStyleSheet()` would throw in old Safari.
let sheet: CSSStyleSheet | undefined;

/**
 * Gives `root` the styles as a constructed stylesheet, which a page's `style-src` CSP does not govern; browsers
 * without constructable stylesheets (Safari < 16.4) get a `<style>` element, which works where the CSP allows it.
 */
export function adoptStyles(root: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(newsBriefCss);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(Object.assign(document.createElement("style"), { textContent: newsBriefCss }));
  }
}
