// OBS, after the real-time service step (signed in, cn-north-4 → default open): the region's buckets, a bucket's folders
// and objects, a text object opened, a file uploaded into a folder with the progress notification, then a
// folder picked from the buckets and mounted on a running notebook; last, an object whose key and error text carry a
// command link, shown as text.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { region, type UiStep, workspace } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const bucket = 'modelarts-demo-data';
const uploaded = 'model-card.md';
/** A running notebook of the default workspace (emulator/seedData.ts) that the earlier steps leave running. */
const notebook = 'rec-sys-deepfm';
/** Depth of a notebook's mounted storage: region, workspace, Notebooks, notebook, Mounted Storage, storage. */
const storageLevel = 6;
/** A link that would run a command in the terminal when clicked, as a shared bucket's object or a server may name it. */
const hostileLink = '[Show details](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%22%7D)';
const hostileKey = `report${hostileLink}.md`;
/** Big enough, at the pace set below, for the progress notification to be seen. */
const uploadBytes = 3 * 1024 * 1024;

export const obsSteps: readonly UiStep[] = [
  {
    slug: 'obs-browse',
    title: 'Browse an OBS bucket and open a text object',
    expected:
      `${workspace} collapsed; Storage and Images → OBS Buckets lists ${bucket} and modelarts-demo-outputs; ${bucket} lists code, datasets and README.md; ` +
      `code → train.py opens in an editor showing "import argparse"; datasets → flowers → train → daisy lists img_0001.jpg with its size`,
    timeoutMs: 45_000,
    async run({ ui, screenshot }) {
      await ui.collapse(workspace, 2);
      await ui.expand('Storage and Images', 2);
      await ui.expand('OBS Buckets', 3);
      await expectVisible(ui.treeRow('modelarts-demo-outputs', 4), 'modelarts-demo-outputs under OBS Buckets');
      await ui.expand(bucket, 4);
      await expectVisible(ui.description(ui.treeRow('README.md', 5)).filter({ hasText: /^\d+ B\b/ }), `README.md in ${bucket}, with its size`);
      await ui.expand('code', 5);
      await ui.treeRow('train.py', 6).click();
      await expectVisible(ui.editorTab('train', '.py'), 'an editor tab train.py');
      await expectVisible(ui.activeEditorLines.filter({ hasText: 'import argparse' }), 'the script\'s first line in the editor');
      await screenshot('text-object');
      await ui.expand('datasets', 5);
      await ui.expand('flowers', 6);
      await ui.expand('train', 7);
      await ui.expand('daisy', 8);
      await expectVisible(ui.description(ui.treeRow('img_0001.jpg', 9)).filter({ hasText: /^2 KB\b/ }), 'img_0001.jpg, 2 KB, in daisy');
    },
  },
  {
    slug: 'obs-upload',
    title: 'Upload a file into an OBS folder',
    expected:
      `the upload button on ${bucket} → code opens a file dialog; the file chosen goes up under a notification counting files and ` +
      `bytes ("0 of 1 files · … of 3 MB"), then "Uploaded 1 file (3 MB) to obs://${bucket}/code/", and ${uploaded} appears under code`,
    timeoutMs: 45_000,
    async run({ ui, emulator, workspaceFolder, screenshot }) {
      await ui.collapse('datasets', 5);
      const local = path.join(workspaceFolder, uploaded);
      const data = Buffer.alloc(uploadBytes, '# Model card\n');
      writeFileSync(local, data);
      emulator.obs.faults.add({ kind: 'slow', method: 'PUT', path: `/${bucket}/code/${uploaded}`, bytesPerSecond: 1024 * 1024, times: Infinity });

      await ui.clickInlineAction(ui.treeRow('code', 5), 'Upload Files to OBS…');
      // VS Code's own file dialog, in the quick input: the path typed is the file chosen.
      await expectVisible(ui.quickInput.filter({ hasText: `Upload files to obs://${bucket}/code/` }), 'the file dialog titled "Upload files to …"');
      // The dialog writes its folder into the box once it has listed it: what is typed before then is overwritten.
      await expectVisible(ui.quickInput.locator('.monaco-list-row', { hasText: uploaded }), `the file dialog listing ${uploaded}`);
      await ui.quickInputBox.fill(local);
      await screenshot('file-dialog');
      await ui.quickInputBox.press('Enter');

      await expectVisible(ui.notification('0 of 1 files').filter({ hasText: /· [1-9][\d.]* [KM]B of 3 MB/ }), 'the upload\'s progress notification counting files and bytes, some sent', 15_000);
      await screenshot('progress');
      await expectVisible(ui.notification(`Uploaded 1 file (3 MB) to obs://${bucket}/code/`), 'the "Uploaded 1 file" notification', 20_000);
      await expectVisible(ui.treeRow(uploaded, 6), `${uploaded} under code`);
      await expectGone(ui.toast('of 1 files'), 'the progress notification');
      const stored = emulator.obs.store.bucket(bucket)?.objects.get(`code/${uploaded}`)?.data;
      if (!stored || !stored.equals(data)) throw new NotSeen(`code/${uploaded} in the stand-in, byte for byte (${stored?.length ?? 0} of ${data.length} bytes)`);
    },
  },
  {
    slug: 'obs-mount',
    title: 'Mount an OBS folder on a running notebook, picked from the buckets',
    expected:
      `the "+" on ${workspace} → Notebooks → ${notebook} → Mounted Storage asks what to mount; "OBS folder" lists the buckets, ` +
      `then ${bucket}, and VS Code's file dialog over obs:// at its top: datasets → flowers and "Select"; the mount path ` +
      `offered is /data/flowers/; Enter mounts ` +
      `obs://${bucket}/datasets/flowers/ there, and /data/flowers/ shows under Mounted Storage`,
    timeoutMs: 45_000,
    async run({ ui, emulator, screenshot }) {
      await ui.collapse('Storage and Images', 2);
      await ui.expand(workspace, 2);
      await ui.expand('Notebooks', 3);
      await ui.expand(notebook, 4);
      const storage = await ui.expand('Mounted Storage', 5);
      await ui.clickInlineAction(storage, 'Mount Storage on Notebook…');
      await expectVisible(ui.quickPickItem('OBS folder'), 'the choice "OBS folder" in a quick pick');
      await ui.quickPickItem('OBS folder').click();
      await ui.quickPickItem(bucket).click();
      // The file dialog over obs:// lists a folder's children by name and opens one on a click.
      for (const folder of ['datasets', 'flowers']) {
        await ui.quickPickItem(folder).click();
      }
      await expectVisible(ui.quickPickItem('train'), 'the file dialog listing flowers/ (its folder train)');
      await screenshot('browse');
      await ui.quickInput.locator('.monaco-button', { hasText: exactly('Select') }).click();
      await expectVisible(ui.quickInput.locator('.quick-input-message', { hasText: 'Where to mount it in the notebook' }), 'the input box asking where to mount it');
      const offered = await ui.quickInputBox.inputValue();
      if (offered !== '/data/flowers/') throw new NotSeen(`the mount path offered is "${offered}", not /data/flowers/`);
      await screenshot('mount-path');
      await ui.quickInputBox.press('Enter');
      await expectVisible(ui.treeRow('/data/flowers/', storageLevel), '/data/flowers/ under Mounted Storage');
      const sent = emulator.requests.list({ method: 'POST', path: /\/storage$/ }).at(-1)?.body ?? '';
      if (!sent.includes(`"uri":"obs://${bucket}/datasets/flowers/"`)) throw new NotSeen(`a mount request for obs://${bucket}/datasets/flowers/ (sent: ${sent})`);
    },
  },
  {
    slug: 'obs-hostile-text',
    title: 'An object key and an error text with a command link show as text',
    expected:
      `modelarts-demo-outputs lists the object ${hostileKey} by its name; opening it fails with an error notification that ` +
      `quotes the server's text "${hostileLink}" as "[Show details] (command:…)", with no link in the message`,
    timeoutMs: 45_000,
    async run({ ui, emulator, screenshot }) {
      const outputs = emulator.obs.store.bucket('modelarts-demo-outputs');
      if (!outputs) throw new NotSeen('the bucket modelarts-demo-outputs in the stand-in');
      emulator.obs.store.putObject(outputs, hostileKey, Buffer.from('report\n'), 'text/plain');
      // Any method: opening asks the object's size (HEAD, where OBS sends the code and message in headers) first.
      emulator.obs.faults.add({ kind: 'status', status: 403, code: 'AccessDenied', message: `Denied. ${hostileLink}`, path: /Show/ });
      await ui.expand(region, 1);
      await ui.collapse(workspace, 2);
      await ui.expand('Storage and Images', 2);
      await ui.expand('OBS Buckets', 3);
      await ui.collapse(bucket, 4);
      await ui.expand('modelarts-demo-outputs', 4);
      await ui.treeRow(hostileKey, 5).click();
      const message = ui.notification('AccessDenied');
      await expectVisible(message, 'the error notification of the failed open');
      await screenshot('error');
      const text = (await message.innerText()).trim();
      if (!text.includes('Denied. [Show details] (command:')) throw new NotSeen(`the server's text quoted as plain text (shown: ${text})`);
      const links = await message.locator('a').count();
      if (links > 0) throw new NotSeen(`no link in the error message (${links} shown: ${text})`);
    },
  },
];
