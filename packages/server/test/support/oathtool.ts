import { execFileSync } from 'node:child_process';

/** Computes a TOTP code with oathtool, an implementation independent of ours. */
export function oathtoolTotp(secret: string, epochMs: number = Date.now()): string {
  const at = new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  return execFileSync('oathtool', ['--totp', '-b', '--now', at, secret], {
    encoding: 'utf8',
  }).trim();
}

/** Fails under CI=true when a tool is missing; elsewhere names it and returns false. */
export function requireTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true')
      throw new Error(`${name} is not installed; .ci/run installs it with apt-get.`);
    console.warn(`${name} is not installed: the tests that need it do not run.`);
    return false;
  }
}
