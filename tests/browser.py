"""What tests/browser.sh asks of chromium's output, with Python's standard
library alone (Debian's python3 is all a fresh machine has).

  browser.py dom <DUMP  the DOM chromium dumped, one node a line: "<tag",
                        then "@name=value" for each attribute; '"text' for
                        each text; a line break in a value reads "\\n"
  browser.py png FILE   fails unless the screenshot shows a drawing
  browser.py background FILE  the commonest colour of a PNG, as #rrggbb
"""
import collections
import html.parser
import struct
import sys
import zlib


class Lister(html.parser.HTMLParser):
    """html.parser reads chromium's XML serialisation of an SVG document
    too, and keeps going where an injection would have left it broken."""

    def handle_starttag(self, tag, attrs):
        print("<" + tag)
        for name, value in attrs:
            print("@%s=%s" % (name, one_line(value or "")))

    def handle_data(self, data):
        if data.strip():
            print('"' + one_line(data.strip()))


def one_line(s):
    return s.replace("\n", "\\n")


def pixels(path):
    """The rows of an 8-bit RGB or RGBA PNG without interlacing (what
    chromium writes), unfiltered, and the bytes per pixel."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, []
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = \
                struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("not 8-bit RGB(A)")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter(kind, row, prev, bpp)
        rows.append(row)
        prev = row
    return rows, bpp


def unfilter(kind, row, prev, bpp):
    """Undoes PNG's row filter kind in place: each byte was stored less a
    guess from the byte to its left, the one above, or both."""
    if kind == 0:
        return
    if kind == 2:
        row[:] = bytes((a + b) & 255 for a, b in zip(row, prev))
        return
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up = prev[i]
        if kind == 1:
            guess = left
        elif kind == 3:
            guess = (left + up) >> 1
        else:
            upleft = prev[i - bpp] if i >= bpp else 0
            p = left + up - upleft
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
            guess = left if pa <= pb and pa <= pc else up if pb <= pc else upleft
        row[i] = (row[i] + guess) & 255


def colours(path):
    rows, bpp = pixels(path)
    counts = collections.Counter()
    for row in rows:
        counts.update(bytes(row[i:i + 3]) for i in range(0, len(row), bpp))
    return counts


def png(path):
    counts = colours(path)
    total = sum(counts.values())
    drawn = 1 - counts.most_common(1)[0][1] / total
    # A drawing covers a few percent of the page at least, in its colours
    # and in the shades that antialiasing adds to them.
    if drawn < 0.02 or len(counts) < 16:
        print("  %s is blank: %.1f%% of pixels off the background, %d colours"
              % (path, 100 * drawn, len(counts)))
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["dom"]:
        Lister().feed(sys.stdin.read())
    elif len(sys.argv) == 3 and sys.argv[1] == "png":
        sys.exit(png(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "background":
        print("#" + colours(sys.argv[2]).most_common(1)[0][0].hex())
    else:
        sys.exit(__doc__)
