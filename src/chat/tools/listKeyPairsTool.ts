import type { KeyPair } from '../../services/keyPairs';
import { keyPairKind } from '../../views/kinds/keyPairKind';
import { ListResourcesTool } from '../resourceTools';

export class ListKeyPairsTool extends ListResourcesTool<KeyPair> {
  readonly name = 'modelarts_list_key_pairs';
  protected readonly kind = keyPairKind;
  protected override readonly perRegion = true;
}
