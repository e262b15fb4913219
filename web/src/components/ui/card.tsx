import { type ReactNode, useId } from 'react';

/** A titled section of a page; the heading level follows the page's outline. */
export function Card({
  title,
  level = 2,
  description,
  actions,
  children,
}: {
  title: ReactNode;
  level?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <div>
          <Heading id={headingId} className="card__title">
            {title}
          </Heading>
          {description ? <p className="card__description">{description}</p> : null}
        </div>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
