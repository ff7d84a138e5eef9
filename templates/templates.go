// Package templates embeds the built-in document templates. Each file is a
// template kind: TOML front matter between "+++" lines (tên loại, ký hiệu,
// the fields the template adds to a document), then a text/template body
// producing CommonMark.
package templates

import "embed"

// FS holds the built-in templates.
//
//go:embed *.md
var FS embed.FS
