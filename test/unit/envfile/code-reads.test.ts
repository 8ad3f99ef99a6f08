// Which environment variables a piece of bot source reads, in the forms real bots use.
import { describe, expect, it } from 'vitest';
import { envReadsInSource } from '../../../src-main/core/envfile/code-reads';

describe('envReadsInSource', () => {
  it.each([
    ['os.getenv("ACCESS_TOKEN")', 'ACCESS_TOKEN'],
    ["os.getenv('VERSION', 'v18.0')", 'VERSION'],
    ['os.environ["PHONE_NUMBER_ID"]', 'PHONE_NUMBER_ID'],
    ["os.environ.get('APP_SECRET')", 'APP_SECRET'],
    ['TOKEN = config("WHATSAPP_TOKEN")', 'WHATSAPP_TOKEN'],
    ["env.str('WA_TOKEN')", 'WA_TOKEN'],
    ['const t = process.env.WHATSAPP_ACCESS_TOKEN.trim();', 'WHATSAPP_ACCESS_TOKEN'],
    ["process.env['CLOUD_API_ACCESS_TOKEN']", 'CLOUD_API_ACCESS_TOKEN'],
    ['import.meta.env.VITE_WHATSAPP_TOKEN', 'VITE_WHATSAPP_TOKEN'],
    ["$token = env('WHATSAPP_CLOUD_API_TOKEN');", 'WHATSAPP_CLOUD_API_TOKEN'],
    ["$_ENV['WABA_ID']", 'WABA_ID'],
    ["getenv('META_TOKEN')", 'META_TOKEN'],
  ])('%s reads %s', (source, name) => {
    expect([...envReadsInSource(source)]).toEqual([name]);
  });

  it('reads names destructured from process.env, with renames and defaults', () => {
    const source = 'const {\n  WEBHOOK_VERIFY_TOKEN,\n  GRAPH_API_TOKEN: token,\n  PORT = 3000,\n} = process.env;';
    expect([...envReadsInSource(source)].sort()).toEqual(['GRAPH_API_TOKEN', 'PORT', 'WEBHOOK_VERIFY_TOKEN']);
  });

  it("does not take Laravel's dotted config keys or unrelated calls for variables", () => {
    expect([...envReadsInSource("config('services.whatsapp.token'); getConfig('X'); environment('Y')")]).toEqual([]);
  });
});
