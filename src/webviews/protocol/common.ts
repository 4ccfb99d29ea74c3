/** What every form shares: where it runs, how errors look, the account's networks and key pairs, and the lifecycle of a form. */
import { type Check, checkArray, checkLiteral, checkObject, checkOneOf, checkOptional, checkString } from '../checks';

/** Which browser app a panel runs; also the name of its bundle in dist/webview/. */
export type WebviewApp = 'createNotebook' | 'createTrainingJob' | 'createPool' | 'createDevServer' | 'createServiceV1' | 'createServiceV2' | 'details' | 'workspaceForm' | 'tableDocument';

/**
 * The display language and translations a page renders with: VS Code's, which the host writes into the page
 * (`data-locale` of its body) so that the first render and every label are already in that language.
 */
export interface WebviewLocale {
  /** `vscode.env.language`, e.g. "en" or "zh-cn": what dates and numbers are formatted for. */
  readonly language: string;
  /** `vscode.l10n.bundle`: English source text → translation; empty while VS Code shows English. */
  readonly bundle: Readonly<Record<string, string>>;
}

/** The page's locale from its `data-locale`; English source text when it is missing or not what the host writes. */
export function parseWebviewLocale(raw: string | undefined): WebviewLocale {
  try {
    const parsed: unknown = JSON.parse(raw ?? '');
    if (typeof parsed === 'object' && parsed !== null && 'language' in parsed && 'bundle' in parsed) {
      const { language, bundle } = parsed;
      if (typeof language === 'string' && typeof bundle === 'object' && bundle !== null && Object.values(bundle).every((text) => typeof text === 'string')) {
        return { language, bundle: bundle as Record<string, string> };
      }
    }
  } catch {
    // Not JSON: English below.
  }
  return { language: 'en', bundle: {} };
}

/** An error as a form shows it next to itself; never carries credentials (they never reach it). */
export interface ErrorInfo {
  readonly errorCode: string;
  readonly message: string;
  readonly requestId?: string;
}

export interface WorkspaceChoice {
  readonly id: string;
  readonly name: string;
}

/** Where a new resource goes. */
export interface FormScope {
  readonly region: string;
  readonly workspaces: readonly WorkspaceChoice[];
  /** How a window reload brings the form back (see panelSerializers); without it the form closes. */
  readonly reloadAs?: FormReload;
}

/** What a reload needs to open the form again: a create form; an edit, with the id edited; a run, with its local folder. */
export type FormReload = { readonly form: 'create' } | { readonly form: 'edit'; readonly id: string } | { readonly form: 'run'; readonly folder: string };

export interface NameValue {
  readonly name: string;
  readonly value: string;
}

/** Lists a form asks for one at a time (subnets and security groups of one VPC), so that one failing leaves the others usable. */
export const COMPANION_LISTS = ['vpcs', 'subnets', 'securityGroups', 'keyPairs'] as const;
export type CompanionList = (typeof COMPANION_LISTS)[number];

/** A VPC, subnet, security group or key pair in a form's list. */
export interface CompanionChoice {
  /** A key pair's id is its name (KPS). */
  readonly id: string;
  readonly name: string;
  /** A VPC's or subnet's CIDR, a security group's description, a key pair's scope. */
  readonly detail: string;
  /** A subnet's availability zone, when it has one. */
  readonly availabilityZone?: string;
  /** Why it cannot be chosen (a frozen key pair, a subnet that is not ACTIVE); absent when it can. */
  readonly unusable?: string;
}

/** A processor architecture, as the image and flavor listings say it (x86_64, aarch64, arm…). */
export type Arch = 'x86' | 'arm';
/** What a flavor computes with, or an image is built for: notebooks' and training's categories. */
export type Accelerator = 'CPU' | 'GPU' | 'ASCEND';

/** What a form's Browse… button picks from the region's buckets. */
export const OBS_BROWSE_SELECTS = ['folder', 'object', 'any'] as const;
export type ObsBrowseSelect = (typeof OBS_BROWSE_SELECTS)[number];

/** A check for each type of a message union: a message of an unknown type or with a wrong field is refused. */
export type MessageChecks<M extends { readonly type: string }> = { readonly [K in M['type']]: Check<Extract<M, { type: K }>> };

export type CommonHostMessage =
  /** `vpcId` is the VPC of subnets and security groups, empty for the other lists. */
  | { readonly type: 'companionChoices'; readonly list: CompanionList; readonly vpcId: string; readonly choices: readonly CompanionChoice[] }
  | { readonly type: 'companionChoicesFailed'; readonly list: CompanionList; readonly vpcId: string; readonly error: ErrorInfo }
  /** The image picked in VS Code's quick pick; neither path nor error when the pick was dismissed. */
  | { readonly type: 'swrImageBrowsed'; readonly path?: string; readonly error?: ErrorInfo }
  /** The obs:// path picked for `field` in VS Code's quick pick; neither uri nor error when the pick was dismissed. */
  | { readonly type: 'obsBrowsed'; readonly field: string; readonly uri?: string; readonly error?: ErrorInfo }
  | { readonly type: 'optionsFailed'; readonly error: ErrorInfo }
  | { readonly type: 'submitting' }
  /** The user declined the confirmation a submit asked for: the form is as it was, nothing was sent. */
  | { readonly type: 'submitCancelled' }
  | { readonly type: 'submitFailed'; readonly error: ErrorInfo; readonly fieldErrors: Readonly<Record<string, string>> };

export type CommonWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'reloadOptions' }
  | { readonly type: 'loadCompanionChoices'; readonly list: CompanionList; readonly vpcId: string }
  | { readonly type: 'browseSwrImage' }
  /**
   * Browse the region's buckets for a form field (`codeDir`, `inputs.0`): a folder, an object, or either;
   * `start`, an obs:// folder to start in (the boot file's code folder), else the region's buckets.
   */
  | { readonly type: 'browseObs'; readonly field: string; readonly select: ObsBrowseSelect; readonly start?: string }
  | { readonly type: 'cancel' };

export const commonMessageChecks: MessageChecks<CommonWebviewMessage> = {
  ready: checkObject({ type: checkLiteral('ready') }),
  reloadOptions: checkObject({ type: checkLiteral('reloadOptions') }),
  loadCompanionChoices: checkObject({ type: checkLiteral('loadCompanionChoices'), list: checkOneOf(COMPANION_LISTS), vpcId: checkString }),
  browseSwrImage: checkObject({ type: checkLiteral('browseSwrImage') }),
  browseObs: checkObject({ type: checkLiteral('browseObs'), field: checkString, select: checkOneOf(OBS_BROWSE_SELECTS), start: checkOptional(checkString) }),
  cancel: checkObject({ type: checkLiteral('cancel') }),
};

/** Name and value rows (environment variables, hyperparameters, inputs). */
export const nameValues: Check<readonly NameValue[]> = checkArray(checkObject({ name: checkString, value: checkString }));
