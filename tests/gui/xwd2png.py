#!/usr/bin/env python3
"""Converts a TrueColor (24 or 32 bits a pixel) XWD screenshot (xwd -root) to PNG with the standard library only:
this machine has no ImageMagick. Usage: xwd2png.py IN.xwd OUT.png [X Y W H] (an optional crop)."""
import struct
import sys
import zlib


def main():
    data = open(sys.argv[1], 'rb').read()
    fields = struct.unpack('>25I', data[:100])
    header_size, width, height = fields[0], fields[4], fields[5]
    byte_order, bpp, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    step = bpp // 8  # Xvfb's depth 24 writes packed 3-byte pixels, rows padded
    if step not in (3, 4):
        sys.exit('only 24 or 32 bits per pixel are supported, not %d' % bpp)
    pixels = data[header_size + 12 * ncolors:]
    x0, y0, w, h = (map(int, sys.argv[3:7]) if len(sys.argv) == 7 else (0, 0, width, height))
    rows = []
    for y in range(y0, y0 + h):
        line = pixels[y * bytes_per_line + step * x0: y * bytes_per_line + step * (x0 + w)]
        rgb = bytearray(3 * w)
        if byte_order == 0:  # LSBFirst: B G R (X)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[2::step], line[1::step], line[0::step]
        else:  # MSBFirst: (X) R G B
            rgb[0::3], rgb[1::3], rgb[2::3] = line[step - 3::step], line[step - 2::step], line[step - 1::step]
        rows.append(b'\0' + bytes(rgb))

    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)

    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b'')
    open(sys.argv[2], 'wb').write(png)


if __name__ == '__main__':
    main()
