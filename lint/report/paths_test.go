package report

import "testing"

// TestIsAbsSlash: a slash-separated path is absolute on some OS when it
// starts with "/" (Unix, and "//server/share" on Windows) or with a drive
// letter, A to Z in either case, a colon and a slash. "C:" alone and "C:x"
// are relative to a drive's current directory, so not absolute.
func TestIsAbsSlash(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/x", true},
		{"/", true},
		{"//server/share/x", true},
		{"C:/x", true},
		{"c:/x", true},
		{"a:/x", true},
		{"A:/x", true},
		{"z:/x", true},
		{"Z:/x", true},
		{"C:", false},
		{"C:x", false},
		{"1:/x", false},
		{"@:/x", false}, // the byte before "A"
		{"[:/x", false}, // the byte after "Z"
		{"`:/x", false}, // the byte before "a"
		{"{:/x", false}, // the byte after "z"
		{"x", false},
		{"x/y", false},
		{"", false},
	} {
		if got := isAbsSlash(tc.path); got != tc.want {
			t.Errorf("isAbsSlash(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestHasDrive: a drive is a letter and a colon.
func TestHasDrive(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"C:", true},
		{"a:", true},
		{"z:/x", true},
		{"C", false},
		{"", false},
		{"CC:", false},
		{"::", false},
	} {
		if got := hasDrive(tc.path); got != tc.want {
			t.Errorf("hasDrive(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestDriveLetterPaths: the first and last drive letters, in either case,
// place a path inside or outside the repository like any other; a bare
// drive names no file inside it.
func TestDriveLetterPaths(t *testing.T) {
	for _, tc := range []struct {
		path, root string
		want       sarifArtifactLoc
	}{
		{"a:/src/repo/x.md", "A:/src/repo", sarifArtifactLoc{"x.md", srcRoot}},
		{"Z:/src/repo/x.md", "z:/src/repo", sarifArtifactLoc{"x.md", srcRoot}},
		{"a:/other/x.md", "A:/src/repo", sarifArtifactLoc{"file:///a:/other/x.md", ""}},
		{"C:", "C:/src/repo", sarifArtifactLoc{"C%3A", srcRoot}},
	} {
		if got := artifactLocation(tc.path, tc.root, ""); got != tc.want {
			t.Errorf("artifactLocation(%q, %q) = %+v, want %+v", tc.path, tc.root, got, tc.want)
		}
	}
	for _, tc := range []struct{ path, root, wd, want string }{
		{"z:/src/repo/content/x.md", "Z:/src/repo", "", "content/x.md"},
		{"x.md", "a:/src/repo", "A:/src/repo/content", "content/x.md"},
		{"C:", "C:/src/repo", "", "C:"},
	} {
		if got := repoPath(tc.path, tc.root, tc.wd); got != tc.want {
			t.Errorf("repoPath(%q, %q, %q) = %q, want %q", tc.path, tc.root, tc.wd, got, tc.want)
		}
	}
}
