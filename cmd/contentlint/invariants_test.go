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

// TestNoNetworkCode: contentlint cannot reach the network, because nothing it
// links can speak HTTP or TLS (field checks are syntactic; $ref reads local files).
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "net/http", "crypto/tls", "net/rpc", "net/smtp":
			t.Errorf("contentlint links %s", pkg)
		}
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
