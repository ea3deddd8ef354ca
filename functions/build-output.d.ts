// Modules the build provides to the function bundles (see infra/bundle.ts): the bundled store and the widget.

declare module "news-brief:bundled-store" {
  /** The content store compiled by the build: in the bundle itself at small sizes, else files beside it. */
  export const bundledStore: () => import("./store/content-store.js").ContentStore;
}

declare module "news-brief:widget-script" {
  /** The minified widget bundle and its versioned file name. */
  export const widgetScript: import("./routes/widget-script.js").WidgetScript;
}
