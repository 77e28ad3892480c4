package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// sarifSchema compiles the official SARIF 2.1.0 schema from ../shared/spec,
// or from the copy the report package keeps.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	for _, p := range []string{"../../../shared/spec/sarif-schema-2.1.0.json", "../../lint/report/testdata/sarif-schema-2.1.0.json"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		abs, _ := filepath.Abs(p)
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft4
		s, err := c.Compile(abs)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	t.Fatal("SARIF schema not found")
	return nil
}

// TestSARIFFromCLI runs the README's example through --format sarif and
// validates the document against the official schema.
func TestSARIFFromCLI(t *testing.T) {
	s := sarifSchema(t)
	for _, args := range [][]string{
		{"lint", "--format", "sarif", "../../testdata/examples"},
		{"lint", "--format", "sarif", "../../testdata/ok"},
		{"lint", "--format", "sarif", "../../testdata/err"},
	} {
		_, out, errOut := run(t, "", args...)
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v: not JSON: %v\n%s", args, err, errOut)
		}
		if err := s.Validate(doc); err != nil {
			t.Fatalf("%v: SARIF does not validate: %#v", args, err)
		}
		if strings.Contains(args[3], "ok") && !strings.Contains(out, `"results": []`) {
			t.Fatalf("clean run must have \"results\": []\n%s", out)
		}
	}
}
