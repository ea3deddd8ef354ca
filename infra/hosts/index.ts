// Every host the build writes a deployment for, under dist/hosts/<name>/ (AWS Lambda is serverless.yml's).
import { cloudflare } from "./cloudflare/target.js";
import type { HostTarget } from "./host-target.js";

export const HOSTS: HostTarget[] = [cloudflare];
