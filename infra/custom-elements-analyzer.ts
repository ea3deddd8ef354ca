// Typed access to the parts of @custom-elements-manifest/analyzer its declarations leave out.
import * as analyzer from "@custom-elements-manifest/analyzer";
// @ts-expect-error: the Lit plugin ships without types; its shape is the analyzer's plugin array.
import { litPlugin as untypedLitPlugin } from "@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js";
import type * as typescript from "typescript";

interface Analyzer {
  create(options: {
    modules: typescript.SourceFile[];
    plugins?: object[];
    context?: { dev: boolean };
  }): object;
  ts: typeof typescript;
}

const { create, ts } = analyzer as unknown as Analyzer;

/** The analyser's Lit support: static properties, reactive state, styles. */
export const litPlugin = untypedLitPlugin as () => object[];
export { create, ts };
