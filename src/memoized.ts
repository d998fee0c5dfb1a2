/**
 * A pure function that works each key out once: what a message or an index asks of the same
 * text or entry again (a clause's intent, an entry's boost, whether a word occurs) is read back.
 * The map lives as long as the function, so make one per message or per index, not per process.
 */
export function memoized<K, V>(of: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = of(key);
      known.set(key, value);
    }
    return value;
  };
}
