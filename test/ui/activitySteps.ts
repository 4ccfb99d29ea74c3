// The ModelArts Activity view during an upload (after signing in): a file uploaded into a bucket, slowed by the OBS
// stand-in's fault injection, shows in the Activity view as running with its progress, then as succeeded with its
// duration and Show Report; the view is collapsed again afterwards, as it starts.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator } from '../vscode-host/playwright';
import { region, type UiStep, workspace } from './steps';
import { exactly, expectVisible, NotSeen, type Workbench } from './workbench';

const bucket = 'modelarts-demo-outputs';
const uploaded = 'activity-weights.bin';
const uploadBytes = 2 * 1024 * 1024;
/** The side bar's width while the step looks at the Activity view, and its usual width, restored after. */
const wideSideBar = 640;
const usualSideBar = 300;
/** Slow enough for the upload to run about eight seconds: long enough to see it running in the view. */
const bytesPerSecond = 256 * 1024;

/** The Activity view's pane header; a click expands or collapses it. */
function activityHeader(ui: Workbench): Locator {
  return ui.container.locator('.pane-header', { has: ui.page.locator('h3.title', { hasText: exactly('Activity') }) });
}

/** The Activity view's rows with `label`. */
function activityRow(ui: Workbench, label: string): Locator {
  return ui.container
    .locator('.pane', { has: ui.page.locator('.pane-header h3.title', { hasText: exactly('Activity') }) })
    .locator('.monaco-list-row[role="treeitem"]')
    .filter({ has: ui.page.locator('.label-name', { hasText: exactly(label) }) });
}

async function setActivityExpanded(ui: Workbench, expanded: boolean): Promise<void> {
  const header = activityHeader(ui);
  await expectVisible(header, 'the Activity view\'s header in the ModelArts side bar');
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await expectVisible(header.and(ui.page.locator(`[aria-expanded="${expanded}"]`)), `the Activity view ${expanded ? 'expanded' : 'collapsed'}`);
}

export const activitySteps: readonly UiStep[] = [
  {
    slug: 'activity-upload',
    title: 'The Activity view during an upload',
    expected:
      `the upload button on Storage and Images → OBS Buckets → ${bucket} uploads ${uploaded}; the Activity view lists ` +
      `"Uploading to obs://${bucket}/" with a spinning icon and its progress ("0 of 1 files · … of 2 MB") and a Cancel button, ` +
      'then "Succeeded in …s" with a Show Report button',
    timeoutMs: 60_000,
    async run({ ui, emulator, workspaceFolder, screenshot }) {
      const local = path.join(workspaceFolder, uploaded);
      writeFileSync(local, Buffer.alloc(uploadBytes, 7));
      emulator.obs.faults.add({ kind: 'slow', method: 'PUT', path: `/${bucket}/${uploaded}`, bytesPerSecond, times: Infinity });
      await ui.expand(region, 1);
      await ui.collapse(workspace, 2);
      await ui.expand('Storage and Images', 2);
      await ui.expand('OBS Buckets', 3);
      await setActivityExpanded(ui, true);
      // Wide enough for a row's progress and duration to show beside its label.
      await ui.resizeSideBar(wideSideBar);

      await ui.clickInlineAction(ui.treeRow(bucket, 4), 'Upload Files to OBS…');
      await expectVisible(ui.quickInput.filter({ hasText: `Upload files to obs://${bucket}/` }), 'the file dialog titled "Upload files to …"');
      await expectVisible(ui.quickInput.locator('.monaco-list-row', { hasText: uploaded }), `the file dialog listing ${uploaded}`);
      await ui.quickInputBox.fill(local);
      await ui.quickInputBox.press('Enter');

      // Earlier uploads to the same bucket (other steps) are listed too: this one is the newest, the first row.
      const row = activityRow(ui, `Uploading to obs://${bucket}/`).first();
      const running = ui.withDescription(row, /^0 of 1 files · [1-9][\d.]* [KM]B of 2 MB$/);
      await expectVisible(running, 'the upload in the Activity view, counting bytes', 15_000);
      await expectVisible(ui.statusIcon(running, 'loading'), 'the spinning icon of a running operation');
      await running.hover();
      await expectVisible(ui.inlineAction(running, 'Cancel Operation'), 'Cancel on the running upload');
      await screenshot('running', { keepHover: true });

      const done = ui.withDescription(row, /^Succeeded in \d+s$/);
      await expectVisible(done, 'the upload succeeded, with its duration', 30_000);
      await expectVisible(ui.statusIcon(done, 'pass'), 'the icon of a succeeded operation');
      await done.hover();
      await expectVisible(ui.inlineAction(done, 'Show Transfer Report'), 'Show Report on the finished upload');
      await screenshot('done', { keepHover: true });
      const stored = emulator.obs.store.bucket(bucket)?.objects.get(uploaded)?.data;
      if (stored?.length !== uploadBytes) throw new NotSeen(`${uploaded} in the stand-in (${stored?.length ?? 0} of ${uploadBytes} bytes)`);

      await ui.page.keyboard.press('Escape');
      await setActivityExpanded(ui, false);
      await ui.resizeSideBar(usualSideBar);
      await ui.collapse('Storage and Images', 2);
    },
  },
];
