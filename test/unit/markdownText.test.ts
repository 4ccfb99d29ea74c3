// Security regression: cloud text inside markdown (tooltips, chat, documents) stays text. What VS Code renders is proven
// in the extension host (test/integration/cloudText.test.ts); these pin the escaping rules themselves.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownTable, markdownText } from '../../src/views/markdownTable';

const COMMAND_LINK = '[Show details](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%22%7D)';

describe('markdownText', () => {
  test('escapes every ASCII punctuation character, so no link, autolink, image, HTML or emphasis can start', () => {
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    assert.equal(markdownText(punctuation), [...punctuation].map((char) => `\\${char}`).join(''));
    assert.equal(markdownText(`a ${COMMAND_LINK}`).includes(']('), false);
    assert.equal(markdownText('<https://attacker.test> www.attacker.test a@b.com'), '\\<https\\:\\/\\/attacker\\.test\\> www\\.attacker\\.test a\\@b\\.com');
  });

  test('keeps letters, digits, spaces and line breaks (as hard breaks)', () => {
    assert.equal(markdownText('Computer vision 2024\nsecond line'), 'Computer vision 2024  \nsecond line');
  });
});

describe('markdownTable cells', () => {
  const cell = (value: string) => markdownTable(['h'], [[value]]).split('\n')[2].slice(2, -2);

  test('a link, an image, an angle autolink or HTML in a cell is escaped', () => {
    assert.equal(cell(COMMAND_LINK), COMMAND_LINK.replace('[', '\\[').replace(']', '\\]'));
    assert.equal(cell('![x](https://attacker.test/p.png)'), '!\\[x\\](https\\://attacker.test/p.png)');
    assert.equal(cell('<file:///etc/passwd> <img src=x>'), '\\<file:///etc/passwd\\> \\<img src=x\\>');
  });

  test('a bare address, www. name or e-mail is broken, so GFM does not link it', () => {
    assert.equal(cell('see https://attacker.test/x, HTTP://a.test, ftp://a.test or WWW.attacker.test or a@b.com'), 'see https\\://attacker.test/x, HTTP\\://a.test, ftp\\://a.test or WWW\\.attacker.test or a\\@b.com');
  });

  test('ids and flavors read as they are; pipes and backslashes keep the table whole', () => {
    assert.equal(cell('physical.pi-a800.32xlarge.8 8*A800-80G job_1 obs://bucket/a.txt'), 'physical.pi-a800.32xlarge.8 8*A800-80G job_1 obs://bucket/a.txt');
    assert.equal(cell('a|b\\c\nd'), 'a\\|b\\\\c d');
  });
});
