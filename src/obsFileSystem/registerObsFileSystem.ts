/** Registers the `obs://` file system (and its read-only `obs-current` view of what OBS holds now, for compares). */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import type { ObsFileSystemProvider } from './obsFileSystemProvider';
import { OBS_CURRENT_SCHEME, OBS_SCHEME } from './obsUris';

/**
 * VS Code needs the providers at activation (a workspace may hold an obs:// folder), but most sessions never open
 * one: the provider's code loads at the first call, and each call goes to it.
 */
export function registerObsFileSystem(context: CommandContext): vscode.Disposable[] {
  const changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  const loaded: vscode.Disposable[] = [];
  let loading: Promise<ObsFileSystemProvider> | undefined;
  const provider = () =>
    (loading ??= import('./obsFileSystemProvider').then(({ createObsFileSystemProvider }) => {
      const { provider: created, disposables } = createObsFileSystemProvider(context);
      loaded.push(...disposables, created.onDidChangeFile((events) => changes.fire(events)));
      return created;
    }));
  const onFirstCall: vscode.FileSystemProvider = {
    onDidChangeFile: changes.event,
    // OBS tells no one of changes: there is nothing to watch (see ObsFileSystemProvider.watch).
    watch: () => new vscode.Disposable(() => undefined),
    stat: async (uri) => (await provider()).stat(uri),
    readDirectory: async (uri) => (await provider()).readDirectory(uri),
    readFile: async (uri) => (await provider()).readFile(uri),
    writeFile: async (uri, content, options) => (await provider()).writeFile(uri, content, options),
    createDirectory: async (uri) => (await provider()).createDirectory(uri),
    delete: async (uri, options) => (await provider()).delete(uri, options),
    rename: async (from, to, options) => (await provider()).rename(from, to, options),
    copy: async (from, to, options) => (await provider()).copy(from, to, options),
  };
  return [
    changes,
    { dispose: () => vscode.Disposable.from(...loaded).dispose() },
    // Object keys are case-sensitive.
    vscode.workspace.registerFileSystemProvider(OBS_SCHEME, onFirstCall, { isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(OBS_CURRENT_SCHEME, onFirstCall, { isCaseSensitive: true, isReadonly: true }),
  ];
}
