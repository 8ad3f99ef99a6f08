// The pieces every drawing of a Meta screen is made of: the browser window, Meta's own words, a marked place to
// click (ring and number), Meta's buttons, switches, boxes and windows. Nothing here is interactive: the drawing
// is one picture for assistive technology (its words are in the alt text and the numbered list below it).
import { createContext, Fragment, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Callout } from './screen-spec';

export const CalloutContext = createContext<readonly Callout[]>([]);

/** A word as Meta prints it on its page (a `screens:meta.*` key), isolated so it reads right in any direction. */
export function MetaWord({ say }: { say: string }) {
  const { t } = useTranslation();
  return <bdi>{t(say)}</bdi>;
}

/** A place on the page; ringed and numbered when the step's picture points at it. */
export function Target({ id, block = false, children }: { id: string; block?: boolean; children: ReactNode }) {
  const callouts = useContext(CalloutContext);
  const index = callouts.findIndex((callout) => callout.target === id);
  const classes = ['meta-target', block ? 'meta-target--block' : '', index >= 0 ? 'meta-target--marked' : ''];
  return (
    <span className={classes.filter(Boolean).join(' ')} data-target={id}>
      {children}
      {index >= 0 && <span className="meta-target__number">{index + 1}</span>}
    </span>
  );
}

/** The browser around Meta's page, with the site's address (never a word to translate) and a window over it. */
export function BrowserWindow({ host, children, over }: { host: string; children: ReactNode; over?: ReactNode }) {
  return (
    <div className="meta-browser">
      <div className="meta-browser__bar">
        <span className="meta-browser__dots" />
        <span className="meta-browser__address" dir="ltr">
          {host}
        </span>
      </div>
      <div className="meta-browser__page">
        <div className="meta-page">{children}</div>
        {over}
      </div>
    </div>
  );
}

export function MetaButton({ say, primary = false, icon }: { say: string; primary?: boolean; icon?: '+' }) {
  return (
    <span className={primary ? 'meta-button meta-button--primary' : 'meta-button'}>
      {icon && <span className="meta-button__icon">{icon}</span>}
      <MetaWord say={say} />
    </span>
  );
}

/** A line of text Meta shows that the owner need not read: drawn as a grey bar. */
export function Filler({ width }: { width: 'short' | 'medium' | 'long' }) {
  return <span className={`meta-filler meta-filler--${width}`} />;
}

export function Switch({ on }: { on: boolean }) {
  return <span className={on ? 'meta-switch meta-switch--on' : 'meta-switch'} />;
}

export function Tick({ on, round = false }: { on: boolean; round?: boolean }) {
  const shape = round ? 'meta-tick meta-tick--round' : 'meta-tick';
  return <span className={on ? `${shape} meta-tick--on` : shape} />;
}

/** One of Meta's windows over a dimmed page. */
export function MetaWindow({ titleKey, children, footer }: { titleKey: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="meta-window-layer">
      <div className="meta-window">
        <div className="meta-window__title">
          <MetaWord say={titleKey} />
          <span className="meta-window__close" />
        </div>
        <div className="meta-window__body">{children}</div>
        <div className="meta-window__footer">{footer}</div>
      </div>
    </div>
  );
}

/** A side-menu line: a group's heading, or a page (the current one is the place a picture can point at). */
export type SideEntry = { group: string } | { page: string; current?: boolean };

/** Meta's side menu, from its lines: the same drawing for Business Settings and an app's dashboard. */
export function SideMenu({ entries }: { entries: readonly SideEntry[] }) {
  return (
    <div className="meta-side">
      {entries.map((entry) => {
        if ('group' in entry) {
          return (
            <span key={entry.group} className="meta-side__group">
              <MetaWord say={entry.group} />
            </span>
          );
        }
        const line = (
          <span className={entry.current ? 'meta-side__item meta-side__item--current' : 'meta-side__item'}>
            <MetaWord say={entry.page} />
          </span>
        );
        return entry.current ? (
          <Target key={entry.page} id="menu" block>
            {line}
          </Target>
        ) : (
          <Fragment key={entry.page}>{line}</Fragment>
        );
      })}
    </div>
  );
}

/** A part of a Meta page under its bold label ("Token expiration", "App ID"). */
export function Labelled({ labelKey, children }: { labelKey: string; children: ReactNode }) {
  return (
    <span className="meta-stack">
      <strong>
        <MetaWord say={labelKey} />
      </strong>
      {children}
    </span>
  );
}
