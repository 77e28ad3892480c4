package lint

import (
	"io/fs"
	"testing"
)

// TestModeName: the words a finding uses for a path that is not a
// regular file, one per kind the file system reports.
func TestModeName(t *testing.T) {
	for _, tc := range []struct {
		mode fs.FileMode
		want string
	}{
		{fs.ModeDir | 0o755, "directory"},
		{fs.ModeSymlink | 0o777, "symbolic link"},
		{fs.ModeNamedPipe | 0o644, "named pipe"},
		{fs.ModeSocket | 0o755, "socket"},
		{fs.ModeDevice | 0o660, "device"},
		{fs.ModeDevice | fs.ModeCharDevice | 0o666, "device"},
		{fs.ModeIrregular, "special file"},
	} {
		if got := modeName(tc.mode); got != tc.want {
			t.Errorf("modeName(%v) = %q, want %q", tc.mode, got, tc.want)
		}
	}
}
