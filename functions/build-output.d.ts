// Modules the build provides to the function bundles (see infra/build.ts): the compiled content and the widget.

declare module "news-brief:catalog" {
  /** The validated content, newest brief first. */
  export const catalog: import("../infra/content/catalog.js").Catalog;
}

declare module "news-brief:widget-script" {
  /** The minified widget bundle. */
  export const widgetScript: string;
}
