// SHA-256 for ETags and CSP hashes, on every runtime: Node's own where it exists, a portable one elsewhere.
import { sha256 as portableSha256 } from "@noble/hashes/sha2.js";

// process.getBuiltinModule (Node 20.16+, Deno 2.1+, Bun, workerd with nodejs_compat) loads node:crypto
// without an import that web-only runtimes such as Vercel Edge cannot resolve. Node's hash is 8 to 16 times
// faster than @noble/hashes on 2 to 300 kB bodies (measured here: 0.21 ms against 3.0 ms for 300 kB).
const nodeCrypto = globalThis.process?.getBuiltinModule?.("node:crypto");

/** The SHA-256 digest of `data` (UTF-8 for a string). The same bytes on every runtime. */
export function sha256(data: Uint8Array | string): Uint8Array {
  if (nodeCrypto) return new Uint8Array(nodeCrypto.createHash("sha256").update(data).digest());
  return portableSha256(typeof data === "string" ? new TextEncoder().encode(data) : data);
}

/** `bytes` in base64 (RFC 4648 §4), padded. */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `bytes` in base64url (RFC 4648 §5), unpadded. */
export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
