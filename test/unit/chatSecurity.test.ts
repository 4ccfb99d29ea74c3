// Security regression: what a model's input or a webview's message cannot smuggle in, and what a tool result cannot leak.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalInput, codeBlock, inlineCode } from '../../src/chat/confirmationText';
import { ConfirmedTargets } from '../../src/chat/confirmedTargets';
import { withoutSecretValues } from '../../src/chat/secretFields';
import { inputProblems, type JsonSchema } from '../../src/chat/toolInput';
import { compact, resourceResult } from '../../src/chat/toolResult';
import { Redactor } from '../../src/services/secrets';
import { checkObject, checkString } from '../../src/webviews/checks';
import { parseWebviewMessage } from '../../src/webviews/protocol';

const schema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string' },
    command: { type: 'string' },
    rows: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, value: { type: 'string' } } } },
  },
};

describe('Tool input: own properties only, one line unless multi-line', () => {
  test('__proto__, constructor and toString are unknown inputs, at the top and inside', () => {
    // JSON.parse makes "__proto__" an own property, as the input VS Code passes on arrives.
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const input: unknown = JSON.parse(`{"name":"nb","${key}":{"polluted":true}}`);
      assert.deepEqual(inputProblems(schema, input), [`${key} is not an input of this tool (it takes name, command, rows).`], key);
      const nested: unknown = JSON.parse(`{"name":"nb","rows":[{"name":"a","${key}":"x"}]}`);
      assert.deepEqual(inputProblems(schema, nested), [`rows[0].${key} is not an input of this tool (it takes name, value).`], key);
    }
  });

  test('a required input is read from the input itself, never from its prototype', () => {
    const inherited = Object.create({ name: 'from-the-prototype' }) as object;
    assert.deepEqual(inputProblems(schema, inherited), ['name is required.']);
  });

  test('a line break in a single-line field is refused, naming it; a multi-line field takes it', () => {
    assert.deepEqual(inputProblems(schema, { name: 'nb\n[x]: http://attacker.test' }), ['name must be one line: it holds a line break.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb\r' }), ['name must be one line: it holds a line break.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', rows: [{ name: 'A', value: 'x\ny' }] }), ['rows[0].value must be one line: it holds a line break.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', command: 'python a.py\n[x]: http://attacker.test' }), ['command must be one line: it holds a line break.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', command: 'python a.py\npython b.py' }, new Set(['command'])), []);
  });
});

describe('Webview messages: own properties only', () => {
  const check = checkObject<{ type: string }>({ type: checkString });

  test('__proto__, constructor and toString are unexpected fields', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      assert.equal(check(JSON.parse(`{"type":"x","${key}":{}}`)), `unexpected field "${key}"`, key);
    }
  });

  test('a field is never read from the prototype', () => {
    assert.equal(check(Object.create({ type: 'inherited' })), 'type: expected a string');
  });

  test('a message type named after an Object.prototype member is unknown, not a crash', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      assert.deepEqual(parseWebviewMessage({ type }), { problem: `unknown message type ${JSON.stringify(type)}` }, type);
    }
    assert.deepEqual(parseWebviewMessage(Object.create({ type: 'ready' })), { problem: 'unknown message type undefined' });
  });
});

describe('Confirmation text', () => {
  test('inline code holds any backticks, with a fence longer than any run of them', () => {
    assert.equal(inlineCode('plain'), '`plain`');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('``x```'), '```` ``x``` ````', 'padded: it starts and ends with backticks');
    assert.equal(inlineCode(' a '), '`  a  `', 'padded: CommonMark would drop its own spaces');
    assert.equal(inlineCode('[x](command:evil)'), '`[x](command:evil)`');
    assert.equal(inlineCode(''), '(empty)');
  });

  test('a code block holds every line, and no line of it can close the block', () => {
    const command = 'python train.py\n[x]: http://attacker.test/\n```\n<!-- hidden -->';
    const block = codeBlock(command);
    assert.equal(block, `\`\`\`\`text\n${command}\n\`\`\`\``);
    const lines = block.split('\n');
    assert.deepEqual(lines.slice(1, -1), command.split('\n'), 'the value whole, line by line');
    assert.ok(lines.slice(1, -1).every((line) => !/^ {0,3}````/.test(line)), 'no inner line closes the fence');
  });

  test('the canonical input does not depend on the order of keys', () => {
    assert.equal(canonicalInput({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 2 } }), canonicalInput({ a: { c: 2, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    assert.notEqual(canonicalInput({ name: 'a' }), canonicalInput({ name: 'b' }));
  });
});

describe('Confirmed targets', () => {
  const same = (a: string, b: string) => a === b;

  test('a call takes what its confirmation named, once', () => {
    const targets = new ConfirmedTargets<string>(same);
    targets.remember({ name: 'nb', region: 'r' }, 'id-A');
    assert.deepEqual(targets.take({ region: 'r', name: 'nb' }), { target: 'id-A' });
    assert.equal(targets.take({ region: 'r', name: 'nb' }), 'none', 'taken once');
    assert.equal(targets.take({ name: 'other' }), 'none', 'no confirmation: refused, never guessed');
  });

  test('confirmations of one input naming different targets make the call refused', () => {
    const targets = new ConfirmedTargets<string>(same);
    targets.remember({ name: 'nb' }, 'id-A');
    targets.remember({ name: 'nb' }, 'id-B');
    assert.equal(targets.take({ name: 'nb' }), 'ambiguous');
    targets.remember({ name: 'nb' }, 'id-A');
    targets.remember({ name: 'nb' }, 'id-A');
    assert.deepEqual(targets.take({ name: 'nb' }), { target: 'id-A' }, 'the same target twice is no doubt');
  });
});

describe('Tool results keep secrets', () => {
  const redactor = new Redactor();
  const token = `T${'k'.repeat(498)}Z`;
  redactor.add(token);
  const redact = (text: string) => redactor.redact(text);

  test('a 500-character token is redacted before a string is shortened: no prefix of it is left', () => {
    const shown = JSON.stringify(compact({ field: `token=${token}` }, redact));
    assert.ok(!shown.includes('k'.repeat(20)), shown);
    const result = resourceResult('A job.', { description: `${'d'.repeat(390)}${token}` }, redact);
    assert.ok(!result.includes('k'.repeat(20)), result);
  });

  test('environment variables keep their names only, in every form the API gives them; secret fields are hidden', () => {
    const job = {
      algorithm: { environments: [{ DB_PASSWORD: 'hunter2-db', MODE: 'train' }], command: 'python a.py' },
      config: [{ envs: { API_KEY: 'key-value-1' } }],
      rows: { environment: [{ name: 'HW_SK', value: 'value-2' }] },
      admin_pass: 'Secret-Pass-123',
      endpoints: { jupyter: { token: 'jupyter-token-3', url: 'https://x' } },
      user_data: 'echo pass-4',
      secret_name: 'my-dew-secret',
      is_need_credentials: true,
    };
    const text = JSON.stringify(withoutSecretValues(job));
    for (const value of ['hunter2-db', 'train', 'key-value-1', 'value-2', 'Secret-Pass-123', 'jupyter-token-3', 'pass-4']) {
      assert.ok(!text.includes(value), `${value} in ${text}`);
    }
    for (const kept of ['DB_PASSWORD', 'MODE', 'API_KEY', 'HW_SK', 'python a.py', 'https://x', 'my-dew-secret']) {
      assert.ok(text.includes(kept), `${kept} kept in ${text}`);
    }
    assert.deepEqual((withoutSecretValues(job) as typeof job).algorithm.environments, { names: ['DB_PASSWORD', 'MODE'], values: 'not shown' });
    assert.ok(!resourceResult('A job.', job, redact).includes('hunter2-db'), 'a resource result goes through it');
  });
});
