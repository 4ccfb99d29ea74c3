/**
 * Plugins of a pool (§5.1), one per plugin template: list and install (Pending → Running) are the SDK's; show,
 * PATCH (version/inputs: Updating → Running) and uninstall (Deleting → gone) of `…/plugins/{template_name}` are
 * the OTC API reference's (ShowPlugin, PatchPlugin, DeletePlugin), which the SDK lacks. Install body as the SDK
 * sends it: `{apiVersion:"v2", kind:"Plugin", spec:{template:{name, version?, inputs?}}}` (the SDK's field texts
 * swap the two values; the reference's example has these).
 */
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, ok, requestProject } from '../http';
import type { Router } from '../router';
import { optionalObject, optionalString, requiredObject, requiredString } from '../validate';
import { type PluginTemplate, pluginTemplate } from './poolCatalog';
import { mergePatch } from './poolFields';
import {
  type Gone,
  type PluginPhase,
  type PluginRecord,
  poolBadRequest,
  poolConflict,
  poolHandler,
  poolNotFound,
  type PoolRecord,
  requireActivePool,
  requirePool,
} from './poolModel';
import { pluginSpec, pluginView } from './poolView';

const PLUGINS = '/v2/{project_id}/pools/{pool_name}/plugins';

export function registerPoolPlugins(router: Router<Handler>): void {
  router
    .add('GET', PLUGINS, poolHandler(listPlugins))
    .add('POST', PLUGINS, poolHandler(createPlugin))
    .add('GET', `${PLUGINS}/{template_name}`, poolHandler(showPlugin))
    .add('PATCH', `${PLUGINS}/{template_name}`, poolHandler(patchPlugin))
    .add('DELETE', `${PLUGINS}/{template_name}`, poolHandler(deletePlugin));
}

function requirePlugin(request: ApiRequest, pool: PoolRecord): PluginRecord {
  const plugin = pool.plugins.get(request.params.template_name);
  if (!plugin) {
    throw poolNotFound(`Plugin ${request.params.template_name}`);
  }
  return plugin;
}

function showPlugin(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  return ok(pluginView(requirePlugin(request, pool), pool, request.now));
}

function versionOf(template: PluginTemplate, version: string): string {
  if (!template.versions.includes(version)) {
    throw poolBadRequest(`Invalid spec.template.version: ${template.name} has versions ${template.versions.join(', ')}.`);
  }
  return version;
}

function listPlugins(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  return ok({ apiVersion: 'v2', kind: 'PluginList', items: [...pool.plugins.values()].map((plugin) => pluginView(plugin, pool, request.now)) });
}

function createPlugin(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const body = bodyObject(request);
  const { now } = request;
  if (body.kind !== 'Plugin' || body.apiVersion !== 'v2') {
    throw poolBadRequest('Invalid kind or apiVersion: must be Plugin and v2.');
  }
  const spec = requiredObject(body, 'spec');
  const templateSpec = requiredObject(spec, 'template', 'spec.template');
  const name = requiredString(templateSpec, 'name', 'spec.template.name');
  const template = pluginTemplate(name);
  if (!template) {
    throw poolBadRequest(`Invalid spec.template.name: no plugin template ${name}.`);
  }
  if (pool.plugins.has(name)) {
    throw poolConflict(`Plugin ${name} is already installed in the resource pool.`);
  }
  const plugin: PluginRecord = {
    name,
    version: versionOf(template, optionalString(templateSpec, 'version', template.versions[0], 'spec.template.version')),
    inputs: { ...template.inputs, ...optionalObject(templateSpec, 'inputs', 'spec.template.inputs') },
    createdAt: now,
    timeline: new Timeline<PluginPhase | Gone>('Pending', now),
  };
  plugin.timeline.plan(now, [['Pending', requestProject(request).transitionMs]], 'Running');
  pool.plugins.set(name, plugin);
  return ok(pluginView(plugin, pool, now));
}

/** RFC 7386 merge into `spec.template` (its `name` is fixed). */
function patchPlugin(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const plugin = requirePlugin(request, pool);
  const { now } = request;
  if (plugin.timeline.status(now) === 'Deleting') {
    throw poolBadRequest(`Plugin ${plugin.name} is being deleted.`);
  }
  const body = bodyObject(request);
  const current = { template: { name: plugin.name, version: plugin.version, inputs: plugin.inputs } };
  const merged = body.spec === undefined ? current : mergePatch(current, body.spec);
  const templateSpec = isRecord(merged) ? merged.template : undefined;
  if (!isRecord(templateSpec) || templateSpec.name !== plugin.name) {
    throw poolBadRequest('Invalid spec.template: the template name cannot be changed.');
  }
  const template = pluginTemplate(plugin.name);
  plugin.version = template ? versionOf(template, requiredString(templateSpec, 'version', 'spec.template.version')) : plugin.version;
  plugin.inputs = optionalObject(templateSpec, 'inputs', 'spec.template.inputs') ?? {};
  plugin.timeline.plan(now, [['Updating', requestProject(request).transitionMs]], 'Running');
  // The reference's PatchPlugin answers the spec alone.
  return ok({ spec: pluginSpec(plugin) });
}

function deletePlugin(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  const plugin = requirePlugin(request, pool);
  const { now } = request;
  if (plugin.timeline.status(now) !== 'Deleting') {
    plugin.timeline.plan(now, [['Deleting', requestProject(request).transitionMs]], 'Deleted');
  }
  return ok(pluginView(plugin, pool, now));
}
