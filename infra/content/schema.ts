// The schemas of content/site.yml and of a brief's front matter: the build-time check and the types in one.
import * as v from "valibot";
import { IMAGE_EXTENSIONS, imageType } from "../../functions/catalog/image-types.js";
import { hasNonXmlCharacter } from "../../functions/catalog/xml-text.js";
import {
  CONTROL_MESSAGE,
  DIRECTION_MESSAGE,
  hasDirectionControl,
  hasVisibleCharacter,
  INVISIBLE_MESSAGE,
} from "./text-rules.js";

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function text(max: number) {
  return v.pipe(
    v.string("must be text; write it as a plain string"),
    v.trim(),
    v.minLength(1, "is empty; write it"),
    v.maxLength(max, `is longer than ${max} characters; shorten it`),
    v.check((value) => !hasNonXmlCharacter(value), CONTROL_MESSAGE),
    v.check((value) => !hasDirectionControl(value), DIRECTION_MESSAGE),
    v.check((value) => value === "" || hasVisibleCharacter(value), INVISIBLE_MESSAGE),
  );
}

/** Longer addresses are a paste gone wrong; sitemaps.org and many crawlers stop at 2,048 characters. */
const URL_MAX = 2000;

const httpUrl = () =>
  v.pipe(
    v.string("must be a URL written as text"),
    v.trim(),
    v.maxLength(URL_MAX, `is longer than ${URL_MAX} characters; link to a shorter address`),
    v.check(isHttpUrl, "must be an absolute http(s) URL, like https://example.com/page"),
    v.transform(normalizeUrl),
  );

/**
 * The URL as WHATWG URL serializes it, with the characters RFC 2396 leaves out ("|", "^", "[", "]", …)
 * percent-encoded too: the W3C feed validator rejects them (InvalidURLAttribute, InvalidUriChar).
 */
export function normalizeUrl(value: string): string {
  return new URL(value).href.replace(/[^A-Za-z0-9\-_.!~*'();/?:@&=+$,%#]/g, (c) => encodeURIComponent(c));
}

/** Whether a string is an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

const DATE_TIME_HINT = "must be an ISO 8601 date-time with its offset, like 2020-06-10T09:00:00+02:00";
/** Earlier dates are implausible for a brief (the W3C feed validator warns: ImplausibleDate). */
const EARLIEST = Date.parse("1990-01-01T00:00:00Z");
const dateTime = () =>
  v.pipe(
    v.string(DATE_TIME_HINT),
    v.check(isDateTime, DATE_TIME_HINT),
    v.check((value) => !(Date.parse(value) < EARLIEST), "is before 1990; check the year"),
  );

/**
 * Whether `value` is an RFC 3339 date-time on the calendar. Date.parse alone takes 2020-02-30 for March 1st
 * and 24:00 for the next midnight, which xsd:dateTime (the Atom grammar) and feed readers refuse.
 */
function isDateTime(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  // Seconds and the offset may be absent (no seconds, or Z): they count as 0.
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHour < 24 &&
    offsetMinute < 60
  );
}

const ID_AUTHORITY_HINT =
  "must be a domain the publisher owns and a date it owned it, like clubic.com,2020 (RFC 4151)";
const LANGUAGE_HINT = "must be a language tag, like fr or en-GB";
const knownLanguages = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
const language = () =>
  v.pipe(
    v.string(LANGUAGE_HINT),
    v.regex(LANGUAGE_TAG, LANGUAGE_HINT),
    // ICU names every ISO 639 language; it hands an unknown code back unchanged.
    v.check((tag) => {
      const primary = tag.split("-")[0] ?? "";
      return knownLanguages.of(primary) !== primary;
    }, "is not an ISO 639 language; use a code like fr, en or de"),
  );

const TWITTER_HINT = "must be an X (Twitter) handle: @ and 1 to 15 letters, digits or _, like @clubic";

const unknownKey = (where: string) => `is not a field of ${where}; check its spelling or remove it`;

/** `content/site.yml`. */
export const SiteSchema = v.strictObject(
  {
    title: text(120),
    description: text(400),
    baseUrl: httpUrl(),
    lang: language(),
    publisher: v.strictObject({ name: text(120), url: httpUrl() }, "must have a name and a url"),
    idAuthority: v.pipe(
      v.string(ID_AUTHORITY_HINT),
      v.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,},\d{4}(?:-\d{2}(?:-\d{2})?)?$/, ID_AUTHORITY_HINT),
    ),
    hub: v.optional(httpUrl()),
    logo: v.optional(
      v.pipe(
        httpUrl(),
        v.check((url) => url.startsWith("https:"), "must be an https URL, so share cards can show it"),
      ),
    ),
    twitter: v.optional(v.pipe(v.string(TWITTER_HINT), v.trim(), v.regex(/^@\w{1,15}$/, TWITTER_HINT))),
    feedSize: v.pipe(
      v.number("must be a whole number, like 20"),
      v.integer("must be a whole number, like 20"),
      v.minValue(1, "must be at least 1"),
      v.maxValue(500, "must be at most 500"),
    ),
  },
  unknownKey("site.yml"),
);

/** The YAML front matter of `content/briefs/<id>.md`. */
export const FrontMatterSchema = v.pipe(
  v.strictObject(
    {
      title: text(200),
      lead: text(500),
      published: dateTime(),
      updated: v.optional(dateTime()),
      tags: v.optional(
        v.pipe(
          v.array(text(60), "must be a list, like [Microsoft, Police]"),
          v.check(
            (tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length,
            "lists the same tag twice; remove one",
          ),
        ),
        [],
      ),
      source: v.strictObject(
        { name: text(120), url: v.optional(httpUrl()) },
        "must have a name and may have a url",
      ),
      author: v.optional(text(120)),
      lang: v.optional(language()),
      image: v.optional(
        v.strictObject(
          {
            url: v.pipe(
              httpUrl(),
              v.check(
                (url) => imageType(url) !== undefined,
                `must end in .${IMAGE_EXTENSIONS.join(", .")}, so feeds can give its type`,
              ),
            ),
            alt: text(300),
          },
          "must have a url and an alt text",
        ),
      ),
    },
    unknownKey("a brief"),
  ),
  v.forward(
    v.partialCheck(
      [["published"], ["updated"]],
      // Only two valid dates can be compared; a bad one is reported as such.
      ({ published, updated }) =>
        updated === undefined ||
        !isDateTime(updated) ||
        !isDateTime(published) ||
        Date.parse(updated) >= Date.parse(published),
      "is earlier than published; an update comes after publication",
    ),
    ["updated"],
  ),
);

export type SiteInput = v.InferOutput<typeof SiteSchema>;
export type FrontMatter = v.InferOutput<typeof FrontMatterSchema>;

/** Formats valibot issues as `field: what is wrong and how to fix it`, one line per issue. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? "(front matter)";
    const unknownKey = issue.type === "strict_object" && issue.expected === "never";
    const missing = issue.kind === "schema" && issue.input === undefined && !unknownKey;
    return `${path}: ${missing ? "is missing; add it" : issue.message}`;
  });
}
