// The console link table (src/console/consoleLinks.ts): every kind in its region on the site's host, deep links where
// the route is known, and cloud strings that never shape the link. The tree's kinds and the command are proven in the
// extension host: test/integration/consoleLinks.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONSOLE_KINDS, consoleSite, consoleUrl, isDeepLink } from '../../src/console/consoleLinks';
import { ModelArtsError } from '../../src/services/errors';

test('every kind links to a page of its console service, in the region asked, on the site asked', () => {
  for (const kind of CONSOLE_KINDS) {
    const china = new URL(consoleUrl({ kind, region: 'cn-north-4', id: 'abc-123' }, 'china'));
    assert.equal(china.origin, 'https://console.huaweicloud.com', kind);
    assert.equal(china.searchParams.get('region'), 'cn-north-4', kind);
    assert.match(china.pathname, /^\/(modelarts|obs|swr|vpc|evs|dew)\/$/, kind);
    const international = new URL(consoleUrl({ kind, region: 'ap-southeast-3', id: 'abc-123' }, 'international'));
    assert.equal(international.origin, 'https://console-intl.huaweicloud.com', kind);
    assert.equal(international.searchParams.get('region'), 'ap-southeast-3', kind);
    assert.equal(international.pathname, china.pathname, `${kind}: the same page on either site`);
  }
});

test('a kind whose page route is known links to the resource itself; the others to their list', () => {
  const id = '39cefbeb-0d86-46cb-a55a-fe6a62f3529b';
  assert.equal(consoleUrl({ kind: 'trainingJob', region: 'cn-north-4', id }, 'china'), `https://console.huaweicloud.com/modelarts/?region=cn-north-4#/training/detail/${id}`);
  assert.equal(consoleUrl({ kind: 'obsBucket', region: 'cn-east-3', id: 'my.bucket-1' }, 'china'), 'https://console.huaweicloud.com/obs/?region=cn-east-3#/obs/manage/my.bucket-1/overview');
  assert.equal(consoleUrl({ kind: 'obsObject', region: 'cn-east-3', id: 'my.bucket-1' }, 'china'), 'https://console.huaweicloud.com/obs/?region=cn-east-3#/obs/manage/my.bucket-1/object/list');
  assert.equal(consoleUrl({ kind: 'securityGroup', region: 'cn-north-4', id }, 'international'), `https://console-intl.huaweicloud.com/vpc/?region=cn-north-4#/secGroups/detail/${id}`);
  assert.equal(consoleUrl({ kind: 'notebook', region: 'cn-north-4', id }, 'china'), 'https://console.huaweicloud.com/modelarts/?region=cn-north-4#/dev-container');
  assert.equal(consoleUrl({ kind: 'keyPair', region: 'cn-north-4', id: 'my-key' }, 'china'), 'https://console.huaweicloud.com/dew/?region=cn-north-4#/dew/kps/kpsList/privateKey');
  assert.equal(consoleUrl({ kind: 'obsBucketGroup', region: 'cn-north-4' }, 'china'), 'https://console.huaweicloud.com/obs/?region=cn-north-4#/obs/manager/buckets');
  assert.equal(isDeepLink({ kind: 'trainingJob', region: 'cn-north-4', id }), true);
  assert.equal(isDeepLink({ kind: 'notebook', region: 'cn-north-4', id }), false);
});

test('an id that is not plain never reaches the link: the list page opens instead', () => {
  const hostile = ['../../x', 'a/b', 'x?region=evil', 'x#/other', '%2F..', '..', 'evil.test:443@', 'name with space', '<script>', 'ÿ'];
  for (const id of hostile) {
    for (const kind of ['trainingJob', 'obsBucket', 'vpc', 'securityGroup', 'devServerVolume', 'devServerPublicIp']) {
      const url = consoleUrl({ kind, region: 'cn-north-4', id }, 'china');
      assert.equal(url, consoleUrl({ kind, region: 'cn-north-4' }, 'china'), `${kind} "${id}": its list page`);
      assert.equal(isDeepLink({ kind, region: 'cn-north-4', id }), false);
    }
  }
});

test('a region that is not a region id is refused, never put in the link', () => {
  for (const region of ['x.attacker.test:9443/', 'cn-north-4#/evil', '', 'CN-NORTH-4']) {
    assert.throws(() => consoleUrl({ kind: 'notebook', region }, 'china'), ModelArtsError, region);
  }
  assert.throws(() => consoleUrl({ kind: 'workspace', region: 'cn-north-4' }, 'china'), /no console page/);
});

test('the site: the setting wins; auto follows the site the account answered on, else the region', () => {
  assert.equal(consoleSite('international', 'china', 'cn-north-4'), 'international');
  assert.equal(consoleSite('china', 'international', 'ap-southeast-3'), 'china');
  assert.equal(consoleSite('auto', 'international', 'cn-north-4'), 'international');
  assert.equal(consoleSite('auto', undefined, 'cn-north-4'), 'china');
  assert.equal(consoleSite('auto', undefined, 'ap-southeast-3'), 'international');
  assert.equal(consoleSite(undefined, 'china', 'la-south-2'), 'china');
});
