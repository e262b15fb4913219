import type { ReactNode } from 'react';

type Props = { tone?: 'error' | 'success' | 'info' | 'warning'; title?: ReactNode; children?: ReactNode };

/** Errors interrupt (role=alert); confirmations are announced politely (role=status). */
export function Alert({ tone = 'info', title, children }: Props) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}
