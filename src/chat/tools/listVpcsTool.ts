import type { Vpc } from '../../services/vpc';
import { vpcKind } from '../../views/kinds/vpcKinds';
import { type ListInput, ListResourcesTool, SubResourceListTool } from '../resourceTools';

export class ListVpcsTool extends ListResourcesTool<Vpc> {
  readonly name = 'modelarts_list_vpcs';
  protected readonly kind = vpcKind;
  protected override readonly perRegion = true;
}

/** The input of the listings of a VPC's subnets and security groups. */
export interface VpcListInput extends ListInput {
  readonly vpc: string;
}

/** A listing of what a VPC holds, which the input names by id or name. */
export abstract class VpcMemberListTool<T> extends SubResourceListTool<Vpc, T, VpcListInput> {
  protected readonly parentKind = vpcKind;
  protected override readonly perRegion = true;

  protected parentOf(input: VpcListInput): string {
    return input.vpc;
  }
}
