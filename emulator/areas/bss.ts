/**
 * BSS price inquiry, on-demand (`POST /v2/bills/ratings/on-demand-resources`, the SDK's ListOnDemandResourceRatings:
 * `contract/sdk/bss-v2.json`). A global API: the same route answers for the Chinese and the international endpoint,
 * both of which `endpointOverridesFor` points here.
 *
 * A ModelArts flavor is priced as `hws.service.type.modelarts` / `hws.resource.type.modelarts` with the flavor's
 * billing code as `resource_spec`, `Duration` in hours (usage measure 4): the parameters Huawei's own ModelArts pricing
 * references use (huaweicloud/huaweicloud-skills). The prices below are illustrative, per hour, in yuan, the same in
 * every region (assumed). A product the emulator has no price for is left out of `product_rating_results` (assumed:
 * the SDK's result has no per-product error, and no source says what BSS answers for one it cannot rate). An inquiry
 * naming the refused flavor is refused whole: 403 `CBC.0151` "Access denied." (the code and text are illustrative),
 * as BSS refuses an account that may not ask. A `project_id` that is not the signer's is 400 `CBC.0100` (illustrative).
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, modelArtsError, ok } from '../http';
import type { Router } from '../router';
import type { EmulatorState } from '../state';

const HOURLY_YUAN: Readonly<Record<string, number>> = {
  // Notebooks (catalog.ts NOTEBOOK_FLAVORS).
  'modelarts.vm.cpu.2u': 1.05,
  'modelarts.vm.cpu.8u': 4.2,
  'modelarts.vm.gpu.t4u8': 9.8,
  'modelarts.vm.gpu.v100': 28,
  // Training (catalog.ts TRAINING_FLAVORS; modelarts.vm.cpu.8u above; modelarts.vm.cpu.16u is the refused one).
  'modelarts.p3.large.public': 28,
  // Inference v2 (inferV2Catalog.ts FLAVORS_V2).
  'modelarts.vm.cpu.2u8g': 1.05,
  'modelarts.vm.cpu.8u32g': 4.2,
  // Pools (poolCatalog.ts POOL_FLAVORS' billing codes): one node of modelarts.vm.cpu.4ud; the others are left unrated.
  'modelarts.pool.vm.cpu.4ud': 2.1,
  // Lite Servers (devServerCatalog.ts sku_code): the Kunpeng ECS flavor; the others are left unrated.
  'modelarts.lite.kc2.4xlarge.4': 3.36,
};

/**
 * The flavor whose inquiry BSS refuses: one the training picker lists and no running demo resource runs on, so the
 * refusal shows there without hiding every price of a region's Running now.
 */
export const REFUSED_FLAVOR = 'modelarts.vm.cpu.16u';

const MODELARTS = { service: 'hws.service.type.modelarts', resource: 'hws.resource.type.modelarts' };
/** Usage measure 4 is the hour (the BSS docs' measure table, as the pricing references use it). */
const HOUR = 4;

interface Product {
  readonly id: string;
  readonly cloud_service_type: string;
  readonly resource_type: string;
  readonly resource_spec: string;
  readonly usage_factor: string;
  readonly usage_value: number;
  readonly usage_measure_id: number;
  readonly subscription_num: number;
}

export function registerBss(router: Router<Handler>, state: EmulatorState): void {
  router.add('POST', '/v2/bills/ratings/on-demand-resources', (request) => rateOnDemand(request, state));
}

function rateOnDemand(request: ApiRequest, state: EmulatorState): ApiResponse {
  const body = bodyObject(request);
  const project = state.project(String(body.project_id));
  if (!project || project.ref.account !== request.account) {
    throw modelArtsError(400, 'CBC.0100', 'Invalid parameter project_id.');
  }
  // The contract check has made sure every product has its required fields, of the right types.
  const products = body.product_infos as readonly Product[];
  if (products.some((product) => product.resource_spec === REFUSED_FLAVOR)) {
    throw modelArtsError(403, 'CBC.0151', 'Access denied.');
  }
  const results = products.flatMap((product) => {
    const hourly = priceOf(product);
    if (hourly === undefined) {
      return [];
    }
    const amount = round(hourly * product.usage_value * product.subscription_num);
    return [{ id: product.id, product_id: `OFFI${product.resource_spec}`, amount, discount_amount: 0, official_website_amount: amount, measure_id: 1 }];
  });
  const total = round(results.reduce((sum, result) => sum + result.amount, 0));
  return ok({ amount: total, discount_amount: 0, official_website_amount: total, measure_id: 1, currency: 'CNY', product_rating_results: results });
}

function priceOf(product: Product): number | undefined {
  const modelArtsHours =
    product.cloud_service_type === MODELARTS.service && product.resource_type === MODELARTS.resource && product.usage_factor.toLowerCase() === 'duration' && product.usage_measure_id === HOUR;
  return modelArtsHours ? HOURLY_YUAN[product.resource_spec] : undefined;
}

function round(yuan: number): number {
  return Math.round(yuan * 1e6) / 1e6;
}
