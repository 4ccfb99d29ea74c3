import type { SecurityGroup } from '../../services/vpc';
import { securityGroupKind } from '../../views/kinds/vpcKinds';
import { VpcMemberListTool } from './listVpcsTool';

export class ListSecurityGroupsTool extends VpcMemberListTool<SecurityGroup> {
  readonly name = 'modelarts_list_security_groups';
  protected readonly kind = securityGroupKind;
}
