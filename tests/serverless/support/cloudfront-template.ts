// Reads a packaged CloudFormation template as CloudFront would apply it: which cache behaviour a path takes,
// and what that behaviour's cache policy puts in the key.

/** Parsed JSON, read by tests that fail loudly when a property is not where they look. */
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is whatever JSON osls wrote.
type Json = any;

/** The parts of a template these tests read. */
export interface Template {
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Condition?: string; DependsOn?: Json; Properties: Json }>;
  Outputs: Record<string, { Description?: string; Value: Json }>;
}

/** A cache behaviour as written in the distribution's config. */
export interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  AllowedMethods: string[];
  CachedMethods: string[];
  Compress: boolean;
  CachePolicyId: { Ref: string };
  OriginRequestPolicyId: { Ref: string };
  FunctionAssociations?: { EventType: string; FunctionARN: { "Fn::GetAtt": [string, string] } }[];
}

/** What a cache policy puts in the key. */
export interface CacheKey {
  MinTTL: number;
  DefaultTTL: number;
  MaxTTL: number;
  ParametersInCacheKeyAndForwardedToOrigin: {
    EnableAcceptEncodingGzip: boolean;
    EnableAcceptEncodingBrotli: boolean;
    CookiesConfig: { CookieBehavior: string };
    HeadersConfig: { HeaderBehavior: string; Headers?: string[] };
    QueryStringsConfig: { QueryStringBehavior: string; QueryStrings?: string[] };
  };
}

/** The distribution's config. */
export function distributionConfig(template: Template) {
  const distribution = template.Resources.Distribution;
  if (distribution?.Type !== "AWS::CloudFront::Distribution")
    throw new Error("no Distribution in the template");
  return distribution.Properties.DistributionConfig as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
  } & Record<string, Json>;
}

/**
 * Whether CloudFront's path pattern matches `path`: `*` stands for any characters, `/` included, `?` for exactly
 * one, everything else for itself, case-sensitively.
 */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(path);
}

/** The behaviour CloudFront applies to `path`: the first whose pattern matches, else the default. */
export function behaviorOf(template: Template, path: string): Behavior {
  const config = distributionConfig(template);
  return (
    config.CacheBehaviors.find((behavior) => matchesPathPattern(behavior.PathPattern ?? "", path)) ??
    config.DefaultCacheBehavior
  );
}

/** The cache policy a behaviour names. */
export function cacheKeyOf(template: Template, behavior: Behavior): CacheKey {
  const policy = template.Resources[behavior.CachePolicyId.Ref];
  if (policy?.Type !== "AWS::CloudFront::CachePolicy")
    throw new Error(`${behavior.CachePolicyId.Ref} is no cache policy`);
  return policy.Properties.CachePolicyConfig as CacheKey;
}
