// The image formats a brief may use, by file extension, with their registered media types.

const IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** The extensions an image URL may end in. */
export const IMAGE_EXTENSIONS = Object.keys(IMAGE_TYPES);

/** The registered media type of an image URL ("image/jpeg", never "image/jpg"), or undefined. */
export function imageType(url: string): string | undefined {
  const extension = new URL(url).pathname.split(".").pop()?.toLowerCase() ?? "";
  return IMAGE_TYPES[extension];
}
