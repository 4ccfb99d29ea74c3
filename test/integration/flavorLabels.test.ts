import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { uniqueFlavors } from '../../src/views/flavorText';
import { conversation, formMessage, label, type Node, type Panel, signedInSuite, until } from './harness';

describe('Every flavor picker and Flavor row reads as people say it, with the id after it', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const INQUIRY = '/v2/bills/ratings/on-demand-resources';
  const inquiries = () => under().emulator.requests.list({ method: 'POST', path: INQUIRY });
  const regionGroup = (name: string) => under().regionCategory(name);

  it('the v2 service form lists "… vCPU · … GB · price (id)", each flavor once, priced in one inquiry; the value stays the id', async () => {
    const options = await formMessage('modelarts.serviceV2.create', await under().category('Real-Time Services (v2)'), 'serviceV2Options');
    assert.equal(inquiries().length, 1, 'one inquiry for the whole list');
    const ids = options.flavors.map((flavor) => flavor.id);
    assert.equal(new Set(ids).size, ids.length, `no flavor twice: ${ids.join(', ')}`);
    for (const flavor of options.flavors) {
      assert.match(flavor.name, /^(.+ ×\d+ · )?\d+ vCPU · \d+ GB · .+ \(modelarts\.[\w.]+\)$/, flavor.name);
      assert.ok(flavor.name.endsWith(`(${flavor.id})`), flavor.name);
    }
    const named = (id: string) => options.flavors.find((flavor) => flavor.id === id)?.name;
    assert.equal(named('modelarts.vm.cpu.2u8g'), '2 vCPU · 8 GB · CN¥1.05/h (modelarts.vm.cpu.2u8g)');
    assert.equal(named('modelarts.vm.gpu.t4u8'), 'T4 ×1 · 8 vCPU · 32 GB · CN¥9.80/h (modelarts.vm.gpu.t4u8)');
    assert.equal(named('modelarts.vm.ascend.snt3pu8'), 'Ascend 310P3 ×1 · 8 vCPU · 32 GB · price unknown (modelarts.vm.ascend.snt3pu8)', 'BSS gave no price');
    assert.equal(named('modelarts.vm.cpu.1u4g.free'), '1 vCPU · 4 GB · free (modelarts.vm.cpu.1u4g.free)');
  });

  it('the v1 service form lists its specifications alike, priced by their billing code', async () => {
    const options = await formMessage('modelarts.serviceV1.create', await under().category('Real-Time Services (v1)'), 'serviceV1Options');
    const named = (id: string) => options.specifications.find((spec) => spec.id === id)?.name;
    assert.equal(named('modelarts.vm.cpu.2u'), '2 vCPU · 8 GB · CN¥1.05/h (modelarts.vm.cpu.2u)');
    assert.equal(named('modelarts.vm.gpu.v100'), 'V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h (modelarts.vm.gpu.v100)');
    assert.equal(named('modelarts.vm.ascend.a310'), 'Ascend 310 ×1 · 8 vCPU · 32 GB · price unknown (modelarts.vm.ascend.a310)');
  });

  it('the Lite Server form reads each flavor\'s specification as "… vCPU · … GB", its id after it; what it cannot read stays as given', async () => {
    const options = await formMessage('modelarts.devServer.create', await regionGroup('Lite Servers'), 'devServerOptions');
    const named = (id: string) => options.flavors.find((flavor) => flavor.flavor === id)?.name;
    assert.equal(named('p2s.2xlarge.8'), 'V100 32G ×1 · 8 vCPU · 64 GB · price unknown (p2s.2xlarge.8)');
    assert.equal(named('c7.4xlarge.2'), '16 vCPU · 32 GB · price unknown (c7.4xlarge.2)');
    assert.equal(named('physical.kat2ne.48xlarge.8.313t'), 'Ascend Snt9b ×8 · 192 vCPU · 1536 GB · price unknown (physical.kat2ne.48xlarge.8.313t)');
    const hps = options.flavors.find((flavor) => flavor.serverType === 'HPS');
    assert.ok(hps, 'an HPS flavor is listed');
    assert.equal(hps.name, `${hps.specification} · price unknown (${hps.flavor})`, 'a specification of another form is not half read');
    const asked = inquiries().flatMap((inquiry) => (JSON.parse(inquiry.body ?? '{}') as { product_infos: { resource_spec: string }[] }).product_infos.map((product) => product.resource_spec));
    assert.ok(asked.includes('modelarts.lite.p2s.2xlarge.8'), `the SKU code is asked: ${asked.join(', ')}`);
  });

  it('the pool form lists its flavors alike, priced by their billing code in one inquiry', async () => {
    const options = await formMessage('modelarts.pool.create', await under().category('Resource Pools'), 'poolOptions');
    const named = (id: string) => options.flavors.find((flavor) => flavor.id === id)?.name;
    assert.equal(named('modelarts.vm.cpu.4ud'), '4 vCPU · 16 GB · CN¥2.10/h (modelarts.vm.cpu.4ud)');
    assert.equal(named('modelarts.bm.gpu.8v100'), 'V100 32G ×8 · 72 vCPU · 512 GB · price unknown (modelarts.bm.gpu.8v100)', 'BSS gave no price');
    assert.equal(named('modelarts.bm.npu.arm.8snt9b3.d'), 'Ascend snt9b ×8 · 192 vCPU · 1536 GB · price unknown (modelarts.bm.npu.arm.8snt9b3.d)');
    assert.deepEqual(options.flavors.filter((flavor) => flavor.name.includes('/h (')).map((flavor) => flavor.id), ['modelarts.vm.cpu.4ud'], 'one flavor priced');
    assert.equal(inquiries().length, 1, 'one inquiry for the whole list');
    const asked = (JSON.parse(inquiries()[0].body ?? '{}') as { product_infos: { resource_spec: string }[] }).product_infos.map((product) => product.resource_spec);
    assert.ok(asked.includes('modelarts.pool.vm.cpu.4ud') && asked.length === options.flavors.length, `each flavor's billing code is asked: ${asked.join(', ')}`);
  });

  it('a training job\'s Flavor row reads the same in its hover and its details panel', async () => {
    const category = await under().category('Training Jobs');
    const rows = await under().explorer.getChildren(category);
    const job = rows.find((node) => / · p3\.large\.public · /.test(String(node.getTreeItem().description)));
    assert.ok(job, `a seeded job on modelarts.p3.large.public among ${rows.map(label).join(', ')}`);
    const expected = 'V100 ×1 · 8 vCPU · 64 GB (modelarts.p3.large.public)';
    const tooltip = await under().tooltip(job);
    const hover = (typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.ok(hover.includes(expected), hover);

    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', job)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { view } = await talk.next('details', (message) => message.view.fields.some((field) => field.label === 'Flavor'));
      assert.equal(view.fields.find((field) => field.label === 'Flavor')?.value, expected);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  /** The tooltip VS Code shows on hover, resolved as VS Code resolves it, without markdown escapes. */
  async function hover(node: Node): Promise<string> {
    const tooltip = await under().tooltip(node);
    return (typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  }

  it('a notebook\'s Flavor row reads the same in its hover and details panel, from the flavor list read once a session', async () => {
    const flavorLists = () => under().emulator.requests.count({ method: 'GET', path: /\/notebooks\/flavors$/ });
    const rows = await under().explorer.getChildren(await under().category('Notebooks'));
    assert.equal(flavorLists(), 0, 'listing reads no flavor list');
    const expected = 'Flavor: 8 vCPU · 32 GB (modelarts.vm.cpu.8u)';
    const running = rows.find((node) => label(node) === 'rec-sys-deepfm');
    const stopped = rows.find((node) => label(node) === 'feature-eng-xgboost');
    assert.ok(running && stopped, 'the seeded running and stopped notebooks on modelarts.vm.cpu.8u');
    const runningHover = await hover(running);
    assert.ok(runningHover.includes(expected) && runningHover.includes('Flavor price: CN¥4.20/h'), runningHover);
    assert.ok((await hover(stopped)).includes(expected));
    assert.equal(flavorLists(), 1, 'one flavor list for both hovers');

    const panel = (await vscode.commands.executeCommand('modelarts.notebook.showDetails', running)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      // The first view shows the id the notebook gives; the refresh that follows at once describes it.
      const { view } = await talk.next('details', (message) => message.view.fields.some((field) => field.label === 'Flavor' && field.value.includes('vCPU')));
      assert.equal(`Flavor: ${view.fields.find((field) => field.label === 'Flavor')?.value}`, expected);
    } finally {
      talk.dispose();
      panel.dispose();
    }
    assert.equal(flavorLists(), 1, 'the panel reads no flavor list again');
  });

  it('a Lite Server\'s hover describes its flavor from the flavor list; a pay-per-use one shows its SKU\'s hourly price, a yearly/monthly one none', async () => {
    const named = async (name: string) => (await under().explorer.getChildren(await regionGroup('Lite Servers'))).find((node) => label(node) === name);
    const prepaid = await named('lite-a800-train-01');
    assert.ok(prepaid);
    const prepaidHover = await hover(prepaid);
    assert.ok(prepaidHover.includes('Flavor: A800 80G ×8 · 128 vCPU · 2048 GB (physical.pi-a800.32xlarge.8)'), prepaidHover);
    assert.doesNotMatch(prepaidHover, /price/, 'a yearly/monthly server is not priced by the hour');
    const unrated = await named('lite-cpu-etl');
    assert.ok(unrated);
    const unratedHover = await hover(unrated);
    assert.ok(unratedHover.includes('Flavor: 16 vCPU · 32 GB (c7.4xlarge.2)') && unratedHover.includes('Flavor price: price unknown'), unratedHover);
    // The seeded Kunpeng server is created at start-up and runs one transition (300 ms) later.
    const kunpeng = await until(() => named('lite-kunpeng-build'), (node) => node !== undefined && /^Running/.test(String(node.getTreeItem().description)), 'the Kunpeng server running');
    assert.ok(kunpeng);
    const kunpengHover = await hover(kunpeng);
    // CN¥3.36 is the price of its SKU code, modelarts.lite.kc2.4xlarge.4, which the flavor list gives.
    assert.ok(kunpengHover.includes('Flavor: 16 vCPU · 64 GB (kc2.4xlarge.4)') && kunpengHover.includes('Flavor price: CN¥3.36/h'), kunpengHover);
  });

  it('a v2 deployment\'s hover reads the deployment (its list leaves out the resources) and describes its flavor', async () => {
    const services = await under().explorer.getChildren(await under().category('Real-Time Services (v2)'));
    const groups = (await Promise.all(services.map((service) => under().explorer.getChildren(service)))).flat();
    const deployments = (await Promise.all(groups.map((group) => under().explorer.getChildren(group)))).flat();
    const described: string[] = [];
    for (const deployment of deployments.filter((node) => String(node.getTreeItem().contextValue).startsWith('serviceV2Deployment '))) {
      described.push(await hover(deployment));
    }
    assert.ok(
      described.some((text) => /Resources: \d+ × (.+ ×\d+ · )?\d+ vCPU · \d+ GB \(modelarts\.[\w.]+\)/.test(text)),
      described.join('\n---\n'),
    );
  });

  // The emulator never lists a flavor twice, so the pickers' merge is checked on a listing that does.
  it('a flavor listed twice (two listings or pages) is offered once, as first listed', () => {
    const listed = [
      { id: 'modelarts.vm.cpu.2u', listing: 'first page' },
      { id: 'modelarts.vm.gpu.v100', listing: 'first page' },
      { id: 'modelarts.vm.cpu.2u', listing: 'second page' },
    ];
    const offered = uniqueFlavors(listed, (flavor) => flavor.id);
    assert.deepEqual(offered, listed.slice(0, 2));
  });
});
