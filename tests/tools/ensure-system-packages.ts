// Runs before every `npm test`: installs the Debian packages the tests need when it can,
// and otherwise stops the run with what to install. A missing browser must never turn
// into silently skipped browser tests.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { systemPackages } from './system-packages';

const missing = systemPackages.filter((p) => p.executables.some((file) => !existsSync(file)));
if (missing.length === 0) process.exit(0);

const names = missing.map((p) => p.debianPackage);
console.log(`Installing Debian packages needed by the tests: ${names.join(' ')}`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudoWorks = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
const hasApt = existsSync('/usr/bin/apt-get');

if (hasApt && (isRoot || sudoWorks)) {
  const prefix = isRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, ...args] as [string, ...string[]];
    return spawnSync(cmd, rest, { stdio: 'inherit', env }).status === 0;
  };
  // Update the index only when a plain install cannot find the packages.
  const ok = run(['apt-get', 'install', '-y', '--no-install-recommends', ...names]) || (run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', '--no-install-recommends', ...names]));
  const still = systemPackages.filter((p) => p.executables.some((file) => !existsSync(file)));
  if (ok && still.length === 0) process.exit(0);
}

console.error('\nThe test suite cannot run: these Debian packages are missing and could not be installed here:');
for (const p of missing) console.error(`  - ${p.debianPackage}  (${p.purpose}; needs ${p.executables.join(', ')})`);
console.error(`\nInstall them as root and run npm test again:\n  apt-get install -y ${names.join(' ')}\n`);
process.exit(1);
