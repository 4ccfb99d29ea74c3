/**
 * Hourly prices of ModelArts flavors, asked of BSS's on-demand price inquiry (`POST /v2/bills/ratings/on-demand-resources`,
 * the SDK's ListOnDemandResourceRatings: `../shared/sdk-contract/bss-v2.json`).
 *
 * What a flavor is to BSS is not in the contract. Huawei's own ModelArts skills (huaweicloud/huaweicloud-skills, the
 * notebook, training and pool pricing references) ask with cloud service type `hws.service.type.modelarts`, resource
 * type `hws.resource.type.modelarts`, the flavor's billing code as resource spec (a notebook's flavor id is its billing
 * code), `Duration` in hours (measure 4) and one instance (size 1, measure 14). Whether every listing's billing code
 * (training, inference, Lite Server `sku_code`) is priced this way is uncertain: a flavor BSS does not price stays
 * "unknown", never a guess.
 */
import { ModelArtsError } from './errors';
import type { ServiceName } from './endpoints';
import type { SignedClient } from './signedClient';

export interface HourlyPrice {
  /** What the account pays for one hour, after its discounts. */
  readonly amount: number;
  /** ISO 4217; BSS leaves it empty for yuan. */
  readonly currency: string;
}

/** What BSS answers per product (DemandProductRatingResult); `measure_id` 1 is yuan (the contract's text). */
interface ProductRating {
  readonly id?: string;
  readonly amount?: number;
  readonly measure_id?: number;
}

interface RatingResponse {
  readonly currency?: string;
  readonly product_rating_results?: readonly ProductRating[];
}

const MODELARTS_HOUR = {
  cloud_service_type: 'hws.service.type.modelarts',
  resource_type: 'hws.resource.type.modelarts',
  usage_factor: 'Duration',
  usage_measure_id: 4,
  usage_value: 1,
  subscription_num: 1,
  resource_size: 1,
  size_measure_id: 14,
} as const;

/** BSS's answer to an account of the other site (the Terraform provider's SetWebsiteType reads the same codes). */
const OTHER_SITE = new Set(['CBC.0150', 'CBC.0156']);
/** Failures worth asking again later; any other refusal holds for the session. */
const PASSING = new Set(['cancelled', 'network', 'timeout', 'throttled']);
/** The BSS docs allow at most 100 products per inquiry (assumed to hold for the on-demand one). */
const MOST_PER_INQUIRY = 100;

type Site = Extract<ServiceName, 'bss' | 'bssintl'>;

export class PriceService {
  /** Per region and billing code: the price, or null when BSS gave none or refused. */
  private readonly known = new Map<string, HourlyPrice | null>();
  private readonly pending = new Map<string, Promise<HourlyPrice | null>>();
  /** The site the account answered on; guessed from the region until then. */
  private site: Site | undefined;

  constructor(private readonly client: SignedClient) {}

  /** The site the account answered on (`bss`: the Chinese one), once BSS answered; the console links follow it. */
  get answeredSite(): Site | undefined {
    return this.site;
  }

  /**
   * The hourly prices of billing codes in a region, in one inquiry for those not known or being asked already.
   * Never fails: a code without a price (unknown to BSS, refused, cancelled) is simply absent.
   */
  async hourlyPrices(region: string, billingCodes: readonly string[], signal?: AbortSignal): Promise<ReadonlyMap<string, HourlyPrice>> {
    const wanted = [...new Set(billingCodes)];
    const missing = wanted.filter((code) => !this.known.has(keyOf(region, code)) && !this.pending.has(keyOf(region, code))).slice(0, MOST_PER_INQUIRY);
    if (missing.length > 0) {
      const inquiry = this.inquire(region, missing, signal);
      for (const code of missing) {
        const key = keyOf(region, code);
        const one = inquiry.then((prices) => prices.get(code) ?? null);
        this.pending.set(key, one);
        one.then(
          (price) => this.known.set(key, price),
          () => undefined,
        ).finally(() => this.pending.delete(key));
      }
    }
    const prices = new Map<string, HourlyPrice>();
    for (const code of wanted) {
      const price = await this.lookup(region, code);
      if (price) {
        prices.set(code, price);
      }
    }
    return prices;
  }

  private async lookup(region: string, code: string): Promise<HourlyPrice | null> {
    const key = keyOf(region, code);
    try {
      return this.known.get(key) ?? (await this.pending.get(key)) ?? null;
    } catch {
      return null;
    }
  }

  /** Rejects only for what may pass (cancelled, network, throttled); a refusal is an empty answer. */
  private async inquire(region: string, codes: readonly string[], signal?: AbortSignal): Promise<Map<string, HourlyPrice>> {
    const projectId = await this.client.projectId(region, signal);
    const body = {
      project_id: projectId,
      product_infos: codes.map((code, index) => ({ id: String(index + 1), ...MODELARTS_HOUR, resource_spec: code, region })),
    };
    const site = this.site ?? (region.startsWith('cn-') ? 'bss' : 'bssintl');
    try {
      return await this.ask(site, region, body, codes, signal);
    } catch (error) {
      if (error instanceof ModelArtsError && OTHER_SITE.has(error.errorCode)) {
        return this.ask(site === 'bss' ? 'bssintl' : 'bss', region, body, codes, signal).catch(refusalIsEmpty);
      }
      return refusalIsEmpty(error);
    }
  }

  private async ask(site: Site, region: string, body: object, codes: readonly string[], signal?: AbortSignal): Promise<Map<string, HourlyPrice>> {
    const response = await this.client.request<RatingResponse>({ service: site, region, method: 'POST', path: '/v2/bills/ratings/on-demand-resources', body, idempotent: true, signal });
    this.site = site;
    const currency = response.currency || 'CNY';
    const prices = new Map<string, HourlyPrice>();
    for (const rating of response.product_rating_results ?? []) {
      const code = codes[Number(rating.id) - 1];
      // Another measure than yuan is not one this reads: unknown rather than a wrong figure.
      if (code !== undefined && typeof rating.amount === 'number' && Number.isFinite(rating.amount) && (rating.measure_id ?? 1) === 1) {
        prices.set(code, { amount: rating.amount, currency });
      }
    }
    return prices;
  }
}

function keyOf(region: string, code: string): string {
  return `${region}|${code}`;
}

function refusalIsEmpty(error: unknown): Map<string, HourlyPrice> {
  if (error instanceof ModelArtsError && !PASSING.has(error.kind)) {
    return new Map();
  }
  throw error;
}
