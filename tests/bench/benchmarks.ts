// Every benchmark `npm run bench` runs, in the order of its table.
import type { Benchmark } from "./benchmark.js";
import { buildPublish } from "./build-publish.js";
import { catalogueIndependence } from "./catalogue-independence.js";
import { widget } from "./widget.js";
import { wireBytes } from "./wire-bytes.js";

export const BENCHMARKS: readonly Benchmark[] = [
  // Warm serving and cold start go first: warmServing (./warm-serving.js), coldStart (./cold-start.js).
  catalogueIndependence,
  buildPublish,
  wireBytes,
  widget,
];
