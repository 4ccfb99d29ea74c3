import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signedRequest } from '../../emulator/signedClient';
import { assertError, type ErrorAnswer, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api } = session;

interface Repository {
  name: string;
  namespace: string;
  path: string;
  num_images: number;
  tags: string[];
  total_range: number;
  updated_at: string;
}
interface Tag {
  Tag: string;
  path: string;
  digest: string;
  updated: string;
}

describe('SWR', () => {
  test('namespaces: the demo account\'s, with their access level', async () => {
    const answer = await api<{ namespaces: { id: number; name: string; auth: number; creator_name: string }[] }>('GET', '/v2/manage/namespaces');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.namespaces.map((namespace) => namespace.name), ['modelarts-demo', 'nlp-research', 'cv-team', 'ml-experiments', 'shared-base']);
    const shared = answer.body.namespaces[4];
    assert.deepEqual(shared, { id: shared.id, name: 'shared-base', creator_name: 'ops-admin', auth: 1 });
    assert.ok(Number.isInteger(shared.id));
    const filtered = await api<{ namespaces: { name: string }[] }>('GET', '/v2/manage/namespaces', { query: { filter: 'namespace::team' } });
    assert.deepEqual(filtered.body.namespaces.map((namespace) => namespace.name), ['cv-team']);
  });

  test('repositories: a bare array paged by string offset/limit, with Content-Range; by name through the filter', async () => {
    const seen: Repository[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = await api<Repository[]>('GET', '/v2/manage/repos', { query: { filter: `offset::${offset}|limit::50|order_column::name|order_type::asc` } });
      assert.equal(page.status, 200);
      assert.ok(Array.isArray(page.body));
      assert.equal(page.headers.get('content-range'), `${offset}-${page.body.length}/124`);
      seen.push(...page.body);
      if (page.body.length < 50) {
        break;
      }
    }
    assert.equal(seen.length, 124);
    assert.equal(new Set(seen.map((repository) => `${repository.namespace}/${repository.name}`)).size, 124);
    const names = seen.map((repository) => repository.name);
    assert.deepEqual(names, [...names].sort());
    const pytorch = seen.find((repository) => repository.name === 'pytorch-train');
    assert.deepEqual([pytorch?.path, pytorch?.num_images, pytorch?.tags, pytorch?.total_range], [
      'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/pytorch-train',
      3,
      ['2.0.1-cuda11.8', '2.1.0-cuda12.1', 'latest'],
      124,
    ]);
  });

  test('repositories: without offset or limit, the first 100 and no Content-Range; newest update first', async () => {
    const answer = await api<Repository[]>('GET', '/v2/manage/repos');
    assert.equal(answer.body.length, 100);
    assert.equal(answer.headers.get('content-range'), null);
    const updated = answer.body.map((repository) => Date.parse(repository.updated_at));
    assert.deepEqual(updated, [...updated].sort((a, b) => b - a));
    const oldestFirst = (await api<Repository[]>('GET', '/v2/manage/repos', { query: { order_column: 'updated_at', order_type: 'asc' } })).body.map((repository) => Date.parse(repository.updated_at));
    assert.deepEqual(oldestFirst, [...oldestFirst].sort((a, b) => a - b));
    assert.ok(oldestFirst[0] < updated[updated.length - 1], 'the oldest come first');
    // The parameter takes updated_at, the filter name, updated_time or tag_count (the SDK's field texts).
    assertError(await api('GET', '/v2/manage/repos', { query: { order_column: 'name', order_type: 'asc' } }), 400, 'SVCSTG.SWR.4000014', /order_column/);
    assertError(await api('GET', '/v2/manage/repos', { query: { filter: 'order_column::updated_at|order_type::desc' } }), 400, 'SVCSTG.SWR.4000014', /order_column/);
  });

  test('repositories: namespace and name as parameters or as filter=namespace::x|name::y', async () => {
    const byParameter = await api<Repository[]>('GET', '/v2/manage/repos', { query: { namespace: 'nlp-research', name: 'llama' } });
    const byFilter = await api<Repository[]>('GET', '/v2/manage/repos', { query: { filter: 'namespace::nlp-research|name::llama' } });
    assert.deepEqual(byParameter.body.map((repository) => repository.name), ['llama2-7b-lora']);
    assert.deepEqual(byFilter.body, byParameter.body);
    const experiments = await api<Repository[]>('GET', '/v2/manage/repos', { query: { filter: 'namespace::ml-experiments|offset::100|limit::50' } });
    assert.equal(experiments.body.length, 10);
    assert.equal(experiments.headers.get('content-range'), '100-10/110');
  });

  test('tags: paged, newest first, each with its full image path', async () => {
    const path = '/v2/manage/namespaces/shared-base/repos/base-nightly/tags';
    const first = await api<Tag[]>('GET', path, { query: { offset: '0', limit: '50' } });
    const second = await api<Tag[]>('GET', path, { query: { offset: '50', limit: '50' } });
    assert.deepEqual([first.body.length, second.body.length], [50, 10]);
    assert.equal(second.headers.get('content-range'), '50-10/60');
    const updated = [...first.body, ...second.body].map((tag) => Date.parse(tag.updated));
    assert.deepEqual(updated, [...updated].sort((a, b) => b - a));
    assertError(await api('GET', path, { query: { order_column: 'tag', order_type: 'asc' } }), 400, 'SVCSTG.SWR.4000014', /order_column/);
    const [latest] = (await api<Tag[]>('GET', '/v2/manage/namespaces/modelarts-demo/repos/pytorch-train/tags', { query: { tag: 'latest' } })).body;
    assert.equal(latest.path, 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/pytorch-train:latest');
    assert.match(latest.digest, /^sha256:[0-9a-f]{64}$/);
  });

  test('errors: unknown repository 404, bad limit and filter 400, no X-Project-Id 400', async () => {
    assertError(await api('GET', '/v2/manage/namespaces/modelarts-demo/repos/nope/tags'), 404, 'SVCSTG.SWR.4040010');
    assertError(await api('GET', '/v2/manage/repos', { query: { limit: '1001' } }), 400, 'SVCSTG.SWR.4000014');
    assertError(await api('GET', '/v2/manage/repos', { query: { filter: 'owner::me' } }), 400, 'SVCSTG.SWR.4000014');
    assertError(await signedRequest<ErrorAnswer>({ ...session.client, projectId: undefined }, 'GET', '/v2/manage/repos'), 400, 'SVCSTG.SWR.4000014');
  });

  test('regions are apart: cn-east-3 has its own namespace; a fresh account has none', async () => {
    const { emulator, client } = session;
    const east = await signedRequest<Repository[]>({ ...client, projectId: emulator.projectId('cn-east-3') }, 'GET', '/v2/manage/repos');
    assert.deepEqual(east.body.map((repository) => repository.path).sort(), [
      'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving',
      'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/drift-monitor',
    ]);
    emulator.addAccount('SWRFRESHAK0000000001', 'fresh-secret');
    const fresh = { url: emulator.url, ak: 'SWRFRESHAK0000000001', sk: 'fresh-secret', projectId: emulator.projectId('cn-north-4', 'SWRFRESHAK0000000001') };
    assert.deepEqual((await signedRequest(fresh, 'GET', '/v2/manage/repos')).body, []);
    assertError(await signedRequest<ErrorAnswer>({ ...fresh, projectId: client.projectId }, 'GET', '/v2/manage/repos'), 403, 'APIG.0302');
  });

  test('signatures are checked like everywhere else', async () => {
    assertError(await signedRequest<ErrorAnswer>({ ...session.client, sk: 'not-the-secret' }, 'GET', '/v2/manage/namespaces'), 401, 'APIG.0301');
  });
});

interface Vpc {
  id: string;
  name: string;
  cidr: string;
  status: string;
}
interface Subnet {
  id: string;
  name: string;
  vpc_id: string;
  cidr: string;
  availability_zone: string;
  status: string;
}
interface SecurityGroup {
  id: string;
  name: string;
  vpc_id: string;
  security_group_rules: { direction: string; port_range_min: number | null }[];
}

describe('VPC', () => {
  const base = '/v1/{project_id}';

  test('VPCs page by marker = last id; the default VPC is the Lite Servers\' one', async () => {
    const all = (await api<{ vpcs: Vpc[] }>('GET', `${base}/vpcs`)).body.vpcs;
    assert.deepEqual(all.map((vpc) => [vpc.name, vpc.cidr, vpc.status]), [
      ['vpc-default', '192.168.0.0/16', 'OK'],
      ['vpc-training', '172.16.0.0/16', 'OK'],
      ['vpc-inference', '10.10.0.0/16', 'OK'],
    ]);
    const first = (await api<{ vpcs: Vpc[] }>('GET', `${base}/vpcs`, { query: { limit: 2 } })).body.vpcs;
    const second = (await api<{ vpcs: Vpc[] }>('GET', `${base}/vpcs`, { query: { limit: 2, marker: first[1].id } })).body.vpcs;
    assert.deepEqual([...first, ...second].map((vpc) => vpc.id), all.map((vpc) => vpc.id));
    const [server] = (await api<{ data: { vpc_id: string; subnet_id: string }[] }>('GET', `${base}/dev-servers`)).body.data;
    assert.equal(server.vpc_id, all[0].id);
    const byId = (await api<{ vpcs: Vpc[] }>('GET', `${base}/vpcs`, { query: { id: all[2].id } })).body.vpcs;
    assert.deepEqual(byId.map((vpc) => vpc.name), ['vpc-inference']);
  });

  test('subnets and security groups of one VPC (vpc_id), paged by marker', async () => {
    const [defaultVpc, training] = (await api<{ vpcs: Vpc[] }>('GET', `${base}/vpcs`)).body.vpcs;
    const subnets = (await api<{ subnets: Subnet[] }>('GET', `${base}/subnets`, { query: { vpc_id: training.id } })).body.subnets;
    assert.deepEqual(subnets.map((subnet) => [subnet.name, subnet.cidr, subnet.availability_zone, subnet.status]), [
      ['subnet-train-a', '172.16.0.0/20', 'cn-north-4a', 'ACTIVE'],
      ['subnet-train-b', '172.16.16.0/20', 'cn-north-4b', 'ACTIVE'],
    ]);
    const [server] = (await api<{ data: { subnet_id: string }[] }>('GET', `${base}/dev-servers`)).body.data;
    const defaultSubnets = (await api<{ subnets: Subnet[] }>('GET', `${base}/subnets`, { query: { vpc_id: defaultVpc.id, limit: 1 } })).body.subnets;
    assert.deepEqual(defaultSubnets.map((subnet) => subnet.id), [server.subnet_id]);
    const next = (await api<{ subnets: Subnet[] }>('GET', `${base}/subnets`, { query: { vpc_id: defaultVpc.id, limit: 1, marker: defaultSubnets[0].id } })).body.subnets;
    assert.deepEqual(next.map((subnet) => subnet.name), ['subnet-notebooks']);

    const groups = (await api<{ security_groups: SecurityGroup[] }>('GET', `${base}/security-groups`, { query: { vpc_id: defaultVpc.id } })).body.security_groups;
    assert.deepEqual(groups.map((group) => group.name), ['sg-default', 'sg-ssh-only']);
    assert.deepEqual(groups[1].security_group_rules.map((rule) => [rule.direction, rule.port_range_min]), [['ingress', 22], ['egress', null]]);
    assert.equal((await api<{ security_groups: SecurityGroup[] }>('GET', `${base}/security-groups`)).body.security_groups.length, 4);
  });

  test('an unknown marker or a bad limit is 400; a fresh account has just the default VPC', async () => {
    const { emulator } = session;
    assertError(await api('GET', `${base}/vpcs`, { query: { marker: 'no-such-vpc' } }), 400, 'VPC.0101');
    assertError(await api('GET', `${base}/subnets`, { query: { limit: 0 } }), 400, 'VPC.0101');
    emulator.addAccount('VPCFRESHAK0000000001', 'fresh-secret');
    const fresh = { url: emulator.url, ak: 'VPCFRESHAK0000000001', sk: 'fresh-secret', projectId: emulator.projectId('cn-north-4', 'VPCFRESHAK0000000001') };
    assert.deepEqual((await signedRequest<{ vpcs: Vpc[] }>(fresh, 'GET', `${base}/vpcs`)).body.vpcs.map((vpc) => vpc.name), ['vpc-default']);
  });
});

interface KeyPairList {
  keypairs: { keypair: { name: string; type: string; scope: string; public_key: string; fingerprint: string; frozen_state: string } }[];
  page_info: { next_marker?: string; previous_marker?: string; current_count: number };
}

describe('KPS key pairs', () => {
  const path = '/v3/{project_id}/keypairs';

  test('every key pair once across pages; next_marker only while more follow', async () => {
    const first = (await api<KeyPairList>('GET', path, { query: { limit: 3 } })).body;
    assert.deepEqual(first.page_info, { next_marker: 'KeyPair-ci-runner', current_count: 3 });
    const second = (await api<KeyPairList>('GET', path, { query: { limit: 3, marker: first.page_info.next_marker as string } })).body;
    assert.deepEqual(second.page_info, { previous_marker: 'KeyPair-ci-runner', current_count: 1 });
    const names = [...first.keypairs, ...second.keypairs].map((entry) => entry.keypair.name);
    assert.deepEqual(names, ['KeyPair-demo', 'KeyPair-ops', 'KeyPair-ci-runner', 'KeyPair-old-laptop']);
    const demo = first.keypairs[0].keypair;
    assert.deepEqual([demo.type, demo.scope, demo.frozen_state], ['ssh', 'user', '0'], 'frozen_state is a string (the SDK\'s Keypair)');
    assert.match(demo.public_key, /^ssh-rsa \S+ KeyPair-demo$/);
    assert.equal(second.keypairs[0].keypair.frozen_state, '1');
  });

  test('the key pairs the seeded notebooks and Lite Servers name are listed in their regions', async () => {
    const names = (await api<KeyPairList>('GET', path)).body.keypairs.map((entry) => entry.keypair.name);
    const servers = (await api<{ data: { key_pair_name?: string }[] }>('GET', '/v1/{project_id}/dev-servers/all')).body.data;
    for (const name of new Set(servers.flatMap((server) => server.key_pair_name ?? []))) {
      assert.ok(names.includes(name), `${name} is listed`);
    }
    const east = (await signedRequest<KeyPairList>({ ...session.client, projectId: session.emulator.projectId('cn-east-3') }, 'GET', path)).body.keypairs;
    assert.deepEqual(east.map((entry) => entry.keypair.name), ['KeyPair-demo']);
  });

  test('an unknown marker is 400', async () => {
    assertError(await api('GET', path, { query: { marker: 'KeyPair-nope' } }), 400, 'KPS.0005');
  });
});
