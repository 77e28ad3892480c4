package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoNetworkCode: contentlint cannot reach the network. Nothing it
// links outside the standard library may import a package that speaks HTTP,
// TLS, SMTP or RPC, but for one known, inert edge: golang.org/x/net/publicsuffix
// (the public suffix list the validators use to tell a registrable domain)
// imports net/http/cookiejar for an interface and never dials.
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}} {{join .Imports \",\"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := map[string]bool{"net/http": true, "net/http/cookiejar": true, "crypto/tls": true, "net/rpc": true, "net/smtp": true}
	allowed := map[string]bool{"golang.org/x/net/publicsuffix -> net/http/cookiejar": true}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[1] == "true" {
			continue // the standard library's own imports
		}
		checked++
		if len(fields) < 3 {
			continue
		}
		for _, imp := range strings.Split(fields[2], ",") {
			if forbidden[imp] && !allowed[fields[0]+" -> "+imp] {
				t.Errorf("%s imports %s", fields[0], imp)
			}
		}
	}
	if checked < 10 {
		t.Fatalf("go list named only %d non-standard packages; the check did not run", checked)
	}
}

// TestContentNeverWritten: linting, in every format, leaves every content
// file byte-for-byte and timestamp-for-timestamp as it was.
func TestContentNeverWritten(t *testing.T) {
	dir := t.TempDir()
	src := "../../testdata"
	type state struct {
		data []byte
		mod  time.Time
	}
	before := map[string]state{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		info, _ := os.Stat(dst)
		before[dst] = state{data, info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		run(t, "", "lint", "--format", format, dir)
	}
	for p, s := range before {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		if !bytes.Equal(data, s.data) || !info.ModTime().Equal(s.mod) {
			t.Errorf("%s was modified", p)
		}
	}
}
