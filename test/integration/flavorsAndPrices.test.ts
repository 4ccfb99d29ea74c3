import assert from 'node:assert/strict';
import { REFUSED_FLAVOR } from '../../emulator/areas/bss';
import { formMessage, label, type Node, signedInSuite } from './harness';

describe('Flavors as people say them, with their hourly prices', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const INQUIRY = '/v2/bills/ratings/on-demand-resources';
  const inquiries = () => under().emulator.requests.list({ method: 'POST', path: INQUIRY });

  /** The tooltip VS Code shows on hover, resolved as VS Code resolves it, without markdown escapes. */
  async function hover(node: Node): Promise<string> {
    const tooltip = await under().tooltip(node);
    return (typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  }

  it('a running notebook\'s hover shows its flavor\'s hourly price, asked on hover only, once', async () => {
    const rows = await under().explorer.getChildren(await under().category('Notebooks'));
    assert.equal(inquiries().length, 0, 'listing asks no price');
    const running = rows.find((node) => label(node) === 'rec-sys-deepfm');
    assert.ok(running, 'the seeded running notebook on modelarts.vm.cpu.8u');
    assert.equal(running.getTreeItem().tooltip, undefined, 'the hover is resolved when shown');
    assert.match(await hover(running), /Flavor price: CN¥4\.20\/h/);
    assert.equal(inquiries().length, 1);
    assert.match(await hover(running), /Flavor price: CN¥4\.20\/h/);
    assert.equal(inquiries().length, 1, 'a price is asked once per session');

    const stopped = rows.find((node) => label(node) === 'feature-eng-xgboost');
    assert.ok(stopped);
    assert.doesNotMatch(await hover(stopped), /price/, 'a stopped notebook costs no compute');
  });

  it('the notebook flavor picker reads "… vCPU · … GB" with the id, each flavor once, priced in one inquiry', async () => {
    const options = await formMessage('modelarts.notebook.create', await under().category('Notebooks'), 'notebookOptions');
    assert.equal(inquiries().length, 1, 'one inquiry for the whole picker');
    const ids = options.flavors.map((flavor) => flavor.id);
    assert.equal(new Set(ids).size, ids.length, `no flavor twice: ${ids.join(', ')}`);
    const named = (id: string) => options.flavors.find((flavor) => flavor.id === id)?.name ?? '';
    for (const flavor of options.flavors) {
      assert.match(flavor.name, /\d+ vCPU · \d+ GB · .+ \(modelarts\.[\w.]+\)$/, flavor.name);
      assert.ok(flavor.name.endsWith(`(${flavor.id})`), flavor.name);
    }
    assert.equal(named('modelarts.vm.gpu.v100'), 'V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h (modelarts.vm.gpu.v100)');
    assert.equal(named('modelarts.vm.cpu.2u'), '2 vCPU · 8 GB · CN¥1.05/h (modelarts.vm.cpu.2u)');
    assert.equal(named('modelarts.vm.gpu.a100'), 'A100 ×1 · 16 vCPU · 128 GB · price unknown (modelarts.vm.gpu.a100)', 'BSS gave no price');
    assert.equal(named('modelarts.vm.npu.arm.1snt9b'), 'Ascend snt9b ×1 · 24 vCPU · 192 GB · price unknown (modelarts.vm.npu.arm.1snt9b)');
    assert.equal(named('modelarts.vm.cpu.free'), '1 vCPU · 4 GB · free (modelarts.vm.cpu.free)', 'a free flavor is not asked');
    const asked = (JSON.parse(inquiries()[0].body ?? '{}') as { product_infos: { resource_spec: string }[] }).product_infos.map((product) => product.resource_spec);
    assert.ok(!asked.includes('modelarts.vm.cpu.free') && asked.includes('modelarts.vm.gpu.v100'), asked.join(', '));
  });

  it('a refused inquiry shows "price unknown" for every flavor it asked, never a figure', async () => {
    const options = await formMessage('modelarts.trainingJob.create', await under().category('Training Jobs'), 'trainingJobOptions');
    const [inquiry] = inquiries();
    assert.equal(inquiries().length, 1);
    assert.equal(inquiry.status, 403, 'BSS refuses an inquiry naming the refused flavor');
    const refused = options.flavors.find((flavor) => flavor.id === REFUSED_FLAVOR);
    assert.equal(refused?.name, `16 vCPU · 64 GB · price unknown (${REFUSED_FLAVOR})`);
    // modelarts.vm.cpu.8u was priced for the notebook picker: kept for the session, it is not asked again.
    const asked = (JSON.parse(inquiry.body ?? '{}') as { product_infos: { resource_spec: string }[] }).product_infos.map((product) => product.resource_spec);
    assert.ok(asked.length > 1 && !asked.includes('modelarts.vm.cpu.8u'), asked.join(', '));
    for (const flavor of options.flavors.filter((candidate) => asked.includes(candidate.id))) {
      assert.match(flavor.name, /· price unknown \(/, flavor.name);
    }
  });
});
