//go:build linux

package batch

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func inode(t *testing.T, path string) uint64 {
	t.Helper()
	st, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// temps lists the temporary files left in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var l []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			l = append(l, e.Name())
		}
	}
	return l
}

// leases reports whether the file system of dir grants write leases.
func leases(t *testing.T, dir string) bool {
	f, err := os.OpenFile(filepath.Join(dir, "lease-probe"), os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = unix.FcntlInt(f.Fd(), unix.F_SETLEASE, unix.F_WRLCK)
	if err == nil {
		unix.FcntlInt(f.Fd(), unix.F_SETLEASE, unix.F_UNLCK)
	}
	return err == nil
}

// A rebuild replaces files by exchanging them with new ones and reuses the
// replaced inodes for the next files of the same kind: contents are exact,
// the sums are the files', the second file of a kind lands in the first
// one's old inode, and no temporary file stays after Close.
func TestOutputs_RecyclesReplacedInodes(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range 4 {
		names = append(names, filepath.Join(dir, fmt.Sprintf("vb-%d.pdf", i)))
	}
	var first Outputs
	for i, p := range names {
		if _, err := first.Write(p, bytes.Repeat([]byte{byte('a' + i)}, 5000+i)); err != nil {
			t.Fatal(err)
		}
	}
	first.Close()
	old0 := inode(t, names[0])

	var o Outputs
	for i, p := range names {
		data := []byte(fmt.Sprintf("bản mới %d", i)) // shorter than the old: the tail must go
		sum, err := o.Write(p, data)
		if err != nil {
			t.Fatal(err)
		}
		if got := readString(t, p); got != string(data) {
			t.Fatalf("%s holds %q", p, got)
		}
		if want := Sum(data).Stamped(p); sum != want {
			t.Errorf("sum %+v, want %+v", sum, want)
		}
		st, _ := os.Stat(p)
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v", p, st.Mode())
		}
	}
	if o.noExchange || !leases(t, dir) {
		t.Skip("the file system cannot exchange files or lease them")
	}
	if got := inode(t, names[1]); got != old0 {
		t.Errorf("vb-1.pdf got inode %d, want vb-0.pdf's old %d (recycled)", got, old0)
	}
	if l := temps(t, dir); len(l) != 1 {
		t.Errorf("before Close: temporary files %v, want the one spare", l)
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if l := temps(t, dir); len(l) != 0 {
		t.Errorf("after Close: %v", l)
	}
}

// A replaced file that someone still reads (a viewer, the desk serving
// it), or that has another name, keeps its content: it is not recycled.
// A folder in the way fails the write as a rename does, and stays; a
// symbolic link in the way is replaced by the file, its target untouched.
func TestOutputs_RecycleSafety(t *testing.T) {
	dir := t.TempDir()
	write := func(o *Outputs, name, data string) error {
		_, err := o.Write(filepath.Join(dir, name), []byte(data))
		return err
	}
	var o0 Outputs
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf", "d.pdf"} {
		if err := write(&o0, n, "cũ "+n); err != nil {
			t.Fatal(err)
		}
	}
	o0.Close()

	// a.pdf is open in a viewer; c.pdf has a second name.
	viewer, err := os.Open(filepath.Join(dir, "a.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer viewer.Close()
	if err := os.Link(filepath.Join(dir, "c.pdf"), filepath.Join(dir, "c-link.pdf")); err != nil {
		t.Fatal(err)
	}
	var o Outputs
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf"} {
		if err := write(&o, n, "mới "+n+strings.Repeat(".", 100)); err != nil {
			t.Fatal(err)
		}
	}
	o.Close()
	b := make([]byte, 100)
	n, _ := viewer.ReadAt(b, 0)
	if got := string(b[:n]); got != "cũ a.pdf" {
		t.Errorf("the viewer's open file now reads %q", got)
	}
	if got := readString(t, filepath.Join(dir, "c-link.pdf")); got != "cũ c.pdf" {
		t.Errorf("the other name of c.pdf reads %q", got)
	}
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf"} {
		if got := readString(t, filepath.Join(dir, n)); !strings.HasPrefix(got, "mới "+n) {
			t.Errorf("%s reads %q", n, got)
		}
	}

	// A folder named like the output.
	os.Mkdir(filepath.Join(dir, "f.pdf"), 0o755)
	os.WriteFile(filepath.Join(dir, "f.pdf", "inside"), []byte("x"), 0o644)
	var o2 Outputs
	if err := write(&o2, "f.pdf", "mới"); err == nil {
		t.Error("writing over a folder succeeded")
	}
	if got := readString(t, filepath.Join(dir, "f.pdf", "inside")); got != "x" {
		t.Errorf("the folder's file reads %q", got)
	}
	// A symbolic link named like the output.
	os.WriteFile(filepath.Join(dir, "target"), []byte("đích"), 0o644)
	os.Symlink("target", filepath.Join(dir, "g.pdf"))
	if err := write(&o2, "g.pdf", "mới g"); err != nil {
		t.Fatal(err)
	}
	if err := write(&o2, "h.pdf", "mới h"); err != nil {
		t.Fatal(err)
	}
	o2.Close()
	if got := readString(t, filepath.Join(dir, "target")); got != "đích" {
		t.Errorf("the link's target reads %q", got)
	}
	if st, _ := os.Lstat(filepath.Join(dir, "g.pdf")); st == nil || !st.Mode().IsRegular() {
		t.Errorf("g.pdf is not a plain file: %v", st)
	}
	if l := temps(t, dir); len(l) != 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

// A read-only old file is replaced by a file with the outputs' mode.
func TestOutputs_RecycledMode(t *testing.T) {
	dir := t.TempDir()
	var o0 Outputs
	for _, n := range []string{"a.pdf", "b.pdf"} {
		o0.Write(filepath.Join(dir, n), []byte("cũ"))
		os.Chmod(filepath.Join(dir, n), 0o444)
	}
	o0.Close()
	var o Outputs
	for _, n := range []string{"a.pdf", "b.pdf"} {
		if _, err := o.Write(filepath.Join(dir, n), []byte("mới")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(filepath.Join(dir, n)); st.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v", n, st.Mode())
		}
	}
	o.Close()
}

// Under a umask of 077 a rebuilt output is 0600, as a new one is.
func TestOutputs_RecycledUmask(t *testing.T) {
	old := unix.Umask(0o077)
	defer unix.Umask(old)
	saved := newFileMode
	newFileMode = 0o644 &^ 0o077
	defer func() { newFileMode = saved }()
	dir := t.TempDir()
	var o0, o Outputs
	for _, n := range []string{"a.pdf", "b.pdf"} {
		o0.Write(filepath.Join(dir, n), []byte("cũ"))
	}
	o0.Close()
	for _, n := range []string{"a.pdf", "b.pdf"} {
		if _, err := o.Write(filepath.Join(dir, n), []byte("mới")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(filepath.Join(dir, n)); st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", n, st.Mode().Perm())
		}
	}
	o.Close()
}
