package schema

import (
	"os"
	"testing"
)

// FuzzCompile compiles arbitrary schema files and validates a document
// with what compiles: never a panic.
func FuzzCompile(f *testing.F) {
	for _, name := range []string{"community-entry.schema.json", "config.schema.json"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"type": "object", "properties": {"a": {"$ref": "#/definitions/x"}}, "definitions": {"x": {"type": "string"}}}`))
	f.Add([]byte(`{"$ref": "other.json"}`))
	f.Add([]byte(`{"uniqueItems": true, "unevaluatedProperties": false}`))
	doc := map[string]any{"a": "x", "b": []any{"1", "1"}, "c": map[string]any{"d": nil}}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, err := Compile("s.json", src, Options{})
		if err != nil {
			return
		}
		v.Validate(doc)
	})
}
