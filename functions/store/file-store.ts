// A content store in a folder: the bundled store at large sizes (dist/store in the deployment), read on demand.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import {
  type ReadOptions,
  type StoreAnswer,
  StoreUnavailableError,
  type WritableContentStore,
} from "./content-store.js";
import { validator } from "./memory-store.js";

/** Documents as files under `root`, one per key. */
export class FileStore implements WritableContentStore {
  constructor(
    readonly root: string,
    readonly name = `file:${root}`,
  ) {}

  async get(key: string, { etag, signal }: ReadOptions = {}): Promise<StoreAnswer> {
    let text: string;
    try {
      text = await readFile(this.#path(key), { encoding: "utf8", signal });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: 404 };
      throw new StoreUnavailableError(`${this.name}: cannot read ${key}`, { cause: error });
    }
    const current = validator(text);
    return etag === current ? { status: 304 } : { status: 200, text, etag: current };
  }

  /** Writes through a temporary file and a rename, so a reader never sees half a document. */
  async put(key: string, text: string): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, path);
  }

  async list(prefix: string): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .filter((key) => key.startsWith(prefix))
      .sort();
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }

  #path(key: string): string {
    // Keys come from the store's own documents; refusing ".." keeps a corrupt one inside the folder.
    if (key.split("/").some((part) => part === ".." || part === "")) {
      throw new StoreUnavailableError(`${this.name}: refuses the key ${JSON.stringify(key)}`);
    }
    return join(this.root, key);
  }
}
