// Connects a bot whose owner restarts it themselves, through the service, for tests that start at the dashboard.
import type { BotView } from '../../src-main/contract';
import type { DoctorService } from '../../src-main/core/service';
import { SIM_PHONE_NUMBER_ID } from '../sim/graph-simulator';

export function connectSelfRestartedBot(
  service: DoctorService,
  bot: { folder: string; envFile: string; name?: string; tokenVariable?: string },
): Promise<BotView> {
  return service.connectBot({
    folder: bot.folder,
    name: bot.name ?? 'Shop',
    envFile: bot.envFile,
    tokenVariable: bot.tokenVariable ?? 'ACCESS_TOKEN',
    phoneNumberId: SIM_PHONE_NUMBER_ID,
    wabaId: null,
    apiVersion: null,
    run: { mode: 'none', command: null, cwd: null, healthUrl: null, shell: 'cmd' },
  });
}
