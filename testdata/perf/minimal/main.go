// Command minimal is the bare pipeline contentlint's speed is compared with
// (docs/performance.md): for every *.md file under the folders it is given,
// it reads the file, splits off the YAML front matter, decodes it with
// go.yaml.in/yaml/v3, validates it with santhosh-tekuri/jsonschema/v5
// against the built-in community-entry schema, and parses the body with
// goldmark and the GFM extensions, on one worker per CPU. It reports
// nothing but counts: it does what contentlint cannot do without, and none
// of what makes contentlint useful (positions, messages, field checks,
// section rules, sorting).
//
//	go run ./testdata/perf/minimal DIR...
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/glasgow-open-data/contentlint/schema"
)

func main() {
	src, err := schema.BuiltinSource("community-entry")
	if err != nil {
		fail(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("entry.json", bytes.NewReader(src)); err != nil {
		fail(err)
	}
	sch, err := c.Compile("entry.json")
	if err != nil {
		fail(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

	files := make(chan string, 64)
	var invalid, total atomic.Int64
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range files {
				data, err := os.ReadFile(name)
				if err != nil {
					fail(err)
				}
				front, body := split(data)
				var v any
				if yaml.Unmarshal(front, &v) != nil || sch.Validate(jsonTyped(v)) != nil {
					invalid.Add(1)
				}
				md.Parse(text.NewReader(body))
				total.Add(1)
			}
		}()
	}
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				files <- p
			}
			return err
		})
		if err != nil {
			fail(err)
		}
	}
	close(files)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "%d files, %d with front matter the schema rejects\n", total.Load(), invalid.Load())
}

// split cuts a file into its "---" front matter and its body.
func split(data []byte) (front, body []byte) {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, data
	}
	end := bytes.Index(data[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, data
	}
	return data[4 : 4+end], data[4+end+5:]
}

// jsonTyped turns what yaml.v3 decodes into the types jsonschema accepts.
func jsonTyped(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = jsonTyped(x)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = jsonTyped(x)
		}
		return v
	case int:
		return json.Number(fmt.Sprint(v))
	case float64:
		return json.Number(fmt.Sprint(v))
	}
	return v
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "minimal:", err)
	os.Exit(2)
}
