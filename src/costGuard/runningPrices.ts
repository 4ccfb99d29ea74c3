/**
 * What Running now shows of each resource's flavor and hourly price, and their sum. Flavors named by id only are
 * described by their listing (one per region and kind); prices come from one BSS inquiry per region, for the
 * resources billed by the hour. Nothing is made up: a resource BSS gives no price for reads "price unknown" and is
 * left out of the sum, which says how many it covers.
 */
import type { ModelArtsServices } from '../services';
import type { HourlyPrice } from '../services/prices';
import { listedFlavorOf } from '../views/flavorCatalog';
import { type FlavorFacts, flavorSummary, hourlyAmountText, hourlyPriceText } from '../views/flavorText';
import type { BillingItem } from './billingKinds';

/** One resource's flavor text and, for one billed by the hour, its price text ("CN¥9.80/h", "free", "price unknown"). */
export interface RunningFlavor {
  readonly text?: string;
  readonly priceText?: string;
  /** The hour of all its instances, when BSS priced it. */
  readonly price?: HourlyPrice;
}

interface Billed {
  readonly item: BillingItem;
  readonly facts?: FlavorFacts;
  readonly text?: string;
  readonly instances: number;
  /** Priced by the hour: a yearly or monthly resource, or one with no flavor, is not. */
  readonly hourly: boolean;
}

export async function runningFlavors(services: ModelArtsServices, items: readonly BillingItem[], signal: AbortSignal): Promise<Map<BillingItem, RunningFlavor>> {
  const billed = await Promise.all(items.map((item) => billedFlavor(services, item)));
  const prices = await pricesByRegion(services, billed, signal);
  return new Map(
    billed.map(({ item, facts, text, instances, hourly }) => {
      const unit = facts?.billingCode ? prices.get(item.scope.region)?.get(facts.billingCode) : undefined;
      const price = unit && { amount: unit.amount * instances, currency: unit.currency };
      const priceText = !hourly || !facts ? undefined : price ? hourlyAmountText(price) : hourlyPriceText(facts, undefined);
      return [item, { text, priceText, price }];
    }),
  );
}

/** "CN¥38.85/h" (one sum per currency), or undefined when nothing was priced. */
export function hourlySum(flavors: Iterable<RunningFlavor>): { readonly text: string; readonly priced: number } | undefined {
  const sums = new Map<string, number>();
  let priced = 0;
  for (const { price } of flavors) {
    if (price) {
      sums.set(price.currency, (sums.get(price.currency) ?? 0) + price.amount);
      priced += 1;
    }
  }
  return priced === 0 ? undefined : { text: [...sums].map(([currency, amount]) => hourlyAmountText({ currency, amount })).join(' + '), priced };
}

async function billedFlavor(services: ModelArtsServices, item: BillingItem): Promise<Billed> {
  const { kind, scope, resource } = item;
  const own = kind.flavor(resource);
  const facts = own.facts ?? (await listedFlavorOf(kind.resourceKind, services, scope.region, resource));
  const listedId = kind.resourceKind.flavorListing?.id(resource);
  return {
    item,
    facts,
    text: own.text ?? (facts ? flavorSummary(facts) : listedId),
    instances: own.instances ?? 1,
    hourly: kind.resourceKind.billedFlavor?.(resource) !== undefined,
  };
}

/** One inquiry per region for the billing codes of what bills by the hour there; it never fails (see PriceService). */
async function pricesByRegion(services: ModelArtsServices, billed: readonly Billed[], signal: AbortSignal): Promise<Map<string, ReadonlyMap<string, HourlyPrice>>> {
  const codes = new Map<string, string[]>();
  for (const { item, facts, hourly } of billed) {
    if (hourly && facts?.billingCode && !facts.free) {
      codes.set(item.scope.region, [...(codes.get(item.scope.region) ?? []), facts.billingCode]);
    }
  }
  const answers = await Promise.all([...codes].map(async ([region, wanted]) => [region, await services.prices.hourlyPrices(region, wanted, signal)] as const));
  return new Map(answers);
}
