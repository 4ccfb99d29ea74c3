import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type Emulator, endpointOverridesFor, type EmulatorOptions, startEmulator } from '../../emulator/server';
import type { ModelArtsExtensionApi } from '../../src/extension';
import type { HostMessage, TableDocument } from '../../src/webviews/protocol';
import { TestUserInput } from './testUserInput';

export const REGION = 'cn-north-4';
/** The profile the suites sign in to (Sign In's first step asks for its name). */
export const PROFILE = 'default';

/** The group under a region that shows each of its account-wide categories. */
export const CATEGORY_GROUPS: Readonly<Record<string, string>> = {
  'Lite Servers': 'Lite Server',
  Hyperinstances: 'Lite Server',
  'Hyper Clusters': 'Lite Server',
  'Lite Server Jobs': 'Lite Server',
  'Scheduled Events': 'Lite Server',
  'OBS Buckets': 'Storage and Images',
  'SWR Images': 'Storage and Images',
  VPCs: 'Network and Keys',
  'Key Pairs': 'Network and Keys',
};

/** A webview panel as its command returns it, driven through the same message protocol as its browser app. */
export interface Panel {
  receive(message: unknown): Promise<void>;
  readonly onDidPostMessage: vscode.Event<HostMessage>;
  readonly onDidDispose: vscode.Event<void>;
  dispose(): void;
}

/** A tree node as the explorer hands it out (the bundle's classes are not importable here). */
export interface Node {
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
}

export function label(node: Node): string {
  const text = node.getTreeItem().label;
  return typeof text === 'string' ? text : (text?.label ?? '');
}

export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The installed extension pointed at a fresh in-process emulator, with its
 * questions answered by a TestUserInput. One per suite: start() in before(),
 * freshUi() in beforeEach(), stop() in after().
 */
export class ExtensionUnderTest {
  ui = new TestUserInput();

  private constructor(
    readonly emulator: Emulator,
    readonly api: ModelArtsExtensionApi,
  ) {}

  static async start(options: EmulatorOptions): Promise<ExtensionUnderTest> {
    const emulator = await startEmulator(options);
    const settings = vscode.workspace.getConfiguration('modelarts');
    // The cost guard counts in the background: only its own suite turns it on, so its lists add to no other's
    // requests. Off first, before the endpoints change would make it count against this suite's emulator.
    await settings.update('costGuard.enabled', false, vscode.ConfigurationTarget.Global);
    await settings.update('endpointOverrides', endpointOverridesFor(emulator.url), vscode.ConfigurationTarget.Global);
    await settings.update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    // Running items are polled on a real clock only by the tests that move a virtual one: a real poll landing in
    // another test would add to the requests it counts.
    await settings.update('runningPollIntervalSeconds', 3600, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<ModelArtsExtensionApi>('modelarts-community.modelarts-explorer');
    assert.ok(extension, 'the extension is installed');
    const api = await extension.activate();
    // Activation returns before the profiles are read; what follows reads the account (or signs in over it).
    await api.context.accounts.loaded;
    // Resources are polled only while the explorer is visible, as for a person looking at it.
    await vscode.commands.executeCommand('modelarts.explorer.focus');
    const running = new ExtensionUnderTest(emulator, api);
    running.freshUi();
    return running;
  }

  /** New answers and an empty message record for the next test; the emulator's (and its OBS stand-in's) faults cleared. */
  freshUi(): void {
    this.ui = new TestUserInput();
    this.api.context.ui = this.ui;
    this.emulator.faults.clear();
    this.emulator.obs.faults.clear();
  }

  get explorer(): { getChildren(node?: Node): Promise<Node[]> } {
    return this.api.context.explorer as unknown as { getChildren(node?: Node): Promise<Node[]> };
  }

  /** A row's tooltip as VS Code shows it on hover: the explorer's TreeItem for it, then its resolveTreeItem. */
  async tooltip(node: Node): Promise<string | vscode.MarkdownString | undefined> {
    const explorer = this.api.context.explorer as unknown as vscode.TreeDataProvider<Node>;
    const item = await explorer.getTreeItem(node);
    const resolved = (await explorer.resolveTreeItem?.(item, node, new vscode.CancellationTokenSource().token)) ?? item;
    return resolved.tooltip;
  }

  async child(parent: Node | undefined, name: string): Promise<Node> {
    const children = await this.explorer.getChildren(parent);
    const found = children.find((node) => label(node) === name);
    assert.ok(found, `"${name}" is not among ${children.map(label).join(', ')}`);
    return found;
  }

  /** A category of the default workspace of cn-north-4, e.g. "Notebooks". */
  async category(name: string): Promise<Node> {
    return this.child(await this.child(await this.child(undefined, REGION), 'default'), name);
  }

  /** An account-wide category of a region, e.g. "OBS Buckets", through the group that shows it. */
  async regionCategory(name: string, region = REGION): Promise<Node> {
    const group = CATEGORY_GROUPS[name];
    assert.ok(group, `"${name}" is an account-wide category`);
    return this.child(await this.child(await this.child(undefined, region), group), name);
  }

  async signInWithDemoKey(): Promise<void> {
    const errorsBefore = this.ui.errors.length;
    this.ui.answer(PROFILE, this.emulator.demo.ak, this.emulator.demo.sk, '', REGION);
    await vscode.commands.executeCommand('modelarts.signIn');
    assert.deepEqual(this.ui.errors.slice(errorsBefore), [], 'signing in with the demo key succeeds');
  }

  /** Signs out of the profile in use, confirming when asked. */
  async signOut(): Promise<void> {
    if (this.api.context.accounts.activeProfile?.readOnly === false) {
      this.ui.answer('Sign Out');
    }
    await vscode.commands.executeCommand('modelarts.signOut');
  }

  async stop(): Promise<void> {
    // The watch list outlives a window; the jobs this suite's emulator held must not be read from the next one's.
    const { jobWatch } = this.api.context;
    jobWatch.list().forEach((job) => jobWatch.unwatch(job.jobId));
    await this.signOut();
    const settings = vscode.workspace.getConfiguration('modelarts');
    await settings.update('endpointOverrides', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('runningPollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('costGuard.enabled', undefined, vscode.ConfigurationTarget.Global);
    await this.emulator.close();
  }
}

/**
 * A suite's extension under test, from its hooks: started against a fresh emulator and signed in with
 * the demo key before the suite, fresh answers and an empty request log before each test, stopped after.
 * Call at the top of a describe(); the returned function gives the running extension inside the tests.
 */
export function signedInSuite(options: EmulatorOptions): () => ExtensionUnderTest {
  let running: ExtensionUnderTest | undefined;
  before(async () => {
    running = await ExtensionUnderTest.start(options);
    await running.signInWithDemoKey();
  });
  beforeEach(() => {
    running?.freshUi();
    running?.emulator.requests.clear();
    running?.emulator.obs.requests.clear();
  });
  after(() => running?.stop());
  return () => {
    assert.ok(running, 'the suite has started');
    return running;
  };
}

/** Every message a panel posts from now on, and a way to wait for one of a type. */
export function conversation(panel: Panel) {
  const messages: HostMessage[] = [];
  const subscription = panel.onDidPostMessage((message) => messages.push(message));
  let disposed = false;
  panel.onDidDispose(() => (disposed = true));
  return {
    messages,
    get disposed() {
      return disposed;
    },
    /** The first message of a type (that passes `matches`) not yet taken; the browser app's own ones count too. */
    async next<T extends HostMessage['type']>(
      type: T,
      matches: (message: Extract<HostMessage, { type: T }>) => boolean = () => true,
      timeoutMs = 10_000,
    ): Promise<Extract<HostMessage, { type: T }>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((message) => message.type === type && matches(message as Extract<HostMessage, { type: T }>));
        if (found) {
          messages.splice(messages.indexOf(found), 1);
          return found as Extract<HostMessage, { type: T }>;
        }
        if (Date.now() > deadline) {
          throw new Error(`no "${type}" message; got ${messages.map((message) => message.type).join(', ') || 'none'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    dispose: () => subscription.dispose(),
  };
}

/** Opens a form by its command on `node` and returns the first message of `type` it posts (its options), then closes it. */
export async function formMessage<T extends HostMessage['type']>(command: string, node: Node, type: T): Promise<Extract<HostMessage, { type: T }>> {
  const panel = (await vscode.commands.executeCommand(command, node)) as Panel;
  const talk = conversation(panel);
  try {
    await panel.receive({ type: 'ready' });
    return await talk.next(type);
  } finally {
    talk.dispose();
    panel.dispose();
  }
}

/** The document a table panel (flavors, specifications, quotas, images) shows, as its page receives it; the panel is closed. */
export async function tableDocument(panel: Panel): Promise<TableDocument> {
  const talk = conversation(panel);
  try {
    await panel.receive({ type: 'ready' });
    return (await talk.next('tableDocument')).document;
  } finally {
    talk.dispose();
    panel.dispose();
  }
}
