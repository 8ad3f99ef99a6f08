// Meta's "Generate token" window on the System users page: the app, the expiry Meta offers, the three
// permissions (searched with "business"); then the same window showing the new token with its "Copy" button.
import { Ltr } from '../ui/Ltr';
import { BusinessSettingsPage } from './BusinessSettingsPage';
import { Labelled, MetaButton, MetaWindow, MetaWord, Target, Tick } from './parts';
import type { ExpiryChoice, MetaScreenSpec } from './screen-spec';

/** Meta's permission names: the same in every language, so not translatable words. */
const PERMISSIONS = ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'];
/** What Meta suggests typing in the permissions' search box: part of the permission names, never translated. */
const PERMISSION_SEARCH = 'business';
const EXPIRY_WORD: Record<ExpiryChoice, string> = { sixtyDays: 'screens:meta.sixtyDays', never: 'screens:meta.never' };
/** What a token looks like at a glance (Meta's tokens start with EAA); never a real one. */
const SAMPLE_TOKEN = 'EAAGm0PX4ZCpsBO7ZB…';

type GenerateTokenSpec = Extract<MetaScreenSpec, { kind: 'generateToken' }>;

export function GenerateTokenScreen({ spec }: { spec: GenerateTokenSpec }) {
  return (
    <BusinessSettingsPage
      selected
      over={
        <MetaWindow
          titleKey="screens:meta.generateToken"
          footer={
            <Target id="generate">
              <MetaButton say="screens:meta.generateToken" primary />
            </Target>
          }
        >
          <Target id="app" block>
            <span className="meta-input meta-input--select">
              <MetaWord say="screens:example.appName" />
            </span>
          </Target>
          <Target id="expiry" block>
            <Labelled labelKey="screens:meta.tokenExpiration">
              {spec.offered.map((choice) => (
                <span key={choice} className="meta-row">
                  <Tick on={choice === spec.chosen} round />
                  <MetaWord say={EXPIRY_WORD[choice]} />
                </span>
              ))}
            </Labelled>
          </Target>
          <Target id="permissions" block>
            <Labelled labelKey="screens:meta.permissions">
              <span className="meta-search meta-search--filled">
                <Ltr>{PERMISSION_SEARCH}</Ltr>
              </span>
              {PERMISSIONS.map((permission) => (
                <span key={permission} className="meta-row">
                  <Tick on />
                  <code className="meta-code">
                    <Ltr>{permission}</Ltr>
                  </code>
                </span>
              ))}
            </Labelled>
          </Target>
        </MetaWindow>
      }
    />
  );
}

export function TokenReadyScreen() {
  return (
    <BusinessSettingsPage
      selected
      over={
        <MetaWindow titleKey="screens:meta.generateToken" footer={<MetaButton say="screens:meta.done" primary />}>
          <span className="meta-row meta-row--spread">
            <code className="meta-input meta-input--token">
              <Ltr>{SAMPLE_TOKEN}</Ltr>
            </code>
            <Target id="copy">
              <MetaButton say="screens:meta.copy" />
            </Target>
          </span>
        </MetaWindow>
      }
    />
  );
}
