//go:build !linux

package batch

func syncAll(paths []string, dirs map[string]bool) error { return syncPaths(paths, dirs) }
