/**
 * Interns strings read from k6 lines as small integer ids, so the hot loop of ingest compares
 * and hashes numbers instead of slicing a string per tag per line. `idOfSlice` looks first in
 * a small direct-mapped cache hashed on length and three characters, confirming the match
 * character by character (no allocation); on a miss it slices and looks the string up in a
 * Map. Ids are 0, 1, 2, … in order of first sight.
 */
export class ValueTable {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly cache = new Int32Array(CACHE_SIZE).fill(-1);

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of text[start, end). */
  idOfSlice(text: string, start: number, end: number): number {
    const length = end - start;
    const slot =
      length === 0
        ? 0
        : (length * 31 +
            text.charCodeAt(start) * 7 +
            text.charCodeAt(end - 1) * 3 +
            text.charCodeAt(start + (length >> 1))) &
          (CACHE_SIZE - 1);
    const cached = this.cache[slot] as number;
    if (cached >= 0) {
      const value = this.values[cached] as string;
      if (value.length === length) {
        let j = 0;
        while (j < length && value.charCodeAt(j) === text.charCodeAt(start + j)) j++;
        if (j === length) return cached;
      }
    }
    const id = this.idOf(text.slice(start, end));
    this.cache[slot] = id;
    return id;
  }

  valueOf(id: number): string {
    return this.values[id] as string;
  }
}

const CACHE_SIZE = 1024;

/** The string tables one ingest shares between its readers and its series index. */
export interface LineTables {
  readonly metrics: ValueTable;
  /** Every tag key seen; `keySlot[keyId]` is its slot among the kept tags, or -1. */
  readonly tagKeys: ValueTable;
  readonly keySlot: number[];
  /**
   * 1 at (length mod 32)·128 + (first character mod 128) for each kept tag key: a key without
   * a mark is not kept and needs no lookup (most of k6's own tags: url, method, proto, group).
   */
  readonly keptKeyFilter: Uint8Array;
  /** Values of each kept tag, by slot. */
  readonly tagValues: readonly ValueTable[];
  readonly keptTags: readonly string[];
}

export function createLineTables(keptTags: readonly string[]): LineTables {
  const tagKeys = new ValueTable();
  const keySlot: number[] = [];
  keptTags.forEach((tag, slot) => {
    keySlot[tagKeys.idOf(tag)] = slot;
  });
  const keptKeyFilter = new Uint8Array(32 * 128);
  for (const tag of keptTags) keptKeyFilter[keyFilterIndex(tag, 0, tag.length)] = 1;
  return {
    metrics: new ValueTable(),
    tagKeys,
    keySlot,
    keptKeyFilter,
    tagValues: keptTags.map(() => new ValueTable()),
    keptTags,
  };
}

/** Index of text[start, end) in LineTables.keptKeyFilter. */
export function keyFilterIndex(text: string, start: number, end: number): number {
  return ((end - start) & 31) * 128 + ((end > start ? text.charCodeAt(start) : 0) & 127);
}

/** Slot of a tag key id among the kept tags, or -1 (registering keys seen for the first time). */
export function slotOfKey(tables: LineTables, keyId: number): number {
  const slot = tables.keySlot[keyId];
  if (slot !== undefined) return slot;
  tables.keySlot[keyId] = -1;
  return -1;
}
