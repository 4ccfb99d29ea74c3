import * as vscode from 'vscode';
import type { CostGuard } from '../costGuard/costGuard';
import type { JobWatcher } from '../views/jobWatch/jobWatcher';
import type { TrainingLogViewer } from '../views/trainingLogViewer';
import type { CommandContext } from './commandContext';
import type { RowClicks } from './rowClicks';

/** What commands use besides their context: parts the extension builds at activation. */
export interface CommandParts {
  readonly trainingLogs: TrainingLogViewer;
  readonly rowClicks: RowClicks;
  readonly jobWatcher: JobWatcher;
  readonly costGuard: CostGuard;
  /** Where Run on ModelArts keeps each folder's settings. */
  readonly globalStorageUri: vscode.Uri;
}

/** Commands whose code is a chunk of its own, loaded at the first call of any of them. */
interface CommandGroup {
  readonly owns: (id: string) => boolean;
  readonly load: () => Promise<(context: CommandContext, parts: CommandParts) => vscode.Disposable[]>;
}

/** The first group that owns an id registers it. */
const GROUPS: readonly CommandGroup[] = [
  {
    owns: (id) => id.startsWith('modelarts.obs.') || ['modelarts.runOnModelArts', 'modelarts.runAgain', 'modelarts.editRunSettings'].includes(id),
    load: async () => (await import('./groups/obsGroup')).registerObsGroup,
  },
  { owns: () => true, load: async () => (await import('./groups/resourceGroup')).registerResourceGroup },
];

/** Commands the extension runs itself, from tree rows and details panels, that package.json does not list. */
const UNLISTED_COMMANDS = [
  'modelarts.resource.open',
  ...['notebook', 'trainingJob', 'pool', 'serviceV1', 'model', 'serviceV2'].map((prefix) => `modelarts.${prefix}.openInConsole`),
];

/**
 * Registers every command at activation, as VS Code can run only registered commands, with a stand-in that loads its
 * group's code at the first call, replaces the group's stand-ins with the real commands, and runs the real one.
 */
export function registerLazyCommands(context: CommandContext, parts: CommandParts, listed: readonly { readonly command: string }[]): vscode.Disposable {
  const ids = [...listed.map(({ command }) => command), ...UNLISTED_COMMANDS];
  const ownerOf = (id: string) => GROUPS.find((group) => group.owns(id));
  return vscode.Disposable.from(...GROUPS.map((group) => registerGroup(group, ids.filter((id) => ownerOf(id) === group), context, parts)));
}

function registerGroup(group: CommandGroup, ids: readonly string[], context: CommandContext, parts: CommandParts): vscode.Disposable {
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= group.load().then((registerGroup) => {
      vscode.Disposable.from(...registrations).dispose();
      registrations = registerGroup(context, parts);
    }));
  let registrations = ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await load();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  return { dispose: () => vscode.Disposable.from(...registrations).dispose() };
}
