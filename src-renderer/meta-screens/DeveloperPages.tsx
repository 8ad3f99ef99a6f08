// Meta for Developers: the list of the owner's apps, and an app's dashboard with its side menu, on either
// WhatsApp → API Setup (the temporary token) or App settings → Basic (the app's ID and secret).
import type { ReactNode } from 'react';
import { Ltr } from '../ui/Ltr';
import { BrowserWindow, Filler, Labelled, MetaButton, MetaWord, SideMenu, Target, type SideEntry } from './parts';
import type { MetaScreenSpec } from './screen-spec';

/** Sample values in Meta's shapes (an app ID is 15–16 digits, a token starts with EAA); never real ones. */
const SAMPLE_APP_ID = '1234567890123456';
const SAMPLE_TOKEN = 'EAAJb8ZCx2ZA4sBO…';
const HIDDEN_SECRET = '••••••••••••';

/** A page on developers.facebook.com, with its name (or the app's) at the top. */
function DevelopersPage({ titleKey, children }: { titleKey: string; children: ReactNode }) {
  return (
    <BrowserWindow host="developers.facebook.com">
      <div className="meta-topbar">
        <span className="meta-logo" />
        <MetaWord say={titleKey} />
      </div>
      {children}
    </BrowserWindow>
  );
}

export function AppListScreen() {
  return (
    <DevelopersPage titleKey="screens:meta.developers">
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
    </DevelopersPage>
  );
}

/** An app's dashboard: the app's name on top, the side menu with the current page marked. */
function AppDashboard({ current, children }: { current: 'apiSetup' | 'basic'; children: ReactNode }) {
  const entries: readonly SideEntry[] = [
    { page: 'screens:meta.dashboard' },
    { group: 'screens:meta.appSettings' },
    { page: 'screens:meta.basic', current: current === 'basic' },
    { group: 'screens:meta.whatsapp' },
    { page: 'screens:meta.apiSetup', current: current === 'apiSetup' },
    { page: 'screens:meta.configuration' },
  ];
  return (
    <DevelopersPage titleKey="screens:example.appName">
      <div className="meta-layout">
        <SideMenu entries={entries} />
        <div className="meta-main">{children}</div>
      </div>
    </DevelopersPage>
  );
}

export function ApiSetupScreen({ spec }: { spec: Extract<MetaScreenSpec, { kind: 'apiSetup' }> }) {
  return (
    <AppDashboard current="apiSetup">
      <span className="meta-heading">
        <MetaWord say="screens:meta.apiSetup" />
      </span>
      <div className="meta-card">
        <Labelled labelKey="screens:meta.temporaryAccessToken">
          <span className="meta-row meta-row--spread">
            <code className="meta-input meta-input--token">{spec.tokenShown ? <Ltr>{SAMPLE_TOKEN}</Ltr> : <Filler width="long" />}</code>
            <Target id="copy">
              <MetaButton say="screens:meta.copy" />
            </Target>
          </span>
        </Labelled>
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
          <Labelled labelKey="screens:meta.appId">
            <span className="meta-input">
              <Ltr>{SAMPLE_APP_ID}</Ltr>
            </span>
          </Labelled>
        </Target>
        <Labelled labelKey="screens:meta.appSecret">
          <span className="meta-row meta-row--spread">
            <span className="meta-input meta-input--grow" dir="ltr">
              {HIDDEN_SECRET}
            </span>
            <Target id="showSecret">
              <MetaButton say="screens:meta.show" />
            </Target>
          </span>
        </Labelled>
      </div>
      <Filler width="long" />
      <Filler width="medium" />
    </AppDashboard>
  );
}
