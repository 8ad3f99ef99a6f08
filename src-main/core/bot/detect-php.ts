// Start proposal for Laravel bots (`php artisan serve`), which restarts itself on a .env change unless the
// configuration is cached.
import type { UserMessage } from '../errors';
import { scoredProposal, type DetectContext, type ScoredProposal } from './detect-context';

export async function detectArtisan(context: DetectContext): Promise<ScoredProposal[]> {
  if (!context.files.has('artisan')) return [];
  const warnings: UserMessage[] = (await context.exists('bootstrap/cache/config.php'))
    ? [{ key: 'bot:detect.warning.configCached' }]
    : [];
  return [
    scoredProposal(
      context,
      {
        command: 'php artisan serve',
        kind: 'artisan',
        reason: { key: 'bot:detect.reason.artisan' },
        reloadsEnv: warnings.length === 0,
        warnings,
      },
      74,
    ),
  ];
}
