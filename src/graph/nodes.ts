// The nodes of a graph read the streaming way: keys and attributes in graph order, an index by key.
import type { NodeAttrs } from '../model';

/** A graph's nodes in graph order, with their attributes and an index by key. */
export class GraphNodes {
  readonly keys: string[] = [];
  readonly attributes: NodeAttrs[] = [];
  private readonly index = new Map<string, number>();

  add(key: string, attributes: NodeAttrs): void {
    this.index.set(key, this.keys.length);
    this.keys.push(key);
    this.attributes.push(attributes);
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The node's position in file order (-1 when absent). */
  indexOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  get(key: string): NodeAttrs | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.attributes[i];
  }

  get length(): number {
    return this.keys.length;
  }
}
