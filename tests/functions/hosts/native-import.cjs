// Node's own import(), for tests that load a bundle as a host's runtime does rather than through the test runner.
module.exports = (url) => import(url);
