// CloudFront Function (cloudfront-js-2.0, viewer request) on the XML feed behaviours, inlined into the template
// by serverless.yml. The feeds answer one of two variants, chosen by whether Accept mentions text/html
// (functions/routes/feeds.ts): this folds every Accept into those two, so the cache key holds two values at
// most and the origin sees the header it would have decided on. tests/infra/aws proves both agree.
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by name.
function handler(event) {
  var request = event.request;
  var accept = request.headers.accept;
  // A viewer may send Accept twice; CloudFront lists every copy in multiValue.
  var values = accept ? (accept.multiValue || [accept]).map((entry) => entry.value) : [];
  if (values.join(",").indexOf("text/html") !== -1) request.headers.accept = { value: "text/html" };
  else delete request.headers.accept;
  return request;
}
