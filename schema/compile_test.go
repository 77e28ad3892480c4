package schema

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestCompileErrorSpans: a schema that breaks the meta-schema is located by
// line, column, byte offset and length of the offending key; a $ref to a
// fragment the schema lacks keeps the compiler's reason, without its prefix.
func TestCompileErrorSpans(t *testing.T) {
	cases := []struct {
		name, src string
		want      CompileError
	}{
		{"negative minLength", `{"minLength": -1}`, CompileError{Path: "s.json",
			Message: "invalid schema at /minLength: must be >= 0 but found -1",
			Line:    1, Column: 2, Offset: 1, Length: 11}},
		{"bad type name", "{\n  \"properties\": {\n    \"a\": {\"type\": \"text\"}\n  }\n}", CompileError{Path: "s.json",
			Message: `invalid schema at /properties/a/type: value must be one of "array", "boolean", "integer", "null", "number", "object", "string"`,
			Line:    3, Column: 11, Offset: 30, Length: 6}},
		{"bad pattern", `{"type": "string", "pattern": "["}`, CompileError{Path: "s.json",
			Message: "invalid schema at /pattern: '[' is not valid 'regex'",
			Line:    1, Column: 20, Offset: 19, Length: 9}},
		{"missing fragment", `{"$ref": "#/$defs/nope"}`, CompileError{Path: "s.json",
			Message: "file:///s.json#/$defs/nope not found"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(files(map[string]string{"s.json": tc.src}), "s.json", Options{})
			var cerr *CompileError
			if !errors.As(err, &cerr) {
				t.Fatalf("error %v, want a *CompileError", err)
			}
			if *cerr != tc.want {
				t.Fatalf("got  %#v\nwant %#v", *cerr, tc.want)
			}
		})
	}
}

// linkChain is a file system with s/part.json at the end of a chain of n
// symbolic links s/l1.json -> s/l2.json -> ... -> s/part.json.
func linkChain(n int) fstest.MapFS {
	fsys := fstest.MapFS{"s/part.json": {Data: []byte(`{"type": "string"}`)}}
	for i := 1; i <= n; i++ {
		target := "part.json"
		if i < n {
			target = fmt.Sprintf("l%d.json", i+1)
		}
		fsys[fmt.Sprintf("s/l%d.json", i)] = &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	return fsys
}

// TestRealPath: symbolic links are followed, relative to their folder, up to
// 40 of them for one path; a 41st is an error, as is a link to an absolute
// path. Uses fstest.MapFS links, so it runs where the OS has none.
func TestRealPath(t *testing.T) {
	cases := []struct {
		name    string
		fsys    fs.FS
		path    string
		want    string
		wantErr string
	}{
		{"plain file", linkChain(0), "s/part.json", "s/part.json", ""},
		{"one link", linkChain(1), "s/l1.json", "s/part.json", ""},
		{"40 links", linkChain(40), "s/l1.json", "s/part.json", ""},
		{"41 links", linkChain(41), "s/l1.json", "", "too many symbolic links"},
		{"link in a folder path", fstest.MapFS{
			"real/x.json": {Data: []byte(`{}`)},
			"s/dir":       {Data: []byte("../real"), Mode: fs.ModeSymlink},
		}, "s/dir/x.json", "real/x.json", ""},
		{"absolute link", fstest.MapFS{
			"s/abs.json": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
		}, "s/abs.json", "", "symbolic link s/abs.json points outside the file system: /etc/passwd"},
		{"missing", linkChain(0), "s/none.json", "", "lstat s/none.json: file does not exist"},
		{"no links in this file system", noLinks{linkChain(1)}, "s/l1.json", "s/l1.json", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := realPath(tc.fsys, tc.path)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if got != tc.want || gotErr != tc.wantErr {
				t.Fatalf("realPath(%q) = %q, %q; want %q, %q", tc.path, got, gotErr, tc.want, tc.wantErr)
			}
		})
	}
}

// noLinks hides the ReadLinkFS methods of a file system.
type noLinks struct{ fs.FS }

// TestRefThroughLinks: a $ref through a symbolic link that stays in the
// schema's folder is read; one that leads out of it, or through a link that
// cannot be read, is refused at the $ref.
func TestRefThroughLinks(t *testing.T) {
	fsys := linkChain(2)
	fsys["s/main.json"] = &fstest.MapFile{Data: []byte(`{"properties": {"a": {"$ref": "l1.json"}}}`)}
	fsys["s/out.json"] = &fstest.MapFile{Data: []byte(`{"$ref": "secret.json"}`)}
	fsys["s/secret.json"] = &fstest.MapFile{Data: []byte("../secret.json"), Mode: fs.ModeSymlink}
	fsys["secret.json"] = &fstest.MapFile{Data: []byte(`{}`)}
	v, err := Load(fsys, "s/main.json", Options{})
	if err != nil {
		t.Fatalf("in-folder link: %v", err)
	}
	got := v.Validate(decode(t, `{"a": 1}`))
	want := Violation{"/a", KindType, "expected a string (text), got the number 1; put the value in quotes"}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("through the link: got %+v, want %+v", got, want)
	}
	_, err = Load(fsys, "s/out.json", Options{})
	if err == nil || err.Error() != `s/out.json:1:10: $ref "secret.json" leads outside the schema's folder s through a symbolic link` {
		t.Fatalf("link out of the folder: %v", err)
	}
	_, err = Load(brokenLinks{fsys}, "s/main.json", Options{})
	if err == nil || err.Error() != `s/main.json:1:31: $ref "l1.json" leads outside the schema's folder s through a symbolic link` {
		t.Fatalf("unreadable link: %v", err)
	}
}

// brokenLinks is a file system whose symbolic links cannot be read.
type brokenLinks struct{ fstest.MapFS }

func (brokenLinks) ReadLink(name string) (string, error) {
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrPermission}
}
