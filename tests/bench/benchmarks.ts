// Every benchmark `npm run bench` runs, in the order of its table.
import type { Benchmark } from "./benchmark.js";
import { buildPublish } from "./build-publish.js";
import { catalogueIndependence } from "./catalogue-independence.js";
import { coldStart } from "./cold-start.js";
import { warmServing } from "./warm-serving.js";
import { widget } from "./widget.js";
import { wireBytes } from "./wire-bytes.js";

export const BENCHMARKS: readonly Benchmark[] = [
  warmServing,
  coldStart,
  catalogueIndependence,
  buildPublish,
  wireBytes,
  widget,
];
