// Package fonts embeds the libre fonts vanban draws with: Liberation Serif
// 2.1.5 (SIL Open Font License 1.1, see LICENSE-LiberationSerif.txt), which is
// metric-compatible with Times New Roman, the font Nghị định 30/2020/NĐ-CP
// prescribes (Phụ lục I, I.4).
package fonts

import "embed"

// FS holds the four TrueType faces and their licence.
//
//go:embed *.ttf LICENSE-LiberationSerif.txt
var FS embed.FS

// Files names the faces in FS by style: regular, bold, italic, bold italic.
var Files = [4]string{
	"LiberationSerif-Regular.ttf",
	"LiberationSerif-Bold.ttf",
	"LiberationSerif-Italic.ttf",
	"LiberationSerif-BoldItalic.ttf",
}
