import { collectRefs } from "./keywords.js";
import { refKey } from "./pointer.js";

/**
 * The graph of `$ref`s of one document, for telling recursion apart from plain nesting: a ref is
 * recursive when its target is in the same cycle (strongly connected component) as the schema it
 * sits in. Tarjan's algorithm, run lazily from each schema asked about; a run finishes every
 * component it reaches, so each part of the document is analysed once, not per call.
 */
interface NodeState {
  index: number;
  lowLink: number;
  onStack: boolean;
  component: number;
}

export class RefGraph {
  private readonly nodes = new Map<string, NodeState>();
  private readonly cyclic = new Set<number>();
  private nextIndex = 0;
  private nextComponent = 0;
  private readonly stack: string[] = [];

  /** `schemaAt(key)` gives the raw schema at a key (undefined for a dangling ref). */
  constructor(private readonly schemaAt: (key: string) => unknown) {}

  /** True when `to` can reach `from` again: a ref from `from` to `to` recurses. */
  isRecursive(from: string | undefined, to: string): boolean {
    if (from === undefined) return false;
    const a = this.state(from);
    const b = this.state(to);
    return a.component === b.component && this.cyclic.has(a.component);
  }

  private state(key: string): NodeState {
    return this.nodes.get(key) ?? this.visit(key);
  }

  private edges(key: string): string[] {
    const targets = new Set<string>();
    for (const ref of collectRefs(this.schemaAt(key))) {
      if (ref.startsWith("#")) targets.add(refKey(ref));
    }
    return [...targets];
  }

  private visit(key: string): NodeState {
    const node: NodeState = { index: this.nextIndex, lowLink: this.nextIndex, onStack: true, component: -1 };
    this.nextIndex++;
    this.nodes.set(key, node);
    this.stack.push(key);
    let selfLoop = false;
    for (const target of this.edges(key)) {
      if (target === key) selfLoop = true;
      const known = this.nodes.get(target);
      if (!known) node.lowLink = Math.min(node.lowLink, this.visit(target).lowLink);
      else if (known.onStack) node.lowLink = Math.min(node.lowLink, known.index);
    }
    if (node.lowLink === node.index) this.closeComponent(key, selfLoop);
    return node;
  }

  /** Pops the finished component rooted at `root`; it is a cycle if it has two members or a self-loop. */
  private closeComponent(root: string, selfLoop: boolean): void {
    const component = this.nextComponent++;
    let size = 0;
    for (;;) {
      const key = this.stack.pop() as string;
      const member = this.nodes.get(key) as NodeState;
      member.onStack = false;
      member.component = component;
      size++;
      if (key === root) break;
    }
    if (size > 1 || selfLoop) this.cyclic.add(component);
  }
}
