import type { Subnet } from '../../services/vpc';
import { subnetKind } from '../../views/kinds/vpcKinds';
import { VpcMemberListTool } from './listVpcsTool';

export class ListSubnetsTool extends VpcMemberListTool<Subnet> {
  readonly name = 'modelarts_list_subnets';
  protected readonly kind = subnetKind;
}
