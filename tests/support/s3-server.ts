// The local S3-compatible server the tests use: the same one as the load tool's (infra/store/local-s3-server.ts).
export { type S3Server, startS3Server, TEST_BUCKET } from "../../infra/store/local-s3-server.js";
