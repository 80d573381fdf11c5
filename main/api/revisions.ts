/**
 * One growing counter for every collection event and list answer. A store keeps, per list and per object, the
 * revision it holds, and drops whatever arrives at or below it: a delta that was already in a list it was
 * answered, a duplicate, or one that overtook a newer one.
 */
export class Revisions {
  private value = 0;

  /** The revision for a change that happens now. */
  next(): number {
    return ++this.value;
  }

  /** The revision a list read now reflects. */
  get current(): number {
    return this.value;
  }
}
