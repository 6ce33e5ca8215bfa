/**
 * A FIFO of queue tickets with lazy deletion: each entry holds a person id and the ticket
 * generation it was issued under. When a person leaves the queue (gives up, loses their
 * place) the simulator bumps their generation instead of searching the queue; `popLive`
 * skips entries whose generation no longer matches. Amortised O(1) per push and pop.
 */
export class TicketQueue {
  private ids: Int32Array;
  private gens: Uint32Array;
  private head = 0;
  private tail = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.ids = new Int32Array(capacity);
    this.gens = new Uint32Array(capacity);
  }

  push(id: number, gen: number): void {
    if (this.tail === this.ids.length) this.makeRoom();
    this.ids[this.tail] = id;
    this.gens[this.tail] = gen;
    this.tail += 1;
  }

  /** Pops the first entry whose generation equals `currentGen[id]`; -1 when none is left. */
  popLive(currentGen: Uint32Array): number {
    while (this.head < this.tail) {
      const id = this.ids[this.head]!;
      const gen = this.gens[this.head]!;
      this.head += 1;
      if (currentGen[id] === gen) return id;
    }
    return -1;
  }

  /** Calls `visit` on every live entry, front to back, then empties the queue. O(entries). */
  drain(currentGen: Uint32Array, visit: (id: number) => void): void {
    for (let i = this.head; i < this.tail; i += 1) {
      const id = this.ids[i]!;
      if (currentGen[id] === this.gens[i]!) visit(id);
    }
    this.head = 0;
    this.tail = 0;
  }

  /** Compacts the live window to the front, or doubles the arrays when more than half full. */
  private makeRoom(): void {
    const used = this.tail - this.head;
    if (used * 2 <= this.ids.length) {
      this.ids.copyWithin(0, this.head, this.tail);
      this.gens.copyWithin(0, this.head, this.tail);
    } else {
      const ids = new Int32Array(this.ids.length * 2);
      const gens = new Uint32Array(this.ids.length * 2);
      ids.set(this.ids.subarray(this.head, this.tail));
      gens.set(this.gens.subarray(this.head, this.tail));
      this.ids = ids;
      this.gens = gens;
    }
    this.head = 0;
    this.tail = used;
  }
}
