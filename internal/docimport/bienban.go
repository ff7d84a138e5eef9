package docimport

import (
	"regexp"
	"strings"
)

// The lines of a Biên bản (Phụ lục III, Mẫu 1.9; templates/bien-ban.md)
// that vanban writes from keys.
var (
	reBBStart    = regexp.MustCompile(`^Thời gian bắt đầu:\s*(.+?)\.?$`)
	reBBPlace    = regexp.MustCompile(`^Địa điểm:\s*(.+?)\.?$`)
	reBBPresent  = regexp.MustCompile(`^Thành phần tham dự:\s*$`)
	reBBChair    = regexp.MustCompile(`^Chủ trì \(chủ tọa\):\s*(.+?)\.?$`)
	reBBClerk    = regexp.MustCompile(`^Thư ký \(người ghi biên bản\):\s*(.+?)\.?$`)
	reBBContent  = regexp.MustCompile(`^Nội dung \(theo diễn biến (.+)\):$`)
	reBBEnd      = regexp.MustCompile(`^(.+?) kết thúc vào (.+)\./\.$`)
	reDateInText = regexp.MustCompile(`ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})`)
)

// bienBanDate is the meeting's date, read from "Thời gian bắt đầu: …", for
// a Biên bản that has no place and date line.
func bienBanDate(items []bodyItem) string {
	for _, it := range items {
		if it.l == nil {
			continue
		}
		if m := reBBStart.FindStringSubmatch(it.l.text); m != nil {
			if d := reDateInText.FindStringSubmatch(m[1]); d != nil {
				return isoDate(d[1], d[2], d[3])
			}
		}
	}
	return ""
}

// bienBan takes the keys of a Biên bản out of its body: time, place,
// participants, chair, clerk (and the clerk's signature on the left), the
// kind of meeting, the account (dien_bien) and the closing time. What does
// not fit is returned and reported.
func (dr *draft) bienBan(w *tomlWriter, k *Kind, items []bodyItem, rec func(line, string)) []bodyItem {
	t := &w.top
	var rest, account []bodyItem
	clerkName, clerkTitle := "", ""
	if n := len(dr.leftSigner); n >= 2 {
		clerkName = dr.leftSigner[n-1].text
		clerkTitle = strings.Join(texts(dr.leftSigner[:n-1]), " ")
	}
	inAccount, loai := false, ""
	for idx := 0; idx < len(items); idx++ {
		it := items[idx]
		if it.l == nil {
			if inAccount {
				account = append(account, it)
			} else {
				rest = append(rest, it)
			}
			continue
		}
		s := it.l.text
		if inAccount {
			if m := reBBEnd.FindStringSubmatch(s); m != nil && idx == lastPara(items) {
				w.kv(t, "ket_thuc", quote(m[2]))
				if !strings.EqualFold(m[1], "cuộc họp") {
					loai = strings.ToLower(m[1])
				}
				rec(*it.l, "thời gian kết thúc (ket_thuc)")
				inAccount = false
				continue
			}
			account = append(account, it)
			continue
		}
		clerk := reBBClerk.FindStringSubmatch(s)
		switch {
		case reBBStart.MatchString(s):
			w.kv(t, "thoi_gian_bat_dau", quote(reBBStart.FindStringSubmatch(s)[1]))
			rec(*it.l, "thời gian bắt đầu")
		case reBBPlace.MatchString(s):
			w.kv(t, "dia_diem", quote(reBBPlace.FindStringSubmatch(s)[1]))
			rec(*it.l, "địa điểm")
		case reBBPresent.MatchString(s):
			rec(*it.l, "thành phần tham dự")
			var who []string
			for idx+1 < len(items) && items[idx+1].l != nil && reDash.MatchString(items[idx+1].l.text) {
				idx++
				who = append(who, trimItem(items[idx].l.text))
				rec(*items[idx].l, "thành phần tham dự")
			}
			w.kv(t, "thanh_phan", list(who))
		case reBBChair.MatchString(s):
			w.kv(t, "chu_tri", quote(reBBChair.FindStringSubmatch(s)[1]))
			rec(*it.l, "chủ trì (chủ tọa)")
		case clerk != nil:
			who := clerk[1]
			if clerkName == "" {
				clerkName = who
				if i := strings.Index(who, ", "); i >= 0 {
					clerkName = who[:i]
				}
			}
			switch {
			case who == clerkName:
			case strings.HasPrefix(who, clerkName+", "):
				w.kv(t, "thu_ky_chuc_vu", quote(strings.TrimPrefix(who, clerkName+", ")))
			default:
				rest = append(rest, it) // the clerk of the text is not the one who signs
				continue
			}
			w.kv(t, "thu_ky", quote(clerkName))
			rec(*it.l, "thư ký (thu_ky, thu_ky_chuc_vu)")
		case reBBContent.MatchString(s):
			loai = reBBContent.FindStringSubmatch(s)[1]
			inAccount = true
			rec(*it.l, "dòng mở đầu nội dung (vanban tự tạo)")
		default:
			rest = append(rest, it)
		}
	}
	if loai != "" && loai != "cuộc họp" {
		w.kv(t, "loai", quote(loai))
	}
	if clerkTitle != "" && clerkTitle != "THƯ KÝ" && k.Fields["thu_ky_chuc_danh"] {
		w.kv(t, "thu_ky_chuc_danh", quote(clerkTitle))
	}
	for _, l := range dr.leftSigner {
		rec(l, "chữ ký của thư ký (vanban tự tạo)")
	}
	dr.leftSigner = nil
	if body := strings.TrimSpace(markdown(account, rec)); body != "" {
		w.kv(t, "dien_bien", multiline(body+"\n"))
	}
	return rest
}

// lastPara is the index of the last paragraph among items.
func lastPara(items []bodyItem) int {
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].l != nil {
			return i
		}
	}
	return -1
}
