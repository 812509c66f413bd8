/**
 * The browser and system of the computer asking, for the phone to show (« Chrome 131 »,
 * « macOS 14.5 »), parsed with bowser. Bounded input; an unknown agent gives nulls, never throws.
 */
import Bowser from 'bowser';

export interface UserAgentSummary {
  browser: string | null;
  system: string | null;
}

const maxUserAgentLength = 512;

export function describeUserAgent(userAgent: string | undefined | null): UserAgentSummary {
  if (!userAgent) return { browser: null, system: null };
  try {
    const parsed = Bowser.parse(userAgent.slice(0, maxUserAgentLength));
    return {
      browser: named(parsed.browser.name, majorVersion(parsed.browser.version)),
      system: named(parsed.os.name, parsed.os.versionName ?? parsed.os.version),
    };
  } catch {
    return { browser: null, system: null };
  }
}

function named(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  const text = version ? `${name} ${version}` : name;
  return text.slice(0, 64);
}

function majorVersion(version: string | undefined): string | undefined {
  return version?.split('.')[0];
}
