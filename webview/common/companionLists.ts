/**
 * The account's VPCs, subnets, security groups and key pairs as a form offers them: each list is asked
 * of the host the first time the form shows it (a VPC's subnets once the VPC is chosen), kept per VPC,
 * and retried on its own, so a list that failed leaves the rest of the form usable.
 */
import type { TemplateResult } from 'lit';
import type { CompanionLists } from '../../src/webviews/companionRules';
import type { CompanionChoice, CompanionList, ErrorInfo, HostMessage } from '../../src/webviews/protocol';
import { errorBox } from './errorBox';
import { type Choice, selectField, type SelectProps } from './fields';
import { send } from './vscodeApi';
import * as l10n from '@vscode/l10n';

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly choices: readonly CompanionChoice[] }
  | { readonly status: 'failed'; readonly error: ErrorInfo };

const PLURALS: Readonly<Record<CompanionList, string>> = { vpcs: l10n.t('VPCs'), subnets: l10n.t('subnets'), securityGroups: l10n.t('security groups'), keyPairs: l10n.t('key pairs') };

/** Subnets and security groups are listed per VPC; the other lists per region. */
const vpcOf = (list: CompanionList, vpcId: string): string => (list === 'subnets' || list === 'securityGroups' ? vpcId : '');
const keyOf = (list: CompanionList, vpcId: string): string => `${list}:${vpcOf(list, vpcId)}`;

export interface CompanionFieldProps extends Omit<SelectProps, 'choices' | 'helper'> {
  readonly choices: (loaded: readonly CompanionChoice[]) => readonly Choice[];
  readonly helper: (loaded: readonly CompanionChoice[]) => string;
  /** Renders the form again (Retry shows the list loading). */
  readonly rerender: () => void;
}

/** A choice as a select shows it; `detailInLabel` for networks, whose CIDR tells them apart. Unusable ones are greyed out. */
export function companionChoice(choice: CompanionChoice, detailInLabel: boolean): Choice {
  const label = detailInLabel && choice.detail ? `${choice.name} · ${choice.detail}` : choice.name;
  return {
    value: choice.id,
    label: choice.unusable ? `${label} (${choice.unusable})` : label,
    description: detailInLabel ? choice.availabilityZone : choice.detail,
    disabled: Boolean(choice.unusable),
  };
}

export class CompanionChoiceLists {
  private readonly states = new Map<string, ListState>();

  /** The loaded choices of a list (of `vpcId`, for subnets and security groups); undefined while loading or failed. */
  loaded(list: CompanionList, vpcId = ''): readonly CompanionChoice[] | undefined {
    const state = this.states.get(keyOf(list, vpcId));
    return state?.status === 'ready' ? state.choices : undefined;
  }

  /** What the form's rules judge its choices by: the lists loaded so far, subnets and security groups of `vpcId`. */
  known(vpcId = ''): CompanionLists {
    return { vpcs: this.loaded('vpcs'), subnets: this.loaded('subnets', vpcId), securityGroups: this.loaded('securityGroups', vpcId), keyPairs: this.loaded('keyPairs') };
  }

  /** Takes the host's answer to a list request; false for any other message. */
  receive(message: HostMessage): boolean {
    if (message.type === 'companionChoices') {
      this.states.set(keyOf(message.list, message.vpcId), { status: 'ready', choices: message.choices });
    } else if (message.type === 'companionChoicesFailed') {
      this.states.set(keyOf(message.list, message.vpcId), { status: 'failed', error: message.error });
    } else {
      return false;
    }
    return true;
  }

  /** A select of one list: greyed out while the list loads, and in its place the error with Retry when loading failed. */
  field(list: CompanionList, vpcId: string, props: CompanionFieldProps): TemplateResult {
    const state = this.states.get(keyOf(list, vpcId)) ?? this.request(list, vpcId);
    if (state.status === 'failed') {
      return errorBox(l10n.t('Could not load the {0}', PLURALS[list]), state.error, () => {
        this.request(list, vpcId);
        props.rerender();
      });
    }
    const choices = state.status === 'ready' ? state.choices : undefined;
    return selectField({
      ...props,
      choices: choices ? props.choices(choices) : [],
      helper: choices ? props.helper(choices) : l10n.t('Loading the {0}…', PLURALS[list]),
      disabled: props.disabled || !choices,
    });
  }

  private request(list: CompanionList, vpcId: string): ListState {
    const state: ListState = { status: 'loading' };
    this.states.set(keyOf(list, vpcId), state);
    send({ type: 'loadCompanionChoices', list, vpcId: vpcOf(list, vpcId) });
    return state;
  }
}
