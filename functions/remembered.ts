// A function of a string, computed once per argument: for what hot paths derive from a few recurring strings.

/** At most `entries` arguments of at most `keyLength` characters are kept, when strangers choose them. */
export interface RememberLimits {
  entries: number;
  keyLength: number;
}

/**
 * `make`, remembered per argument. Without `limits`, for arguments the code itself supplies (header names, route
 * patterns). With them, for request headers: a longer argument is computed each time, and past `entries` the
 * memory starts again, which costs a client cycling through made-up values what no memory would.
 */
export function remembered<V>(make: (key: string) => V, limits?: RememberLimits): (key: string) => V {
  const values = new Map<string, V>();
  return (key) => {
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as V;
    const value = make(key);
    if (!limits || key.length <= limits.keyLength) {
      if (limits && values.size >= limits.entries) values.clear();
      values.set(key, value);
    }
    return value;
  };
}
