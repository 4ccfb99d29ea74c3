import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endpointFor, parseEndpointOverrides } from '../../../src/services/endpoints';
import { ModelArtsError } from '../../../src/services/errors';
import { collectPages, markerPage, pageIndexPage, recordOffsetPage, tokenToNumber } from '../../../src/services/paging';
import { backoffDelay, isRetryable, sleep, withRetry } from '../../../src/services/retry';
import { maskSecret, Redactor } from '../../../src/services/secrets';

describe('endpoints', () => {
  test('builds public endpoints per service and region', () => {
    assert.equal(endpointFor('modelarts', 'cn-north-4'), 'https://modelarts.cn-north-4.myhuaweicloud.com');
    assert.equal(endpointFor('swr', 'cn-east-3'), 'https://swr-api.cn-east-3.myhuaweicloud.com');
    assert.equal(endpointFor('modelarts', 'ap-southeast-1'), 'https://modelarts.ap-southeast-1.myhuaweicloud.cn');
    assert.equal(endpointFor('iam', 'ap-southeast-1'), 'https://iam.ap-southeast-1.myhuaweicloud.com');
  });

  test('overrides replace the table and lose a trailing slash', () => {
    assert.equal(endpointFor('modelarts', 'cn-north-4', { modelarts: 'http://127.0.0.1:9000/' }), 'http://127.0.0.1:9000');
    assert.equal(endpointFor('iam', 'cn-north-4', { modelarts: 'http://127.0.0.1:9000' }), 'https://iam.cn-north-4.myhuaweicloud.com');
  });

  test('reports unusable override entries instead of using them', () => {
    const { overrides, problems } = parseEndpointOverrides({ modelarts: 'http://127.0.0.1:1', iam: 'ftp://x', nova: 'http://y' });
    assert.deepEqual(overrides, { modelarts: 'http://127.0.0.1:1' });
    assert.equal(problems.length, 2);
    assert.match(problems.join('\n'), /iam must use https/);
    assert.match(problems.join('\n'), /unknown service "nova"/);
  });
});

describe('paging', () => {
  test('record offsets: the next token is the next record, none after the last', () => {
    assert.equal(recordOffsetPage([1, 2, 3], 0, 7).nextPageToken, '3');
    assert.equal(recordOffsetPage([7], 6, 7).nextPageToken, undefined);
  });

  test('page indexes: a full page has a next page unless the total says otherwise', () => {
    assert.equal(pageIndexPage([1, 2], 0, 2, 10).nextPageToken, '1');
    assert.equal(pageIndexPage([1, 2], 4, 2, 10).nextPageToken, undefined);
    assert.equal(pageIndexPage([1], 0, 2, undefined).nextPageToken, undefined);
  });

  test('markers: the next token is the marker the API gave, none for an empty page or without one', () => {
    assert.equal(markerPage(['a', 'b'], 'b').nextPageToken, 'b');
    assert.equal(markerPage(['a'], undefined).nextPageToken, undefined);
    assert.equal(markerPage([], 'b').nextPageToken, undefined);
  });

  test('a bad token reads as the first page', () => {
    assert.equal(tokenToNumber('-3'), 0);
    assert.equal(tokenToNumber('x'), 0);
    assert.equal(tokenToNumber('4'), 4);
  });

  test('collectPages stops at the limit', async () => {
    let calls = 0;
    const items = await collectPages(async (token) => {
      calls++;
      const start = tokenToNumber(token);
      return recordOffsetPage([start, start + 1, start + 2], start, 100);
    }, 7);
    assert.deepEqual(items, [0, 1, 2, 3, 4, 5, 6]);
    assert.equal(calls, 3);
  });
});

describe('retry policy', () => {
  const error = (kind: ModelArtsError['kind'], status?: number, code = 'X') => new ModelArtsError(code, 'm', kind, undefined, status);

  test('throttling is always retried, authentication never', () => {
    assert.equal(isRetryable(error('throttled', 429, 'APIG.0308'), false), true);
    assert.equal(isRetryable(error('service', 503, 'ModelArts.6101'), false), true);
    assert.equal(isRetryable(error('auth', 401, 'APIG.0301'), true), false);
    assert.equal(isRetryable(error('service', 400, 'ModelArts.6309'), true), false);
  });

  test('server errors, resets and timeouts are retried only when repeating is harmless', () => {
    assert.equal(isRetryable(error('service', 500), true), true);
    assert.equal(isRetryable(error('service', 500), false), false);
    assert.equal(isRetryable(error('network'), true), true);
    assert.equal(isRetryable(error('timeout'), false), false);
  });

  test('backoff grows exponentially up to the cap, with jitter below it', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(backoffDelay(1, policy, () => 1), 100);
    assert.equal(backoffDelay(3, policy, () => 1), 400);
    assert.equal(backoffDelay(10, policy, () => 1), 1000);
    assert.equal(backoffDelay(3, policy, () => 0.5), 200);
  });

  test('withRetry gives up after maxAttempts and rethrows the last error', async () => {
    let attempts = 0;
    await assert.rejects(
      withRetry(
        async () => {
          attempts++;
          throw error('throttled', 429, 'APIG.0308');
        },
        { policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, idempotent: true },
      ),
      (thrown: unknown) => thrown instanceof ModelArtsError && thrown.errorCode === 'APIG.0308',
    );
    assert.equal(attempts, 3);
  });

  test('a backoff wait ends at once when cancelled', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(waiting, (thrown: unknown) => thrown instanceof ModelArtsError && thrown.kind === 'cancelled');
  });
});

describe('secrets', () => {
  test('masks all but four characters at each end', () => {
    assert.equal(maskSecret('HPUAABCDEFGHIJKLWXYZ'), 'HPUA****WXYZ');
    assert.equal(maskSecret('short'), '****');
  });

  test('redacts every occurrence of every known secret', () => {
    const redactor = new Redactor();
    redactor.add('HPUAABCDEFGHIJKLWXYZ', 'sk-0123456789abcdef', undefined);
    assert.equal(redactor.redact('ak=HPUAABCDEFGHIJKLWXYZ sk=sk-0123456789abcdef again HPUAABCDEFGHIJKLWXYZ'), 'ak=HPUA****WXYZ sk=sk-0****cdef again HPUA****WXYZ');
  });
});
