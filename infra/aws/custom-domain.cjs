// Resolves serverless.yml's `custom.customDomain` from the `domain` and `certificate` params, failing the
// package (not, minutes later, the deploy) when they cannot work: CloudFront takes an alternate domain only
// with a certificate for it, and only from ACM in us-east-1.
const ARN = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;

module.exports = async ({ resolveVariable }) => {
  const domain = (await resolveVariable("param:domain, ''")).trim();
  const certificate = (await resolveVariable("param:certificate, ''")).trim();
  if (domain === "" && certificate === "") return { domain: "", certificate: "" };
  if (domain === "" || certificate === "") {
    throw new Error(
      `--param="domain=…" and --param="certificate=…" go together; got only ${domain ? "domain" : "certificate"}.`,
    );
  }
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) {
    throw new Error(`domain must be a host name, like briefs.example.com; got "${domain}".`);
  }
  if (!ARN.test(certificate)) {
    throw new Error(
      `certificate must be the ARN of an ACM certificate in us-east-1 (CloudFront reads only those), like arn:aws:acm:us-east-1:123456789012:certificate/…; got "${certificate}".`,
    );
  }
  return { domain, certificate };
};
