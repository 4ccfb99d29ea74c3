// The fault matrix's rows, enumerated from what the extension offers: the tree's lists and the language-model tools
// package.json declares, reads and changes (a changing tool's action is also run as the tree's command).
import * as vscode from 'vscode';
import { invokeTool, sampleInputs } from './chatSamples';
import type { FaultTarget, Observed, OperationKind } from './faultMatrix';
import { type ExtensionUnderTest, label, type Node, REGION } from './harness';

export interface Located {
  run(): Promise<Observed>;
  /** Checks once the fault is gone; `sameSession` is false when the operation ran under other (expired) credentials. */
  after?(failed: boolean, sameSession: boolean): Promise<string[]>;
}

export interface Row {
  readonly operation: string;
  readonly kind: OperationKind;
  /** Which requests a fault hits: a change is faulted on its own request, after the lookups that find its target. */
  readonly target: FaultTarget;
  /** Finds what the operation acts on (without faults), then returns the operation and the check of the tree after it. */
  locate(under: ExtensionUnderTest): Promise<Located>;
  /** Whether the row runs this fault; a command's success is the tool row's (both act on the same resource). */
  readonly skips?: readonly string[];
}

/** The OBS lists and tools go through OBS's own SDK and fault hooks (emulator.obs.faults), outside this matrix. */
const OBS = /OBS|_obs_/;

interface ToolDeclaration {
  readonly name: string;
  readonly tags?: readonly string[];
}

function declaredTools(): readonly ToolDeclaration[] {
  const extension = vscode.extensions.getExtension('modelarts-community.modelarts-explorer');
  return (extension?.packageJSON.contributes.languageModelTools ?? []) as ToolDeclaration[];
}

const isError = (node: Node): boolean => node.getTreeItem().contextValue === 'error';

async function nodeAt(under: ExtensionUnderTest, path: readonly string[]): Promise<Node> {
  let node = await under.child(undefined, REGION);
  for (const name of path) {
    node = await under.child(node, name);
  }
  return node;
}

/** A failed list must show one node that names the error and retries when clicked, not an empty or partial list. */
function listObserved(children: readonly Node[], isResource: (node: Node) => boolean): Observed {
  const errorNode = children.find(isError);
  const item = errorNode?.getTreeItem();
  const problems: string[] = [];
  if (errorNode && children.some(isResource)) {
    problems.push('the error node is shown beside listed items');
  }
  if (item && (item.command?.command !== 'modelarts.retry' || !/click to retry/.test(String(item.label)))) {
    problems.push(`the error node does not retry: ${String(item.label)}`);
  }
  // Without an error node (an empty or partial list after a failed request) judge() finds no message to check.
  return { message: item ? String(item.description) : undefined, retryNode: item !== undefined, problems };
}

/** After a failed list: clicking its error node lists the items (under other credentials the node is gone with them). */
function retried(under: ExtensionUnderTest, node: Node, isItem: (node: Node) => boolean): Located['after'] {
  return async (failed, sameSession) => {
    const command = (await under.explorer.getChildren(node)).find(isError)?.getTreeItem().command;
    if (!failed || !sameSession || !command) {
      return [];
    }
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const children = await under.explorer.getChildren(node);
    return children.some(isItem) && !children.some(isError) ? [] : ['clicking the error node did not list the items'];
  };
}

/** The region's workspace list, each workspace category and each account-wide category, as the tree shows them. */
export async function treeListRows(under: ExtensionUnderTest): Promise<Row[]> {
  const region = await under.child(undefined, REGION);
  const regionChildren = await under.explorer.getChildren(region);
  const isWorkspace = (node: Node) => /^workspace\b/.test(String(node.getTreeItem().contextValue));
  const categories = (await under.explorer.getChildren(await under.child(region, 'default'))).map((node) => ['default', label(node)]);
  const categoryGroups = regionChildren.filter((node) => !isWorkspace(node));
  const accountWide = (await Promise.all(categoryGroups.map(async (group) => (await under.explorer.getChildren(group)).map((node) => [label(group), label(node)]))))
    .flat()
    .filter((path) => !OBS.test(path[1]));
  const workspaces: Row = {
    operation: 'tree: list workspaces',
    kind: 'read',
    target: 'all',
    locate: async () => {
      under.api.context.explorer.reload();
      const node = await under.child(undefined, REGION);
      return { run: async () => listObserved(await under.explorer.getChildren(node), isWorkspace), after: retried(under, node, isWorkspace) };
    },
  };
  const category = (path: string[]): Row => ({
    operation: `tree: list ${path.at(-1)}`,
    kind: 'read',
    target: 'all',
    locate: async () => {
      under.api.context.explorer.reload();
      const node = await nodeAt(under, path);
      return { run: async () => listObserved(await under.explorer.getChildren(node), (child) => !isError(child)), after: retried(under, node, (child) => !isError(child)) };
    },
  });
  return [workspaces, ...[...categories, ...accountWide].map(category)];
}

/** Every reading tool package.json declares, with its sample input. */
export function toolReadRows(under: () => ExtensionUnderTest): Row[] {
  return declaredTools()
    .filter((tool) => tool.tags?.includes('modelarts-reads') && !OBS.test(tool.name))
    .map((tool) => ({
      operation: `tool: ${tool.name}`,
      kind: 'read',
      target: 'all',
      locate: async () => ({ run: () => toolObserved(tool.name, sampleInput(under(), tool.name)) }),
    }));
}

/**
 * A tool's failure: its whole answer, or an error it reports inside a partial answer (the account's project): one
 * that was answered names its request id, a timeout or a reset only its code.
 */
async function toolObserved(name: string, input: object): Promise<Observed> {
  const text = await invokeTool(name, input);
  return /^(Failed:|Nothing was done)|\(request id |\b(Timeout|NetworkError): /.test(text) ? { message: text } : {};
}

function sampleInput(under: ExtensionUnderTest, tool: string): object {
  return sampleInputs(under.emulator, under.emulator.demo.ak)[tool] ?? {};
}

/** Where the resources a changing tool acts on are shown in the tree, and the prefix of their commands. */
const TREE_PLACES: Readonly<Record<string, { readonly group: readonly string[]; readonly command: string }>> = {
  notebook: { group: ['default', 'Notebooks'], command: 'notebook' },
  training_job: { group: ['default', 'Training Jobs'], command: 'trainingJob' },
  realtime_service: { group: ['default', 'Real-Time Services (v1)'], command: 'serviceV1' },
  realtime_service_v2: { group: ['default', 'Real-Time Services (v2)'], command: 'serviceV2' },
  lite_server: { group: ['Lite Server', 'Lite Servers'], command: 'devServer' },
};

/** Every changing tool, and each one's action run as the tree's command on the same resource. */
export function changeRows(under: () => ExtensionUnderTest): { tools: Row[]; commands: Row[]; unplaced: string[] } {
  const tools: Row[] = [];
  const commands: Row[] = [];
  const unplaced: string[] = [];
  for (const tool of declaredTools().filter((declared) => declared.tags?.includes('modelarts-changes'))) {
    const [, verb, noun] = /^modelarts_([a-z]+)_(.+)$/.exec(tool.name) ?? [];
    const place = TREE_PLACES[noun];
    if (!place) {
      unplaced.push(tool.name);
      continue;
    }
    const kind: OperationKind = verb === 'create' ? 'create' : 'change';
    tools.push({ operation: `tool: ${tool.name}`, kind, target: 'changes', locate: () => locateChange(under(), place.group, tool.name, verb, () => toolObserved(tool.name, sampleInput(under(), tool.name))) });
    if (kind === 'change') {
      const command = `modelarts.${place.command}.${verb}`;
      commands.push({
        operation: `tree: ${command}`,
        kind,
        target: 'changes',
        skips: ['latency'],
        locate: () =>
          locateChange(under(), place.group, tool.name, verb, async (node) => {
            const errors = under().ui.errors.length;
            // The confirmation's button is the action's verb (Stop, Delete…); a start asks nothing.
            under().ui.answer(verb[0].toUpperCase() + verb.slice(1));
            await vscode.commands.executeCommand(command, node);
            const shown = under().ui.errors.slice(errors);
            return { message: shown.length > 0 ? shown.join('\n') : undefined, problems: shown.length > 1 ? ['more than one error message'] : [] };
          }),
      });
    }
  }
  return { tools, commands, unplaced };
}

/**
 * The resource's node before the change; after a failed one the tree must show it as it was (a failed stop is
 * not Stopped, a failed delete is still listed), and a failed create must add no node.
 */
async function locateChange(under: ExtensionUnderTest, group: readonly string[], tool: string, verb: string, run: (node: Node | undefined) => Promise<Observed>): Promise<Located> {
  const name = (sampleInput(under, tool) as { name?: string }).name ?? '';
  under.api.context.explorer.reload();
  const groupNode = await nodeAt(under, group);
  const children = await under.explorer.getChildren(groupNode);
  const node = children.find((child) => label(child) === name);
  const before = node && shownState(node);
  return {
    run: () => run(node),
    after: async (failed) => {
      if (!failed) {
        return [];
      }
      if (verb === 'create') {
        under.api.context.explorer.reload();
        const listed = await under.explorer.getChildren(await nodeAt(under, group));
        return listed.some((child) => label(child) === name) ? [`the failed create shows "${name}"`] : [];
      }
      if (!node) {
        return [`"${name}" is not in the tree`];
      }
      const shown = await under.explorer.getChildren(groupNode);
      const now = shown.find((child) => child.id === node.id);
      if (!now) {
        return [`after the failed ${verb}, "${name}" left the tree`];
      }
      const state = shownState(now);
      return state === before ? [] : [`after the failed ${verb}, "${name}" shows "${state}" (was "${before}")`];
    },
  };
}

/** What the row says of the resource's state: its status icon and the actions it offers (not its relative times). */
function shownState(node: Node): string {
  const item = node.getTreeItem();
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
  return `${icon} ${item.contextValue ?? ''}`;
}
