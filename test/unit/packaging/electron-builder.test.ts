import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME } from '../../../src-main/core/paths';
import { APP_USER_MODEL_ID, PRODUCT_NAME } from '../../../src-main/electron/app-lifecycle';
import { trayIconFile } from '../../../src-main/electron/tray/tray-icon';
import { appFiles, dependencyFiles, isUnpacked, PROJECT, readBuilderConfig } from './builder-files';
import { ensureBuilt } from './ensure-built';

/** The parts of electron-builder.yml these tests read (the schema test checks the whole file). */
interface BuilderYaml {
  appId: string;
  productName: string;
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string; icon: string; requestedExecutionLevel: string };
  nsis: Record<string, unknown>;
  mac: { target: string; icon: string; hardenedRuntime: boolean };
  linux: { target: string[]; icon: string };
  deb: { depends: string[] };
}

const config = readBuilderConfig() as unknown as BuilderYaml;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(join(PROJECT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app as the code does (Windows app id, data folder)', () => {
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.productName).toBe(APP_FOLDER_NAME);
  });

  it('sets every fuse the design asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('installs per user on Windows, with no administrator prompt', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
  });

  it('builds a dmg, an AppImage and a deb that pulls in a Secret Service', () => {
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    const depends: string[] = config.deb.depends;
    expect(depends).toContain('libsecret-1-0');
    expect(depends.find((dependency) => dependency.split('|').map((name) => name.trim()).includes('gnome-keyring'))).toBeDefined();
  });

  it('points at icons that exist, and the tray finds an icon for every state on every OS', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) expect(existsSync(join(PROJECT, icon)), icon).toBe(true);
    const png = readFileSync(join(PROJECT, config.mac.icon));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // macOS wants at least 512 px
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const state of ['ok', 'expiring', 'dead', 'unknown'] as const) {
        const file = trayIconFile(join(PROJECT, 'assets'), state, platform);
        expect(existsSync(file), file).toBe(true);
      }
    }
  });
});

describe('the app archive', () => {
  beforeAll(() => ensureBuilt(PROJECT), 120_000);

  it('holds the built bundles and the runtime icons, and nothing else of ours', async () => {
    const files = await appFiles(PROJECT);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'assets/icon.png']));
    expect(files.filter((file) => file.startsWith('assets/tray/')).length).toBeGreaterThanOrEqual(4 * 3);
    const unexpected = files.filter(
      (file) => file !== 'package.json' && !file.startsWith('out/') && !/^assets\/tray\/[^/]+\.(png|ico)$/.test(file) && file !== 'assets/icon.png',
    );
    expect(unexpected).toEqual([]);
  });

  describe('of a project full of things that must not ship', () => {
    let project: string;
    const plant = async (file: string, text = 'x') => {
      await mkdir(dirname(join(project, file)), { recursive: true });
      await writeFile(join(project, file), text);
    };

    beforeAll(async () => {
      project = await mkdtemp(join(tmpdir(), 'builder-files-'));
      for (const file of [
        'package.json',
        'out/main/index.js',
        'out/main/index.js.map',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'out/renderer/assets/index.js',
        'out/renderer/assets/index.js.map',
        'out/renderer/.env',
        'out/main/test/fixture.js',
        'assets/icon.png',
        'assets/icon.svg',
        'assets/tray/ok.png',
        'assets/tray/ok.ico',
        'assets/tray/ok.svg',
        'assets/locales/en/common.json',
        'src-main/electron/main.ts',
        'src-renderer/main.tsx',
        'test/unit/electron/window.test.ts',
        'node_modules/.bin/vitest',
        'node_modules/vitest/index.js',
        '.env',
        '.env.local',
        'bot/.env',
        'electron-builder.yml',
        'tsconfig.json',
        'dist/WA Token Doctor-0.1.0.AppImage',
      ]) {
        await plant(file);
      }
    });
    afterAll(() => rm(project, { recursive: true, force: true }));

    it('takes only the bundles, the runtime icons and package.json', async () => {
      expect((await appFiles(project)).sort()).toEqual(
        [
          'assets/icon.png',
          'assets/tray/ok.ico',
          'assets/tray/ok.png',
          'out/main/index.js',
          'out/preload/index.cjs',
          'out/renderer/assets/index.js',
          'out/renderer/index.html',
          'package.json',
        ].sort(),
      );
    });

    it('leaves out tests, sources, source maps, .env files and node_modules/.bin', async () => {
      const files = await appFiles(project);
      for (const forbidden of [/\.map$/, /(^|\/)\.env/, /(^|\/)test\//, /^src-/, /^node_modules\//, /\.ts$/]) {
        expect(files.filter((file) => forbidden.test(file)), String(forbidden)).toEqual([]);
      }
    });
  });

  it("packs the production dependencies without their .bin, tests or docs, and the keyring's native binary", async () => {
    const packageJson = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(packageJson.dependencies)) {
      const files = await dependencyFiles(name);
      expect(files.length, name).toBeGreaterThan(0);
      expect(files.filter((file) => /\/(\.bin|test|tests|__tests__)\/|\.map$/.test(file)), name).toEqual([]);
    }
  });

  it('unpacks the keyring binary of every platform from the archive, and nothing else of ours', () => {
    for (const platformPackage of ['keyring-win32-x64-msvc', 'keyring-darwin-arm64', 'keyring-darwin-x64', 'keyring-linux-x64-gnu']) {
      const binary = `node_modules/@napi-rs/${platformPackage}/keyring.${platformPackage.slice('keyring-'.length)}.node`;
      expect(isUnpacked(binary), binary).toBe(true);
    }
    expect(isUnpacked('out/main/index.js')).toBe(false);
    expect(isUnpacked('node_modules/valibot/dist/index.js')).toBe(false);
  });
});
