// Every host the build writes a deployment for, under dist/hosts/<name>/ (AWS Lambda is serverless.yml's).
import { azure } from "./azure/target.js";
import { googleCloud } from "./google-cloud/target.js";
import type { HostTarget } from "./host-target.js";

export const HOSTS: HostTarget[] = [googleCloud, azure];
