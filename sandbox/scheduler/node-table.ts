// The numbers filtering and scoring read of every node, in parallel typed arrays indexed by the node's
// position in the scheduling order. Scanning hundreds of nodes per pod then reads a few contiguous arrays
// instead of one scattered object (and its boxed doubles) per node.

const FIRST_CAPACITY = 64;

/** Per-node scheduling numbers, by position in the scheduler's node order. */
export class NodeTable {
  /** How many positions are in use. */
  size = 0;
  /** Requested cpu (millicores) and memory (bytes) of the pods placed on each node. */
  reqCPU: Float64Array = new Float64Array(FIRST_CAPACITY);
  reqMemory: Float64Array = new Float64Array(FIRST_CAPACITY);
  /** Pods placed on each node. */
  pods: Float64Array = new Float64Array(FIRST_CAPACITY);
  /** Allocatable cpu (millicores), memory (bytes) and pod slots. */
  allocCPU: Float64Array = new Float64Array(FIRST_CAPACITY);
  allocMemory: Float64Array = new Float64Array(FIRST_CAPACITY);
  allocPods: Float64Array = new Float64Array(FIRST_CAPACITY);
  /** 1 where the node is schedulable and has no taints: only the resource fit can reject a plain pod there. */
  plain: Uint8Array = new Uint8Array(FIRST_CAPACITY);
  /** The count of the owner being scored on each node, valid where `sameStamp` is the pick's stamp. */
  sameCount: Float64Array = new Float64Array(FIRST_CAPACITY);
  sameStamp: Float64Array = new Float64Array(FIRST_CAPACITY);
  /** Each node's last LeastAllocated score and the pod cpu and memory it was for (NaN: none kept). */
  la: Float64Array = new Float64Array(FIRST_CAPACITY);
  laCPU: Float64Array = new Float64Array(FIRST_CAPACITY);
  laMemory: Float64Array = new Float64Array(FIRST_CAPACITY);

  /** Take the next position (all numbers zero). */
  add(): number {
    if (this.size === this.reqCPU.length) this.grow(this.size * 2);
    this.forgetScore(this.size);
    return this.size++;
  }

  /** Drop the kept score of position `at` (its load or allocatable changed). */
  forgetScore(at: number): void {
    this.laCPU[at] = Number.NaN;
  }

  /** Drop position `at`, moving every later position down by one. */
  remove(at: number): void {
    for (const a of this.arrays()) {
      a.copyWithin(at, at + 1, this.size);
      a[this.size - 1] = 0;
    }
    this.size--;
  }

  private arrays(): Array<Float64Array | Uint8Array> {
    return [
      this.reqCPU,
      this.reqMemory,
      this.pods,
      this.allocCPU,
      this.allocMemory,
      this.allocPods,
      this.plain,
      this.sameCount,
      this.sameStamp,
      this.la,
      this.laCPU,
      this.laMemory,
    ];
  }

  private grow(capacity: number): void {
    const f = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.reqCPU = f(this.reqCPU);
    this.reqMemory = f(this.reqMemory);
    this.pods = f(this.pods);
    this.allocCPU = f(this.allocCPU);
    this.allocMemory = f(this.allocMemory);
    this.allocPods = f(this.allocPods);
    const plain = new Uint8Array(capacity);
    plain.set(this.plain);
    this.plain = plain;
    this.sameCount = f(this.sameCount);
    this.sameStamp = f(this.sameStamp);
    this.la = f(this.la);
    this.laCPU = f(this.laCPU);
    this.laMemory = f(this.laMemory);
  }
}
