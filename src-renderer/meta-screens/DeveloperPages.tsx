// Meta for Developers: the list of the owner's apps, and an app's dashboard with its side menu, on either
// WhatsApp → API Setup (the temporary token) or App settings → Basic (the app's ID and secret).
import type { ReactNode } from 'react';
import { Ltr } from '../ui/Ltr';
import { BrowserWindow, Filler, MetaButton, MetaWord, Target } from './parts';
import type { MetaScreenSpec } from './screen-spec';

/** Sample values in Meta's shapes (an app ID is 15–16 digits, a token starts with EAA); never real ones. */
const SAMPLE_APP_ID = '1234567890123456';
const SAMPLE_TOKEN = 'EAAJb8ZCx2ZA4sBO…';
const HIDDEN_SECRET = '••••••••••••';

function DevelopersTopBar({ children }: { children: ReactNode }) {
  return (
    <div className="meta-topbar">
      <span className="meta-logo" />
      {children}
    </div>
  );
}

export function AppListScreen() {
  return (
    <BrowserWindow host="developers.facebook.com">
      <DevelopersTopBar>
        <MetaWord say="screens:meta.developers" />
      </DevelopersTopBar>
      <div className="meta-main">
        <div className="meta-row meta-row--spread">
          <span className="meta-heading">
            <MetaWord say="screens:meta.apps" />
          </span>
          <MetaButton say="screens:meta.createApp" primary />
        </div>
        <div className="meta-columns meta-columns--cards">
          <Target id="app" block>
            <span className="meta-card meta-app-card">
              <span className="meta-app-icon" />
              <strong>
                <MetaWord say="screens:example.appName" />
              </strong>
              <span className="meta-small">
                <MetaWord say="screens:meta.appId" /> <Ltr>{SAMPLE_APP_ID}</Ltr>
              </span>
            </span>
          </Target>
          <span className="meta-card meta-app-card">
            <span className="meta-app-icon meta-app-icon--grey" />
            <Filler width="medium" />
            <Filler width="short" />
          </span>
        </div>
      </div>
    </BrowserWindow>
  );
}

/** A side-menu entry; the current page's entry is the one a picture can point at. */
function MenuItem({ say, current }: { say: string; current: boolean }) {
  if (!current) {
    return (
      <span className="meta-side__item">
        <MetaWord say={say} />
      </span>
    );
  }
  return (
    <Target id="menu" block>
      <span className="meta-side__item meta-side__item--current">
        <MetaWord say={say} />
      </span>
    </Target>
  );
}

/** An app's dashboard: the app's name on top, the side menu with the current page marked. */
function AppDashboard({ current, children }: { current: 'apiSetup' | 'basic'; children: ReactNode }) {
  return (
    <BrowserWindow host="developers.facebook.com">
      <DevelopersTopBar>
        <MetaWord say="screens:example.appName" />
      </DevelopersTopBar>
      <div className="meta-layout">
        <div className="meta-side">
          <MenuItem say="screens:meta.dashboard" current={false} />
          <span className="meta-side__group">
            <MetaWord say="screens:meta.appSettings" />
          </span>
          <MenuItem say="screens:meta.basic" current={current === 'basic'} />
          <span className="meta-side__group">
            <MetaWord say="screens:meta.whatsapp" />
          </span>
          <MenuItem say="screens:meta.apiSetup" current={current === 'apiSetup'} />
          <MenuItem say="screens:meta.configuration" current={false} />
        </div>
        <div className="meta-main">{children}</div>
      </div>
    </BrowserWindow>
  );
}

export function ApiSetupScreen({ spec }: { spec: Extract<MetaScreenSpec, { kind: 'apiSetup' }> }) {
  return (
    <AppDashboard current="apiSetup">
      <span className="meta-heading">
        <MetaWord say="screens:meta.apiSetup" />
      </span>
      <div className="meta-card">
        <strong>
          <MetaWord say="screens:meta.temporaryAccessToken" />
        </strong>
        <span className="meta-row meta-row--spread">
          <code className="meta-input meta-input--token">{spec.tokenShown ? <Ltr>{SAMPLE_TOKEN}</Ltr> : <Filler width="long" />}</code>
          <Target id="copy">
            <MetaButton say="screens:meta.copy" />
          </Target>
        </span>
        <Target id="generate">
          <MetaButton say="screens:meta.generateAccessToken" primary />
        </Target>
      </div>
      <Filler width="long" />
      <Filler width="medium" />
    </AppDashboard>
  );
}

export function AppBasicSettingsScreen() {
  return (
    <AppDashboard current="basic">
      <span className="meta-heading">
        <MetaWord say="screens:meta.basic" />
      </span>
      <div className="meta-card">
        <Target id="appId" block>
          <span className="meta-stack">
            <strong>
              <MetaWord say="screens:meta.appId" />
            </strong>
            <span className="meta-input">
              <Ltr>{SAMPLE_APP_ID}</Ltr>
            </span>
          </span>
        </Target>
        <span className="meta-stack">
          <strong>
            <MetaWord say="screens:meta.appSecret" />
          </strong>
          <span className="meta-row meta-row--spread">
            <span className="meta-input meta-input--grow" dir="ltr">
              {HIDDEN_SECRET}
            </span>
            <Target id="showSecret">
              <MetaButton say="screens:meta.show" />
            </Target>
          </span>
        </span>
      </div>
      <Filler width="long" />
      <Filler width="medium" />
    </AppDashboard>
  );
}
