// Security regression: masked keys show at most four characters at each end, passwords none, and text cut
// out of a longer one (a log's newest part, a tail still growing) keeps no piece of a secret at the cut.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LogTail } from '../../src/services/logTail';
import { maskSecret, Redactor } from '../../src/services/secrets';
import type { TrainingLog } from '../../src/services/trainingJobs';

const AK = 'HPUAABCDEFGHIJKLWXYZ';
const SK = 'sk0123456789abcdefghijklmnopqrstuvwxyzSK';
const TOKEN = `gQpjbi1ub3J0aC00${'TokenBody'.repeat(40)}endOfTheToken`;
const PASSWORD = 'Root-Pass-2026!';

function redactor(): Redactor {
  const result = new Redactor();
  result.add(AK, SK, TOKEN);
  result.addPassword(PASSWORD);
  return result;
}

/** Every run of more than four characters of `secret` (start or end excluded as the mask shows them) found in `text`. */
function leakedPieces(text: string, secret: string, shownAtEnds = 4): string[] {
  const leaks: string[] = [];
  for (let start = 0; start < secret.length; start++) {
    for (let end = start + shownAtEnds + 1; end <= secret.length; end++) {
      const piece = secret.slice(start, end);
      // The mask itself shows the first and last four characters; nothing longer may appear.
      if (text.includes(piece)) {
        leaks.push(piece);
      }
    }
  }
  return leaks;
}

describe('masking', () => {
  test('a masked key shows four characters at each end at most; a short secret shows none', () => {
    assert.equal(maskSecret(AK), 'HPUA****WXYZ');
    for (const short of ['0123456789abc', '0123456789abcde', 'short']) {
      assert.equal(maskSecret(short), '****', short);
    }
    assert.equal(maskSecret('0123456789abcdef'), '0123****cdef');
  });

  test('a password shows no character at all, whatever its length', () => {
    const text = redactor().redact(`login ${PASSWORD} and ${PASSWORD}x20-long-password-value`);
    assert.equal(text, 'login **** and ****x20-long-password-value');
  });

  test('a token that holds a key is masked whole, not around the key', () => {
    const withKey = new Redactor();
    withKey.add(AK, `${AK}-and-more-of-the-token`);
    assert.equal(withKey.redact(`${AK}-and-more-of-the-token`), 'HPUA****oken');
  });
});

describe('redaction at a cut', () => {
  test('a text cut inside a secret keeps neither the piece before nor the piece after the cut', () => {
    const cutAt = 380;
    const whole = `export TOKEN=${TOKEN}\n`;
    const head = whole.slice(0, 'export TOKEN='.length + cutAt);
    const tail = whole.slice('export TOKEN='.length + cutAt);
    const shownHead = redactor().redact(head, { cutAfter: true });
    const shownTail = redactor().redact(tail, { cutBefore: true });
    assert.equal(shownHead, `export TOKEN=${TOKEN.slice(0, 4)}****`);
    assert.equal(shownTail, `****${TOKEN.slice(-4)}\n`);
    assert.deepEqual(leakedPieces(shownHead + shownTail, TOKEN), []);
    // The SK cut after ten characters: not one of them beyond the mask's four.
    assert.equal(redactor().redact(`sk=${SK.slice(0, 10)}`, { cutAfter: true }), `sk=${SK.slice(0, 4)}****`);
    // A password's first characters at a cut show nothing.
    assert.equal(redactor().redact(`pass=${PASSWORD.slice(0, 9)}`, { cutAfter: true }), 'pass=****');
  });

  test('text not cut is left alone, even when it ends like a secret starts', () => {
    assert.equal(redactor().redact(`sk=${SK.slice(0, 10)}`), `sk=${SK.slice(0, 10)}`);
  });
});

/** The preview of `log` the API would answer: its newest `window` bytes and its full size. */
function preview(log: string, window = Number.MAX_SAFE_INTEGER): TrainingLog {
  const bytes = Buffer.from(log);
  const content = bytes.subarray(Math.max(0, bytes.length - window)).toString();
  return { content, currentSize: Buffer.byteLength(content), fullSize: bytes.length };
}

describe('a followed log', () => {
  test('a secret split across two appended chunks never shows its first characters', () => {
    const tail = new LogTail(1_000_000);
    const line = `step 1\nHW_SECRET_KEY=${SK} HW_TOKEN=${TOKEN}\nstep 2\n`;
    const firstChunkEnd = line.indexOf(SK) + 20;
    tail.merge(preview(line.slice(0, firstChunkEnd)));
    const afterFirst = tail.shownText(redactor());
    assert.deepEqual(leakedPieces(afterFirst, SK), [], afterFirst);
    assert.ok(afterFirst.endsWith(`HW_SECRET_KEY=${SK.slice(0, 4)}****`), afterFirst);

    const secondChunkEnd = line.indexOf(TOKEN) + 399;
    assert.equal(tail.merge(preview(line.slice(0, secondChunkEnd))), 'appended');
    const afterSecond = tail.shownText(redactor());
    assert.deepEqual([...leakedPieces(afterSecond, SK), ...leakedPieces(afterSecond, TOKEN)], [], afterSecond);

    tail.merge(preview(line));
    assert.equal(tail.shownText(redactor()), `step 1\nHW_SECRET_KEY=${maskSecret(SK)} HW_TOKEN=${maskSecret(TOKEN)}\nstep 2\n`);
  });

  test('the kept window, cut inside a secret to stay within its cap, keeps no piece of it', () => {
    const log = `${'x'.repeat(50)}${TOKEN}\nlast line\n`;
    // The preview starts 300 characters into the token: only the token's end is received.
    const windowed = new LogTail(1_000_000);
    windowed.merge(preview(log, TOKEN.length - 300 + '\nlast line\n'.length));
    assert.ok(windowed.omittedBytes > 0);
    assert.equal(windowed.shownText(redactor()), `****${TOKEN.slice(-4)}\nlast line\n`);

    // The cap cuts inside the single line that holds the token.
    const capped = new LogTail(200);
    capped.merge(preview(`${TOKEN}end`));
    assert.deepEqual(leakedPieces(capped.shownText(redactor()), TOKEN), [], capped.shownText(redactor()));
  });
});
