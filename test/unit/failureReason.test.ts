// The one-line reason a failed resource's hover and details panel show (src/views/failureReason.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastErrorLine, reasonLine } from '../../src/views/failureReason';

test('a reason is one line of at most 200 characters, cut with an ellipsis on a whole character', () => {
  assert.equal(reasonLine('  Insufficient resources,\n please retry later.  '), 'Insufficient resources, please retry later.');
  assert.equal(reasonLine(' \n '), undefined);
  assert.equal(reasonLine(undefined), undefined);
  const long = `${'x'.repeat(198)}😀😀😀`;
  const cut = reasonLine(long) ?? '';
  assert.equal(Array.from(cut).length, 200);
  assert.ok(cut.endsWith('x😀…'), 'no half of a surrogate pair is left before the ellipsis');
  assert.equal(reasonLine('y'.repeat(200)), 'y'.repeat(200));
});

test("a log's reason is its last line naming an error, not the traceback's header nor the lines after", () => {
  const log = [
    'INFO epoch 0001 step 001/500 loss=2.3',
    'Traceback (most recent call last):',
    '  File "train.py", line 87, in train_one_epoch',
    'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB',
    '2025-01-01 10:00:00 [ModelArts Service Log]Training end with return code: 1',
    '',
  ].join('\n');
  assert.equal(lastErrorLine(log), 'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB');
  assert.equal(lastErrorLine('Traceback (most recent call last):\nINFO done\n'), undefined);
  assert.equal(lastErrorLine('step 1\r\nKilled\r\n'), 'Killed');
});
