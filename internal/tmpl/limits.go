package tmpl

// Bounds of vanban's template stage. Each lies far above what a real
// administrative document needs, and exists so that a mistyped or hostile
// template or body ends quickly with a diagnostic instead of spinning,
// exhausting memory or blowing the stack.
const (
	// MaxOutput is the most bytes one execution of a template may write:
	// 8 MiB, some 2,000 pages of text. Execution stops with T004 past it.
	MaxOutput = 8 << 20

	// MaxSteps is the most steps one execution may take: each iteration of
	// a range costs the number of nodes of its body, each template call the
	// number of nodes of the template. A document listing a thousand
	// nominees in a few tables takes some tens of thousands; a million run
	// in well under a second.
	MaxSteps = 1_000_000

	// MaxCallDepth is the deepest {{template}} calls may nest; it stops
	// runaway recursion long before text/template's own limit of 100,000.
	MaxCallDepth = 100

	// MaxNesting is the deepest lists may nest in the body (a list inside a
	// list item counts one level more). NĐ 30 bodies use three or four.
	MaxNesting = 20

	// scanNesting bounds the nesting estimated by a pre-scan of the body
	// before goldmark parses it: goldmark's time grows with the cube of the
	// nesting of indented lists (1,000 levels take seconds, 3,000 minutes),
	// so deeper bodies are rejected unparsed. The estimate is an upper bound
	// (indentation columns / 2 plus container markers on the line), hence
	// a bound well above MaxNesting.
	scanNesting = 4 * MaxNesting

	// MaxTableCols is the most columns a table may have; an A4 landscape
	// page holds about twenty readable ones.
	MaxTableCols = 50

	// MaxTableRows is the most rows (header included) a table may have.
	MaxTableRows = 10_000

	// maxMarkupDiags is the most markup diagnostics reported for one body;
	// the first ones are enough to fix the text.
	maxMarkupDiags = 20
)
