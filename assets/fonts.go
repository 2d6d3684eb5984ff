package assets

import _ "embed"

// Bundled fonts for scripts Fyne's default Noto Sans lacks. Sizes: DejaVuSans-Arabic.ttf about
// 55 KB, NotoSansCJKsc-Subset.otf about 4.3 MB (GB2312 + Big5 level-1 Hanzi, kana, ASCII,
// general and CJK punctuation). assets/fonts/subset.sh regenerates both; licences sit beside them.
var (
	//go:embed fonts/DejaVuSans-Arabic.ttf
	FontArabic []byte
	//go:embed fonts/NotoSansCJKsc-Subset.otf
	FontCJK []byte
	//go:embed fonts/LICENSE-DejaVu.txt
	FontArabicLicense string
	//go:embed fonts/OFL-NotoSansCJK.txt
	FontCJKLicense string
)
