import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesPerSource } from './sourceMapBytes';
import { dependencyClosure, owningPackageDir } from './packageGraph';

export interface PluginBundleShare {
  /** Gzipped KB (1 KB = 1024 bytes) of the plugin's share of every JS and CSS asset. */
  pluginGzipKb: number;
  pluginMinifiedKb: number;
  /** The whole app, for scale. */
  appGzipKb: number;
  /** Of the plugin's share, the part in assets loaded on every page (the entry point). */
  pluginInitialGzipKb: number;
  /** Gzipped KB per package of the plugin's share, largest first. */
  byPackage: Array<{ name: string; gzipKb: number }>;
}

/**
 * `webpack://app/../../plugins/x/src/a.ts` to an absolute path: the bundler names sources relative to the
 * app package. Undefined for generated sources (runtime helpers) that have no file.
 */
export function sourceToFile(
  source: string,
  appDir: string,
): string | undefined {
  const match = /^webpack:\/\/[^/]*\/(.*)$/.exec(source);
  const relative = (match ? match[1] : source).split('?')[0];
  if (!relative.startsWith('.') && !relative.startsWith('/')) {
    return undefined;
  }
  return path.resolve(appDir, relative);
}

function packageName(dir: string): string {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
    .name;
}

/**
 * The plugin's share of a built app, from the source maps next to each asset: bytes that come from the
 * plugin's own packages or from packages only the plugin depends on (the app's dependency closure with the
 * plugin minus the closure without it). Each asset's gzipped size is split in proportion to its minified
 * bytes, so the result is what leaving the plugin out would save, up to gzip's context effects.
 */
export function measurePluginShare(options: {
  appDir: string;
  /** e.g. `@dataops-observability/plugin-dataops`. */
  pluginPackage: string;
  /** Entry point assets, e.g. from `index.html`, for the initial-load split. */
  initialAssets: ReadonlySet<string>;
}): PluginBundleShare {
  const { appDir, pluginPackage, initialAssets } = options;
  const withPlugin = dependencyClosure(appDir);
  const withoutPlugin = dependencyClosure(appDir, new Set([pluginPackage]));
  const added = new Set([...withPlugin].filter(d => !withoutPlugin.has(d)));
  const ownerCache = new Map<string, string | undefined>();
  const staticDir = path.join(appDir, 'dist', 'static');

  let pluginGzip = 0;
  let pluginMinified = 0;
  let pluginInitialGzip = 0;
  let appGzip = 0;
  const perPackage = new Map<string, number>();
  for (const file of fs.readdirSync(staticDir)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const code = fs.readFileSync(path.join(staticDir, file), 'utf8');
    const gzip = gzipSync(code).length;
    appGzip += gzip;
    const mapFile = path.join(staticDir, `${file}.map`);
    if (!fs.existsSync(mapFile)) continue;
    const totals = bytesPerSource(
      code,
      JSON.parse(fs.readFileSync(mapFile, 'utf8')),
    );
    const assetBytes = Buffer.byteLength(code, 'utf8');
    for (const [source, bytes] of totals) {
      const absolute = source ? sourceToFile(source, appDir) : undefined;
      const owner = absolute && owningPackageDir(absolute, ownerCache);
      if (!owner || !added.has(owner)) continue;
      const share = (gzip * bytes) / assetBytes;
      pluginMinified += bytes;
      pluginGzip += share;
      if (initialAssets.has(`static/${file}`)) pluginInitialGzip += share;
      perPackage.set(owner, (perPackage.get(owner) ?? 0) + share);
    }
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    pluginGzipKb: kb(pluginGzip),
    pluginMinifiedKb: kb(pluginMinified),
    appGzipKb: kb(appGzip),
    pluginInitialGzipKb: kb(pluginInitialGzip),
    byPackage: [...perPackage]
      .sort((a, b) => b[1] - a[1])
      .map(([dir, bytes]) => ({ name: packageName(dir), gzipKb: kb(bytes) })),
  };
}

/** Script and style assets `index.html` loads up front (`static/...`), i.e. what every page pays for. */
export function initialAssetsOf(indexHtml: string): Set<string> {
  const assets = new Set<string>();
  for (const match of indexHtml.matchAll(
    /(?:src|href)="\/?(static\/[^"]+\.(?:js|css))"/g,
  )) {
    assets.add(match[1]);
  }
  return assets;
}
