import { Toast, ToastTitle, Toaster, useToastController } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import { useCallback } from 'react';

/** The one toaster of the portal: every confirmation goes here, so they stack in one place. */
const TOASTER_ID = 'psc-toaster';

export type NotifyIntent = 'success' | 'error' | 'info';

/**
 * Mounted once, at the root of the portal. Toasts come and go without fading: a message caught
 * half-faded is hard to read (and fails contrast checks).
 */
export function AppToaster() {
  return (
    <MotionBehaviourProvider value="skip">
      <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />
    </MotionBehaviourProvider>
  );
}

/**
 * Shows a short message after a change. Confirmations are announced politely; an error
 * interrupts, because the user's change did not happen.
 */
export function useNotify(): (message: string, intent?: NotifyIntent) => void {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, intent: NotifyIntent = 'success') => {
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, politeness: intent === 'error' ? 'assertive' : 'polite' },
      );
    },
    [dispatchToast],
  );
}
