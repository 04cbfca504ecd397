'use strict';
// Runs `npm ci` unless node_modules already holds exactly what package-lock.json names (npm's record of its last
// install, node_modules/.package-lock.json, lists the same packages), so a build with dependencies installed needs
// no network; any other state is installed afresh from the lockfile.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')).packages;
  } catch {
    return null;
  }
};
const canonical = (packages) => JSON.stringify(Object.keys(packages).filter((name) => name !== '').sort()
  .map((name) => [name, packages[name]]));

const locked = read('package-lock.json');
const installed = read(path.join('node_modules', '.package-lock.json'));
const omitDev = process.argv.includes('--omit=dev');
if (locked && installed && canonical(installed) === canonical(omitDev
  ? Object.fromEntries(Object.entries(locked).filter(([, entry]) => !entry.dev)) : locked)) {
  console.log('node_modules matches package-lock.json: npm ci not needed');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
