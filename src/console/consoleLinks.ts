/**
 * Where a resource is in the Huawei Cloud console: one table, kind → page. A kind links to its resource's own page
 * where the console's URL pattern is known from public material, and to its list page (or the service's overview)
 * otherwise. The console's routes are not documented as an interface: each entry says what it rests on, and what is
 * unsure. Links name no ModelArts workspace: how the console's address would select one is not known (the console
 * keeps its own choice). No `vscode` import, so the table is unit-tested alone.
 */
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { checkRegionId } from '../services/endpoints';

/** The account's site: its console lives on another host (the two sites' accounts are separate). */
export type ConsoleSite = 'china' | 'international';

const CONSOLE_HOSTS: Readonly<Record<ConsoleSite, string>> = {
  china: 'https://console.huaweicloud.com',
  international: 'https://console-intl.huaweicloud.com',
};

/** The console's services met here: the first path segment of their pages (`/modelarts/?region=…#/…`). */
type ConsoleService = 'modelarts' | 'obs' | 'swr' | 'vpc' | 'evs' | 'dew';

interface ConsolePage {
  readonly service: ConsoleService;
  /** The hash route of the list page; empty: the service's own landing page. */
  readonly list: string;
  /** The hash route of one resource's page, `{id}` where its id goes; absent where no source shows one. */
  readonly detail?: string;
}

/**
 * ModelArts' overview: two routes appear in tutorials and scripts, `#/dashboard` (most, both sites) and
 * `#/manage/dashboard` (a few, older); the first is used. The kinds that link here have no list route in any source
 * found (resource pools, models, v2 services, the Lite Server pages), so the overview is the honest fallback.
 */
const MODELARTS_OVERVIEW: ConsolePage = { service: 'modelarts', list: '/dashboard' };
/** Notebooks' list (`#/dev-container`, many tutorials; `#/dev-container/create` is its Create page). No detail route is shown anywhere. */
const NOTEBOOKS: ConsolePage = { service: 'modelarts', list: '/dev-container' };

const PAGES: Readonly<Record<string, ConsolePage>> = {
  notebook: NOTEBOOKS,
  // A notebook's mounted storage is shown on its notebook's page, which has no known route: the notebooks' list.
  notebookStorage: NOTEBOOKS,
  // huaweicloud/huaweicloud-skills (the ModelArts training skill) gives both, and calls `#/trainingJobs/details/{id}` the deprecated old route.
  trainingJob: { service: 'modelarts', list: '/training', detail: '/training/detail/{id}' },
  // v1 real-time services: `#/webservice/realTimeService` in a 2020 ModelArts tutorial; unsure it is still the route. No detail route found.
  serviceV1: { service: 'modelarts', list: '/webservice/realTimeService' },
  // Unsure: no source shows the routes of v2 services, models, resource pools or Lite Servers (servers, hyperinstances,
  // hyper clusters, jobs, scheduled events): the overview, whose menu leads to each.
  serviceV2: MODELARTS_OVERVIEW,
  serviceV2Deployment: MODELARTS_OVERVIEW,
  model: MODELARTS_OVERVIEW,
  pool: MODELARTS_OVERVIEW,
  poolNode: MODELARTS_OVERVIEW,
  nodePool: MODELARTS_OVERVIEW,
  poolPlugin: MODELARTS_OVERVIEW,
  devServer: MODELARTS_OVERVIEW,
  hyperinstance: MODELARTS_OVERVIEW,
  hyperinstanceServer: MODELARTS_OVERVIEW,
  hyperCluster: MODELARTS_OVERVIEW,
  devServerJob: MODELARTS_OVERVIEW,
  devServerTask: MODELARTS_OVERVIEW,
  scheduledEvent: MODELARTS_OVERVIEW,
  // A Lite Server's disk is an EVS volume (its id is the EVS id): `#/evs/manager/volumeDetail/{id}` in one script; the list route is not known.
  devServerVolume: { service: 'evs', list: '', detail: '/evs/manager/volumeDetail/{id}' },
  // A Lite Server's EIP: `#/eips/detail/{id}` under the VPC console in one script; the list route is not known.
  devServerPublicIp: { service: 'vpc', list: '', detail: '/eips/detail/{id}' },
  // SWR: `#/swr/dashboard` in several guides. A repository's page (`#/swr/warehouse/detail/<account>/<namespace>/<repo>/tag`)
  // needs the account's name, which the explorer does not read: the overview.
  swrRepository: { service: 'swr', list: '/swr/dashboard' },
  swrTag: { service: 'swr', list: '/swr/dashboard' },
  // VPC console: the list as `#/vpc/vpcs/list` and a VPC's page as `#/vpcs/detail/{id}`, each in one script only (unsure).
  vpc: { service: 'vpc', list: '/vpc/vpcs/list', detail: '/vpcs/detail/{id}' },
  // Subnets: `#/subnets` (one script); no detail route found.
  subnet: { service: 'vpc', list: '/subnets' },
  // Security groups: `#/secGroups` (a guide) and `#/secGroups/detail/{id}` (one script; unsure).
  securityGroup: { service: 'vpc', list: '/secGroups', detail: '/secGroups/detail/{id}' },
  // Key pairs are DEW's KPS: `#/dew/kps/kpsList/privateKey` lists the private key pairs (guides; `accountKey` lists the
  // account's). No page per key pair is known.
  keyPair: { service: 'dew', list: '/dew/kps/kpsList/privateKey' },
  // OBS: `#/obs/manager/buckets` (many guides), a bucket's overview `#/obs/manage/{bucket}/overview` and its objects
  // `#/obs/manage/{bucket}/object/list` (several). How a folder is named in the objects' route is not known: its bucket's objects.
  obsBucketGroup: { service: 'obs', list: '/obs/manager/buckets' },
  obsBucket: { service: 'obs', list: '/obs/manager/buckets', detail: '/obs/manage/{id}/overview' },
  obsFolder: { service: 'obs', list: '/obs/manager/buckets', detail: '/obs/manage/{id}/object/list' },
  obsObject: { service: 'obs', list: '/obs/manager/buckets', detail: '/obs/manage/{id}/object/list' },
};

/** The kinds the table links: the first word of their tree rows' contextValue. */
export const CONSOLE_KINDS: readonly string[] = Object.keys(PAGES);

/** What a link is made of: the kind (its contextValue), its region, and its id (for OBS, the bucket). */
export interface ConsoleTarget {
  readonly kind: string;
  readonly region: string;
  readonly id?: string;
}

/**
 * Characters an id may have to be put in a link: RFC 3986's unreserved ones, not starting with a dot. VS Code's
 * opener sends `encodeURI(uri.toString(true))` to the browser (src/vs/platform/opener/browser/openerService.ts,
 * `_resolveExternalUriOpenTarget`), which decodes what was encoded: an id with `/`, `?`, `#` or `%` would reach the
 * console's router as route syntax however it was encoded here. Such an id gets the list page instead.
 */
const LINKABLE_ID = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

/** The console's address of a resource (or of its kind's list), in its region, on the account's site. */
export function consoleUrl(target: ConsoleTarget, site: ConsoleSite): string {
  const page = PAGES[target.kind];
  if (!page) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, `no console page is known for a "${target.kind}"`, 'config');
  }
  checkRegionId(target.region);
  const route = page.detail && isDeepLink(target) ? page.detail.replace('{id}', encodeURIComponent(target.id ?? '')) : page.list;
  return `${CONSOLE_HOSTS[site]}/${page.service}/?region=${encodeURIComponent(target.region)}${route ? `#${route}` : ''}`;
}

/** Whether the link of `target` is its resource's own page, not a list. */
export function isDeepLink(target: ConsoleTarget): boolean {
  const page = PAGES[target.kind];
  return page?.detail !== undefined && target.id !== undefined && LINKABLE_ID.test(target.id);
}

/** `modelarts.console.site` wins; `auto` takes the site the account answered on, else guesses it from the region. */
export function consoleSite(setting: unknown, answeredSite: ConsoleSite | undefined, region: string): ConsoleSite {
  if (setting === 'china' || setting === 'international') {
    return setting;
  }
  // A guess, as the price inquiry makes before BSS answers: accounts of either site reach regions of both.
  return answeredSite ?? (region.startsWith('cn-') ? 'china' : 'international');
}
