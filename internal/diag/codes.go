package diag

// Code identifies a kind of diagnostic: D… data, T… templates, F… format
// (NĐ 30 checks), O… output.
type Code string

// The codes. Their Vietnamese messages are in messages.go.
const (
	CodeSyntax        Code = "D001" // TOML syntax error
	CodeUnknownKey    Code = "D002" // key not in the schema
	CodeMissing       Code = "D003" // required component missing
	CodeBadDate       Code = "D004" // date that does not exist or is malformed
	CodeBadUTF8       Code = "D005" // invalid UTF-8
	CodeNoGlyph       Code = "D006" // character the font cannot draw
	CodeType          Code = "D007" // value of the wrong TOML type
	CodeUnknownTmpl   Code = "D008" // unknown template
	CodeAuthority     Code = "D009" // unknown signing authority (quyền hạn)
	CodeBadNumber     Code = "D010" // malformed document number
	CodeEmpty         Code = "D011" // value present but empty where text is needed
	CodeNoDocs        Code = "D012" // a folder with no document
	CodeBadLevel      Code = "D013" // unknown administrative level
	CodeCiteUnknown   Code = "D014" // cited document not in the workspace
	CodeCiteCycle     Code = "D015" // citations that go round in a circle
	CodeDuplicate     Code = "D016" // the same nominee twice
	CodeAwardUnknown  Code = "D017" // an award vanban does not know
	CodeAwardLevel    Code = "D018" // an award the granting body may not grant
	CodeCountMismatch Code = "D019" // a count that disagrees with a cited list
	CodeNoIssuerName  Code = "D020" // co_quan.ten_day_du needed but missing
	CodeCiteBroken    Code = "D021" // cited document has errors
	CodeNumbering     Code = "D022" // unknown numbering policy
	CodeRegMismatch   Code = "R001" // number typed in the TOML differs from the register
	CodeRegUnknown    Code = "R002" // number typed in the TOML, not in the register
	CodeRegDate       Code = "R003" // date typed in the TOML differs from the register
	CodeRegTaken      Code = "R004" // the number asked for is used
	CodeRegHasNumber  Code = "R005" // the document already has another number
	CodeRegNoDate     Code = "R006" // a number needs a full date
	CodeTmplSyntax    Code = "T001" // template text does not parse
	CodeTmplExec      Code = "T002" // template execution failed
	CodeTmplMeta      Code = "T003" // template front matter is wrong
	CodeOutput        Code = "O001" // output folder cannot be written
	CodeLongSummary   Code = "F001" // very long trích yếu (warning)
	CodeDateNoDay     Code = "F002" // date without day (a draft's state; the CLI sums it up)
	CodeNoNumber      Code = "F003" // number not assigned yet (a draft's state; the CLI sums it up)
	CodeReadFile      Code = "O002" // input file cannot be read
	CodeTooManyPages  Code = "F004" // layout could not place an element (never expected)
	CodeCitePending   Code = "F005" // a cited document still waits for its number
	CodeDeadline      Code = "F006" // a deadline before the issue date
	CodeNoDistrict    Code = "F007" // a district body after 01/7/2025
	CodePlaceholder   Code = "F008" // a "…" placeholder of a starter file left in a value (warning)
	CodeBadChar       Code = "D023" // control character, noncharacter or U+FFFD in a value
	CodeLegacyText    Code = "D024" // text in TCVN3 or VNI, converted to Unicode (warning)
	CodeLimit         Code = "D025" // an input past one of vanban's documented bounds
	CodeMarkup        Code = "D026" // a construct of nội dung that vanban cannot render
	CodeTmplLimit     Code = "T004" // template execution past its step, time or size bound
	CodeRegRange      Code = "R007" // a number outside 1..register.MaxNumber
	CodeRegCorrupt    Code = "R008" // a register row that cannot be read
	CodeOutputClash   Code = "O003" // two documents would write the same output file
	CodeCountUnknown  Code = "F009" // a count vanban cannot check: its award matches no known award (warning)
)
