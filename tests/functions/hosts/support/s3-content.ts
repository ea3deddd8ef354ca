// A published store on s3rver that the bundled store does not hold, for checking a host honours NEWS_BRIEF_CONTENT.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publishContent } from "../../../../infra/publish-content.js";
import { type S3Server, startS3Server } from "../../../support/s3-server.js";

/** The one brief the published store holds. */
export const S3_BRIEF_ID = "brief-publie-dans-le-bucket";

/** A running s3rver holding one published site under `prefix`, and the variables that point a host at it. */
export interface PublishedBucket {
  s3: S3Server;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts s3rver and publishes a one-brief content folder to it with `npm run publish-content`'s code. */
export async function publishedBucket(prefix = "site"): Promise<PublishedBucket> {
  const work = await mkdtemp(join(tmpdir(), "news-brief-host-s3-"));
  const content = join(work, "content");
  await mkdir(join(content, "briefs"), { recursive: true });
  await writeFile(
    join(content, "site.yml"),
    `title: Briefs du bucket
description: Un site publié dans S3.
baseUrl: https://briefs.example.com
lang: fr
publisher:
  name: Clubic
  url: https://www.clubic.com/
idAuthority: clubic.com,2020
feedSize: 20
`,
  );
  await writeFile(
    join(content, "briefs", `${S3_BRIEF_ID}.md`),
    `---
title: Un brief publié dans le bucket
lead: Il n'existe que dans S3.
published: 2024-01-02T09:00:00+01:00
tags: [Cloud]
source:
  name: Clubic
---

- **Premier point.** Texte un.
- **Second point.** Texte deux.
`,
  );
  const s3 = await startS3Server();
  await publishContent(s3.store(prefix), {
    content,
    cacheDir: join(work, "parsed"),
    state: join(work, "published.json"),
    env: {},
    logger: { log: () => {}, error: () => {} },
    progress: false,
  });
  return {
    s3,
    env: { ...s3.env, NEWS_BRIEF_CONTENT: `s3://${s3.bucket}/${prefix}`, NEWS_BRIEF_CONTENT_TTL: "0" },
    close: async () => {
      await s3.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
