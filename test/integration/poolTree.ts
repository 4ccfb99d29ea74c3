import assert from 'node:assert/strict';
import { type ExtensionUnderTest, label, type Node } from './harness';

/** The parts of the explorer the pool suites look at, in cn-north-4's default workspace. */
export class PoolTree {
  constructor(private readonly under: () => ExtensionUnderTest) {}

  children(node: Node): Promise<Node[]> {
    return this.under().explorer.getChildren(node);
  }

  async pool(name = 'pool-cpu-etl'): Promise<Node> {
    const pools = await this.children(await this.under().category('Resource Pools'));
    const pool = pools.find((node) => label(node) === name);
    assert.ok(pool, `${name} is listed`);
    return pool;
  }

  async section(name: 'Nodes' | 'Node Pools' | 'Plugins', pool = 'pool-cpu-etl'): Promise<Node> {
    return this.under().child(await this.pool(pool), name);
  }

  /** The pool's id, the last part of its tree id. */
  static idOf(pool: Node): string {
    return pool.id.split('/').pop() as string;
  }

  /** The tooltip VS Code shows on hover, resolved as VS Code resolves it, as plain lines. */
  async tooltip(node: Node): Promise<string> {
    const tooltip = await this.under().tooltip(node);
    const markdown = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
    return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1').replace(/ +\n/g, '\n');
  }
}

export const description = (node: Node): string => String(node.getTreeItem().description ?? '');
export const contextValue = (node: Node): string => node.getTreeItem().contextValue ?? '';
/** The JSON body of the last request the emulator logged with this method and path. */
export function lastBody(under: ExtensionUnderTest, method: string, path: string | RegExp): unknown {
  const request = under.emulator.requests.list({ method, path }).at(-1);
  assert.ok(request, `a ${method} request to ${String(path)} was sent`);
  return JSON.parse(request.body ?? 'null');
}
