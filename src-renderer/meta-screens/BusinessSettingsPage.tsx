// Meta Business Settings on its "System users" page: the side menu, the list of system users with "+ Add", and
// the selected system user with "Assign assets" and "Generate token". Meta's windows open over this page.
import type { ReactNode } from 'react';
import { BrowserWindow, Filler, Labelled, MetaButton, MetaWord, SideMenu, Target, type SideEntry } from './parts';
import type { MetaScreenSpec } from './screen-spec';

const SIDE_MENU: readonly SideEntry[] = [
  { group: 'screens:meta.users' },
  { page: 'screens:meta.people' },
  { page: 'screens:meta.partners' },
  { page: 'screens:meta.systemUsers', current: true },
  { group: 'screens:meta.accounts' },
  { page: 'screens:meta.apps' },
  { page: 'screens:meta.whatsappAccounts' },
];

function SelectedSystemUser() {
  return (
    <div className="meta-card">
      <span className="meta-row">
        <span className="meta-avatar" />
        <Labelled labelKey="screens:example.systemUserName">
          <MetaWord say="screens:meta.admin" />
        </Labelled>
      </span>
      <span className="meta-row meta-row--wrap">
        <Target id="assignAssets">
          <MetaButton say="screens:meta.assignAssets" />
        </Target>
        <Target id="generateToken">
          <MetaButton say="screens:meta.generateToken" />
        </Target>
      </span>
      <Filler width="long" />
      <Filler width="medium" />
    </div>
  );
}

/** The page itself; a window (`over`) dims it. */
export function BusinessSettingsPage({ selected, over }: { selected: boolean; over?: ReactNode }) {
  return (
    <BrowserWindow host="business.facebook.com" over={over}>
      <div className="meta-topbar">
        <span className="meta-logo" />
        <MetaWord say="screens:meta.businessSettings" />
      </div>
      <div className="meta-layout">
        <SideMenu entries={SIDE_MENU} />
        <div className="meta-main">
          <div className="meta-row meta-row--spread">
            <span className="meta-heading">
              <MetaWord say="screens:meta.systemUsers" />
            </span>
            <Target id="add">
              <MetaButton say="screens:meta.add" icon="+" primary />
            </Target>
          </div>
          <span className="meta-search">
            <Filler width="short" />
          </span>
          <div className="meta-columns">
            <div className="meta-list">
              <Target id="user" block>
                <span className={selected ? 'meta-list__item meta-list__item--current' : 'meta-list__item'}>
                  <span className="meta-avatar meta-avatar--small" />
                  {selected ? <MetaWord say="screens:example.systemUserName" /> : <Filler width="medium" />}
                </span>
              </Target>
              <span className="meta-list__item">
                <span className="meta-avatar meta-avatar--small" />
                <Filler width="short" />
              </span>
            </div>
            {selected ? <SelectedSystemUser /> : <div className="meta-card meta-card--empty" />}
          </div>
        </div>
      </div>
    </BrowserWindow>
  );
}

export function SystemUsersScreen({ spec }: { spec: Extract<MetaScreenSpec, { kind: 'systemUsers' }> }) {
  return <BusinessSettingsPage selected={spec.selected} />;
}
