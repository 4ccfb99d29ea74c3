/**
 * Method + path-template routing. Templates use `{name}` captures; at every
 * segment a literal wins over a capture (`notebooks/flavors` before
 * `notebooks/{id}`), falling back to the capture when the literal branch has no
 * route for the request.
 */
interface Node<H> {
  readonly literals: Map<string, Node<H>>;
  capture?: { readonly name: string; readonly node: Node<H> };
  readonly handlers: Map<string, H>;
}

export interface RouteEntry<H> {
  readonly method: string;
  readonly template: string;
  readonly handler: H;
}

export interface RouteMatch<H> {
  readonly handler: H;
  readonly params: Record<string, string>;
}

function newNode<H>(): Node<H> {
  return { literals: new Map(), handlers: new Map() };
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

export class Router<H> {
  private readonly root: Node<H> = newNode();
  private readonly added: RouteEntry<H>[] = [];

  add(method: string, template: string, handler: H): this {
    let node = this.root;
    for (const segment of segmentsOf(template)) {
      const capture = /^\{(\w+)\}$/.exec(segment);
      if (capture) {
        if (node.capture && node.capture.name !== capture[1]) {
          throw new Error(`conflicting captures {${node.capture.name}} and {${capture[1]}} in ${template}`);
        }
        node.capture ??= { name: capture[1], node: newNode() };
        node = node.capture.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) {
          next = newNode();
          node.literals.set(segment, next);
        }
        node = next;
      }
    }
    if (node.handlers.has(method)) {
      throw new Error(`duplicate route ${method} ${template}`);
    }
    node.handlers.set(method, handler);
    this.added.push({ method, template, handler });
    return this;
  }

  /** Every route added, in the order added. */
  routes(): readonly RouteEntry<H>[] {
    return this.added;
  }

  /** `path` is the raw URL path; captured segments are %-decoded. */
  match(method: string, path: string): RouteMatch<H> | undefined {
    const segments = segmentsOf(path).map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
    return this.walk(this.root, segments, 0, method, {});
  }

  private walk(node: Node<H>, segments: string[], index: number, method: string, params: Record<string, string>): RouteMatch<H> | undefined {
    if (index === segments.length) {
      const handler = node.handlers.get(method);
      return handler ? { handler, params } : undefined;
    }
    const literal = node.literals.get(segments[index]);
    const viaLiteral = literal && this.walk(literal, segments, index + 1, method, params);
    if (viaLiteral) {
      return viaLiteral;
    }
    if (node.capture) {
      return this.walk(node.capture.node, segments, index + 1, method, { ...params, [node.capture.name]: segments[index] });
    }
    return undefined;
  }
}
