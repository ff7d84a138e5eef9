package engine

import (
	"bytes"
	"io/fs"
	"time"
)

// overlay is a workspace folder in which one file reads as given bytes:
// the text of a document being edited (Job.Src).
type overlay struct {
	fs.FS
	name string
	src  []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if name != o.name {
		return o.FS.Open(name)
	}
	return &memFile{Reader: bytes.NewReader(o.src), info: memInfo{name, int64(len(o.src))}}, nil
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if name != o.name {
		return fs.ReadFile(o.FS, name)
	}
	return bytes.Clone(o.src), nil
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	if name != o.name {
		return fs.Stat(o.FS, name)
	}
	return memInfo{name, int64(len(o.src))}, nil
}

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o644 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }

// capture is a workspace folder that reports the bytes of one file when
// they are read (to hash the content a model is built from).
type capture struct {
	fs.FS
	name string
	read func([]byte)
}

func (c capture) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(c.FS, name)
	if err == nil && name == c.name {
		c.read(b)
	}
	return b, err
}

func (c capture) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }
