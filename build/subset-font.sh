#!/usr/bin/env bash
# Makes the CJK font the digest's chart draws with, assets/fonts/NotoSansSC-Regular.subset.ttf, and its
# licence beside it. Run by hand when the character set should change; the result is committed, so
# neither a build nor a test needs npm or fontTools for it.
#
# Source: Noto Sans SC Regular 2.004 (Adobe/Google, SIL Open Font License 1.1), the static TrueType
# font in the npm package @expo-google-fonts/noto-sans-sc@0.4.3.
# Subset (fontTools' subsetter, Debian's python3-fonttools): every character of GB2312 (its symbols and
# its 6,763 hanzi), ASCII and Latin-1, general punctuation, CJK symbols and punctuation, full-width
# forms, and every character of dialogs/ and seeds/ (texts, department names, the plan), so that what
# the bot writes draws whole. The full font is about 10 MB; the subset about 2.5 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

package="@expo-google-fonts/noto-sans-sc@0.4.3"
out=assets/fonts/NotoSansSC-Regular.subset.ttf

python=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import fontTools' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || { echo "subset-font: needs Python's fontTools (apt-get install python3-fonttools)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)

"$python" - "$work/chars.txt" dialogs seeds <<'PY'
import pathlib, sys
chars = set()
# GB2312: rows 1-9 (symbols) and 16-87 (hanzi), each cell 0xA1-0xFE, decoded by Python's codec.
for row in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
    for cell in range(0xA1, 0xFF):
        try:
            chars.add(bytes([row, cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for lo, hi in [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(lo, hi + 1))
for folder in sys.argv[2:]:
    for f in sorted(pathlib.Path(folder).rglob("*")):
        if f.is_file():
            chars.update(f.read_text(encoding="utf-8"))
chars = sorted(c for c in chars if c.isprintable() or c == "\u3000")
pathlib.Path(sys.argv[1]).write_text("".join(chars), encoding="utf-8")
PY

mkdir -p "$(dirname "$out")"
"$python" -m fontTools.subset "$work/package/400Regular/NotoSansSC_400Regular.ttf" \
  --text-file="$work/chars.txt" --output-file="$out" \
  --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline
cp "$work/package/LICENSE_FONT" assets/fonts/OFL.txt
ls -l "$out"
