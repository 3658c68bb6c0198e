/**
 * A small seeded generator of numbers, for data and loads that must come out the same in
 * every run (the demo seed, the bench's arrival times): never for anything secret.
 *
 * @module
 */

/** mulberry32: a seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
