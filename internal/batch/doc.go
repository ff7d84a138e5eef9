// Package batch keeps a run of many documents honest on disk: a manifest of
// input hashes and output checksums that tells which outputs are stale,
// outputs written whole (a temporary file owned by its writer, then a
// rename, or on Linux an exchange that recycles the replaced file's
// inode) and made durable together before the manifest is saved. The
// engine schedules the documents themselves.
package batch
