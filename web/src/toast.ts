// Errors and notices as toasts: every failed API call is shown to the user, never swallowed.
import { ApiRequestError } from './api';
import { h } from './dom';

let host: HTMLElement | undefined;

function container(): HTMLElement {
  if (!host) {
    host = h('div', { class: 'toasts', 'data-testid': 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(host);
  }
  return host;
}

export interface ToastAction {
  label: string;
  run(): void;
  testid?: string;
}

/** `action`: a button in the toast (Undo …), which dismisses it; such toasts stay longer. Returns what dismisses it. */
export function toast(
  message: string,
  kind: 'error' | 'info' = 'info',
  detail?: string,
  action?: ToastAction,
): () => void {
  const close = h('button', { class: 'toast-close', 'aria-label': 'Dismiss', title: 'Dismiss' }, '×');
  const remove = (): void => el.remove();
  const button = action
    ? h(
        'button',
        {
          class: 'toast-action',
          'data-testid': action.testid ?? 'toast-action',
          onclick: () => (remove(), action.run()),
        },
        action.label,
      )
    : null;
  const el = h(
    'div',
    { class: `toast toast-${kind}`, 'data-testid': kind === 'error' ? 'toast-error' : 'toast' },
    h(
      'div',
      { class: 'toast-body' },
      h('strong', {}, message),
      detail ? h('div', { class: 'toast-detail' }, detail) : null,
    ),
    button,
    close,
  );
  close.addEventListener('click', remove);
  container().appendChild(el);
  // Errors stay until dismissed (or replaced by newer ones); notices fade, those with an action later.
  window.setTimeout(remove, kind === 'error' ? 15_000 : action ? 12_000 : 4_000);
  const toasts = container().children;
  while (toasts.length > 4) toasts[0]?.remove();
  return remove;
}

/** Shows an error from any failed action (API errors with their code and what was asked). */
export function showError(error: unknown, doing: string): void {
  if ((error as Error)?.name === 'AbortError') return;
  if (error instanceof ApiRequestError) {
    toast(
      `${doing} failed: ${error.message}`,
      'error',
      `${error.code}${error.status ? ` · HTTP ${error.status}` : ''} · /api/${error.path}`,
    );
  } else {
    toast(`${doing} failed: ${(error as Error)?.message ?? String(error)}`, 'error');
  }
  // The console keeps the stack for whoever debugs.
  console.error(error);
}
