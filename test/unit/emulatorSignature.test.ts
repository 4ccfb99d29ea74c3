import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  computeSignature,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  type SignableRequest,
  signHeaders,
} from '../../emulator/signature';
import { Router } from '../../emulator/router';

// Test vectors from modelarts-api.md §9.1 (PY-SDK tests/test_signer.py).
const vectorRequest = (method: string, body: string): SignableRequest => ({
  method,
  path: '/resources',
  query: 'size=1',
  headers: {
    host: 'service.endpoint.myhuaweicloud.com',
    'x-sdk-date': '20200608T023900Z',
    test_underscore: 'TEST_VALUE',
  },
  body,
});

test('GET vector reproduces the documented canonical request and signature', () => {
  const request = vectorRequest('GET', '');
  assert.equal(
    canonicalRequest(request, ['host', 'x-sdk-date']),
    'GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  assert.equal(computeSignature(request, ['host', 'x-sdk-date'], 'SecretKey'), 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842');
});

test('POST vector reproduces the documented signature', () => {
  const request = vectorRequest('POST', '{"name":"test","id":1}');
  assert.equal(computeSignature(request, ['host', 'x-sdk-date'], 'SecretKey'), '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f');
});

test('a different secret key gives a different signature', () => {
  assert.notEqual(computeSignature(vectorRequest('GET', ''), ['host', 'x-sdk-date'], 'OtherKey'), 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842');
});

test('canonical URI encodes each segment once and always ends with a slash', () => {
  assert.equal(canonicalUri('/v1/abc/notebooks'), '/v1/abc/notebooks/');
  assert.equal(canonicalUri('/v1/abc/'), '/v1/abc/');
  assert.equal(canonicalUri('/a b/c%20d/e:f'), '/a%20b/c%20d/e%3Af/');
});

test('canonical query sorts keys and repeated values and uses RFC 3986 encoding', () => {
  assert.equal(canonicalQuery(''), '');
  assert.equal(canonicalQuery('b=2&a=x+y&a=%21&c'), 'a=%21&a=x%20y&b=2&c=');
  assert.equal(canonicalQuery('name=bert*~'), 'name=bert%2A~');
});

test('Authorization header parsing', () => {
  const parsed = parseAuthorization('SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;X-Sdk-Date, Signature=ABCD');
  assert.deepEqual(parsed, { access: 'AK1', signedHeaders: ['host', 'x-sdk-date'], signature: 'abcd' });
  assert.equal(parseAuthorization('Bearer xyz'), undefined);
  assert.equal(parseAuthorization('SDK-HMAC-SHA256 Access=AK1, Signature=ab'), undefined);
});

test('X-Sdk-Date formatting round-trips', () => {
  const date = new Date(Date.UTC(2020, 5, 8, 2, 39, 0));
  assert.equal(formatSdkDate(date), '20200608T023900Z');
  assert.equal(parseSdkDate('20200608T023900Z'), date.getTime());
  assert.equal(parseSdkDate('2020-06-08T02:39:00Z'), undefined);
});

test('signHeaders signs every header it sends, including the date it adds', () => {
  const headers = signHeaders(
    { method: 'GET', path: '/resources', query: 'size=1', headers: { Host: 'service.endpoint.myhuaweicloud.com', 'X-Sdk-Date': '20200608T023900Z' }, body: '' },
    'AccessKey',
    'SecretKey',
  );
  assert.equal(
    headers.Authorization,
    'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  );
});

test('router: literal segments win over captures, captures still match elsewhere', () => {
  const router = new Router<string>()
    .add('GET', '/v1/{project_id}/notebooks/{id}', 'show')
    .add('GET', '/v1/{project_id}/notebooks/flavors', 'flavors')
    .add('DELETE', '/v1/{project_id}/notebooks/{id}', 'delete');
  assert.deepEqual(router.match('GET', '/v1/p1/notebooks/flavors'), { handler: 'flavors', params: { project_id: 'p1' } });
  assert.deepEqual(router.match('GET', '/v1/p1/notebooks/n1'), { handler: 'show', params: { project_id: 'p1', id: 'n1' } });
  assert.deepEqual(router.match('DELETE', '/v1/p1/notebooks/flavors'), { handler: 'delete', params: { project_id: 'p1', id: 'flavors' } });
  assert.equal(router.match('POST', '/v1/p1/notebooks/n1'), undefined);
  assert.equal(router.match('GET', '/v1/p1/notebooks/n1/extra'), undefined);
});
