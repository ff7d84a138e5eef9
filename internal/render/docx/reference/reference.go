// Package reference holds the fixed WordprocessingML parts of a vanban DOCX,
// stored unzipped so that a change to them shows as a text diff.
package reference

import _ "embed"

// The fixed parts.
var (
	//go:embed content_types.xml
	ContentTypes string
	//go:embed rels.xml
	Rels string
	//go:embed document.xml.rels
	DocumentRels string
	//go:embed settings.xml
	Settings string
	//go:embed header-first.xml
	HeaderFirst string
	//go:embed header-default.xml
	HeaderDefault string
)
