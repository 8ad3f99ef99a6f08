// Two of Meta's windows on the System users page: "Create system user" (after "+ Add") and "Assign assets",
// where the app and the WhatsApp account are given to the system user with full control.
import { Ltr } from '../ui/Ltr';
import { BusinessSettingsPage } from './BusinessSettingsPage';
import { Filler, Labelled, MetaButton, MetaWindow, MetaWord, Switch, Target, Tick } from './parts';
import type { MetaScreenSpec, ScreenFacts } from './screen-spec';

export function CreateSystemUserScreen() {
  return (
    <BusinessSettingsPage
      selected={false}
      over={
        <MetaWindow
          titleKey="screens:meta.createSystemUser"
          footer={
            <>
              <MetaButton say="screens:meta.cancel" />
              <Target id="create">
                <MetaButton say="screens:meta.createSystemUser" primary />
              </Target>
            </>
          }
        >
          <Filler width="short" />
          <Target id="name" block>
            <span className="meta-input">
              <MetaWord say="screens:example.systemUserName" />
            </span>
          </Target>
          <Filler width="short" />
          <Target id="role" block>
            <span className="meta-input meta-input--select">
              <MetaWord say="screens:meta.admin" />
            </span>
          </Target>
        </MetaWindow>
      }
    />
  );
}

type AssignAssetsSpec = Extract<MetaScreenSpec, { kind: 'assignAssets' }>;

export function AssignAssetsScreen({ spec, facts }: { spec: AssignAssetsSpec; facts: ScreenFacts }) {
  const apps = spec.assetType === 'apps';
  return (
    <BusinessSettingsPage
      selected
      over={
        <MetaWindow
          titleKey="screens:meta.assignAssets"
          footer={
            <>
              <MetaButton say="screens:meta.cancel" />
              <Target id="save">
                <MetaButton say="screens:meta.saveChanges" primary />
              </Target>
            </>
          }
        >
          <div className="meta-columns meta-columns--three">
            <Target id="assetType" block>
              <span className="meta-stack">
                <span className={apps ? 'meta-option meta-option--current' : 'meta-option'}>
                  <MetaWord say="screens:meta.apps" />
                </span>
                <span className={apps ? 'meta-option' : 'meta-option meta-option--current'}>
                  <MetaWord say="screens:meta.whatsappAccounts" />
                </span>
              </span>
            </Target>
            <Target id="asset" block>
              <span className="meta-stack">
                <span className="meta-row">
                  <Tick on />
                  <span className="meta-stack">
                    <MetaWord say={apps ? 'screens:example.appName' : 'screens:example.whatsappAccount'} />
                    {!apps && facts.wabaId && (
                      <span className="meta-small">
                        <Ltr>{facts.wabaId}</Ltr>
                      </span>
                    )}
                  </span>
                </span>
                <span className="meta-row">
                  <Tick on={false} />
                  <Filler width="short" />
                </span>
              </span>
            </Target>
            <Target id="fullControl" block>
              <Labelled labelKey="screens:meta.fullControl">
                <span className="meta-row">
                  <Switch on />
                  <MetaWord say={apps ? 'screens:meta.manageApp' : 'screens:meta.manageWhatsappAccounts'} />
                </span>
              </Labelled>
            </Target>
          </div>
        </MetaWindow>
      }
    />
  );
}
