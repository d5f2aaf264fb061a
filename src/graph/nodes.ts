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

  kindOf(key: string): string | undefined {
    return this.get(key)?.kind;
  }

  /** The kinds there are, in the order first met. */
  kinds(): string[] {
    return [...new Set(this.attributes.map((a) => a.kind))];
  }

  get length(): number {
    return this.keys.length;
  }
}

/**
 * Every node's kind by key, without its attributes: what a loader keeps of a graph's nodes while it
 * streams their attributes from the database (at full-corpus scale the attributes of a million
 * nodes are ~700 MiB of heap; a kind is a small integer in a map whose keys the edges share).
 */
export class NodeKinds {
  private readonly codes = new Map<string, number>();
  private readonly names: string[] = [];

  add(key: string, kind: string): void {
    let code = this.names.indexOf(kind);
    if (code < 0) code = this.names.push(kind) - 1;
    this.codes.set(key, code);
  }

  kindOf(key: string): string | undefined {
    const code = this.codes.get(key);
    return code === undefined ? undefined : this.names[code];
  }

  /** The kinds there are, in the order first added. */
  kinds(): string[] {
    return [...this.names];
  }

  get length(): number {
    return this.codes.size;
  }
}
