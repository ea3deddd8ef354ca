// A generated corpus of malformed and hostile requests aimed at every route, the same for the app in process,
// the Lambda adapter and every host. Deterministic: the same list, in the same order, on every run.

/** The classes of the corpus, in the order a summary prints them. */
export const HOSTILE_CLASSES = [
  "path traversal",
  "overlong path or query",
  "odd method",
  "bad limit",
  "forged cursor",
  "injected tag",
  "If-None-Match",
  "If-Modified-Since",
  "Accept",
  "Accept-Encoding",
  "oversized headers",
  "odd route query",
] as const;

/** One of {@link HOSTILE_CLASSES}. */
export type HostileClass = (typeof HOSTILE_CLASSES)[number];

/** One request of the corpus. */
export interface HostileRequest {
  class: HostileClass;
  method: string;
  /** Path and query as they go on the request line: percent-encoded by hand where meant, never normalised. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The statuses the app may answer (a front server may refuse as well: see hostile-answers.ts). */
  expect: readonly number[];
}

/** The seed brief of content/ and one of its tags: every runner serves content/. */
export const CORPUS_BRIEF = "microsoft-employes-contrats-police";
export const CORPUS_TAG = "microsoft";
/** Withdrawn in the in-process runners' store (410); unknown to the built store (404). */
export const CORPUS_WITHDRAWN = "brief-retiree";
/** The public base URL every runner is given, which oEmbed `url`s must name. */
export const CORPUS_BASE_URL = "https://briefs.example.com";

/** Markup a browser would run if it were reflected; `nbxss` marks it in answers (see hostile-answers.ts). */
export const MARKUP = [
  '<script>alert("nbxss")</script>',
  '<img src=x onerror=alert("nbxss")>',
  '"><svg onload=alert("nbxss")>',
  "javascript:alert('nbxss')",
  "' onmouseover='alert(\"nbxss\")",
] as const;

const SEED = CORPUS_BRIEF;
const enc = encodeURIComponent;
const NOT_FOUND = [404] as const;
const OK = [200] as const;
const BAD = [400] as const;
// A trailing or doubled slash: the app answers 404, a router in front may drop the slash first (hapi does).
const SLASHED = [200, 404] as const;

const at = (
  klass: HostileClass,
  path: string,
  expect: readonly number[],
  extra: Partial<HostileRequest> = {},
): HostileRequest => ({ class: klass, method: "GET", path, headers: {}, expect, ...extra });

function traversal(): HostileRequest[] {
  const dots = ["..", "%2e%2e", "%2E%2E", ".%2e", "%252e%252e", "%c0%ae%c0%ae"];
  const slashes = ["/", "%2f", "%2F", "%5c", "\\", "%252f"];
  const bases = ["/briefs/", "/api/briefs/", "/tags/", "/widget/", "/sitemaps/", "/embed/", "/"];
  const targets = ["etc/passwd", "dist/store/manifest.json", "package.json", "feed.xml"];
  const cases: HostileRequest[] = [];
  let i = 0;
  for (const dot of dots) {
    for (const slash of slashes) {
      const base = bases[i % bases.length];
      const target = targets[i % targets.length];
      // Where the URL parser folds the dots, a real route may answer: that is fine, a file outside is not.
      cases.push(at("path traversal", `${base}${dot}${slash}${dot}${slash}${target}`, [200, 400, 404]));
      i++;
    }
  }
  const nul = [
    `/briefs/${SEED}%00`,
    `/briefs/${SEED}%00.html`,
    "/feed.xml%00",
    `/api/briefs/${SEED}%00`,
    "/tags/microsoft%00/feed.xml",
    "/%00",
    "/widget/news-brief.js%00",
    "/sitemaps/pages-1.xml%2500",
  ];
  for (const path of nul) cases.push(at("path traversal", path, NOT_FOUND));
  // A raw NUL: the URL parser drops one at the end (WHATWG URL, C0 control trimming) and encodes one inside.
  cases.push(
    at("path traversal", `/briefs/${SEED}\u0000`, [200, 404]),
    at("path traversal", `/briefs/\u0000${SEED}`, NOT_FOUND),
    at("path traversal", "/api/briefs/a\u0000b", NOT_FOUND),
  );
  const slashed = [
    "/briefs/a%2fb",
    "/api/briefs/..%2f..%2fpackage.json",
    "/tags/microsoft%2ffeed.xml",
    "/archive/1%2ffeed.xml",
    "/widget%2fnews-brief.js",
    "/api%2fbriefs",
    "/briefs/%5c%5cevil.example",
    "/%2f%2fevil.example/",
  ];
  for (const path of slashed) cases.push(at("path traversal", path, NOT_FOUND));
  // Request targets that are not a plain path: absolute-form, asterisk-form, a bare "//" authority.
  for (const path of ["http://evil.example/feed.xml", "*", "//evil.example/feed.xml", "/./feed.xml"]) {
    cases.push(at("path traversal", path, [200, 400, 404]));
  }
  return cases;
}

function overlong(): HostileRequest[] {
  const a = (n: number) => "a".repeat(n);
  const K = 1024;
  const paths: [string, readonly number[]][] = [
    [`/briefs/${a(2 * K)}`, NOT_FOUND],
    [`/briefs/${a(8 * K)}`, NOT_FOUND],
    [`/briefs/${a(64 * K)}`, NOT_FOUND],
    [`/api/briefs/${a(8 * K)}`, NOT_FOUND],
    [`/api/briefs/${a(64 * K)}`, NOT_FOUND],
    [`/tags/${a(8 * K)}/feed.xml`, NOT_FOUND],
    [`/tags/${a(64 * K)}`, NOT_FOUND],
    [`/${"a/".repeat(4 * K)}`, NOT_FOUND],
    [`/embed/${a(8 * K)}`, NOT_FOUND],
    [`/sitemaps/${a(8 * K)}.xml`, NOT_FOUND],
    [`/widget/${a(8 * K)}.js`, NOT_FOUND],
    [`/feed.xml?q=${a(8 * K)}`, OK],
    [`/feed.xml?q=${a(64 * K)}`, OK],
    [`/api/briefs?tag=${a(8 * K)}`, OK],
    [`/api/briefs?tag=${a(64 * K)}`, OK],
    [`/api/briefs?cursor=${a(8 * K)}`, BAD],
    [`/api/briefs?limit=${"1".repeat(8 * K)}`, BAD],
    [`/?${"a=1&".repeat(2 * K)}`, OK],
    [`/api/briefs?${"tag=x&".repeat(2 * K)}`, BAD],
    [`/oembed?url=${enc(`${CORPUS_BASE_URL}/briefs/${a(8 * K)}`)}`, NOT_FOUND],
    [`/oembed?url=${enc(`${CORPUS_BASE_URL}/briefs/${SEED}`)}&format=${a(8 * K)}`, [501]],
    [`/briefs/${SEED}?${a(64 * K)}`, OK],
  ];
  return paths.map(([path, expect]) => at("overlong path or query", path, expect));
}

function methods(): HostileRequest[] {
  const oembed = `/oembed?url=${enc(`${CORPUS_BASE_URL}/briefs/${SEED}`)}`;
  const known = ["/feed.xml", "/api/briefs", `/api/briefs/${SEED}`, "/", `/briefs/${SEED}`, oembed];
  const more = ["/widget/news-brief.js", "/sitemap.xml", "/tags/microsoft/atom.xml", "/feed.xsl"];
  const paths = [...known, ...more, "/no/such/page"];
  const names = ["PUT", "DELETE", "PATCH", "POST", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK"];
  const odd = ["UNLOCK", "PURGE", "SEARCH", "REPORT", "M-SEARCH", "BREW", "FOO", "TRACE", "TRACK", "CONNECT"];
  const cases: HostileRequest[] = [];
  [...names, ...odd].forEach((method, i) => {
    // TRACE, TRACK and CONNECT may be refused before any route is looked up.
    const unknown = /^(?:TRACE|TRACK|CONNECT)$/.test(method) ? [404, 405] : NOT_FOUND;
    for (const path of [paths[i % paths.length], paths[(i + 4) % paths.length]] as string[]) {
      cases.push(at("odd method", path, path === "/no/such/page" ? unknown : [405], { method }));
    }
  });
  // Lowercase names: a web Request upper-cases the six standard ones and keeps the rest as sent.
  for (const method of ["get", "head", "delete", "patch", "post", "propfind"]) {
    cases.push(at("odd method", "/feed.xml", [200, 405], { method }));
  }
  const body = { "Content-Type": "application/json" };
  cases.push(
    at("odd method", "/api/briefs", [405], { method: "POST", headers: body, body: '{"title":"spam"}' }),
    at("odd method", "/feed.xml", [405], { method: "PUT", body: "x".repeat(64 * 1024) }),
    at("odd method", "/api/briefs", OK, { headers: body, body: '{"limit":1000}' }),
  );
  const preflight = { Origin: "https://partner.example", "Access-Control-Request-Method": "GET" };
  const options: [string, Record<string, string>, readonly number[]][] = [
    ["/api/briefs", {}, [204]],
    ["/api/briefs", preflight, [204]],
    [`/api/briefs/${SEED}`, { ...preflight, "Access-Control-Request-Method": "DELETE" }, [204]],
    ["/api/briefs", { ...preflight, "Access-Control-Request-Headers": "x-evil, cookie" }, [204]],
    [oembed, preflight, [204]],
    ["/feed.xml", {}, [204]],
    ["/feed.xml", preflight, [204]],
    ["/", preflight, [405]],
    ["/no/such/page", preflight, NOT_FOUND],
    ["*", {}, [400, 404, 405]],
  ];
  for (const [path, headers, expect] of options) {
    cases.push(at("odd method", path, expect, { method: "OPTIONS", headers }));
  }
  return cases;
}

function limits(): HostileRequest[] {
  const bad = ["0", "-1", "-0", "1.5", "1e1", "51", "100", "999", "1000", "99999999999999999999", "NaN"];
  const worse = ["Infinity", "-Infinity", "0x10", "%205", "5%20", "%2B5", "", "abc", "%00", "1%00", "10;"];
  const worst = [
    "%EF%BC%91%EF%BC%90",
    "%D9%A3",
    "10,20",
    "1_0",
    "true",
    "null",
    "[]",
    "5%0d%0aSet-Cookie:x=1",
  ];
  const cases: HostileRequest[] = [];
  for (const route of ["/api/briefs?", "/api/briefs?tag=microsoft&"]) {
    for (const value of [...bad, ...worse, ...worst, enc(MARKUP[0])]) {
      cases.push(at("bad limit", `${route}limit=${value}`, BAD));
    }
    for (const value of ["1", "50", "05", "010"]) cases.push(at("bad limit", `${route}limit=${value}`, OK));
    for (const query of ["limit=5&limit=5", "limit=1&limit=1000", "limit=10&limit=abc", "limit"]) {
      cases.push(at("bad limit", `${route}${query}`, BAD));
    }
    for (const query of ["limit[]=5", "LIMIT=5", "limit%00=5"])
      cases.push(at("bad limit", `${route}${query}`, OK));
  }
  // A tag page's and a tag feed's query is not read: a limit there changes nothing.
  cases.push(
    at("bad limit", "/tags/microsoft?limit=-1", OK),
    at("bad limit", "/tags/microsoft/feed.json?limit=1e9", OK),
  );
  return cases;
}

function cursors(): HostileRequest[] {
  const base64 = (text: string) => Buffer.from(text).toString("base64");
  const base64url = (text: string) => Buffer.from(text).toString("base64url");
  const invalid = [
    "!!!",
    enc(base64('{"id":1}')),
    base64url('{"id":1}'),
    base64url(`{"after":"${SEED}"}`),
    enc(base64(`{"offset":-1,"id":"${SEED}"}`)),
    "microsoft-employes-contr",
    SEED.toUpperCase(),
    CORPUS_WITHDRAWN,
    "no-such-brief",
    "x".repeat(101),
    "a".repeat(100),
    "__proto__",
    "constructor",
    "",
    "%00",
    "..%2fx",
    "-",
    "0",
    "-1",
    enc(JSON.stringify({ id: SEED })),
    enc(MARKUP[1]),
    `${SEED}&cursor=${SEED}`,
  ];
  const cases: HostileRequest[] = [];
  for (const route of ["/api/briefs?", "/api/briefs?tag=microsoft&", "/api/briefs?limit=1&"]) {
    for (const value of invalid) cases.push(at("forged cursor", `${route}cursor=${value}`, BAD));
    // The oldest brief as cursor: past the end, an empty page with no next.
    cases.push(at("forged cursor", `${route}cursor=${SEED}`, OK));
  }
  cases.push(at("forged cursor", `/api/briefs?tag=no-such-tag&cursor=${SEED}`, OK));
  return cases;
}

function tags(): HostileRequest[] {
  const payloads = [
    ...MARKUP.map(enc),
    '<script>alert("nbxss")</script>',
    '<svg/onload=alert("nbxss")>',
    "%22%27",
    "..",
    "%2e%2e",
    "%C3%89thique",
    "%F0%9F%A6%8A",
    "%E2%80%AEevil",
    "micro%E2%80%8Bsoft",
    "%EF%BB%BFmicrosoft",
    "%ED%A0%80",
    "%FF%FE",
    "%",
    "%zz",
    "a".repeat(2000),
    "__proto__",
    "constructor",
    "hasOwnProperty",
    "_all",
    "MICROSOFT",
    "microsoft%20",
    "%0d%0aX-Injected:%201",
  ];
  const cases: HostileRequest[] = [];
  for (const tag of payloads) {
    // A tag of dots is a dot segment, which a URL parser folds (/tags/../feed.xml is /feed.xml); Deno does not.
    const pathExpect = tag === ".." || tag === "%2e%2e" ? [200, 404] : NOT_FOUND;
    for (const route of ["/tags/*", "/tags/*/feed.xml", "/tags/*/atom.xml", "/tags/*/feed.json"]) {
      cases.push(at("injected tag", route.replace("*", tag), pathExpect));
    }
    cases.push(at("injected tag", `/tags/${tag}/archive/1/feed.xml`, NOT_FOUND));
    // The API folds any tag to its slug: an unknown one is an empty list, an empty one a 400.
    cases.push(at("injected tag", `/api/briefs?tag=${tag}`, [200, 400]));
  }
  cases.push(at("injected tag", "/tags//feed.xml", NOT_FOUND), at("injected tag", "/api/briefs?tag=", BAD));
  return cases;
}

const VALIDATED = ["/feed.xml", "/api/briefs", `/briefs/${SEED}`, "/widget/news-brief.js", "/sitemap.xml"];

function ifNoneMatch(): HostileRequest[] {
  const values = [
    "x".repeat(10 * 1024),
    Array.from({ length: 1000 }, (_, i) => `"t${i}"`).join(", "),
    "unquoted",
    "*",
    "W/*",
    '""',
    '"',
    ",".repeat(1000),
    'W/"x"',
    '"x" "y"',
    "%00",
    MARKUP[0],
    '"caf\u00e9"',
  ];
  return values.flatMap((value, i) =>
    [VALIDATED[i % 5], VALIDATED[(i + 2) % 5]].map((path) =>
      at("If-None-Match", path as string, [200, 304], { headers: { "If-None-Match": value } }),
    ),
  );
}

function ifModifiedSince(): HostileRequest[] {
  const values = [
    "banana",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "Sat, 01 Jan 0000 00:00:00 GMT",
    "0",
    "-1",
    "1e309",
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "2020-06-10",
    "x".repeat(10 * 1024),
    "Invalid Date",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
    "Mon, 32 Jan 2020 25:61:61 GMT",
    "Tue, 10 Jun 275760 00:00:00 GMT",
  ];
  const cases = values.flatMap((value, i) =>
    [VALIDATED[i % 5], VALIDATED[(i + 3) % 5]].map((path) =>
      at("If-Modified-Since", path as string, [200, 304], { headers: { "If-Modified-Since": value } }),
    ),
  );
  // Garbage If-None-Match and a date in the far future: If-None-Match decides (RFC 9110 §13.1.3), so 200.
  const both = { "If-None-Match": '"nope"', "If-Modified-Since": "Fri, 31 Dec 9999 23:59:59 GMT" };
  cases.push(at("If-Modified-Since", "/feed.xml", OK, { headers: both }));
  return cases;
}

function accept(): HostileRequest[] {
  const values = [
    "text/html;q=banana",
    Array.from({ length: 1000 }, (_, i) => `type${i}/x;q=0.${i % 10}`).join(", "),
    "*/*;q=0",
    "text/html;q=0",
    "x".repeat(10 * 1024),
    "application/rss+xml;q=0, text/html",
    ";;;,,,",
    "*/*;q=-1",
    "text/*;q=1e9",
    MARKUP[0],
  ];
  const paths = ["/feed.xml", "/atom.xml", "/feed.json", "/api/briefs", "/", "/sitemap.xml"];
  return values.flatMap((value, i) =>
    [paths[i % 6], paths[(i + 1) % 6], paths[(i + 3) % 6]].map((path) =>
      at("Accept", path as string, OK, { headers: { Accept: value } }),
    ),
  );
}

function acceptEncoding(): HostileRequest[] {
  const values = [
    "gzip;q=banana",
    Array.from({ length: 1000 }, (_, i) => `coding${i};q=0.${i % 10}`).join(", "),
    "*;q=0",
    "identity;q=0",
    "identity;q=0, *;q=0",
    "br;q=2",
    "gzip;q=-1",
    "br;q=0.5, gzip;q=0.5",
    "x-gzip",
    "deflate",
    "compress",
    "zstd",
    "br, br, br",
    ";;;,,,",
    "gzip,".repeat(2000),
    "BR",
    "GZIP;Q=1",
    "br;q=0.001",
    "*",
    "gzip;q=1.0001",
  ];
  const paths = ["/feed.xml", "/api/briefs", "/widget/news-brief.js", "/", "/feed.json"];
  return values.flatMap((value, i) =>
    [paths[i % 5], paths[(i + 2) % 5]].map((path) =>
      at("Accept-Encoding", path as string, OK, { headers: { "Accept-Encoding": value } }),
    ),
  );
}

function oversizedHeaders(): HostileRequest[] {
  const K = 1024;
  const many = (count: number, size: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`X-Header-${i}`, "v".repeat(size)]));
  const sets: Record<string, string>[] = [
    { "X-Filler": "x".repeat(16 * K) },
    { "X-Filler": "x".repeat(32 * K) },
    { "X-Filler": "x".repeat(64 * K) },
    { Cookie: `a=${"b".repeat(16 * K)}` },
    { "User-Agent": "u".repeat(16 * K) },
    { Referer: `https://evil.example/${"r".repeat(16 * K)}` },
    { "X-Request-Id": "i".repeat(16 * K) },
    many(200, 1),
    many(1000, 1),
    many(100, 200),
    { "X-Forwarded-Host": MARKUP[0], "X-Forwarded-Proto": "javascript", Forwarded: "host=evil.example" },
  ];
  const paths = ["/feed.xml", "/api/briefs", "/", `/briefs/${SEED}`];
  const cases = sets.flatMap((headers, i) =>
    [paths[i % 4], paths[(i + 1) % 4]].map((path) =>
      at("oversized headers", path as string, OK, { headers }),
    ),
  );
  const preflight = {
    Origin: `https://${"o".repeat(8 * K)}.example`,
    "Access-Control-Request-Method": "GET",
    "Access-Control-Request-Headers": "h".repeat(8 * K),
  };
  cases.push(at("oversized headers", "/api/briefs", [204], { method: "OPTIONS", headers: preflight }));
  return cases;
}

function routeQueries(): HostileRequest[] {
  const page = (id: string, query = "") => enc(`${CORPUS_BASE_URL}/briefs/${id}${query}`);
  const oembed = `/oembed?url=${page(SEED)}`;
  const table: [string, readonly number[]][] = [
    ["/feed.xml?format=atom", OK],
    ["/feed.xml?page=-1", OK],
    [`/feed.json?callback=${enc(MARKUP[0])}`, OK],
    ["/atom.xml?limit=99999", OK],
    ["/feed.xml?", OK],
    ["/feed.xml?&&&", OK],
    ["/feed.xml?%", OK],
    ["/feed.xml?a=%zz", OK],
    [`/feed.xsl?x=${enc(MARKUP[1])}`, OK],
    ["/archive/0/feed.xml", NOT_FOUND],
    ["/archive/-1/feed.xml", NOT_FOUND],
    ["/archive/1e3/feed.xml", NOT_FOUND],
    ["/archive/99999999/feed.xml", NOT_FOUND],
    ["/archive/01/feed.xml", NOT_FOUND],
    ["/archive/1.5/atom.xml", NOT_FOUND],
    ["/archive/%31/feed.json", NOT_FOUND],
    ["/archive/%EF%BC%91/feed.xml", NOT_FOUND],
    ["/tags/microsoft/archive/0/feed.xml", NOT_FOUND],
    ["/archive/1/feed.rss", NOT_FOUND],
    ["/archive//feed.xml", NOT_FOUND],
    ["/?page=-1", OK],
    [`/?q=${enc(MARKUP[0])}`, OK],
    [`/briefs/${SEED}?utm_source=${enc(MARKUP[2])}`, OK],
    [`/briefs/${SEED}/`, SLASHED],
    ["/briefs/", NOT_FOUND],
    ["/briefs", NOT_FOUND],
    [`/briefs/${SEED}.json`, NOT_FOUND],
    [`/briefs/${SEED}%20`, NOT_FOUND],
    [`/briefs/${CORPUS_WITHDRAWN}`, [404, 410]],
    ["/tags/microsoft?page=999", OK],
    ["/tags/microsoft/", SLASHED],
    ["//", SLASHED],
    // A runtime that reads the target as a URL relative to its origin takes "feed.xml" for a host name.
    ["///feed.xml", [200, 404]],
    ["/api/briefs/", SLASHED],
    [`/api/briefs/${SEED}?fields=${enc(MARKUP[0])}`, OK],
    ["/api", NOT_FOUND],
    ["/api/", NOT_FOUND],
    [`/api/briefs/${SEED}/extra`, NOT_FOUND],
    [`/api/briefs/${CORPUS_WITHDRAWN}`, [404, 410]],
    ["/api/briefs?tag=microsoft&tag=police", BAD],
    ["/api/briefs?tag=%20", BAD],
    ["/oembed", BAD],
    ["/oembed?url=", BAD],
    [`/oembed?url=${enc(MARKUP[3])}`, BAD],
    [`/oembed?url=${enc(`ftp://briefs.example.com/briefs/${SEED}`)}`, BAD],
    ["/oembed?url=not%20a%20url", BAD],
    [`/oembed?url=${enc(`//briefs.example.com/briefs/${SEED}`)}`, BAD],
    [`/oembed?url=${enc(`https://briefs.example.com:99999/briefs/${SEED}`)}`, BAD],
    [`/oembed?url=${enc(`https://evil.example/briefs/${SEED}`)}`, NOT_FOUND],
    [`/oembed?url=${page("no-such-brief")}`, NOT_FOUND],
    [`/oembed?url=${page(CORPUS_WITHDRAWN)}`, [404, 410]],
    [`/oembed?url=${page(`%2e%2e%2f${SEED}`)}`, NOT_FOUND],
    [`/oembed?url=${page(SEED, `?x=${MARKUP[0]}`)}`, OK],
    [`/oembed?url=${page(SEED, `#${MARKUP[1]}`)}`, OK],
    [`/oembed?url=${enc(`HTTPS://BRIEFS.EXAMPLE.COM/briefs/${SEED}`)}`, OK],
    [oembed, OK],
    [`${oembed}&format=xml`, OK],
    [`${oembed}&format=yaml`, [501]],
    [`${oembed}&format=JSON`, [501]],
    [`${oembed}&format=`, [501]],
    [`${oembed}&format=${enc(MARKUP[0])}`, [501]],
    [`${oembed}&format=json&format=xml`, BAD],
    [`${oembed}&url=${page("other")}`, BAD],
    [`${oembed}&maxwidth=0`, BAD],
    [`${oembed}&maxwidth=-1`, BAD],
    [`${oembed}&maxwidth=1e9`, BAD],
    [`${oembed}&maxwidth=abc`, BAD],
    [`${oembed}&maxheight=99999999`, BAD],
    [`${oembed}&maxwidth=300&maxheight=1`, OK],
    [`/embed/${SEED}?x=${enc(MARKUP[0])}`, OK],
    [`/embed/${enc(MARKUP[0])}`, NOT_FOUND],
    ["/embed/", NOT_FOUND],
    [`/embed/${CORPUS_WITHDRAWN}`, [404, 410]],
    ["/sitemaps/../sitemap.xml", [200, 404]],
    ["/sitemaps/briefs-0.xml", NOT_FOUND],
    ["/sitemaps/briefs-99999999999.xml", NOT_FOUND],
    ["/sitemaps/pages-1.xml?x=1", OK],
    ["/sitemap.xml?page=2", OK],
    ["/sitemaps/pages-1", NOT_FOUND],
    ["/sitemaps/__proto__.xml", NOT_FOUND],
    ["/sitemaps/constructor.xml", NOT_FOUND],
    ["/sitemaps/", NOT_FOUND],
    ["/sitemaps/pages-1.XML", NOT_FOUND],
    ["/sitemaps/%2e%2e%2fmanifest.json", NOT_FOUND],
    ["/sitemap-news.xml?n=-1", OK],
    [`/robots.txt?x=${enc(MARKUP[0])}`, OK],
    [`/widget/news-brief.js?v=${enc(MARKUP[0])}`, OK],
    ["/widget/news-brief.0000000000.js", NOT_FOUND],
    ["/widget/news-brief.JS", NOT_FOUND],
    ["/widget/", NOT_FOUND],
    ["/widget/news-brief.js/", SLASHED],
    ["/widget/news-brief.js;.html", NOT_FOUND],
    ["/widget/news-brief.js%3F.html", NOT_FOUND],
  ];
  return table.map(([path, expect]) => at("odd route query", path, expect));
}

/** The whole corpus, class by class. */
export const HOSTILE_REQUESTS: readonly HostileRequest[] = [
  ...traversal(),
  ...overlong(),
  ...methods(),
  ...limits(),
  ...cursors(),
  ...tags(),
  ...ifNoneMatch(),
  ...ifModifiedSince(),
  ...accept(),
  ...acceptEncoding(),
  ...oversizedHeaders(),
  ...routeQueries(),
];
