"""Writes the hand-made giấy DOCX variants of TestGiayVariants.

Run with Debian's python3 and python-docx 0.8.11:
    /usr/bin/python3 make_variants.py
It writes giay-gioi-thieu-bien-the.docx, giay-nghi-phep-bien-the.docx and
giay-moi-bien-the.docx here: a header table, the tên loại, the labelled
lines as clerks type them (Ông/bà, missing colons, extra spaces, dd/mm/yyyy
dates) and a Nơi nhận / signer table, in python-docx's default template.
"""
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH


def header(doc, number, date):
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").bold = True
    left.add_paragraph().add_run("XÃ VẠN NINH").bold = True
    left.add_paragraph("Số: " + number)
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph(date)


def title(doc, text, summary=None):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = True
    if summary:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(summary).bold = True


def signature(doc, recipients):
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for r in recipients:
        left.add_paragraph(r)
    right.paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    right.add_paragraph().add_run("CHỦ TỊCH").bold = True
    right.add_paragraph("(Đã ký)")
    right.add_paragraph().add_run("Lê Văn Thành").bold = True


def gioi_thieu():
    doc = Document()
    header(doc, "15/GGT-UBND", "Vạn Ninh, ngày 10 tháng 3 năm 2025")
    title(doc, "GIẤY GIỚI THIỆU")
    for s in [
        "Ủy ban nhân dân xã Vạn Ninh trân trọng giới thiệu:",
        "Ông/bà:   Trần  Thị Hoa",
        "Chức vụ  Phó Chủ tịch, phụ trách văn hóa - xã hội, Ủy ban nhân dân xã Vạn Ninh",
        "Được cử đến Phòng Văn hóa - Thông tin",
        "Về việc : Dự tập huấn công tác gia đình năm 2025.",
        "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.",
        "Ghi chú: mang theo giấy tờ tùy thân.",
        "Giấy này có giá trị đến hết ngày 31/3/2025./.",
    ]:
        doc.add_paragraph(s)
    signature(doc, ["- Như trên;", "- Lưu: VT."])
    doc.save("giay-gioi-thieu-bien-the.docx")


def nghi_phep():
    doc = Document()
    header(doc, "08/GNP-UBND", "Vạn Ninh, ngày 03 tháng 7 năm 2025")
    title(doc, "GIẤY NGHỈ PHÉP")
    for s in [
        "Xét đơn đề nghị nghỉ phép ngày 02/7/2025 của Ông (Bà) Phạm Văn Cường, Ủy ban nhân dân xã Vạn Ninh cấp cho:",
        "Ông (Bà) : Phạm  Văn Cường",
        "Chức vụ: Công chức Địa chính - Xây dựng",
        "Được nghỉ phép trong thời gian 03 ngày, kể từ ngày 07/7/2025 đến hết ngày 09/7/2025 tại thành phố Nha Trang, tỉnh Khánh Hòa",
        "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ việc riêng./.",
    ]:
        doc.add_paragraph(s)
    signature(doc, ["- Ông Phạm Văn Cường;", "- Lưu: VT."])
    doc.save("giay-nghi-phep-bien-the.docx")


def moi():
    doc = Document()
    header(doc, "21/GM-UBND", "Vạn Ninh, ngày 15 tháng 8 năm 2025")
    title(doc, "GIẤY MỜI", "Làm việc về công tác chuyển đổi số")
    for s in [
        "UBND xã Vạn Ninh trân trọng kính mời: Ông Nguyễn Văn Tư, Trưởng thôn Tân Phước",
        "Tới dự buổi làm việc về công tác chuyển đổi số tại thôn.",
        "Thời gian 14 giờ 00 phút, ngày 20 tháng 8 năm 2025.",
        "Địa điểm: Phòng họp số 2, Ủy ban nhân dân xã./.",
    ]:
        doc.add_paragraph(s)
    signature(doc, ["- Như trên;", "- Lưu: VT."])
    doc.save("giay-moi-bien-the.docx")


gioi_thieu()
nghi_phep()
moi()
