/**
 * A stand-in for the `vscode` module and an ExtensionContext, enough for the bundle to load and `activate` to run
 * outside VS Code (bench/activationBench.ts). Every API answers a stub that can be called, constructed, awaited
 * and extended; what activation reads (the secrets, the mementos, the configuration) answers as empty.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Stub = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

/** Members deeper than this answer undefined: a loop that walks a chain of members (parents, say) ends. */
const MAX_DEPTH = 6;

/** An API object of which every member, call and construction is again a stub, down to MAX_DEPTH. */
function stub(depth = 0): Stub {
  const members = new Map<string | symbol, unknown>();
  const target = function () {} as unknown as Stub;
  const proxy: Stub = new Proxy(target, {
    get(_target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return [][Symbol.iterator];
      if (key === 'prototype') return target.prototype;
      if (!members.has(key)) members.set(key, depth < MAX_DEPTH ? stub(depth + 1) : undefined);
      return members.get(key);
    },
    set(_target, key, value) {
      members.set(key, value);
      return true;
    },
    apply: () => stub(depth + 1),
    // A class of ours that extends a VS Code class gets an instance of its own; the API's own classes answer stubs.
    construct: (_target, _args, newTarget) => (newTarget === proxy ? stub(depth + 1) : Object.create(newTarget.prototype as object)),
  });
  return proxy;
}

function memento(): object {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
    setKeysForSync: () => undefined,
  };
}

/** The names the `vscode` module exports, read from its type declarations. */
function apiNames(): string[] {
  const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...declarations.matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((match) => match[1]);
}

/** The `vscode` module: stubs, with the configuration answering every setting's default. */
export function vscodeStub(): Record<string, unknown> {
  // A plain object: the bundle copies the module's own properties when it imports it.
  const vscode: Record<string, unknown> = Object.fromEntries(apiNames().map((name) => [name, stub()]));
  const workspace = stub();
  workspace.getConfiguration = () => ({ get: (_key: string, fallback?: unknown) => fallback, has: () => false, inspect: () => undefined, update: async () => undefined });
  workspace.workspaceFolders = undefined;
  vscode.workspace = workspace;
  const l10n = stub();
  l10n.bundle = undefined;
  l10n.t = (message: string | { message: string }) => (typeof message === 'string' ? message : message.message);
  vscode.l10n = l10n;
  return vscode;
}

/** An ExtensionContext of an extension installed at `root`, whose package.json is `packageJSON`, with nothing stored. */
export function extensionContextStub(root: string, packageJSON: object): object {
  const uri = (path: string) => ({ scheme: 'file', fsPath: path, path, toString: () => `file://${path}` });
  const storage = join(tmpdir(), 'modelarts-activation-bench');
  return {
    subscriptions: [],
    extension: { id: 'modelarts-community.modelarts-explorer', packageJSON, extensionUri: uri(root) },
    extensionUri: uri(root),
    extensionPath: root,
    globalState: memento(),
    workspaceState: memento(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose: () => undefined }) },
    logUri: uri(join(storage, 'log')),
    globalStorageUri: uri(join(storage, 'global')),
    storageUri: undefined,
  };
}

/** Makes `require('vscode')` answer `vscode` in this process. */
export function answerVscodeWith(vscode: Record<string, unknown>): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = (request, ...rest) => (request === 'vscode' ? vscode : load(request, ...rest));
}
