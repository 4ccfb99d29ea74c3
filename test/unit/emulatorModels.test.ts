import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, useEmulator } from './emulatorSession';

const { api, advance } = useEmulator(60_000);

interface Model {
  model_id: string;
  model_name: string;
  model_version: string;
  model_type: string;
  model_status: string;
  model_size: number;
  create_at: number;
  workspace_id: string;
  market_flag: boolean;
  subscription_id?: string;
  specification: { min_cpu?: string; min_memory?: string; min_gpu?: string; min_ascend?: string };
  source_location?: string;
}
interface ModelList {
  total_count: number;
  count: number;
  models: Model[];
}

const BASE = '/v1/{project_id}/models';
const list = (query: Record<string, string | number> = {}) => api<ModelList>('GET', BASE, { query });
const names = (answer: { body: ModelList }) => answer.body.models.map((model) => `${model.model_name} ${model.model_version}`);

test('custom and subscribed models of the default workspace, newest first', async () => {
  const listed = await list();
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.body.total_count, 9);
  const created = listed.body.models.map((model) => model.create_at);
  assert.deepEqual(created, [...created].sort((a, b) => b - a));
  const subscribed = listed.body.models.filter((model) => model.market_flag);
  assert.deepEqual(subscribed.map((model) => model.model_name).sort(), ['face-detect-lite', 'general-ocr']);
  assert.ok(subscribed.every((model) => model.subscription_id));
  assert.ok(listed.body.models.filter((model) => !model.market_flag).every((model) => model.subscription_id === undefined));
  const yolo = listed.body.models.find((model) => model.model_name === 'yolov8-traffic');
  assert.deepEqual(yolo?.specification, { min_cpu: '4', min_memory: '16384', min_gpu: '1' });
  assert.equal(yolo?.source_location, undefined, 'the list leaves out the source location');
});

test('a publishing model is published one transition later', async () => {
  const publishing = await list({ model_status: 'publishing' });
  assert.deepEqual(names(publishing), ['llama2-7b-chat 0.1.0']);
  advance();
  const shown = await api<Model>('GET', `${BASE}/${publishing.body.models[0].model_id}`);
  assert.equal(shown.body.model_status, 'published');
  assert.equal((await list({ model_status: 'publishing' })).body.total_count, 0);
});

test('model_name matches like SQL LIKE (_ is any character) unless exact_match', async () => {
  assert.deepEqual(names(await list({ model_name: 'mnist_cnn', sort_by: 'model_version', order: 'asc' })), ['mnist-cnn 1.0.0', 'mnist-cnn 1.1.0']);
  assert.equal((await list({ model_name: 'mnist_cnn', exact_match: 'true' })).body.total_count, 0);
  assert.equal((await list({ model_name: 'MNIST-CNN', exact_match: 'true' })).body.total_count, 2);
  assert.deepEqual(names(await list({ model_name: 'mnist', model_version: '1.0.0' })), ['mnist-cnn 1.0.0']);
});

test('filters by type, status and description; pages by page index; other workspaces apart', async () => {
  const images = await list({ model_type: 'Image' });
  assert.ok(images.body.models.every((model) => model.model_type === 'Image') && images.body.total_count === 2);
  const notImages = await list({ not_model_type: 'Image,Custom' });
  assert.ok(notImages.body.models.every((model) => model.model_type !== 'Image' && model.model_type !== 'Custom'));
  assert.deepEqual(names(await list({ model_status: 'failed' })), ['ocr-crnn 1.0.0']);
  assert.deepEqual(names(await list({ description: 'ai gallery' })).sort(), ['face-detect-lite 1.2.0', 'general-ocr 3.0.2']);
  const bySize = names(await list({ sort_by: 'model_size', order: 'asc' }));
  const page = await list({ sort_by: 'model_size', order: 'asc', limit: 3, offset: 2 });
  assert.deepEqual(names(page), bySize.slice(6, 9));
  assert.equal(page.body.count, 3);

  const workspaces = await api<{ workspaces: { id: string; name: string }[] }>('GET', '/v1/{project_id}/workspaces');
  const nlp = workspaces.body.workspaces.find((workspace) => workspace.name === 'nlp-research');
  assert.deepEqual(names(await list({ workspace_id: nlp?.id ?? '' })).sort(), ['chatglm-6b 1.0.0', 'ernie-ner 1.0.0']);
  assertError(await list({ sort_by: 'name' }), 400, 'ModelArts.0101');
});

test('show adds the source location; an unknown model is 404', async () => {
  const [first] = (await list({ model_name: 'bert' })).body.models;
  const shown = await api<Model>('GET', `${BASE}/${first.model_id}`);
  assert.equal(shown.status, 200, shown.text);
  assert.match(shown.body.source_location ?? '', /^https:\/\/.+\/bert-sentiment\/2\.0\.0\/model$/);
  assertError(await api('GET', `${BASE}/00000000-0000-4000-8000-000000000000`), 404, 'ModelArts.3003');
});
