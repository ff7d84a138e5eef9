package font

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"hash/adler32"
	"sort"
	"sync"

	"github.com/klauspost/compress/flate"
)

// Flate is a font program compressed as a zlib stream (PDF FlateDecode)
// for embedding: the stream is the concatenation of Pieces. Pieces may be
// shared with other documents and must not be modified.
type Flate struct {
	Pieces [][]byte
	Len    int      // the length of the stream, the sum of the pieces'
	Raw    int      // the length of the program uncompressed
	Sum    [32]byte // names the program: the same program of a face gives the same Sum
}

// FontFlate returns the font program of the subset zlib-compressed.
//
// A subset of core characters does not compress its program: it splices
// pieces that the core compressed once (see splicer), one per group of
// groupSize consecutive glyph ids and one for the tables pruning leaves
// alone. A group keeps the outlines of all its glyphs when the document
// draws any of them or needs one as a component; the others add nothing.
// The program holds the same glyphs, tables and outlines as Font, laid
// out otherwise (directory, head, loca in the short format when it fits,
// the other tables, glyf); only the directory, head and loca are made per
// document, and stored uncompressed. A subset with extra characters
// embeds Font, compressed at BestSpeed.
func (s *Subset) FontFlate() (*Flate, error) {
	if s.Extra() {
		prog, err := s.Font()
		if err != nil {
			return nil, err
		}
		z := zlibOne(make([]byte, 0, len(prog)/2), prog)
		return &Flate{Pieces: [][]byte{z}, Len: len(z), Raw: len(prog), Sum: sha256.Sum256(prog)}, nil
	}
	sp, err := s.core.splicer()
	if err != nil {
		return nil, err
	}
	return sp.splice(s.Drawn), nil
}

// groupSize is the number of consecutive glyph ids a spliced program keeps
// or empties together. Larger groups make fewer pieces (each costs a sync
// flush and its own Huffman codes) but keep outlines nobody draws; for a
// plan's four faces of Liberation Serif the programs took 44 KB with
// groups of 1, 57 KB of 2, 71 KB of 4 and 89 KB of 8, so every glyph is
// its own piece and the program holds exactly Font's outlines.
const groupSize = 1

// piece is a run of program bytes compressed on its own: raw deflate
// blocks, none final, ending byte-aligned (a sync flush), so that pieces
// concatenate into one deflate stream.
type piece struct {
	z     []byte // the compressed piece
	n     int    // its length uncompressed, a multiple of 4
	adler uint32 // Adler-32 of the uncompressed bytes
	sum   uint32 // their sfnt checksum (their offset is 4-aligned)
}

// splicer is what a core compresses once for FontFlate: the outlines of
// each group of glyphs, and the tables pruning leaves alone. Read-only
// once built.
type splicer struct {
	n      int      // glyphs of the core program
	short  bool     // loca in the short format (offsets/2, 16 bits)
	plen   []uint32 // plen[id] is the length of glyph id's outline, 4-aligned
	groups []piece  // groups[g] holds glyphs g*groupSize … (g+1)*groupSize-1
	deps   [][]int  // deps[g] are the groups of the components of group g's glyphs
	head   []byte   // head with checkSumAdjustment zero
	hsum   uint32   // its checksum
	consts piece    // every other table but glyf and loca, in tag order, 4-aligned
	tags   []string // all tags, sorted: the directory order
	at     []int    // at[i] is where table tags[i] starts in consts; -1 for head, loca, glyf
	size   []int    // size[i] is the length of table tags[i] (for consts tables)
	csum   []uint32 // csum[i] is the checksum of table tags[i] (for consts tables)
}

// splicer returns the core's splicer, building it on the first call. It
// depends on nothing but the core program.
func (c *Core) splicer() (*splicer, error) {
	c.spl.once.Do(func() {
		if c.err != nil {
			c.spl.err = c.err
			return
		}
		c.spl.s, c.spl.err = newSplicer(c.ptab)
	})
	return c.spl.s, c.spl.err
}

// The layout of a spliced program after the table directory: head, loca,
// the constant tables, glyf.

func newSplicer(t *tables) (*splicer, error) {
	head := t.dir["head"]
	if be.Uint16(head[50:]) != 1 {
		return nil, errors.New("splice: program without long loca offsets")
	}
	n := t.numGlyphs
	sp := &splicer{n: n, plen: make([]uint32, n)}
	// The short loca format halves the table made per document; it
	// holds glyf up to 128 KB, which the whole core's then bounds.
	sp.short = len(t.dir["glyf"]) < 0x20000
	sp.head = bytes.Clone(head)
	be.PutUint32(sp.head[8:], 0)
	if sp.short {
		be.PutUint16(sp.head[50:], 0)
	}
	sp.hsum = checksum(sp.head)
	for id := range n {
		if len(t.glyph(uint16(id)))%4 != 0 {
			return nil, errors.New("splice: glyph not 4-byte aligned")
		}
		sp.plen[id] = uint32(len(t.glyph(uint16(id))))
	}

	zw, err := flate.NewWriter(nil, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	compress := func(b []byte) piece {
		p := piece{n: len(b), adler: adler32.Checksum(b), sum: checksum(b)}
		if len(b) == 0 {
			return p
		}
		w := sliceWriter{}
		zw.Reset(&w)
		zw.Write(b) // writes to a slice cannot fail
		zw.Flush()
		p.z = w.b
		return p
	}

	glyf := t.dir["glyf"]
	ng := (n + groupSize - 1) / groupSize
	sp.groups = make([]piece, ng)
	sp.deps = make([][]int, ng)
	for g := range ng {
		first, end := g*groupSize, min((g+1)*groupSize, n)
		sp.groups[g] = compress(glyf[t.loca[first]:t.loca[end]])
		for id := first; id < end; id++ {
			gl := t.glyph(uint16(id))
			if err := components(gl, func(at int) {
				if c := int(be.Uint16(gl[at:])); c < n {
					sp.deps[g] = append(sp.deps[g], c/groupSize)
				}
			}); err != nil {
				return nil, err
			}
		}
	}

	for tag := range t.dir {
		sp.tags = append(sp.tags, tag)
	}
	sort.Strings(sp.tags)
	var consts []byte
	for _, tag := range sp.tags {
		b := t.dir[tag]
		switch tag {
		case "head", "loca", "glyf":
			sp.at, sp.size, sp.csum = append(sp.at, -1), append(sp.size, 0), append(sp.csum, 0)
			continue
		}
		sp.at, sp.size, sp.csum = append(sp.at, len(consts)), append(sp.size, len(b)), append(sp.csum, checksum(b))
		consts = append(consts, b...)
		for len(consts)%4 != 0 {
			consts = append(consts, 0)
		}
	}
	sp.consts = compress(consts)
	return sp, nil
}

// splice returns the program keeping the groups of the glyphs drawn
// reports, of .notdef and of the components of kept glyphs.
func (sp *splicer) splice(drawn func(id uint16) bool) *Flate {
	keep := make([]bool, len(sp.groups))
	work := make([]int, 0, len(sp.groups))
	add := func(g int) {
		if !keep[g] {
			keep[g] = true
			work = append(work, g)
		}
	}
	add(0)
	for id := 1; id < sp.n; id++ {
		if drawn(uint16(id)) {
			add(id / groupSize)
		}
	}
	for len(work) > 0 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		for _, d := range sp.deps[g] {
			add(d)
		}
	}

	// The bytes made per document: directory, head and loca.
	ntab := len(sp.tags)
	dirLen := 12 + 16*ntab
	headAt := dirLen
	locaAt := headAt + (len(sp.head)+3)&^3
	locaLen := 4 * (sp.n + 1)
	if sp.short {
		locaLen = 2 * (sp.n + 1)
	}
	constAt := locaAt + (locaLen+3)&^3
	glyfAt := constAt + sp.consts.n
	buf := make([]byte, constAt)
	loca := buf[locaAt:constAt]
	off := uint32(0)
	for id := range sp.n + 1 {
		if sp.short {
			be.PutUint16(loca[2*id:], uint16(off/2))
		} else {
			be.PutUint32(loca[4*id:], off)
		}
		if id < sp.n && keep[id/groupSize] {
			off += sp.plen[id]
		}
	}
	glyfLen := int(off)
	var glyfSum uint32
	kept := 0
	for g, k := range keep {
		if k {
			glyfSum += sp.groups[g].sum
			kept++
		}
	}
	locaSum := checksum(loca)

	putOffsetTable(buf, ntab)
	for i, tag := range sp.tags {
		rec := buf[12+16*i:]
		copy(rec, tag)
		var sum uint32
		var at, size int
		switch tag {
		case "head":
			sum, at, size = sp.hsum, headAt, len(sp.head)
		case "loca":
			sum, at, size = locaSum, locaAt, locaLen
		case "glyf":
			sum, at, size = glyfSum, glyfAt, glyfLen
		default:
			sum, at, size = sp.csum[i], constAt+sp.at[i], sp.size[i]
		}
		be.PutUint32(rec[4:], sum)
		be.PutUint32(rec[8:], uint32(at))
		be.PutUint32(rec[12:], uint32(size))
	}
	copy(buf[headAt:], sp.head)
	total := checksum(buf[:dirLen]) + sp.hsum + locaSum + sp.consts.sum + glyfSum
	be.PutUint32(buf[headAt+8:], 0xB1B0AFBA-total)

	// The zlib stream: header, the pieces, a final empty block, Adler-32.
	f := &Flate{Raw: glyfAt + glyfLen, Sum: sha256.Sum256(buf)}
	// The bytes made here are stored, not compressed: loca, most of
	// them, would shrink by a third at a cost that dwarfs the rest.
	first := stored(append(make([]byte, 0, 2+5+len(buf)), 0x78, 0x9C), buf)
	f.Pieces = make([][]byte, 0, 3+kept)
	f.Pieces = append(f.Pieces, first, sp.consts.z)
	adler := adler32Combine(adler32.Checksum(buf), sp.consts.adler, sp.consts.n)
	for g, k := range keep {
		if k && sp.groups[g].n > 0 {
			f.Pieces = append(f.Pieces, sp.groups[g].z)
			adler = adler32Combine(adler, sp.groups[g].adler, sp.groups[g].n)
		}
	}
	f.Pieces = append(f.Pieces, be.AppendUint32([]byte{0x03, 0x00}, adler))
	for _, p := range f.Pieces {
		f.Len += len(p)
	}
	return f
}

// adler32Combine returns the Adler-32 of the concatenation of two byte
// strings from their Adler-32s a and b and the length n of the second
// (zlib's adler32_combine).
func adler32Combine(a, b uint32, n int) uint32 {
	const mod = 65521
	rem := uint64(n % mod)
	s1 := uint64(a & 0xFFFF)
	s2 := rem * s1 % mod
	s1 += uint64(b&0xFFFF) + mod - 1
	s2 += uint64(a>>16) + uint64(b>>16) + mod - rem
	s1 %= mod
	s2 %= mod
	return uint32(s2<<16 | s1)
}

// stored appends b to dst as stored (uncompressed) deflate blocks, none
// final; dst must end byte-aligned in a deflate stream.
func stored(dst, b []byte) []byte {
	for len(b) > 0 {
		n := min(len(b), 0xFFFF)
		dst = append(dst, 0, byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		dst = append(dst, b[:n]...)
		b = b[n:]
	}
	return dst
}

// flatePool shares BestSpeed deflate writers (each holds large tables)
// among the documents of a process; what they write does not depend on
// their history.
var flatePool = sync.Pool{New: func() any {
	zw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return zw
}}

// zlibOne appends b to dst as a whole zlib stream at BestSpeed.
func zlibOne(dst, b []byte) []byte {
	w := sliceWriter{append(dst, 0x78, 0x01)}
	zw := flatePool.Get().(*flate.Writer)
	zw.Reset(&w)
	zw.Write(b)
	zw.Close()
	flatePool.Put(zw)
	return be.AppendUint32(w.b, adler32.Checksum(b))
}

// sliceWriter appends what is written to a byte slice.
type sliceWriter struct{ b []byte }

func (w *sliceWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}
