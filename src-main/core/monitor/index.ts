// The expiry watch: what the shell (tray, notifications) and the CLI use from the monitor.
export { decideAutoRenew, autoRenewWait, type AutoRenewDecision, type AutoRenewInput, type AutoRenewSkipReason } from './auto-renew';
export { systemClock, type Clock } from './clock';
export { tokenFingerprint } from './fingerprint';
export { healthOf, worstHealth, worstStatus, type Health } from './health';
export { knownFromDiagnosis, type KnownToken } from './known-token';
export { emptyWatchMemory, parseWatchMemory, type WatchMemory } from './memory';
export type { BotNotification, NotificationAction, SummaryNotification, WatchNotification } from './notification-messages';
export { decideNotifications, type BotRoundOutcome, type NotificationDecision } from './notifications';
export { MAX_TIMER_DELAY_MS, planNextCheck, type CheckPlanInput } from './schedule';
export { DEFAULT_WATCH_SETTINGS, type WatchSettings } from './settings';
export { Watch } from './watch';
export type { AutoRenewResult, BotWatchStatus, WatchDependencies, WatchedBot, WatchStatus } from './watch-types';
export { renewalOutlook, type NeedsYouReason, type OutlookSettings, type RenewalOutlook } from './renewal-outlook';
