import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { isUnchanged, type SyncedFile } from '../../src/services/folderSync';
import type { ObsObject } from '../../src/services/obs';

test('a file is unchanged when its size and MD5 match a plain-MD5 ETag, or with another ETag, when the object is newer', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'folder-sync-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const data = Buffer.from('print("hello")\n');
  writeFileSync(path.join(folder, 'train.py'), data);
  const file: SyncedFile = { path: path.join(folder, 'train.py'), name: 'train.py', size: data.length, modifiedMs: Date.parse('2026-05-01T10:00:00Z') };
  const md5 = createHash('md5').update(data).digest('hex');
  const object = (etag: string, lastModified = '2026-05-01T09:00:00.000Z', size = data.length): ObsObject => ({ kind: 'object', key: 'code/train.py', size, etag, lastModified });

  assert.equal(await isUnchanged(file, undefined), false, 'not there yet');
  assert.equal(await isUnchanged(file, object(`"${md5}"`)), true, 'same content, whatever the dates');
  assert.equal(await isUnchanged(file, object(`"${md5.toUpperCase()}"`)), true);
  assert.equal(await isUnchanged(file, object(`"${'0'.repeat(32)}"`, '2026-05-02T00:00:00.000Z')), false, 'same size, other content');
  assert.equal(await isUnchanged(file, object(`"${md5}"`, undefined, data.length + 1)), false, 'other size');
  // A multipart ETag is no MD5: the dates decide.
  assert.equal(await isUnchanged(file, object(`"${md5}-3"`, '2026-05-01T10:00:01.000Z')), true, 'uploaded after the last change');
  assert.equal(await isUnchanged(file, object(`"${md5}-3"`, '2026-05-01T09:59:59.000Z')), false, 'changed after the upload');
  assert.equal(await isUnchanged(file, { kind: 'object', key: 'code/train.py', size: data.length, etag: `"${md5}-3"` }), false, 'no date: sent again');
});
