import * as vscode from 'vscode';
import { maskedAccessKey } from '../account/accountManager';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { accessAddresses, type ServiceV2, type ServiceV2Flavor } from '../services/inferenceV2';
import { poolDisplayName } from '../services/pools';
import { checkServiceRegion } from '../services/serviceRegion';
import { joinParts, readableStatus } from '../views/format';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import { markdownTable } from '../views/markdownTable';
import { ResourceGroupNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import type { TableDocument, TableSection } from '../webviews/protocol';
import { cell, TablePanel } from '../webviews/tablePanel';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { pickRegion, requireServices, resolveTarget } from './resourceTarget';

const has = (capability: string) => withCapability(serviceV2Kind, capability);

/** Where and how a v2 service is reached: its address, its instances' pods, the flavors and pools services run on. */
export function registerServiceV2AccessCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.serviceV2.copyAccessAddress', async (node) => {
      const target = await resolveTarget(context, serviceV2Kind, node, has('canCopyAddress'));
      const services = requireServices(context);
      // The list leaves the addresses out (§4.2): the service's own GET has them.
      const latest = await withProgress(vscode.l10n.t('Loading real-time service "{0}"…', target.item.name), (signal) => services.inferenceV2.get(target.scope.region, target.item.id, signal));
      checkServiceRegion(latest, target.scope.region);
      const [address] = accessAddresses(latest);
      if (!address) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Real-time service "{0}" has no access address yet; it gets one once it runs.', latest.name), 'config');
      }
      await vscode.env.clipboard.writeText(address);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the access address of "{0}"', latest.name), 3000);
    }),
    registerCommand(context, 'modelarts.serviceV2.showExecLoginInfo', async (node) => {
      const target = await resolveTarget(context, serviceV2Kind, node, has('canLogin'));
      const services = requireServices(context);
      const { region } = target.scope;
      const text = await withProgress(vscode.l10n.t('Loading the instances of "{0}"…', target.item.name), (signal) => execLoginInfo(context, services, region, target.item, signal));
      await context.documents.show([region, 'servicesV2', `${target.item.name}-exec-login.md`], text, 'markdown');
    }),
    registerCommand(context, 'modelarts.serviceV2.showFlavors', async (node) => {
      const region = node instanceof ResourceGroupNode ? node.scope.region : await pickRegion(context, vscode.l10n.t('Flavors of which region?'));
      const services = requireServices(context);
      const document = await withProgress(vscode.l10n.t('Loading the flavors and pools of real-time services (v2)…'), (signal) => flavorsDocument(services, region, signal));
      return TablePanel.show(context, `flavorsV2/${region}`, document);
    }),
  ];
}

/**
 * Where to log in to a service's containers. The reference gives no shell or login endpoint for v2 services:
 * the document lists what the deployment, instance and pod APIs say (pods, their nodes and addresses) and how
 * a person gets a shell from there. It holds no credential: the signed-in access key is shown masked.
 */
async function execLoginInfo(context: CommandContext, services: ModelArtsServices, region: string, service: ServiceV2, signal: AbortSignal): Promise<string> {
  const latest = await services.inferenceV2.get(region, service.id, signal);
  checkServiceRegion(latest, region);
  const deployments = await services.inferenceV2.deployments(region, service.id, signal);
  const account = context.accounts.account;
  const lines = [
    `# ${vscode.l10n.t('Exec login to real-time service "{0}" (v2) in {1}', service.name, region)}`,
    '',
    vscode.l10n.t('The ModelArts API has no login endpoint for service instances. Open a shell in a pod from the console (the service\'s instance list, Remote Login), or, for a dedicated pool, with kubectl on the pool\'s cluster: `kubectl exec -it <pod> -- /bin/sh`.'),
    '',
    vscode.l10n.t('Signed in with access key {0}; the console and kubectl ask for their own credentials.', account ? maskedAccessKey(account) : vscode.l10n.t('(none)')),
  ];
  for (const deployment of deployments) {
    lines.push('', `## ${joinParts(vscode.l10n.t('Deployment {0}', deployment.name), readableStatus(deployment.status), deployment.version ? `v${deployment.version}` : undefined)}`, '');
    const instances = await services.inferenceV2.instances(region, service.id, deployment.name, signal);
    if (instances.length === 0) {
      lines.push(vscode.l10n.t('No instances: the deployment is not running.'));
      continue;
    }
    if (deployment.pool_id) {
      lines.push(vscode.l10n.t('On dedicated pool {0}: kubectl reaches these pods.', deployment.pool_id), '');
    }
    const rows = await Promise.all(
      instances.map(async (instance) =>
        (await services.inferenceV2.pods(region, service.id, deployment.name, instance.instance_name, signal)).map((pod) => [instance.instance_name, instance.status && readableStatus(instance.status), pod.pod_name, pod.status && readableStatus(pod.status), pod.pod_node_name, pod.pod_node_ip]),
      ),
    );
    const headers = [vscode.l10n.t('Instance'), vscode.l10n.t('Status'), vscode.l10n.t('Pod'), vscode.l10n.t('Pod status'), vscode.l10n.t('Node'), vscode.l10n.t('Node IP')];
    lines.push(markdownTable(headers, rows.flat()));
  }
  return [...lines, ''].join('\n');
}

function accelerator(flavor: ServiceV2Flavor): string | undefined {
  const gpu = flavor.gpu?.gpu ? `${flavor.gpu.gpu} × ${flavor.gpu.type ?? 'GPU'} (${flavor.gpu.gpu_memory ?? '?'})` : undefined;
  const npu = flavor.ascend?.npu ? `${flavor.ascend.npu} × ${flavor.ascend.type ?? 'NPU'} (${flavor.ascend.npu_memory ?? '?'})` : undefined;
  return gpu ?? npu;
}

function flavorTable(flavors: readonly ServiceV2Flavor[]): NonNullable<TableSection['table']> {
  const headers = [vscode.l10n.t('Flavor'), vscode.l10n.t('Category'), vscode.l10n.t('Architecture'), 'vCPUs', vscode.l10n.t('Memory'), vscode.l10n.t('Accelerator'), vscode.l10n.t('Note')];
  const rows = flavors.map((flavor) => {
    const note = flavor.sold_out ? vscode.l10n.t('sold out') : flavor.free ? vscode.l10n.t('free') : undefined;
    return [flavor.id, flavor.category, flavor.arch, flavor.vcpus, flavor.memory === undefined ? undefined : `${flavor.memory} MB`, accelerator(flavor), note].map(cell);
  });
  return { headers, rows, numeric: [3, 4] };
}

/** The public flavors, then each workspace's dedicated pools that are used for inference, as the inference service sees them. */
async function flavorsDocument(services: ModelArtsServices, region: string, signal: AbortSignal): Promise<TableDocument> {
  const [flavors, workspaces] = await Promise.all([services.inferenceV2.flavors(region, signal), services.workspaces.list(region, signal)]);
  const pools = (await Promise.all(workspaces.map(async (workspace) => (await services.pools.list(region, workspace.id, signal)).map((pool) => ({ pool, workspace: workspace.name }))))).flat();
  const forInference = pools.filter(({ pool }) => pool.spec?.scope?.includes('Infer'));
  const clusters = await Promise.all(forInference.map(({ pool }) => services.inferenceV2.cluster(region, pool.metadata.name, signal)));
  const sections: TableSection[] = [
    { table: flavorTable(flavors) },
    { heading: vscode.l10n.t('Dedicated pools for inference'), lines: forInference.length === 0 ? [vscode.l10n.t('No dedicated pool in {0} is used for inference.', region)] : [] },
    ...forInference.map(({ pool, workspace }, index): TableSection => {
      const cluster = clusters[index];
      return {
        heading: poolDisplayName(pool),
        lines: [
          `${vscode.l10n.t('Pool ID')}: ${pool.metadata.name}`,
          `${vscode.l10n.t('Workspace')}: ${workspace}`,
          `${vscode.l10n.t('Status')}: ${cluster.status ? readableStatus(cluster.status) : '—'}`,
          `${vscode.l10n.t('Categories')}: ${cluster.resource_categories?.join(', ') || '—'}`,
        ],
        table: flavorTable(cluster.flavors ?? []),
      };
    }),
  ];
  return { title: vscode.l10n.t('Real-time service (v2) flavors in {0}', region), sections };
}
