import type { RequestRow } from '../../../../shared/contract/requests';
import { CompleteRequestDialog } from './CompleteRequestDialog';
import type { RequestAction } from './requestActions';
import { RequestStepDialog } from './RequestStepDialog';

/** The dialog that carries out one action on a request. */
export function RequestActionDialog({ request, action, onClose }: { request: RequestRow; action: RequestAction; onClose: () => void }) {
  return action === 'complete' ? <CompleteRequestDialog request={request} onClose={onClose} /> : <RequestStepDialog request={request} step={action} onClose={onClose} />;
}
