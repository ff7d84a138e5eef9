package format

import "strings"

// Texts the decree fixes around the clerk's words, decided here once and
// used by the template stage when it builds the model.

// SignatureLines returns the "quyền hạn, chức vụ" lines above the signature
// (Phụ lục I, II.7.b and Phụ lục III): authority is "", "TM.", "KT.", "TL.",
// "TUQ." or "Q."; onBehalfOf the collective (TM. ỦY BAN NHÂN DÂN), head the
// head's title (KT. CHỦ TỊCH), title the signer's own (PHÓ CHỦ TỊCH).
func SignatureLines(authority, onBehalfOf, head, title string) []string {
	var lines []string
	switch authority {
	case "TM.":
		lines = append(lines, "TM. "+onBehalfOf)
	case "KT.":
		if onBehalfOf != "" {
			lines = append(lines, "TM. "+onBehalfOf)
		}
		lines = append(lines, "KT. "+head)
	case "TL.", "TUQ.":
		lines = append(lines, authority+" "+head)
	case "Q.":
		return []string{"Q. " + title}
	}
	return append(lines, title)
}

// AsAbove is the first Nơi nhận item of a document with "Kính gửi"
// (Phụ lục I, II.9.b): the addressees are not written again.
const AsAbove = "Như trên"

// RecipientItems returns the Nơi nhận items of a document: with
// addressees, "Như trên" first unless the clerk wrote it.
func RecipientItems(items []string, addressed bool) []string {
	if !addressed || len(items) > 0 && strings.HasPrefix(strings.TrimPrefix(items[0], "- "), AsAbove) {
		return items
	}
	return append([]string{AsAbove}, items...)
}

// BasisEnd closes a căn cứ line (Phụ lục I, II.6.a: each legal basis ends
// with ";", the last with "."), replacing what the clerk typed there.
func BasisEnd(text string, last bool) string {
	end := ";"
	if last {
		end = "."
	}
	return strings.TrimRight(text, ";,. ") + end
}
