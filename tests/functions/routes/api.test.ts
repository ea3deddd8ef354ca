import { describe, expect, test, vi } from "vitest";
import { Snapshot } from "../../../functions/catalog/snapshot.js";
import { generatedCatalog } from "../../fixtures/catalog.js";
import { testApp } from "../../support/test-app.js";

const catalog = generatedCatalog(25);
const app = testApp(catalog);
const get = (path: string, init?: RequestInit) => app.request(`https://briefs.example.com${path}`, init);

describe("GET /api/briefs", () => {
  test("lists the newest briefs first, 10 by default, with the next page's URL", async () => {
    const response = await get("/api/briefs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.items.map((b: { id: string }) => b.id)).toEqual(catalog.briefs.slice(0, 10).map((b) => b.id));
    expect(body.next).toBe("https://briefs.example.com/api/briefs?limit=10&cursor=brief-0016");
  });

  test("walks the whole catalogue by following next, and ends with null", async () => {
    const seen: string[] = [];
    let url: string | null = "/api/briefs?limit=7";
    while (url) {
      const body: { items: { id: string }[]; next: string | null } = await (
        await get(url.replace("https://briefs.example.com", ""))
      ).json();
      seen.push(...body.items.map((b) => b.id));
      url = body.next;
    }
    expect(seen).toEqual(catalog.briefs.map((b) => b.id));
  });

  test("filters by tag, whatever its case and accents", async () => {
    const body = await (await get("/api/briefs?tag=ethique&limit=50")).json();
    const expected = catalog.briefs.filter((b) => b.tags.includes("Éthique")).map((b) => b.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.items.map((b: { id: string }) => b.id)).toEqual(expected);
    const accented = await (await get(`/api/briefs?tag=${encodeURIComponent("ÉTHIQUE")}&limit=50`)).json();
    expect(accented.items).toEqual(body.items);
  });

  test("answers an empty list for a tag no brief has", async () => {
    expect(await (await get("/api/briefs?tag=inconnu")).json()).toEqual({ items: [], next: null });
  });

  test("keeps one cached answer for every unknown tag, so made-up tags cannot fill the cache", async () => {
    const rendered = vi.spyOn(Snapshot.prototype, "rendered");
    try {
      for (const tag of ["inconnu", "x".repeat(2000), "autre&cursor=brief-0003"]) {
        const answer = await get(`/api/briefs?tag=${encodeURIComponent(tag)}`);
        expect(await answer.json()).toEqual({ items: [], next: null });
      }
      const keys = new Set(rendered.mock.calls.map(([key]) => key));
      expect(keys.size).toBe(1);
      expect([...keys][0]?.length).toBeLessThan(100);
    } finally {
      rendered.mockRestore();
    }
  });

  test.each([
    ["limit=abc", "limit must be a whole number from 1 to 50"],
    ["limit=0", "limit must be a whole number from 1 to 50"],
    ["limit=51", "limit must be a whole number from 1 to 50"],
    ["limit=1.5", "limit must be a whole number"],
    ["cursor=no-such-brief", "cursor is not valid"],
    ["cursor=%3Cscript%3E", "cursor is not valid"],
    ["tag=%20", "tag is empty"],
    ["limit=5&limit=5", "limit is given 2 times; send it once."],
    ["tag=cloud&tag=microsoft&tag=ethique", "tag is given 3 times; send it once."],
    ["cursor=brief-0016&cursor=brief-0010", "cursor is given 2 times"],
  ])("answers 400 with a JSON message for %s", async (query, message) => {
    const response = await get(`/api/briefs?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("bad_request");
    expect(body.message).toContain(message);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("GET /api/briefs/{id}", () => {
  test("answers the public JSON of a brief", async () => {
    const brief = catalog.briefs[0];
    const body = await (await get(`/api/briefs/${brief?.id}`)).json();
    expect(Object.keys(body).sort()).toEqual(
      [
        "author",
        "id",
        "image",
        "lang",
        "lead",
        "points",
        "published",
        "source",
        "tags",
        "title",
        "updated",
        "url",
      ].sort(),
    );
    expect(body).toMatchObject({
      id: brief?.id,
      url: `https://briefs.example.com/briefs/${brief?.id}`,
      title: brief?.title,
    });
    expect(body.points[1]).toEqual({
      heading: "Deuxième point.",
      text: "Texte deux.",
      html: "Texte <em>deux</em>.",
    });
  });

  test("answers 404 as JSON for an unknown id", async () => {
    const response = await get("/api/briefs/nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: 'No brief has the id "nope".' });
  });

  test("answers 404, not 500, for odd ids", async () => {
    for (const id of ["%E2%9C%93", "%00", "a%2Fb", "..%2F..%2Fetc", "x".repeat(3000)]) {
      expect((await get(`/api/briefs/${id}`)).status).toBe(404);
    }
  });
});

describe("validators", () => {
  test("a brief carries an ETag and answers 304 to it, with CORS still open", async () => {
    const first = await get("/api/briefs/brief-0025");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get("last-modified")).toBe("Fri, 01 Jan 2021 07:30:00 GMT");
    const again = await get("/api/briefs/brief-0025", {
      headers: { "If-None-Match": etag, Origin: "https://partner.example" },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
  });

  test("a page of the list carries an ETag that changes with the query", async () => {
    const [a, b] = await Promise.all([get("/api/briefs?limit=2"), get("/api/briefs?limit=3")]);
    expect(a.headers.get("etag")).toMatch(/^"[\w-]{27}"$/);
    expect(a.headers.get("etag")).not.toBe(b.headers.get("etag"));
  });
});

describe("CORS", () => {
  test("lets any origin read the API without credentials", async () => {
    const response = await get("/api/briefs", { headers: { Origin: "https://partner.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  test("answers a preflight with GET and HEAD only", async () => {
    const response = await get("/api/briefs", {
      method: "OPTIONS",
      headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,HEAD");
  });
});
