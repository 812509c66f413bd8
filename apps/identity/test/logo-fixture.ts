/**
 * Images for the branding tests, made here rather than stored: a real PNG (a coloured disc on
 * white, `size` pixels square), and the files a logo upload must refuse.
 */
import { crc32, deflateSync } from 'node:zlib';

/** A `size`×`size` RGB PNG: a disc of `rgb` on white. */
export function discPng(size = 64, rgb: [number, number, number] = [0x0b, 0x5c, 0xad]): Buffer {
  const rows: Buffer[] = [];
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      if ((x - centre) ** 2 + (y - centre) ** 2 <= (size * 0.42) ** 2)
        Buffer.from(rgb).copy(row, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export const svgLogo = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

/** A text file named like a PNG. */
export const textNamedPng = Buffer.from('Ceci n’est pas une image.\n');

/** Starts as a PNG, but past the 256 KiB limit. */
export function oversizedPng(): Buffer {
  return Buffer.concat([discPng(8), Buffer.alloc(300 * 1024)]);
}

/** A multipart/form-data body with the console's token and one file (RFC 7578). */
export function multipartLogoForm(
  csrf: string,
  file: { name: string; type: string; bytes: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = '----sesame-test-boundary-7MA4YWxk';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
