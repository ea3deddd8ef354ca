// Entry point of the widget bundle: defines <news-brief>; exports types only, as a <script> tag imports nothing.
import "./define";

export type { Brief, KeyPoint } from "./brief.js";
export type { BriefErrorEvent, BriefErrorReason, BriefLoadEvent } from "./events.js";
export type { Layout, NewsBrief, Theme } from "./news-brief.js";
