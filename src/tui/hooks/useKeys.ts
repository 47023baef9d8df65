import { useInput } from 'ink';
import { keyName, resolveKey, type Action, type KeyScope } from '../keymap.js';

/** Keys of one keymap scope, delivered as actions. Inactive while another part owns the keyboard. */
export function useKeys(
  scope: KeyScope,
  onAction: (action: Action, name: string) => void,
  isActive = true,
): void {
  useInput(
    (input, key) => {
      const name = keyName(input, key);
      const action = resolveKey(scope, name);
      if (action) onAction(action, name);
    },
    { isActive },
  );
}
