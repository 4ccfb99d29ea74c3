/**
 * Region consistency of v2 services. A service says where it lives only through its hosts:
 * its inference addresses (`predict_url`, `…apig.<region>.huaweicloudapis.com/…`, §4.3) and
 * its images (`swr.<region>.myhuaweicloud.com/…`, §4.4). A service of one region acted on
 * through another region's endpoint, or given another region's image, fails late and
 * obscurely in the cloud; these checks fail early and say what to do. No `vscode` import:
 * the create form's rules use `imageRegionProblem` in the browser too.
 */
import * as l10n from '@vscode/l10n';
import { LocalErrorCode, ModelArtsError } from './errors';
import { accessAddresses, type ServiceV2, serviceVersionLabel } from './inferenceV2Objects';

/** A region id as a whole label part of a host: "cn-north-4" in "x.apig.cn-north-4.huaweicloudapis.com". */
const REGION_IN_HOST = /(?<![a-z0-9])([a-z]{2}-[a-z]+-\d{1,2})(?![a-z0-9])/;

/** The region named in a URL's host (or an image path's registry), if any. */
export function regionInHost(address: string): string | undefined {
  const host = /^(?:[a-z]+:\/\/)?([^/:]+)/i.exec(address.trim())?.[1]?.toLowerCase() ?? '';
  return REGION_IN_HOST.exec(host)?.[1];
}

/** Where a service is, by its inference addresses; undefined while it has none (a list item, a service never deployed). */
export function serviceRegion(service: ServiceV2): { readonly region: string; readonly evidence: string } | undefined {
  const versionAddress = typeof service.version === 'object' ? service.version.predict_url : undefined;
  for (const address of [...accessAddresses(service), ...(versionAddress ? [versionAddress] : [])]) {
    const region = regionInHost(address);
    if (region) {
      return { region, evidence: address };
    }
  }
  return undefined;
}

/** Refuses to act on a service whose own addresses place it in another region than the request's. */
export function checkServiceRegion(service: ServiceV2, region: string): void {
  const found = serviceRegion(service);
  if (found && found.region !== region) {
    const version = serviceVersionLabel(service);
    throw new ModelArtsError(
      LocalErrorCode.regionMismatch,
      l10n.t(
        'real-time service "{0}"{1} is in {2} (its inference address {3} says so), but the request would go to {4}. Act on it under {2} in the explorer (add that region with "ModelArts: Add Region"); if it was listed under {4}, the project id used for {4} (MODELARTS_PROJECT_ID) or modelarts.endpointOverrides points at {2}.',
        service.name ?? '',
        version ? l10n.t(' (version {0})', version) : '',
        found.region,
        found.evidence,
        region,
      ),
      'config',
    );
  }
}

/** Why an image cannot run in `region`: it lies in another region's SWR. Undefined when it can, or when its host names no region. */
export function imageRegionProblem(imagePath: string, region: string): string | undefined {
  const imageRegion = regionInHost(imagePath);
  return imageRegion && imageRegion !== region
    ? l10n.t(
        "The image is in the SWR of {0}, but the service would run in {1}, which pulls from its own SWR. Choose an image of {1} (or sync this one there with SWR's image synchronization).",
        imageRegion,
        region,
      )
    : undefined;
}

/** Refuses a create whose image is in another region's SWR, before anything is sent. */
export function checkImageRegion(imagePath: string, region: string): void {
  const problem = imageRegionProblem(imagePath, region);
  if (problem) {
    throw new ModelArtsError(LocalErrorCode.regionMismatch, `${imagePath}: ${problem}`, 'config');
  }
}
