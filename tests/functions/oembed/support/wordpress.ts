// What a WordPress site does with our oEmbed html: its filter for unknown providers, and its wp-embed.js listener.

/**
 * The elements and attributes WordPress keeps from an untrusted provider's `html` (wp-includes/embed.php,
 * `wp_filter_oembed_result`, the `$allowed_html` it hands to `wp_kses`, WordPress 5.x–6.x).
 */
const ALLOWED: Record<string, string[]> = {
  a: ["href"],
  blockquote: [],
  iframe: ["src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"],
};

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/** `wp_kses(html, allowed)`, reduced to what an oEmbed answer needs: unknown tags go, their text stays. */
function kses(html: string, allowed: Record<string, string[]>): string {
  return html.replace(TAG, (_tag, slash: string, name: string, rest: string) => {
    const element = name.toLowerCase();
    const names = allowed[element];
    if (!names) return "";
    if (slash) return `</${element}>`;
    const kept = [...rest.matchAll(ATTRIBUTE)]
      .map(([, attribute = "", double, single, bare]) => [
        attribute.toLowerCase(),
        double ?? single ?? bare ?? "",
      ])
      .filter(([attribute = ""]) => names.includes(attribute))
      // wp_kses_bad_protocol: a URL attribute keeps only allowed protocols; http(s) here.
      .filter(
        ([attribute, value = ""]) => !["href", "src"].includes(attribute ?? "") || /^https?:/i.test(value),
      );
    return `<${element}${kept.map(([attribute, value]) => ` ${attribute}="${value}"`).join("")}>`;
  });
}

/**
 * WordPress's filter for an oEmbed `rich` answer from a provider it does not trust (`wp_filter_oembed_result`
 * in wp-includes/embed.php): kses with {@link ALLOWED}; keep the first blockquote and the iframe, nothing
 * else (no iframe: nothing is embedded); append `#?secret=` and a 10-character secret to the iframe's src,
 * copy the secret to `data-secret`; hide the iframe behind a blockquote when there is one; then add
 * `class="wp-embedded-content" sandbox="allow-scripts" security="restricted"`, whatever sandbox the provider
 * asked for. Returns undefined when WordPress would embed nothing.
 */
export function wordpressFilter(html: string, secret: string): string | undefined {
  const kept = kses(html, ALLOWED);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kept);
  if (!content?.[2]) return undefined;
  let result = (content[1] ?? "") + content[2];
  const src = / src=(["'])(.*?)\1/.exec(result);
  if (src) {
    result = result.replace(src[0], ` src="${src[2]}#?secret=${secret}" data-secret="${secret}"`);
    result = result.replace("<blockquote", `<blockquote data-secret="${secret}"`);
  }
  if (content[1]) {
    result = result.replace("<iframe", '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    result = result.replace("<blockquote", '<blockquote class="wp-embedded-content"');
  }
  return result.replace(
    "<iframe",
    '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"',
  );
}

/**
 * The embedding side of the protocol, as wp-includes/js/wp-embed.js (WordPress 6.x) does it: a message
 * counts only with a secret of letters and digits, for the iframe whose data-secret matches and whose window
 * sent it; "height" sets the iframe's height, clamped to 200–1000 px; "link" navigates the top window, only
 * to an http(s) address on the iframe's own host and only while the iframe has focus. Every message received
 * is also kept in `window.embedMessages` for the test.
 */
export const WP_EMBED_LISTENER = `window.embedMessages = [];
window.addEventListener("message", function (e) {
  var data = e.data;
  window.embedMessages.push(data);
  if (!data || !(data.secret || data.message || data.value)) return;
  if (/[^a-zA-Z0-9]/.test(data.secret)) return;
  var iframes = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
  var blockquotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]');
  for (var i = 0; i < blockquotes.length; i++) blockquotes[i].style.display = "none";
  for (i = 0; i < iframes.length; i++) {
    var source = iframes[i];
    if (e.source !== source.contentWindow) continue;
    source.removeAttribute("style");
    if (data.message === "height") {
      var height = parseInt(data.value, 10);
      if (height > 1000) height = 1000;
      else if (~~height < 200) height = 200;
      source.height = height;
    } else if (data.message === "link") {
      var sourceURL = new URL(source.getAttribute("src"));
      var targetURL = new URL(data.value);
      if (/^https?:$/i.test(targetURL.protocol) && targetURL.host === sourceURL.host && document.activeElement === source) {
        window.top.location.href = data.value;
      }
    }
  }
});`;

/** A WordPress post showing `embed` (already filtered) between two paragraphs. */
export function wordpressPost(embed: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article WordPress</title>
<script>${WP_EMBED_LISTENER}</script></head>
<body><article><h1>Un article WordPress</h1><p>Avant la brève.</p>
<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">${embed}</div></figure>
<p>Après la brève.</p></article></body></html>`;
}
