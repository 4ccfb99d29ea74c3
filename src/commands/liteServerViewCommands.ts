import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { CatalogFilter } from '../services/devServers';
import { readableStatus } from '../views/format';
import { LiteServerGroupNode } from '../views/nodes/liteServerNodes';
import { RegionNode } from '../views/nodes/regionNodes';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { pickRegion, requireServices } from './resourceTarget';
import { pick } from './userInput';
import { cell, TablePanel } from '../webviews/tablePanel';
import type { TableSection } from '../webviews/protocol';

/** What the Lite Servers category offers besides its servers: whose servers it lists, and the flavors and images servers are built from. */
export function registerLiteServerViewCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.devServer.showAllUsers', (node) => listAllUsers(context, node, true)),
    registerCommand(context, 'modelarts.devServer.showOwn', (node) => listAllUsers(context, node, false)),
    registerCommand(context, 'modelarts.devServer.showFlavors', (node) => showCatalog(context, node, FLAVORS)),
    registerCommand(context, 'modelarts.devServer.showImages', (node) => showCatalog(context, node, IMAGES)),
  ];
}

/** A read-only table of what Lite Servers are built from, for one server type and architecture or all. */
interface Catalog {
  readonly slug: string;
  regionQuestion(): string;
  heading(region: string, platform: string): string;
  loading(): string;
  /** The table's header and rows. */
  load(services: ModelArtsServices, region: string, filter: CatalogFilter, signal: AbortSignal): Promise<NonNullable<TableSection['table']>>;
}

const FLAVORS: Catalog = {
  slug: 'flavors',
  regionQuestion: () => vscode.l10n.t('Lite Server flavors of which region?'),
  heading: (region, platform) => vscode.l10n.t('Lite Server flavors in {0} ({1})', region, platform),
  loading: () => vscode.l10n.t('Loading the Lite Server flavors…'),
  load: async (services, region, filter, signal) => {
    const flavors = await services.devServers.listFlavors(region, filter, signal);
    const headers = [
      vscode.l10n.t('Flavor'),
      vscode.l10n.t('Type'),
      vscode.l10n.t('Architecture'),
      vscode.l10n.t('Accelerator'),
      vscode.l10n.t('Specification'),
      vscode.l10n.t('RoCE NICs'),
      vscode.l10n.t('In stock'),
      vscode.l10n.t('Billing'),
      vscode.l10n.t('Availability zone'),
    ];
    const rows = flavors.map((flavor) => [
      flavor.flavor,
      flavor.server_type,
      flavor.arch,
      flavor.flavor_type,
      flavor.specification,
      flavor.roce_num,
      flavor.is_sold_out ? vscode.l10n.t('sold out') : flavor.count,
      flavor.charging_mode,
      flavor.availability_zone,
    ].map(cell));
    return { headers, rows, numeric: [5, 6] };
  },
};

const IMAGES: Catalog = {
  slug: 'images',
  regionQuestion: () => vscode.l10n.t('Lite Server images of which region?'),
  heading: (region, platform) => vscode.l10n.t('Lite Server images in {0} ({1})', region, platform),
  loading: () => vscode.l10n.t('Loading the Lite Server images…'),
  load: async (services, region, filter, signal) => {
    const images = await services.devServers.listImages(region, filter, signal);
    const headers = [vscode.l10n.t('Name'), vscode.l10n.t('Type'), vscode.l10n.t('Architecture'), vscode.l10n.t('Status'), vscode.l10n.t('Image ID')];
    return { headers, rows: images.map((image) => [image.name, image.server_type, image.arch, image.status && readableStatus(image.status), image.image_id].map(cell)) };
  },
};

/** Asks the server type and architecture first, then opens the table. */
async function showCatalog(context: CommandContext, node: unknown, catalog: Catalog): Promise<TablePanel> {
  const region = await regionOf(context, node, catalog.regionQuestion());
  const platform = await pickPlatform(context, catalog.heading(region, vscode.l10n.t('which type and architecture?')));
  const services = requireServices(context);
  const table = await withProgress(catalog.loading(), (signal) => catalog.load(services, region, platform.filter, signal));
  const section: TableSection = table.rows.length === 0 ? { lines: [vscode.l10n.t('None.')] } : { table };
  return TablePanel.show(context, `${catalog.slug}/${region}/${platform.slug}`, { title: catalog.heading(region, platform.label), sections: [section] });
}

/** Switches whose servers a region's Lite Servers category lists, remembers it, and lists again. */
async function listAllUsers(context: CommandContext, node: unknown, allUsers: boolean): Promise<void> {
  const region = await regionOf(context, node, allUsers ? vscode.l10n.t('List the Lite Servers of all users in which region?') : vscode.l10n.t('List your own Lite Servers in which region?'));
  await context.explorer.liteServerListMode.setListsAllUsers(region, allUsers);
  const regionNode = context.explorer.loadedRoots().find((candidate): candidate is RegionNode => candidate instanceof RegionNode && candidate.region === region);
  const group = node instanceof LiteServerGroupNode ? node : regionNode?.categories.find((child) => child instanceof LiteServerGroupNode);
  if (group) {
    await context.explorer.refresh(group);
  }
}

async function regionOf(context: CommandContext, node: unknown, title: string): Promise<string> {
  return node instanceof LiteServerGroupNode ? node.scope.region : pickRegion(context, title);
}

const SERVER_TYPES = [
  { type: 'BMS', description: vscode.l10n.t('bare metal server') },
  { type: 'ECS', description: vscode.l10n.t('elastic cloud server') },
  { type: 'HPS', description: vscode.l10n.t('hyperinstance server') },
];

/** "All", or one server type and architecture. */
async function pickPlatform(context: CommandContext, title: string): Promise<{ label: string; slug: string; filter: CatalogFilter }> {
  const all = { label: vscode.l10n.t('All types and architectures'), description: '', slug: 'all', filter: {} };
  const platforms = SERVER_TYPES.flatMap(({ type, description }) =>
    ['X86', 'ARM'].map((arch) => ({ label: `${type} · ${arch}`, description, slug: `${type}-${arch}`, filter: { serverType: type, arch } })),
  );
  return pick(context.ui, [all, ...platforms], { title, placeHolder: vscode.l10n.t('Server type and architecture') });
}
