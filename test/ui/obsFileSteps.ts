// OBS as files, after sign-in (any tree state): a text object opened from the tree, edited and saved back to the
// stand-in; then a bucket added to the workspace and listed in VS Code's Explorer. Adding a folder to a window with one
// turns it into an untitled multi-root workspace, which reloads the page: the step waits for the workbench to come back,
// and at the end opens the window's first folder again, with the ModelArts view, for the steps after it.
import { region, type StepContext, type UiStep, workspace } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const bucket = 'modelarts-demo-data';
const edited = 'README.md';
const added = 'Edited in VS Code, saved to OBS.';

/** Shows the region's OBS buckets with `bucket` expanded: region → Storage and Images → OBS Buckets → bucket. */
async function showBucket({ ui }: StepContext): Promise<void> {
  await ui.expand(region, 1);
  await ui.collapse(workspace, 2);
  await ui.expand('Storage and Images', 2);
  await ui.expand('OBS Buckets', 3);
  await ui.expand(bucket, 4);
}

/** Reads the stand-in until `done` holds for the object's text, or fails naming `what`. */
async function storedText(context: StepContext, key: string, done: (text: string) => boolean, what: string): Promise<string> {
  const read = () => context.emulator.obs.store.bucket(bucket)?.objects.get(key)?.data.toString('utf8') ?? '';
  if (!(await until(() => done(read()), 15_000))) throw new NotSeen(`${what} (the stand-in holds: ${JSON.stringify(read().slice(-200))})`);
  return read();
}

/** Waits until `done` holds, or `timeoutMs` has passed; answers whether it held. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return done();
}

export const obsFileSteps: readonly UiStep[] = [
  {
    slug: 'obs-edit-save',
    title: 'Open an OBS text object from the tree, edit it and save it',
    expected:
      `${bucket} → ${edited} opens in an editable editor (tab ${edited}); a line typed at its end and Ctrl+S save it: ` +
      `the tab is no longer dirty, and the stand-in's ${edited} ends with the line typed`,
    timeoutMs: 60_000,
    async run(context) {
      const { ui, screenshot } = context;
      await showBucket(context);
      const before = await storedText(context, edited, (text) => text.length > 0, `${edited} in the stand-in`);
      await ui.treeRow(edited, 5).click();
      const tab = ui.editorTab('README', '.md');
      await expectVisible(tab, `an editor tab ${edited}`);
      await expectVisible(ui.activeEditorLines.filter({ hasText: before.split('\n')[0].trim() }), `the first line of ${edited} in the editor`);
      await ui.activeEditorLines.click();
      await ui.page.keyboard.press('Control+End');
      await ui.page.keyboard.type(`\n${added}\n`);
      await expectVisible(ui.activeEditorLines.filter({ hasText: added }), 'the line typed in the editor');
      await screenshot('edited');
      // Saved by Ctrl+S, or already by VS Code's auto save where it is on.
      await ui.page.keyboard.press('Control+S');
      await storedText(context, edited, (text) => text.trimEnd().endsWith(added) && text.startsWith(before.trimEnd()), `${edited} saved with the line typed`);
      await expectGone(tab.and(ui.page.locator('.dirty')), 'the tab\'s mark of a change');
      await screenshot('saved');
    },
  },
  {
    slug: 'obs-workspace-folder',
    title: 'Add an OBS bucket to the workspace and see it in VS Code\'s Explorer',
    expected:
      `${bucket}'s menu item "Add Folder to Workspace" makes it a workspace folder "OBS: ${bucket}" (the window becomes a ` +
      `multi-root workspace); VS Code's Explorer lists it beside the folder open before, with code, datasets and ${edited} in it`,
    timeoutMs: 150_000,
    async run(context) {
      const { ui, screenshot } = context;
      const firstFolderUrl = ui.page.url();
      await showBucket(context);
      await ui.openContextMenu(ui.treeRow(bucket, 4));
      await expectVisible(ui.contextMenuItem('Add Folder to Workspace'), 'the menu item "Add Folder to Workspace"');
      await screenshot('menu');
      await ui.chooseContextMenuItem('Add Folder to Workspace');
      // The page reloads as an untitled workspace (or only the extension host restarts): either way the Explorer comes.
      // On a loaded machine the switch to a workspace has taken more than 30 s.
      if (!(await until(() => ui.page.url() !== firstFolderUrl, 90_000))) throw new NotSeen('the window reloading as a workspace with the bucket added');
      const explorerIcon = ui.page.locator('.part.activitybar a.action-label[aria-label^="Explorer"]');
      await expectVisible(explorerIcon, 'the Explorer icon in the activity bar', 60_000);
      const folders = ui.page.locator('.part.sidebar .explorer-folders-view');
      if (!(await folders.isVisible())) await explorerIcon.click();
      const row = (level: number, name: string) => folders.locator(`.monaco-list-row[aria-level="${level}"]`).filter({ has: ui.page.locator('.label-name', { hasText: exactly(name) }) });
      const root = row(1, `OBS: ${bucket}`);
      await expectVisible(root, `the folder "OBS: ${bucket}" in the Explorer`, 30_000);
      if ((await root.getAttribute('aria-expanded')) !== 'true') await root.click();
      for (const name of ['code', 'datasets', edited]) {
        await expectVisible(row(2, name), `${name} under "OBS: ${bucket}"`, 30_000);
      }
      const roots = (await folders.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts()).map((text) => text.trim());
      if (roots.length !== 2) throw new NotSeen(`two workspace folders, the first one and "OBS: ${bucket}" (shown: ${roots.join(', ')})`);
      await screenshot('explorer');
      // The steps after this one expect the window's first folder and the ModelArts view.
      await ui.page.goto(firstFolderUrl);
      await expectVisible(ui.activityBarIcon('ModelArts'), 'the ModelArts icon in the activity bar again', 60_000);
      if (!(await ui.container.isVisible())) await ui.activityBarIcon('ModelArts').click();
      await expectVisible(ui.treeRow(region, 1), `${region} in the ModelArts view again`, 30_000);
    },
  },
];
