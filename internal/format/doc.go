// Package format holds the rules of Nghị định 30/2020/NĐ-CP, Phụ lục I, as
// tables: page setup, the size, weight, style, casing, alignment and spacing
// of every component, and the punctuation the decree adds around the data
// ("Số: …/…", "ngày … tháng … năm …", "- …;", "- Lưu: ….", "./.").
// Both renderers read these tables, so the PDF and the DOCX agree.
//
// Which clause each rule implements (spec = shared/spec/nd30-rules.md):
//
//	rule                                   value chosen               clause
//	A4 paper, portrait                     210 × 297 mm               I.1–2 (spec P1, P2)
//	margins top/bottom/left/right          20/20/30/15 mm             I.3: 20–25, 20–25, 30–35, 15–20 (the minima most real documents use)
//	Quốc hiệu                              13 pt, UP, bold            II.1.a: 12–13
//	Tiêu ngữ                               14 pt, bold, rule = text   II.1.b: 13–14
//	tên cơ quan chủ quản                   13 pt, UP                  II.2: 12–13
//	tên cơ quan ban hành                   13 pt, UP, bold, rule 2/5  II.2.b: 12–13, rule 1/3–1/2
//	Số, ký hiệu                            13 pt                      II.3.c
//	địa danh, ngày                         14 pt italic               II.4.c: 13–14
//	tên loại                               14 pt UP bold              II.5.b: 13–14
//	trích yếu                              14 pt bold, rule 2/5       II.5.b: 13–14, rule 1/3–1/2
//	trích yếu công văn "V/v …"             12 pt, 6 pt after Số       II.5.b: 12–13
//	nội dung                               14 pt, justified,          II.6.e: 13–14; indent 1 or 1.27 cm;
//	                                       indent 1 cm, 6 pt before,  ≥ 6 pt between paragraphs;
//	                                       line pitch 18 pt           line spacing single (16.1 pt) to 1.5 lines
//	điểm "a) …" (level-3 heading)          14 pt, upright             II.6.đ, Mục V: lc, R
//	header column ↔ Quốc hiệu gap          ≥ 6 mm (parent 13→12 pt)   IV figure (no number); II.2: 12–13
//	quyền hạn, chức vụ; họ tên             14 pt UP bold; 14 pt bold  II.7.đ: 13–14
//	xác nhận (Mẫu 1.10); "(Chữ ký, dấu)"   14 pt bold; 14 pt italic   II.7.đ: 13–14 (as a signature)
//	tên loại without trích yếu (1.8, 1.10) rule 2/5 of tên loại       II.5.b: rule 1/3–1/2; Mẫu 1.8, 1.10
//	"Nơi nhận:"; list                      12 pt bold italic; 11 pt   II.9.d
//	page number                            14 pt, centred in header,  I.7: 13–14, none on page 1
//	                                       10 mm from the top edge
package format
