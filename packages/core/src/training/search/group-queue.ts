/**
 * Groups of layouts as the search queues them, and the binary heap that pops them in
 * (bound, enumeration index) order.
 */
import type { Layout } from '../types.js';

/** Layouts that share everything but the ZeRO stage and the recomputation, with a lower bound on their step time. */
export interface Group {
  readonly level: 'group';
  /** The layout (ZeRO stage and recomputation unset), built when the group leaves the queue. */
  base: Layout | null;
  /** The schedule group's layout and this group's EP size (base is `{ ...from, ep }`). */
  readonly from: Layout;
  readonly ep: number;
  /**
   * Seconds: lowerBoundSeconds with the exact bound terms once `exact`; before, with epBoundTerms (at
   * most the exact bound): such a group is resolved when it reaches the front of the queue and
   * pushed back with its exact bound, which pops the groups in the same order as exact bounds
   * up front (every key is at most the exact bound of every group it stands for).
   */
  boundS: number;
  exact: boolean;
  /** Position in the enumeration order (tp, cp, pp, ep, micro-batch, schedule): breaks ties of `boundS`. */
  readonly index: number;
  /** The next group of the same schedule group in (bound, index) order: queued when this one first leaves the queue. */
  next: Group | null;
}

/**
 * The groups of one (tp, cp, pp, dp, micro-batch, schedule) for every EP size that passes the
 * structural rules, not built yet: the pruned search queues one of these instead of a Group
 * per EP size and expands it only if it reaches the front of the queue. Its bound (the cheap,
 * EP-free bound of its smallest EP size: every cheap bound is ≤ the exact one, and EP > 1
 * only adds the DualPipe SM tax) and index (that of its first group) are at most those of
 * every group it expands to, so expanding late pops the groups in the same order as queueing
 * every group with its exact bound up front.
 */
export interface ScheduleGroup {
  readonly level: 'schedule';
  /** The layout of the smallest EP size (ZeRO stage and recomputation unset: the probe's). */
  readonly base: Layout;
  /** EP sizes with their positions in the enumeration's EP list. */
  readonly epSizes: readonly number[];
  readonly epIndices: readonly number[];
  readonly boundS: number;
  readonly index: number;
}

export type QueueItem = Group | ScheduleGroup;

/**
 * Queue items in ascending (bound, index) order, produced lazily by a binary heap; an item
 * can be pushed back with a larger bound. Branch and bound stops after a small fraction of them.
 */
export class GroupQueue {
  private readonly heap: QueueItem[];

  constructor(items: QueueItem[]) {
    this.heap = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The next item, or null when none is left. */
  pop(): QueueItem | null {
    const h = this.heap;
    if (h.length === 0) return null;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  push(item: QueueItem): void {
    const h = this.heap;
    let c = h.length;
    h.push(item);
    // sift up: move parents down until the item's place is found
    while (c > 0) {
      const p = (c - 1) >> 1;
      const parent = h[p]!;
      if (!(item.boundS < parent.boundS || (item.boundS === parent.boundS && item.index < parent.index))) break;
      h[c] = parent;
      c = p;
    }
    h[c] = item;
  }

  private siftDown(i: number): void {
    const h = this.heap,
      n = h.length;
    const item = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let min = l,
        m = h[l]!;
      const r = l + 1;
      if (r < n) {
        const b = h[r]!;
        if (b.boundS < m.boundS || (b.boundS === m.boundS && b.index < m.index)) {
          min = r;
          m = b;
        }
      }
      if (!(m.boundS < item.boundS || (m.boundS === item.boundS && m.index < item.index))) break;
      h[i] = m;
      i = min;
    }
    h[i] = item;
  }
}
