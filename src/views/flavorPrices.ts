/**
 * Flavors with their hourly prices, for pickers and the hovers of running resources. A picker asks once for all its
 * flavors and waits a short moment at most: a price that comes later is kept for the next picker and hover.
 */
import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { HourlyPrice } from '../services/prices';
import { type FlavorFacts, flavorSummary, hourlyPriceText, uniqueFlavors } from './flavorText';
import { markdownText } from './markdownTable';

/** Longer than a priced inquiry takes, short enough that nobody waits on a slow one. */
const PRICE_WAIT_MS = 1500;

export type FlavorPrices = ReadonlyMap<string, HourlyPrice>;

/** One inquiry for every flavor that has a billing code and is not free; what is not known in time is left out. */
export async function flavorPrices(services: ModelArtsServices, region: string, flavors: readonly FlavorFacts[], signal?: AbortSignal): Promise<FlavorPrices> {
  const codes = flavors.filter((flavor) => !flavor.free && flavor.billingCode).map((flavor) => flavor.billingCode as string);
  if (codes.length === 0) {
    return new Map();
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<FlavorPrices>((resolve) => {
    timer = setTimeout(() => resolve(new Map()), PRICE_WAIT_MS);
  });
  try {
    return await Promise.race([services.prices.hourlyPrices(region, codes, signal), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function priceText(flavor: FlavorFacts, prices: FlavorPrices): string {
  return hourlyPriceText(flavor, flavor.billingCode ? prices.get(flavor.billingCode) : undefined);
}

/** "V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h": a quick pick item's label (its id goes in the dimmed description). */
export function pricedFlavorLabel(flavor: FlavorFacts, prices: FlavorPrices): string {
  return `${flavorSummary(flavor)} · ${priceText(flavor, prices)}`;
}

/** A running resource's hover with the hourly price of its flavor; a flavor whose billing code is not known says "price unknown". */
export async function appendHourlyPrice(tooltip: vscode.MarkdownString, label: string, services: ModelArtsServices, region: string, flavor: FlavorFacts | undefined, signal: AbortSignal): Promise<void> {
  const prices = flavor ? await flavorPrices(services, region, [flavor], signal) : new Map<string, HourlyPrice>();
  tooltip.appendMarkdown(`${markdownText(`${label}: ${flavor ? priceText(flavor, prices) : vscode.l10n.t('price unknown')}`)}  \n`);
}

/** Per flavor id, "V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h (modelarts.vm.gpu.v100)": a webview option, where nothing is dimmed. */
export async function pricedFlavorTexts(services: ModelArtsServices, region: string, flavors: readonly FlavorFacts[], signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const prices = await flavorPrices(services, region, flavors, signal);
  return new Map(flavors.map((flavor) => [flavor.id, `${pricedFlavorLabel(flavor, prices)} (${flavor.id})`]));
}

export interface FlavorPickItem<T> extends vscode.QuickPickItem {
  readonly id: string;
  readonly flavor: T;
}

/** A quick pick's flavors, each once, priced in one inquiry: "V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h", the id dimmed beside it. */
export async function flavorPickItems<T>(services: ModelArtsServices, region: string, flavors: readonly T[], factsOf: (flavor: T) => FlavorFacts, signal?: AbortSignal): Promise<FlavorPickItem<T>[]> {
  const offered = uniqueFlavors(
    flavors.map((flavor) => ({ flavor, facts: factsOf(flavor) })),
    (entry) => entry.facts.id,
  );
  const prices = await flavorPrices(services, region, offered.map((entry) => entry.facts), signal);
  return offered.map(({ flavor, facts }) => ({ label: pricedFlavorLabel(facts, prices), description: facts.id, id: facts.id, flavor }));
}
