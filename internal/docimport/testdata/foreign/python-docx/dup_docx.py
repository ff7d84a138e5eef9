import sys, os, docx
import docx.table, docx.text.paragraph
from docx.shared import Pt
src, dst = sys.argv[1], sys.argv[2]
d = docx.Document(src)
out = docx.Document()  # python-docx's default template: Calibri, no NĐ 30 styles
body = d.element.body
for child in body.iterchildren():
    tag = child.tag.split('}')[1]
    if tag == 'p':
        p = docx.text.paragraph.Paragraph(child, d)
        q = out.add_paragraph()
        for r in p.runs:
            nr = q.add_run(r.text)
            nr.bold = r.bold
            nr.italic = r.italic
        q.alignment = p.alignment
    elif tag == 'tbl':
        t = docx.table.Table(child, d)
        rows, cols = len(t.rows), len(t.columns)
        nt = out.add_table(rows=rows, cols=cols)
        for i, row in enumerate(t.rows):
            seen = set()
            for j, cell in enumerate(row.cells):
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                c = nt.cell(i, j)
                c.text = ''
                first = True
                for p in cell.paragraphs:
                    q = c.paragraphs[0] if first else c.add_paragraph()
                    first = False
                    for r in p.runs:
                        nr = q.add_run(r.text)
                        nr.bold = r.bold
                        nr.italic = r.italic
                    q.alignment = p.alignment
out.save(dst)
