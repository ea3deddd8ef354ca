// Content published to the test S3 server for the hosts' NEWS_BRIEF_CONTENT=s3://… checks. Its one brief is
// not in the bundled store, so a host that serves it has read the bucket.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publishContent } from "../../../infra/publish-content.js";
import type { S3Server } from "../../support/s3-server.js";

/** The id of the brief only the bucket holds. */
export const BUCKET_BRIEF = "brief-lu-dans-le-bucket";

const SITE_YML = `title: Briefs du bucket
description: Des briefs publiés dans un bucket.
baseUrl: https://briefs.example.com
lang: fr
publisher:
  name: Clubic
  url: https://www.clubic.com/
idAuthority: clubic.com,2020
feedSize: 20
`;

const BRIEF = `---
title: Un brief lu dans le bucket
lead: Ce brief n'existe que dans le stockage objet.
published: 2024-01-02T09:00:00+01:00
tags: [Cloud]
source:
  name: Clubic
---

- **Premier point.** Le bucket est lu.
- **Second point.** Le store embarqué ne l'est pas.
`;

/** Publishes the bucket's content under `prefix` and returns the variables that point a host at it. */
export async function publishToBucket(s3: S3Server, prefix: string): Promise<Record<string, string>> {
  const work = await mkdtemp(join(tmpdir(), "news-brief-bucket-"));
  try {
    await mkdir(join(work, "content/briefs"), { recursive: true });
    await writeFile(join(work, "content/site.yml"), SITE_YML);
    await writeFile(join(work, `content/briefs/${BUCKET_BRIEF}.md`), BRIEF);
    await publishContent(s3.store(prefix), {
      content: join(work, "content"),
      cacheDir: join(work, "parsed"),
      state: join(work, "published.json"),
      env: {},
      logger: { log: () => {}, error: () => {} },
      progress: false,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { ...s3.env, NEWS_BRIEF_CONTENT: `s3://${s3.bucket}/${prefix}` };
}
