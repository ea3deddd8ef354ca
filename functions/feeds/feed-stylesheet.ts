// The XSLT that shows our RSS and Atom feeds as a readable page when a person opens one in a browser.

/** The same words in French and in English: the page speaks French when the feed's language is `fr*`. */
function say(fr: string, en: string): string {
  return `<xsl:choose><xsl:when test="$fr">${fr}</xsl:when><xsl:otherwise>${en}</xsl:otherwise></xsl:choose>`;
}

const MONTHS = {
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  en: "January February March April May June July August September October November December",
};

/** Month names padded to 9 characters, so that XPath's substring() can pick the n-th one. */
function monthTable(names: string): string {
  return names
    .split(" ")
    .map((name) => name.padEnd(9))
    .join("");
}

const CSS = `
:root { color-scheme: light dark; --text: #1d1d1f; --muted: #5c5f66; --page: #ffffff; --box: #eef1f5;
  --line: #d9dde3; --link: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8ea; --muted: #a4a7ae; --page: #17181c; --box: #24272d; --line: #33363d;
    --link: #8ab4f8; }
}
body { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; background: var(--page);
  color: var(--text); font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--link); }
.about { background: var(--box); border-radius: 0.5rem; padding: 0.75rem 1rem; }
.about p { margin: 0 0 0.5rem; }
.self { display: block; user-select: all; overflow-wrap: anywhere; font-size: 0.9375rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 2rem 0 0.5rem; }
header p { margin: 0 0 0.5rem; color: var(--muted); }
h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
  margin: 2rem 0 0; }
article { border-top: 1px solid var(--line); padding: 1rem 0; }
h3 { font-size: 1.1875rem; line-height: 1.3; margin: 0; }
time { font-size: 0.875rem; color: var(--muted); }
.lead { margin: 0.25rem 0 0; }
`;

/**
 * XSLT 1.0 from RSS 2.0 (`/rss/channel/item`) or Atom 1.0 (`atom:feed/atom:entry`) to an HTML page: what a
 * feed is, its own address to copy, its title and description, then each item's linked title, date and
 * lead. Text is only ever copied as text (never `disable-output-escaping`), so no markup from a feed runs.
 */
export const FEED_STYLESHEET = `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>

  <xsl:variable name="channel" select="/rss/channel | /atom:feed"/>
  <xsl:variable name="lang" select="string(/rss/channel/language | /atom:feed/@xml:lang)"/>
  <xsl:variable name="fr" select="starts-with(translate($lang, 'FR', 'fr'), 'fr')"/>
  <xsl:variable name="title"><xsl:apply-templates select="$channel/title | $channel/atom:title" mode="text"/>
  </xsl:variable>

  <xsl:template match="/">
    <html>
      <xsl:attribute name="lang">
        <xsl:value-of select="$lang"/><xsl:if test="not($lang)">en</xsl:if>
      </xsl:attribute>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>${CSS}</style>
      </head>
      <body>
        <aside class="about">
          <p>
            <strong>${say("Ceci est un flux d’actualités.", "This is a news feed.")}</strong>
            ${say(
              " Copiez son adresse dans votre lecteur de flux (RSS) pour suivre ses brèves&#160;:",
              " Copy its address into your feed reader (RSS) to follow its briefs:",
            )}
          </p>
          <code class="self"><xsl:value-of select="$channel/atom:link[@rel = 'self']/@href"/></code>
        </aside>
        <header>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:apply-templates select="$channel/description | $channel/atom:subtitle" mode="text"/></p>
          <p><a href="{$channel/link | $channel/atom:link[@rel = 'alternate']/@href}">
            ${say("Voir le site", "Visit the website")}</a></p>
        </header>
        <main>
          <h2>${say("Dernières brèves", "Latest briefs")}</h2>
          <xsl:apply-templates select="$channel/item | $channel/atom:entry"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item | atom:entry">
    <article>
      <h3><a href="{link | atom:link[not(@rel) or @rel = 'alternate']/@href}">
        <xsl:apply-templates select="title | atom:title" mode="text"/></a></h3>
      <xsl:apply-templates select="pubDate | atom:published | atom:updated[not(../atom:published)]"/>
      <xsl:if test="description | atom:summary">
        <p class="lead"><xsl:apply-templates select="description | atom:summary" mode="text"/></p>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- RFC 822, as the feed package writes it: "Wed, 10 Jun 2020 07:00:00 GMT". -->
  <xsl:template match="pubDate">
    <xsl:variable name="date" select="substring-after(normalize-space(.), ', ')"/>
    <xsl:variable name="month" select="substring(substring-after($date, ' '), 1, 3)"/>
    <xsl:call-template name="date">
      <xsl:with-param name="year"
        select="substring(substring-after(substring-after($date, ' '), ' '), 1, 4)"/>
      <xsl:with-param name="month"
        select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $month)) div 3 + 1"/>
      <xsl:with-param name="day" select="substring-before($date, ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- RFC 3339: "2020-06-10T07:00:00.000Z". -->
  <xsl:template match="atom:published | atom:updated">
    <xsl:call-template name="date">
      <xsl:with-param name="year" select="substring(., 1, 4)"/>
      <xsl:with-param name="month" select="substring(., 6, 2)"/>
      <xsl:with-param name="day" select="substring(., 9, 2)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The day as the feed writes it, in UTC: XSLT 1.0 knows no time zones. -->
  <xsl:template name="date">
    <xsl:param name="year"/>
    <xsl:param name="month"/>
    <xsl:param name="day"/>
    <xsl:variable name="months">${say(monthTable(MONTHS.fr), monthTable(MONTHS.en))}</xsl:variable>
    <time datetime="{$year}-{format-number($month, '00')}-{format-number($day, '00')}">
      <xsl:value-of select="number($day)"/>
      <xsl:if test="$fr and number($day) = 1">er</xsl:if>
      <xsl:value-of
        select="concat(' ', normalize-space(substring($months, 9 * ($month - 1) + 1, 9)), ' ', $year)"/>
    </time>
  </xsl:template>

  <!-- Mode text: an element's content as plain text. -->
  <xsl:template match="*" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- An RSS item description and an Atom type="html" construct are HTML: ours is escaped plain text. -->
  <xsl:template match="item/description | atom:*[@type = 'html']" mode="text">
    <xsl:call-template name="html-text"><xsl:with-param name="html" select="string(.)"/></xsl:call-template>
  </xsl:template>

  <!-- The references escapeHtml writes (infra/content/html.ts) become characters; any other stays as is. -->
  <xsl:template name="html-text">
    <xsl:param name="html"/>
    <xsl:variable name="rest" select="substring-after($html, '&amp;')"/>
    <xsl:variable name="name" select="substring-before($rest, ';')"/>
    <xsl:variable name="char">
      <xsl:choose>
        <xsl:when test="$name = 'amp'">&amp;</xsl:when>
        <xsl:when test="$name = 'lt'">&lt;</xsl:when>
        <xsl:when test="$name = 'gt'">&gt;</xsl:when>
        <xsl:when test="$name = 'quot'">"</xsl:when>
        <xsl:when test="$name = '#39'">'</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not(contains($html, '&amp;'))"><xsl:value-of select="$html"/></xsl:when>
      <xsl:when test="string($char)">
        <xsl:value-of select="concat(substring-before($html, '&amp;'), $char)"/>
        <xsl:call-template name="html-text">
          <xsl:with-param name="html" select="substring-after($rest, ';')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(substring-before($html, '&amp;'), '&amp;')"/>
        <xsl:call-template name="html-text"><xsl:with-param name="html" select="$rest"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
`;
