// A key point's server-made inline HTML rebuilt as fresh DOM that keeps only text, em, strong, code and http(s) links.
import type { KeyPoint } from "./brief.js";
import { isHttpUrl } from "./http-url.js";

// Upper case matches HTML elements only: an SVG or MathML `a` keeps its lower-case name and is unwrapped.
const KEPT = /^(EM|STRONG|CODE)$/;
// Elements whose content is code or markup, never words: dropped whole rather than unwrapped.
const DROPPED = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|TEXTAREA|TITLE)$/;

/**
 * Appends to `to` new nodes for `from`'s children: text as text; EM, STRONG and CODE without attributes; A
 * with its `href` alone when that is an absolute http(s) URL. Script, style and the like are dropped with their
 * content; any other element gives way to its own children, rebuilt the same way; comments are dropped.
 */
function copySafe(from: Node, to: ParentNode): void {
  for (const node of from.childNodes) {
    if (node instanceof Text) to.append(node.data);
    if (!(node instanceof Element)) continue;
    const name = node.nodeName;
    if (DROPPED.test(name)) continue;
    const href = node.getAttribute("href");
    let into = to;
    if (name === "A" && isHttpUrl(href)) {
      into = to.appendChild(document.createElement("a"));
      (into as Element).setAttribute("href", href);
    } else if (KEPT.test(name)) {
      into = to.appendChild(document.createElement(name));
    }
    copySafe(node, into);
  }
}

// A point's nodes, made once: re-rendering the same point (new `points`, a move in the page) reuses them.
const made = new WeakMap<KeyPoint, Node[] | string>();

/**
 * What a point shows: new nodes rebuilt from `point.html`, or `point.text` where the page enforces Trusted Types
 * (`require-trusted-types-for 'script'` makes `innerHTML` throw). The HTML is parsed in a `<template>`, whose
 * content is inert: nothing in it runs or loads, whatever the API sent.
 */
export function pointContent(point: KeyPoint): Node[] | string {
  let content = made.get(point);
  if (content === undefined) {
    try {
      const template = document.createElement("template");
      template.innerHTML = point.html;
      const fragment = document.createDocumentFragment();
      copySafe(template.content, fragment);
      content = [...fragment.childNodes];
    } catch {
      content = point.text;
    }
    made.set(point, content);
  }
  return content;
}
