/** What a client application's operation needs: an account operation's, and the SecretBox. */
import type { OperationDeps } from '../../accounts/operations/operation-deps.ts';
import type { SecretBox } from '../../security/secret-box.ts';

export interface ClientOperationDeps extends OperationDeps {
  box: SecretBox;
}
