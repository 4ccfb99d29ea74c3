/**
 * Flavors as their listings describe them, for resources that carry only a flavor's id (a notebook, a Lite Server, a
 * v2 deployment): hovers, details panels and Running now read "2 vCPU · 8 GB (modelarts.vm.cpu.2u)" and the flavor's
 * billing code from here. One listing per region and kind a session, read on first need; a listing that fails is
 * asked again next time, and until then the id is shown as it is.
 */
import type { ModelArtsServices } from '../services';
import { devServerFlavorFacts, type FlavorFacts, notebookFlavorFacts, serviceV2FlavorFacts } from './flavorText';
import type { ResourceKind } from './resourceKind';

export type FlavorListing = 'notebook' | 'liteServer' | 'serviceV2';

const READERS: Readonly<Record<FlavorListing, (services: ModelArtsServices, region: string) => Promise<FlavorFacts[]>>> = {
  notebook: async (services, region) => (await services.notebooks.listFlavors(region)).map(notebookFlavorFacts),
  liteServer: async (services, region) => (await services.devServers.listFlavors(region)).map(devServerFlavorFacts),
  serviceV2: async (services, region) => (await services.inferenceV2.flavors(region)).map(serviceV2FlavorFacts),
};

type Catalog = ReadonlyMap<string, FlavorFacts>;

/** Per signed-in session (its services), per listing and region. */
const catalogs = new WeakMap<ModelArtsServices, Map<string, Promise<Catalog>>>();

/**
 * The listing's facts of one flavor; undefined when it lists no such flavor or could not be read. The listing is read
 * without the caller's signal: it is shared, and a hover that moved on must not cancel it for the next one.
 */
export async function flavorFacts(services: ModelArtsServices, region: string, listing: FlavorListing, id: string): Promise<FlavorFacts | undefined> {
  const byKey = catalogs.get(services) ?? new Map<string, Promise<Catalog>>();
  catalogs.set(services, byKey);
  const key = `${listing}:${region}`;
  let catalog = byKey.get(key);
  if (!catalog) {
    catalog = READERS[listing](services, region).then((flavors) => new Map(flavors.map((facts) => [facts.id, facts])));
    byKey.set(key, catalog);
    catalog.catch(() => byKey.delete(key));
  }
  try {
    return (await catalog).get(id);
  } catch {
    return undefined;
  }
}

/** The facts of an item's flavor, for kinds whose items name it by id only (see ResourceKind.flavorListing). */
export async function listedFlavorOf<T>(kind: ResourceKind<T>, services: ModelArtsServices, region: string, item: T): Promise<FlavorFacts | undefined> {
  const id = kind.flavorListing?.id(item);
  return kind.flavorListing && id ? flavorFacts(services, region, kind.flavorListing.listing, id) : undefined;
}
