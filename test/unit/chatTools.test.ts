import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inputProblems, type JsonSchema, unsupportedKeywords } from '../../src/chat/toolInput';
import { compact, lastLines, limitText, listResult, RESULT_MAX_CHARS, tablesResult } from '../../src/chat/toolResult';
import { collectFromCursor, type Page } from '../../src/services/paging';

const repoRoot = join(__dirname, '..', '..', '..');

interface DeclaredTool {
  readonly name: string;
  readonly displayName: string;
  readonly modelDescription: string;
  readonly inputSchema: JsonSchema;
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { languageModelTools: DeclaredTool[] } };
const declared = manifest.contributes.languageModelTools;

describe('Chat tool declarations (package.json)', () => {
  test('every tool is named modelarts_<verb>_<noun>, has a model description, and takes an object with only declared inputs', () => {
    assert.ok(declared.length >= 40, 'the tools are declared');
    for (const tool of declared) {
      assert.match(tool.name, /^modelarts_(list|get|start|stop|interrupt|reboot|delete|create)_[a-z]+(_[a-z0-9]+)*$/, tool.name);
      assert.ok(tool.modelDescription.length > 60, `${tool.name} describes itself to the model`);
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.inputSchema.additionalProperties, false, `${tool.name} refuses inputs it does not declare`);
      for (const required of tool.inputSchema.required ?? []) {
        assert.ok(required in (tool.inputSchema.properties ?? {}), `${tool.name} requires ${required}, which it declares`);
      }
    }
    assert.equal(new Set(declared.map((tool) => tool.name)).size, declared.length, 'names are unique');
  });

  test('the schemas use only keywords the input check understands', () => {
    for (const tool of declared) {
      assert.deepEqual(unsupportedKeywords(tool.inputSchema), [], tool.name);
    }
    assert.deepEqual(unsupportedKeywords({ type: 'object', properties: { a: { type: 'string', format: 'uri' } as JsonSchema } }), ['/a: format']);
  });

  test('tools that change something say that VS Code asks the user first; the others do not', () => {
    for (const tool of declared) {
      const changes = /^modelarts_(start|stop|interrupt|reboot|delete|create)_/.test(tool.name);
      assert.equal(tool.modelDescription.includes('asks the user to confirm'), changes, tool.name);
    }
  });

  test('no tool takes a password, key or token', () => {
    for (const tool of declared) {
      const inputs = Object.keys(tool.inputSchema.properties ?? {}).join(' ');
      assert.doesNotMatch(inputs, /pass|secret|token|accessKey|\bak\b|\bsk\b/i, tool.name);
    }
  });
});

describe('Chat tool input check', () => {
  const schema: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 8 },
      region: { type: 'string', pattern: '^[a-z]{2}-[a-z]+-\\d{1,2}$', description: 'a region id' },
      count: { type: 'integer', minimum: 1, maximum: 10 },
      storage: { type: 'string', enum: ['EVS', 'OBS'] },
      rows: { type: 'array', maxItems: 2, items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } } },
    },
  };

  test('valid input has no problems', () => {
    assert.deepEqual(inputProblems(schema, { name: 'nb', region: 'cn-north-4', count: 3, storage: 'OBS', rows: [{ name: 'a' }] }), []);
  });

  test('each problem names its field and what would be right', () => {
    assert.deepEqual(inputProblems(schema, 'nb'), ['input must be an object.']);
    assert.deepEqual(inputProblems(schema, {}), ['name is required.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', colour: 'red' }), ['colour is not an input of this tool (it takes name, region, count, storage, rows).']);
    assert.deepEqual(inputProblems(schema, { name: '' }), ['name must not be empty.']);
    assert.deepEqual(inputProblems(schema, { name: 'much-too-long' }), ['name must have at most 8 characters.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', region: 'Beijing' }), ['region "Beijing" does not match ^[a-z]{2}-[a-z]+-\\d{1,2}$ (a region id).']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', count: 2.5 }), ['count must be a whole number.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', count: 11 }), ['count must be from 1 to 10.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', count: '3' }), ['count must be a whole number.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', storage: 'SFS' }), ['storage must be one of "EVS", "OBS".']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', rows: [{}, { name: 1 }] }), ['rows[0].name is required.', 'rows[1].name must be a string.']);
    assert.deepEqual(inputProblems(schema, { name: 'nb', rows: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }), ['rows may hold at most 2 items.']);
  });

  test('several problems are all reported, so one correction fixes them', () => {
    assert.equal(inputProblems(schema, { count: 0, storage: 'x' }).length, 3);
  });
});

describe('Chat tool results', () => {
  test('a list is a table under its heading, with how to get more', () => {
    const text = listResult('Notebooks in cn-north-4: 2.', ['name', 'status'], [['a|b', 'RUNNING'], ['c', undefined]], 'More: cursor "0:1".');
    assert.equal(text, 'Notebooks in cn-north-4: 2.\n\n| name | status |\n| --- | --- |\n| a\\|b | RUNNING |\n| c | — |\n\nMore: cursor "0:1".');
    assert.equal(listResult('None here.', ['name'], []), 'None here.\n\n(none)');
  });

  test('a resource drops empty fields and shortens long strings and lists', () => {
    const long = 'x'.repeat(1000);
    const shown = compact({ a: null, b: '', c: [], d: {}, e: { f: undefined }, g: 0, h: false, i: long, j: Array.from({ length: 30 }, (_, index) => index) }, (text) => text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(shown), ['g', 'h', 'i', 'j']);
    assert.equal(shown.i, `${'x'.repeat(400)}… (600 more characters)`);
    assert.equal((shown.j as unknown[]).length, 26);
    assert.equal((shown.j as unknown[]).at(-1), '… 5 more');
  });

  test('results are cut at the limit, saying how much is left out', () => {
    assert.equal(limitText('abc', 5), 'abc');
    assert.equal(limitText('abcdefgh', 5), 'abcde\n… (cut: 3 more characters)');
    assert.ok(limitText(listResult('big', ['v'], Array.from({ length: 2000 }, () => ['y'.repeat(50)]))).length < RESULT_MAX_CHARS + 100);
  });

  test('a log keeps its last lines, within the limit', () => {
    assert.deepEqual(lastLines('1\n2\n3\n4\n', 2), { lines: '3\n4', omitted: 2 });
    const huge = Array.from({ length: 500 }, (_, index) => `${index} ${'z'.repeat(100)}`).join('\n');
    const kept = lastLines(huge, 500);
    assert.ok(kept.lines.length <= RESULT_MAX_CHARS);
    assert.ok(kept.lines.endsWith(`499 ${'z'.repeat(100)}`), 'the newest line is kept');
    assert.equal(kept.omitted, 500 - kept.lines.split('\n').length);
  });

  test('choices are one table per list', () => {
    const text = tablesResult('Choices:', { flavors: [{ id: 'f1', soldOut: false, categories: ['CPU', 'GPU'] }], images: [] });
    assert.equal(text, 'Choices:\n\nflavors (1):\n\n| id | soldOut | categories |\n| --- | --- | --- |\n| f1 | false | CPU, GPU |\n\nimages (0):\n\n(none)');
  });
});

describe('Listing from a cursor', () => {
  /** Pages of 4 items, 0..9, tokens "p1", "p2". */
  const pages: Record<string, Page<number>> = {
    first: { items: [0, 1, 2, 3], nextPageToken: 'p1', total: 10 },
    p1: { items: [4, 5, 6, 7], nextPageToken: 'p2', total: 10 },
    p2: { items: [8, 9], total: 10 },
  };
  const requested: (string | undefined)[] = [];
  const fetchPage = async (token: string | undefined): Promise<Page<number>> => {
    requested.push(token);
    return pages[token ?? 'first'];
  };
  const all = () => true;

  test('a page larger than the rows wanted is served in parts, and the cursors walk the whole list', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await collectFromCursor(fetchPage, { cursor, maxItems: 3, maxPages: 10, keep: all });
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('the total is reported only when nothing was filtered out', async () => {
    assert.equal((await collectFromCursor(fetchPage, { maxItems: 50, maxPages: 10, keep: all })).total, 10);
    const even = await collectFromCursor(fetchPage, { maxItems: 50, maxPages: 10, keep: (item) => item % 2 === 0 });
    assert.deepEqual(even, { items: [0, 2, 4, 6, 8], total: undefined });
  });

  test('a filter reads at most maxPages pages, then gives a cursor to go on', async () => {
    requested.length = 0;
    const page = await collectFromCursor(fetchPage, { maxItems: 50, maxPages: 2, keep: (item) => item > 8 });
    assert.deepEqual(page, { items: [], cursor: '0:p2' });
    assert.deepEqual(requested, [undefined, 'p1']);
    assert.deepEqual((await collectFromCursor(fetchPage, { cursor: page.cursor, maxItems: 50, maxPages: 2, keep: (item) => item > 8 })).items, [9]);
  });

  test('a cursor it did not give is refused with a message saying what to do', async () => {
    await assert.rejects(collectFromCursor(fetchPage, { cursor: 'page 2', maxItems: 5, maxPages: 1, keep: all }), /"page 2" is not a cursor this listing gave; leave it out/);
  });
});
