// Every host the build writes a deployment for, under dist/hosts/<name>/ (AWS Lambda is serverless.yml's).
import type { HostTarget } from "./host-target.js";
import { netlify } from "./netlify/target.js";
import { vercel } from "./vercel/target.js";
import { vercelEdge } from "./vercel-edge/target.js";

export const HOSTS: HostTarget[] = [vercel, vercelEdge, netlify];
