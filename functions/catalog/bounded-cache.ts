// A least-recently-used map bounded by a weight (bytes, or 1 per entry), for documents and rendered answers.

/** Keeps the most recently used entries whose weights add up to at most `capacity`. */
export class BoundedCache<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>();
  #weight = 0;

  constructor(readonly capacity: number) {}

  /** The key used last, already at the end of the order: under load, most hits are on it. */
  #newest: string | undefined;

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (key !== this.#newest) {
      // Map keeps insertion order: moving the entry to the end marks it the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      this.#newest = key;
    }
    return entry.value;
  }

  set(key: string, value: V, weight = 1): void {
    this.delete(key);
    this.#entries.set(key, { value, weight });
    this.#newest = key;
    this.#weight += weight;
    for (const [oldest, entry] of this.#entries) {
      if (this.#weight <= this.capacity || oldest === key) break;
      this.#entries.delete(oldest);
      this.#weight -= entry.weight;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
    if (key === this.#newest) this.#newest = undefined;
  }

  /** The value under `key`, computed by `make` on a miss; a rejected computation is not kept. */
  remember(key: string, make: () => Promise<V>, weight?: (value: V) => number): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const pending = make();
    // Holding the promise makes concurrent misses share one computation.
    this.set(key, pending as V);
    return pending.then(
      (value) => {
        if (this.#entries.get(key)?.value === (pending as V)) this.set(key, value, weight?.(value) ?? 1);
        return value;
      },
      (error: unknown) => {
        if (this.#entries.get(key)?.value === (pending as V)) this.delete(key);
        throw error;
      },
    );
  }
}
