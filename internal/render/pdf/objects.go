package pdf

import (
	"crypto/sha256"
	"strconv"
	"sync"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"
)

// objects writes the body of a PDF file: numbered indirect objects whose
// byte offsets it records for the cross-reference table. Numbers are given
// out in a fixed order, so the same document gives the same bytes.
type objects struct {
	buf     []byte
	offsets []int  // offsets[n] is where object n starts; [0] is the free head
	zbuf    []byte // scratch for compressing a stream
}

// alloc reserves the next object number.
func (o *objects) alloc() int {
	o.offsets = append(o.offsets, 0)
	return len(o.offsets) - 1
}

// begin starts object n.
func (o *objects) begin(n int) {
	o.offsets[n] = len(o.buf)
	o.buf = strconv.AppendInt(o.buf, int64(n), 10)
	o.buf = append(o.buf, " 0 obj\n"...)
}

// end closes the object begun last.
func (o *objects) end() { o.buf = append(o.buf, "\nendobj\n"...) }

// s appends raw PDF syntax.
func (o *objects) s(text string) { o.buf = append(o.buf, text...) }

// int appends an integer.
func (o *objects) int(v int) { o.buf = strconv.AppendInt(o.buf, int64(v), 10) }

// ref appends an indirect reference to object n.
func (o *objects) ref(n int) {
	o.int(n)
	o.s(" 0 R")
}

// text appends a PDF text string: a literal string when s is printable
// ASCII, else UTF-16BE with a byte order mark, in hex.
func (o *objects) text(s string) { o.buf = appendText(o.buf, s) }

func appendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] >= 0x20 && s[i] < 0x7F
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, ')')
	}
	b = append(b, "<FEFF"...)
	for _, r := range s {
		if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
			b = appendHex4(appendHex4(b, uint16(r1)), uint16(r2))
		} else {
			b = appendHex4(b, uint16(r))
		}
	}
	return append(b, '>')
}

const hexDigits = "0123456789ABCDEF"

func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendMilli appends v/1000 as a PDF real with at most three decimals.
func appendMilli(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/1000, 10)
	if f := v % 1000; f != 0 {
		d := []byte{'.', byte('0' + f/100), byte('0' + f/10%10), byte('0' + f%10)}
		for d[len(d)-1] == '0' {
			d = d[:len(d)-1]
		}
		b = append(b, d...)
	}
	return b
}

// roundDiv returns a/b rounded half away from zero (b > 0).
func roundDiv(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// stream writes object n as a stream with the dictionary entries dict
// (without << >>), Flate-compressed when compress is set.
func (o *objects) stream(n int, dict string, data []byte, compress bool) {
	if compress {
		o.zbuf = deflate(o.zbuf[:0], data, zlib.BestSpeed)
		o.deflated(n, dict, o.zbuf)
		return
	}
	o.raw(n, dict, "", data)
}

// deflated writes object n as a stream of data that is already
// Flate-compressed.
func (o *objects) deflated(n int, dict string, data []byte) {
	o.raw(n, dict, "/Filter/FlateDecode", data)
}

// pieces writes object n as a Flate-compressed stream given as pieces
// whose concatenation, size bytes long, is the compressed data.
func (o *objects) pieces(n int, dict string, pieces [][]byte, size int) {
	o.begin(n)
	o.s("<<")
	o.s(dict)
	o.s("/Filter/FlateDecode/Length ")
	o.int(size)
	o.s(">>\nstream\n")
	for _, p := range pieces {
		o.buf = append(o.buf, p...)
	}
	o.s("\nendstream")
	o.end()
}

func (o *objects) raw(n int, dict, filter string, data []byte) {
	o.begin(n)
	o.s("<<")
	o.s(dict)
	o.s(filter)
	o.s("/Length ")
	o.int(len(data))
	o.s(">>\nstream\n")
	o.buf = append(o.buf, data...)
	o.s("\nendstream")
	o.end()
}

// deflate appends data zlib-compressed at level to dst.
func deflate(dst, data []byte, level int) []byte {
	w := sliceWriter{dst}
	var zw *zlib.Writer
	if level == zlib.BestSpeed {
		zw = zlibPool.Get().(*zlib.Writer)
		zw.Reset(&w)
		defer zlibPool.Put(zw)
	} else {
		zw, _ = zlib.NewWriterLevel(&w, level) // the level is one of ours
	}
	zw.Write(data) // writes to a slice cannot fail
	zw.Close()
	return w.b
}

// sliceWriter appends what is written to a byte slice.
type sliceWriter struct{ b []byte }

func (w *sliceWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// zlibPool shares BestSpeed zlib writers (each holds about 1 MB of tables)
// among the documents of a process.
var zlibPool = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
}}

// finish writes the cross-reference table and the trailer. The /ID is a
// hash of identity and every byte before the table.
func (o *objects) finish(root, info int, identity string) []byte {
	h := sha256.New()
	h.Write([]byte(identity))
	h.Write([]byte{0})
	h.Write(o.buf)
	id := h.Sum(nil)[:16]

	xref := len(o.buf)
	o.s("xref\n0 ")
	o.int(len(o.offsets))
	o.s("\n0000000000 65535 f \n")
	for _, off := range o.offsets[1:] {
		var d [10]byte
		for i, v := 9, off; i >= 0; i-- {
			d[i] = byte('0' + v%10)
			v /= 10
		}
		o.buf = append(o.buf, d[:]...)
		o.s(" 00000 n \n")
	}
	o.s("trailer\n<</Size ")
	o.int(len(o.offsets))
	o.s("/Root ")
	o.ref(root)
	o.s("/Info ")
	o.ref(info)
	o.s("/ID[<")
	for _, c := range id {
		o.buf = append(o.buf, hexDigits[c>>4], hexDigits[c&15])
	}
	o.s("><")
	for _, c := range id {
		o.buf = append(o.buf, hexDigits[c>>4], hexDigits[c&15])
	}
	o.s(">]>>\nstartxref\n")
	o.int(xref)
	o.s("\n%%EOF\n")
	return o.buf
}
