// Package model is the document tree of vanban: the components of a Vietnamese
// administrative document as Nghị định 30/2020/NĐ-CP, Điều 8 names them, each
// a typed field of Document, and the body as blocks of styled runs.
//
// The model says what a document contains, never how it looks: sizes, casing
// and punctuation added by the decree belong to package format.
//
// Glossary (term in the decree, Go name, TOML key):
//
//	Quốc hiệu và Tiêu ngữ            (drawn by format)          —
//	Tên cơ quan chủ quản             Header.Parent              co_quan.chu_quan
//	Tên cơ quan ban hành             Header.Issuer              co_quan.ten
//	Số, ký hiệu                      Number                     so, co_quan.viet_tat
//	Địa danh                         Place                      co_quan.dia_danh
//	Thời gian ban hành               Date                       ngay
//	Tên loại văn bản                 Title.Type                 (template: ten_loai)
//	Trích yếu nội dung               Title.Summary              trich_yeu
//	Không in trích yếu (1.8, 1.10)   Title.NoSummary            (template: khong_trich_yeu, trich_yeu_mac_dinh)
//	Thẩm quyền ban hành (Quyết định) Authority                  tham_quyen
//	Kính gửi                         Addressees                 kinh_gui
//	Nội dung                         Body                       noi_dung (and template text)
//	Quyền hạn, chức vụ người ký      Signature.Lines            nguoi_ky.quyen_han, thay_mat, thu_truong, chuc_vu
//	Họ tên người ký                  Signature.Name             nguoi_ky.ho_ten
//	Thư ký (Biên bản, Mẫu 1.9)       CoSigner                   (template: ::: ky-ben-trai; thu_ky)
//	Xác nhận nơi nghỉ (Mẫu 1.10)     Confirmation               (template: ::: xac-nhan; xac_nhan_noi_nghi)
//	Không có số, ký hiệu             Unnumbered                 (template: khong_so)
//	Không có địa danh, ngày tháng    Undated                    (template: khong_ngay)
//	Nơi nhận                         Recipients.Items           noi_nhan
//	Không có nơi nhận                NoRecipients               (template: khong_noi_nhan)
//	Lưu (văn thư, đơn vị soạn thảo)  Recipients.Archive         luu
//	Tên cơ quan viết trong câu       IssuerName                 co_quan.ten_day_du
//	Phụ lục, danh sách kèm theo      Appendices                 (template: ::: phu-luc)
//	Văn bản ban hành kèm theo (1.3)  Appendices, AttachedText   (template: ::: van-ban-kem-theo TÊN LOẠI)
//	Dấu chỉ độ mật (ô 10a)           Marks.Secrecy              mat
//	Dấu chỉ mức độ khẩn (ô 10b)      Marks.Urgency              khan
//	Chỉ dẫn phạm vi lưu hành (ô 11)  Marks.Circulation          luu_hanh
//	Ký hiệu người soạn thảo (ô 12)   Marks.Drafter              nguoi_soan_thao
//	Số lượng bản phát hành (ô 12)    Marks.Copies               so_ban
//	Địa chỉ, điện thoại, … (ô 13)    Marks.Contact              co_quan.dia_chi, dien_thoai, fax, email, website
//	Dự thảo                          Marks.Draft                du_thao
//	Bản giấy / bản điện tử           Edition                    ban
//	Phụ lục không cùng tệp tin       SeparateAppendices         phu_luc_rieng
package model
