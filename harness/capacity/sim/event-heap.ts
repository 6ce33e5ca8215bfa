/**
 * The simulator's future-event list: a binary min-heap keyed by time, held in typed arrays
 * (no object per event). Each event carries a person (or server) id, a kind and a generation;
 * the simulator compares the generation with the person's current one and skips stale events
 * instead of deleting them (lazy deletion). Ties pop in insertion order (a sequence number),
 * so a run is deterministic. Push and pop cost O(log n) (Williams 1964; Cormen et al. §6.5).
 */
export class EventHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private ids: Int32Array;
  private kinds: Uint8Array;
  private gens: Uint32Array;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.gens = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, id: number, kind: number, gen: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq;
    this.nextSeq += 1;
    let i = this.count;
    this.count += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent]!;
      if (pt < time || (pt === time && this.seqs[parent]! < seq)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, seq, id, kind, gen);
  }

  /** Removes the earliest event; its fields are then in `top*`. Returns false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.topTime = this.times[0]!;
    this.topId = this.ids[0]!;
    this.topKind = this.kinds[0]!;
    this.topGen = this.gens[0]!;
    this.count -= 1;
    const last = this.count;
    if (last === 0) return true;
    const time = this.times[last]!;
    const seq = this.seqs[last]!;
    const id = this.ids[last]!;
    const kind = this.kinds[last]!;
    const gen = this.gens[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && this.before(right, child)) child = right;
      const ct = this.times[child]!;
      if (time < ct || (time === ct && seq < this.seqs[child]!)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, time, seq, id, kind, gen);
    return true;
  }

  topTime = 0;
  topId = 0;
  topKind = 0;
  topGen = 0;

  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.ids[to] = this.ids[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.gens[to] = this.gens[from]!;
  }

  private set(i: number, time: number, seq: number, id: number, kind: number, gen: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.ids[i] = id;
    this.kinds[i] = kind;
    this.gens[i] = gen;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.seqs = grow(this.seqs, (n) => new Float64Array(n));
    this.ids = grow(this.ids, (n) => new Int32Array(n));
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.gens = grow(this.gens, (n) => new Uint32Array(n));
  }
}
