#!/bin/sh
# Regenerates the bundled font subsets from Debian's font packages.
# Needs: apt-get install fonts-dejavu-core fonts-noto-cjk python3-fonttools
# Why subsets: the full Noto Sans CJK collection is 19 MB; the GB2312 + Big5 level-1 Hanzi,
# kana, CJK and ASCII punctuation cover everyday simplified and traditional news text in 4.3 MB.
# DejaVu Sans is cut down to its Arabic glyphs plus ASCII punctuation and digits (so brackets and
# digits inside Arabic runs are shaped, and mirrored, with them; Latin letters come from Fyne's
# Noto Sans). Its Arabic stays inside Latin line metrics, so labels and entries do not clip
# the dots below letters.
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
$PY - > /tmp/parallax-cjk-chars.txt <<'PYEOF'
import sys
chars = set()
for b1 in range(0xA1, 0xF8):            # GB2312 (simplified Chinese)
    for b2 in range(0xA1, 0xFF):
        try: chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError: pass
for b1 in range(0xA4, 0xC7):            # Big5 level 1 (common traditional Hanzi)
    for b2 in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
        try: chars.add(bytes([b1, b2]).decode("big5"))
        except UnicodeDecodeError: pass
# ASCII (space, digits, punctuation, Latin letters), Latin-1 signs (· ° × ÷, no-break space)
# and general punctuation (— … ‘ ’ “ ”): Chinese text mixes them in, and a font that lacks the
# space or a comma between Hanzi leaves a run half drawn by another face, or a box where the
# shaper kept this one. app/fonts' TestBundledFontsCoverPunctuation checks the result.
for a, b in [(0x0020, 0x007E), (0x00A0, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
             (0x2000, 0x206F), (0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF),
             (0x31F0, 0x31FF), (0x3200, 0x32FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(a, b + 1))
sys.stdout.write("".join(sorted(chars)))
PYEOF
$PY -m fontTools.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --text-file=/tmp/parallax-cjk-chars.txt --layout-features='*' --no-hinting \
  --output-file=NotoSansCJKsc-Subset.otf
$PY -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  --unicodes="U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+2000-206F,U+0020-0040,U+005B-0060,U+007B-007E,U+00A0-00BF,U+25CC" \
  --layout-features='*' --output-file=DejaVuSans-Arabic.ttf
# Widen the declared descent to the lowest Arabic glyph: Fyne'sizes a text's texture from the
# font's declared metrics, so dots below letters that reach past it would be clipped. The ascent
# stays, so Arabic text that Fyne falls back to inside Latin-sized labels keeps its baseline.
$PY - <<'PYEOF'
from fontTools.ttLib import TTFont
f = TTFont("DejaVuSans-Arabic.ttf")
glyf = f["glyf"]
ymin = 0
for name in f.getGlyphOrder():
    g = glyf[name]
    if g.numberOfContours:
        g.recalcBounds(glyf)
        ymin = min(ymin, g.yMin)
f["hhea"].descent = ymin
f["OS/2"].sTypoDescender = ymin
f["OS/2"].usWinDescent = -ymin
f.save("DejaVuSans-Arabic.ttf")
PYEOF
