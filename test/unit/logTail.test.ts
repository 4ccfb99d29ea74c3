import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LogTail } from '../../src/services/logTail';
import type { TrainingLog } from '../../src/services/trainingJobs';

/** The preview of `log` the API would answer: its newest `window` bytes and its full size. */
function preview(log: string, window = Number.MAX_SAFE_INTEGER): TrainingLog {
  const bytes = Buffer.from(log);
  const content = bytes.subarray(Math.max(0, bytes.length - window)).toString();
  return { content, currentSize: Buffer.byteLength(content), fullSize: bytes.length };
}

test('appends only what the log gained since the last preview', () => {
  const tail = new LogTail(1_000);
  assert.equal(tail.merge(preview('a\nb\n')), 'appended');
  assert.equal(tail.merge(preview('a\nb\n')), 'unchanged');
  assert.equal(tail.merge(preview('a\nb\nc\nd')), 'appended');
  // A line the previous preview cut short is continued, not repeated.
  assert.equal(tail.merge(preview('a\nb\nc\ndone\n', 6)), 'appended');
  assert.equal(tail.text, 'a\nb\nc\ndone\n');
  assert.equal(tail.omittedBytes, 0);
});

test('counts bytes, not characters: multi-byte text appends cleanly', () => {
  const tail = new LogTail(1_000);
  tail.merge(preview('损失=0.5 ✓\n'));
  tail.merge(preview('损失=0.5 ✓\n损失=0.4 ✓\n', 20));
  assert.equal(tail.text, '损失=0.5 ✓\n损失=0.4 ✓\n');
});

test('a log longer than the preview starts where the preview does, and says how much came before', () => {
  const tail = new LogTail(1_000);
  tail.merge(preview('0123456789\nnewest\n', 7));
  assert.deepEqual([tail.text, tail.omittedBytes], ['newest\n', 11]);
});

test('a restarted log, or a gap wider than one preview, replaces what was kept', () => {
  const restarted = new LogTail(1_000);
  restarted.merge(preview('first run, line 1\nfirst run, line 2\n'));
  assert.equal(restarted.merge(preview('second run\n')), 'replaced');
  assert.deepEqual([restarted.text, restarted.omittedBytes], ['second run\n', 0]);

  const gap = new LogTail(1_000);
  gap.merge(preview('a\n', 4));
  assert.equal(gap.merge(preview('a\nmissed\nseen\n', 5)), 'replaced');
  assert.deepEqual([gap.text, gap.omittedBytes], ['seen\n', 9]);
});

test('keeps at most the cap, dropping the oldest whole lines and counting their bytes', () => {
  const tail = new LogTail(12);
  tail.merge(preview('line-1\nline-2\n'));
  assert.deepEqual([tail.text, tail.omittedBytes], ['line-2\n', 7]);
  tail.merge(preview('line-1\nline-2\nline-3\nline-4\n'));
  assert.deepEqual([tail.text, tail.omittedBytes], ['line-4\n', 21]);
  // One line longer than the cap is cut inside the line rather than kept whole.
  tail.merge(preview('line-1\nline-2\nline-3\nline-4\nabcdefghijklmnopqrstuvwxyz'));
  assert.deepEqual([tail.text, tail.omittedBytes], ['opqrstuvwxyz', 42]);
});

test('the cap counts bytes: lines of multi-byte characters keep no more bytes than it allows', () => {
  const bar = '█████\n';
  assert.equal(Buffer.byteLength(bar), 16);
  const tail = new LogTail(40);
  tail.merge(preview(bar.repeat(5)));
  assert.deepEqual([tail.text, tail.omittedBytes], [bar.repeat(2), 48]);
  // A single line longer than the cap is cut at a character's first byte, never inside one.
  const long = new LogTail(10);
  long.merge(preview('██████████'));
  assert.deepEqual([long.text, long.omittedBytes], ['███', 21]);
});
