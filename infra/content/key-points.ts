// Turns a brief's Markdown body (one bullet per key point) into key points with safe inline HTML.
import type { List, ListItem, PhrasingContent, RootContent, Strong } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString as plainText } from "mdast-util-to-string";
import { escapeHtml } from "../../functions/catalog/html.js";
import type { KeyPoint } from "./catalog.js";
import { isHttpUrl, normalizeUrl } from "./schema.js";
import { characterProblem } from "./text-rules.js";

/** The fewest and most key points a brief may have. */
export const POINTS = { min: 1, max: 6 } as const;

/** The longest heading and text of a key point, in characters: the seed's points run to about 550. */
export const POINT_LENGTH = { heading: 150, text: 1000 } as const;

/** What HTML collapses (space, tab, line feeds): U+00A0 and U+202F are text and stay as written. */
const COLLAPSIBLE_SPACE = /[ \t\n\f\r]+/g;

/** The result of reading a body: the points, or every problem found in it. */
export type KeyPointsResult = { ok: true; points: KeyPoint[] } | { ok: false; problems: string[] };

/** Reads a brief's body. Problems are phrased `body: what is wrong and how to fix it`, with the line. */
export function parseKeyPoints(markdown: string, firstLine = 1): KeyPointsResult {
  const problems: string[] = [];
  const at = (node: { position?: { start: { line: number } } }) =>
    `body (line ${(node.position?.start.line ?? 1) + firstLine - 1})`;
  const blocks = fromMarkdown(markdown).children.filter(
    (node) => node.type !== "html" || !/^<!--[\s\S]*-->$/.test(node.value),
  );
  const list = blocks[0];
  if (list?.type !== "list" || list.ordered) {
    return {
      ok: false,
      problems: [
        `${list ? at(list) : "body"}: must be a bullet list, one "- **Heading.** text" item per key point`,
      ],
    };
  }
  for (const extra of blocks.slice(1))
    problems.push(
      `${at(extra)}: only the bullet list of key points may stand in the body; ${describe(extra)} found`,
    );
  const items = (list as List).children;
  if (items.length < POINTS.min || items.length > POINTS.max) {
    problems.push(
      `${at(list)}: has ${items.length} key points; write between ${POINTS.min} and ${POINTS.max}`,
    );
  }
  const points = items.map((item) => toKeyPoint(item, (node, what) => problems.push(`${at(node)}: ${what}`)));
  // An element's opening and closing tags are two raw HTML nodes on one line: one problem.
  return problems.length > 0 ? { ok: false, problems: [...new Set(problems)] } : { ok: true, points };
}

type Report = (node: { position?: { start: { line: number } } }, problem: string) => void;

function toKeyPoint(item: ListItem, report: Report): KeyPoint {
  const [paragraph, ...rest] = item.children;
  for (const extra of rest) report(extra, `a key point is one paragraph; ${describe(extra)} found inside it`);
  if (paragraph?.type !== "paragraph") {
    if (paragraph) report(paragraph, `a key point is one paragraph; ${describe(paragraph)} found`);
    else report(item, "this key point is empty; write it or remove the bullet");
    return { heading: null, text: "", html: "" };
  }
  const [first, ...others] = paragraph.children;
  const heading = first?.type === "strong" ? headingText(first, report) : "";
  const body = heading ? others : paragraph.children;
  const text = collapse(body.map((node) => plainText(node)).join(""));
  if (!text) report(paragraph, "this key point has a heading but no text after it; write the paragraph");
  const problem = characterProblem(text);
  if (problem) report(paragraph, `this key point ${problem}`);
  if (text.length > POINT_LENGTH.text)
    report(paragraph, `this key point is longer than ${POINT_LENGTH.text} characters; shorten it`);
  return { heading: heading || null, text, html: collapse(inlineHtml(body, report)) };
}

/** A bold heading as plain text; markup inside it would be lost, so it is reported. */
function headingText(strong: Strong, report: Report): string {
  const check = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === "emphasis" || node.type === "strong") check(node.children);
      else if (node.type !== "text" && node.type !== "inlineCode" && node.type !== "break")
        report(
          node,
          `${describe(node)} is not allowed in a heading, which is plain text; move it after the heading`,
        );
    }
  };
  check(strong.children);
  const heading = collapse(plainText(strong));
  const problem = characterProblem(heading);
  if (problem) report(strong, `the heading ${problem}`);
  if (heading.length > POINT_LENGTH.heading)
    report(strong, `the heading is longer than ${POINT_LENGTH.heading} characters; shorten it`);
  return heading;
}

function collapse(text: string): string {
  return text.replace(COLLAPSIBLE_SPACE, " ").replace(/^ | $/g, "");
}

function inlineHtml(nodes: PhrasingContent[], report: Report): string {
  return nodes.map((node) => phrasing(node, report)).join("");
}

function phrasing(node: PhrasingContent, report: Report): string {
  switch (node.type) {
    case "text":
      return escapeHtml(node.value);
    case "emphasis":
      return `<em>${inlineHtml(node.children, report)}</em>`;
    case "strong":
      return `<strong>${inlineHtml(node.children, report)}</strong>`;
    case "inlineCode":
      return `<code>${escapeHtml(node.value)}</code>`;
    case "break":
      return " ";
    case "link":
      if (!isHttpUrl(node.url))
        report(node, `link "${node.url}" must be an absolute http(s) URL, like https://example.com/page`);
      return `<a href="${escapeHtml(isHttpUrl(node.url) ? normalizeUrl(node.url) : node.url)}">${inlineHtml(node.children, report)}</a>`;
    default:
      report(
        node,
        `${describe(node)} is not allowed in a key point; use only emphasis, bold, links and code`,
      );
      return "";
  }
}

const NAMES: Record<string, string> = {
  html: "raw HTML",
  image: "an image",
  link: "a link",
  heading: "a heading",
  code: "a code block",
  blockquote: "a quotation",
  list: "a list",
  thematicBreak: "a horizontal rule",
  paragraph: "a paragraph",
  table: "a table",
  linkReference: "a reference link",
  imageReference: "an image",
  definition: "a link definition",
};

function describe(node: RootContent): string {
  return NAMES[node.type] ?? node.type;
}
