// Every host the build writes a deployment for, under dist/hosts/<name>/ (AWS Lambda is serverless.yml's).
import { azure } from "./azure/target.js";
import { bun } from "./bun/target.js";
import { cloudflare } from "./cloudflare/target.js";
import { deno } from "./deno/target.js";
import { googleCloud } from "./google-cloud/target.js";
import type { HostTarget } from "./host-target.js";
import { netlify } from "./netlify/target.js";
import { vercel } from "./vercel/target.js";
import { vercelEdge } from "./vercel-edge/target.js";

export const HOSTS: HostTarget[] = [cloudflare, deno, bun, vercel, vercelEdge, netlify, googleCloud, azure];
