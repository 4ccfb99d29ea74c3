// Drag and drop onto the explorer: a file of the open folder dragged from VS Code's Explorer, over the ModelArts icon
// (which opens its side bar while the drag goes on), and dropped on a bucket row uploads into that bucket.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator } from '../vscode-host/playwright';
import { region, type UiStep, workspace } from './steps';
import { exactly, expectVisible, NotSeen, type Workbench } from './workbench';

const bucket = 'modelarts-demo-outputs';
const dropped = 'dropped-notes.md';

type Point = { readonly x: number; readonly y: number };

/** The middle of an element on screen, scrolled into view first. */
async function middleOf(element: Locator): Promise<Point> {
  await element.scrollIntoViewIfNeeded();
  return element.evaluate((found) => {
    const box = found.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
}

/** Moves the pointer to `to` in `steps` moves, as a hand does: a drag sees every one of them. */
async function glide(ui: Workbench, from: Point, to: Point, steps: number): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    await ui.page.mouse.move(from.x + ((to.x - from.x) * step) / steps, from.y + ((to.y - from.y) * step) / steps);
  }
}

/** Keeps the dragged pointer moving a little over `target` until `shown` is visible (VS Code opens a container dragged over after a moment). */
async function hoverWhileDragging(ui: Workbench, target: Point, shown: Locator, what: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await ui.page.mouse.move(target.x + (attempt % 2), target.y);
    if (await shown.isVisible()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new NotSeen(what);
}

export const obsDropSteps: readonly UiStep[] = [
  {
    slug: 'obs-drop',
    title: 'Drop a file from VS Code\'s Explorer on an OBS bucket',
    expected:
      `${dropped} dragged from the Explorer over the ModelArts icon opens the ModelArts side bar; dropped on ${bucket} it uploads ` +
      `under a notification, "Uploaded 1 file (…) to obs://${bucket}/" shows, and ${bucket} lists ${dropped}`,
    timeoutMs: 60_000,
    async run({ ui, emulator, workspaceFolder, screenshot }) {
      const data = Buffer.from('# Notes\n\nDropped from the Explorer.\n');
      writeFileSync(path.join(workspaceFolder, dropped), data);
      await ui.expand(region, 1);
      await ui.collapse(workspace, 2);
      await ui.expand('Storage and Images', 2);
      await ui.expand('OBS Buckets', 3);
      const bucketRow = ui.treeRow(bucket, 4);
      await expectVisible(bucketRow, `${bucket} under OBS Buckets`);

      await ui.page.locator('.part.activitybar a.action-label[aria-label^="Explorer"]').click();
      const file = ui.page.locator('.explorer-folders-view .monaco-list-row').filter({ has: ui.page.locator('.label-name', { hasText: exactly(dropped) }) });
      await expectVisible(file, `${dropped} in the Explorer`, 20_000);
      const from = await middleOf(file);
      await ui.page.mouse.move(from.x, from.y);
      await ui.page.mouse.down();
      const icon = await middleOf(ui.activityBarIcon('ModelArts'));
      await glide(ui, from, icon, 10);
      await hoverWhileDragging(ui, icon, bucketRow, `the ModelArts side bar opening while ${dropped} is dragged over its icon`);
      await glide(ui, icon, await middleOf(bucketRow), 10);
      await screenshot('dragging', { keepHover: true });
      await ui.page.mouse.up();

      await expectVisible(ui.notification(`Uploaded 1 file (`).filter({ hasText: `to obs://${bucket}/` }), `the "Uploaded 1 file … to obs://${bucket}/" notification`, 20_000);
      await ui.expand(bucket, 4);
      await expectVisible(ui.treeRow(dropped, 5), `${dropped} in ${bucket}`);
      await screenshot('uploaded');
      const stored = emulator.obs.store.bucket(bucket)?.objects.get(dropped)?.data;
      if (!stored?.equals(data)) throw new NotSeen(`${dropped} in the stand-in, byte for byte (${stored?.length ?? 0} of ${data.length} bytes)`);
    },
  },
];
