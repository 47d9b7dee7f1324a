import { execFileSync } from 'node:child_process';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** The exit status of zbarimg when it finds no barcode in an image. */
const zbarimgNothingFound = 4;

/**
 * Takes a screenshot of an image element, writes it to `file` and decodes the QR code in it with
 * zbarimg. Decoding the rendered pixels, as a phone camera reads the screen, also checks that the
 * image stays readable at the size the page displays it.
 */
export async function readQrCode(image: Locator, file: string): Promise<string> {
  await image.waitFor();
  // A data URL image can be in the DOM before it has decoded, and would then capture blank.
  await expect
    .poll(() =>
      image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0)),
    )
    .toBeGreaterThan(0);
  await image.screenshot({ path: file });

  try {
    return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
  } catch (error) {
    const { status, stderr } = error as { status?: number; stderr?: string };
    if (status === zbarimgNothingFound) {
      throw new Error(`zbarimg found no readable QR code in ${file}.`, { cause: error });
    }
    throw new Error(`zbarimg failed on ${file} with exit status ${status}: ${stderr}`, {
      cause: error,
    });
  }
}
