// The oEmbed html as consumers read it, through Chromium's HTML and XML parsers: the linked title, then the frame.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseBrief, baseSite, HOSTILE, hostileCatalog } from "../../fixtures/catalog.js";
import { launchChromium } from "../../widget/support/browser.js";
import { oembedApp } from "./support/oembed-app.js";

const BASE = "https://briefs.example.com";
const app = oembedApp({ site: baseSite, briefs: [baseBrief] });
const hostile = oembedApp(hostileCatalog());

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

const oembed = (id: string, format: "json" | "xml", on = app) =>
  on.request(`${BASE}/oembed?${new URLSearchParams({ url: `${BASE}/briefs/${id}`, format })}`);
const jsonHtml = async (id: string, on = app) =>
  ((await (await oembed(id, "json", on)).json()) as { html: string }).html;

/** What an HTML parser makes of `html` as a fragment of a page, before and after removing every iframe. */
function parse(html: string) {
  return page.evaluate((source) => {
    const body = new DOMParser().parseFromString(source, "text/html").body;
    const elements = [...body.querySelectorAll("*")];
    const links = () => [...body.querySelectorAll("a")].map((a) => ({ href: a.href, text: a.textContent }));
    const parsed = {
      children: [...body.children].map((element) => element.localName),
      elements: elements.map((element) => element.localName),
      attributes: elements.flatMap((element) =>
        element.getAttributeNames().map((name) => `${element.localName}[${name}]`),
      ),
      lang: body.querySelector("blockquote")?.lang,
      links: links(),
      frame: { src: body.querySelector("iframe")?.src, title: body.querySelector("iframe")?.title },
    };
    for (const frame of body.querySelectorAll("iframe")) frame.remove();
    return { ...parsed, withoutFrames: { links: links(), text: body.textContent } };
  }, html);
}

const ATTRIBUTES = [
  "blockquote[lang]",
  "a[href]",
  "iframe[src]",
  "iframe[width]",
  "iframe[height]",
  "iframe[title]",
  "iframe[loading]",
  "iframe[sandbox]",
  "iframe[frameborder]",
];

describe("the oEmbed html in an HTML parser", () => {
  test("is a blockquote holding the title linked to the brief page, then the iframe of the embed page", async () => {
    const parsed = await parse(await jsonHtml("premier-brief"));
    expect(parsed.children).toEqual(["blockquote", "iframe"]);
    expect(parsed.elements).toEqual(["blockquote", "a", "iframe"]);
    expect(parsed.attributes).toEqual(ATTRIBUTES);
    expect(parsed.lang).toBe("fr");
    expect(parsed.links).toEqual([{ href: `${BASE}/briefs/premier-brief`, text: "Un titre" }]);
    expect(parsed.frame).toEqual({ src: `${BASE}/embed/premier-brief`, title: "Un titre" });
  });

  test("keeps a link to the brief page, with its title, when a consumer strips iframes", async () => {
    const { withoutFrames } = await parse(await jsonHtml("premier-brief"));
    expect(withoutFrames).toEqual({
      links: [{ href: `${BASE}/briefs/premier-brief`, text: "Un titre" }],
      text: "Un titre",
    });
  });

  test("keeps a hostile title inert: the same three elements, and the title only as text", async () => {
    const parsed = await parse(await jsonHtml("hostile", hostile));
    expect(HOSTILE).toContain("<script>");
    expect(parsed.elements).toEqual(["blockquote", "a", "iframe"]);
    expect(parsed.attributes).toEqual(ATTRIBUTES);
    expect(parsed.links).toEqual([{ href: `${BASE}/briefs/hostile`, text: HOSTILE }]);
    expect(parsed.frame.title).toBe(HOSTILE);
    expect(parsed.withoutFrames.text).toBe(HOSTILE);
  });

  test.each([
    ["premier-brief", app],
    ["hostile", hostile],
  ])("reads the same html out of the XML format with an XML parser (%s)", async (id, on) => {
    const xml = await (await oembed(id, "xml", on)).text();
    const fromXml = await page.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, "application/xml");
      if (document.querySelector("parsererror")) return undefined;
      return document.querySelector("oembed > html")?.textContent;
    }, xml);
    expect(fromXml).toBe(await jsonHtml(id, on));
  });
});
