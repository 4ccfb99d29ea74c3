/**
 * Update a v1 real-time service: instance count or specification of one of its
 * models, or its description. A quick input rather than the create form: an
 * update changes one value of a running service, right where the user is, and
 * the form's other fields (model, name, workspace) cannot change after creation.
 */
import * as vscode from 'vscode';
import type { ServiceV1, ServiceV1Config } from '../services/inferenceV1';
import { flavorPickItems } from '../views/flavorPrices';
import { serviceV1SpecFacts } from '../views/flavorText';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { withCapability } from '../views/resourceKind';
import { modelChoice, specChoice } from '../webviews/serviceV1Choices';
import { descriptionProblem, instanceCountProblem, specificationFits } from '../webviews/serviceV1FormRules';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** A config update redeploys these (§3.3); a stopped service takes the new config when it starts. */
const REDEPLOYED = new Set(['running', 'concerning', 'failed']);

/** The config entry as the update sends it back: the documented fields only. */
function sendable(config: ServiceV1Config): ServiceV1Config {
  const { model_id, specification, weight, instance_count, envs, custom_spec } = config;
  return { model_id, specification, weight, instance_count, envs, ...(custom_spec ? { custom_spec } : {}) };
}

const modelText = (config: ServiceV1Config): string => (config.model_name ? `${config.model_name} ${config.model_version ?? ''}`.trim() : config.model_id);

export function registerServiceV1Update(context: CommandContext): vscode.Disposable {
  return registerCommand(context, 'modelarts.serviceV1.update', async (node) => {
    const target = await resolveTarget(context, serviceV1Kind, node, withCapability(serviceV1Kind, 'canUpdate'));
    const services = requireServices(context);
    const { region } = target.scope;
    // The list leaves out the config (§3.4), and the update replaces all of it.
    const service = await withProgress(vscode.l10n.t('Loading real-time service "{0}"…', target.item.service_name), (signal) =>
      services.inferenceV1.get(region, target.item.service_id, signal),
    );
    const configs = service.config ?? [];
    const title = vscode.l10n.t('Update real-time service "{0}"', service.service_name);
    const choice = await pick(
      context.ui,
      [
        ...configs.flatMap((config, index) => [
          { label: vscode.l10n.t('Instances of {0}', modelText(config)), description: vscode.l10n.t('now {0}', config.instance_count), index, change: 'instances' as const },
          { label: vscode.l10n.t('Specification of {0}', modelText(config)), description: vscode.l10n.t('now {0}', config.specification), index, change: 'specification' as const },
        ]),
        { label: vscode.l10n.t('Description'), description: service.description || vscode.l10n.t('none'), index: -1, change: 'description' as const },
      ],
      { title },
    );
    if (choice.change === 'description') {
      const description = await ask(context.ui, { title, prompt: vscode.l10n.t('Description'), value: service.description ?? '', validateInput: descriptionProblem });
      await changeResourceState(context, target, vscode.l10n.t('Updating real-time service "{0}"…', service.service_name), async (services, signal) => {
        await services.inferenceV1.update(region, service.service_id, { description }, signal);
        return undefined;
      });
      return;
    }
    const current = configs[choice.index];
    const changed = choice.change === 'instances' ? { ...current, instance_count: await askInstances(context, title, current) } : { ...current, specification: await pickSpecification(context, region, title, current) };
    const redeployed = REDEPLOYED.has(service.status);
    if (redeployed && !(await confirmRedeploy(context, service))) {
      return;
    }
    const config = configs.map((entry, index) => sendable(index === choice.index ? changed : entry));
    await changeResourceState(context, target, vscode.l10n.t('Updating real-time service "{0}"…', service.service_name), async (services, signal) => {
      await services.inferenceV1.update(region, service.service_id, { config }, signal);
      return undefined; // read again: a running service is now deploying
    });
  });
}

async function askInstances(context: CommandContext, title: string, config: ServiceV1Config): Promise<number> {
  const answer = await ask(context.ui, {
    title,
    prompt: vscode.l10n.t('Instances of {0}', modelText(config)),
    value: String(config.instance_count),
    validateInput: (value) => instanceCountProblem(value.trim() === '' ? Number.NaN : Number(value)),
  });
  return Number(answer);
}

/** The specifications that meet the model's minimums; the current one is marked. */
async function pickSpecification(context: CommandContext, region: string, title: string, config: ServiceV1Config): Promise<string> {
  const services = requireServices(context);
  const fitting = await withProgress(vscode.l10n.t('Loading the specifications of real-time services…'), async (signal) => {
    const [specifications, model] = await Promise.all([services.inferenceV1.specifications(region, signal), services.models.get(region, config.model_id, signal)]);
    const needs = modelChoice(model, model.workspace_id ?? '');
    const fits = specifications.filter((spec) => specificationFits(specChoice(spec), needs));
    return flavorPickItems(services, region, fits, serviceV1SpecFacts, signal);
  });
  const picked = await pick(
    context.ui,
    fitting.map((item) => (item.id === config.specification ? { ...item, description: vscode.l10n.t('{0} · current', item.id) } : item)),
    { title, placeHolder: vscode.l10n.t('Specifications that meet the needs of {0}', modelText(config)), matchOnDescription: true },
  );
  return picked.id;
}

function confirmRedeploy(context: CommandContext, service: ServiceV1): Promise<boolean> {
  return confirmAction(
    context.ui,
    vscode.l10n.t('Update real-time service "{0}"?', service.service_name),
    vscode.l10n.t('It is redeployed with the new configuration and is deploying until its instances are ready.'),
    vscode.l10n.t('Update'),
  );
}
