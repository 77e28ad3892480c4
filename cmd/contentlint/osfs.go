package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// osFS is the machine's file system as an fs.FS, for the library: every
// file is named by its absolute path with forward slashes and without the
// leading "/" ("home/me/content/a.md"; on Windows "C:/content/a.md"), so
// that any path a user writes, relative or not, has a name in it.
type osFS struct{}

// osPath turns a name of osFS into the operating system's path.
func osPath(name string) string {
	if runtime.GOOS == "windows" {
		if len(name) == 2 && name[1] == ':' {
			return name + `\`
		}
		return filepath.FromSlash(name)
	}
	if name == "." {
		return "/"
	}
	return "/" + name
}

// fsPath turns an operating system path, absolute or relative to the
// working directory, into its name in osFS.
func fsPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	name := strings.TrimPrefix(filepath.ToSlash(abs), "/")
	if name == "" {
		return "."
	}
	return name
}

// Open opens a file without blocking on a named pipe: the library stats
// before it opens, and a file swapped for a pipe between the two must not
// hang the run.
func (osFS) Open(name string) (fs.File, error) {
	return os.OpenFile(osPath(name), os.O_RDONLY|nonBlocking, 0)
}

func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(osPath(name)) }
func (osFS) Lstat(name string) (fs.FileInfo, error)     { return os.Lstat(osPath(name)) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(osPath(name)) }
func (osFS) ReadLink(name string) (string, error)       { return os.Readlink(osPath(name)) }
func (fsys osFS) ReadFile(name string) ([]byte, error)  { return os.ReadFile(osPath(name)) }

// workspace maps the paths a user writes on the command line to names in
// osFS and back, so that findings name files as the user did.
type workspace struct {
	cwd   string   // the absolute working directory
	given []string // paths as written
	names []string // their names in osFS
}

func newWorkspace(given []string) (*workspace, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	w := &workspace{cwd: cwd}
	for _, g := range given {
		w.given = append(w.given, g)
		w.names = append(w.names, w.path(g))
	}
	return w, nil
}

// path returns the name in osFS of a path the user wrote; "-" (standard
// input) stays as it is.
func (w *workspace) path(given string) string {
	if given == "-" {
		return given
	}
	if !filepath.IsAbs(given) {
		given = filepath.Join(w.cwd, given)
	}
	return fsPath(given)
}

// show returns how to name a file of osFS to the user: as written, when the
// user named it; else relative to the working directory, unless the user
// wrote the folder it was found in as an absolute path.
func (w *workspace) show(name string) string {
	if lint.IsPseudoPath(name) {
		return name
	}
	absolute := false
	for i, n := range w.names {
		if name == n {
			return w.given[i]
		}
		if strings.HasPrefix(name, n+"/") || n == "." {
			absolute = filepath.IsAbs(w.given[i])
			break
		}
	}
	p := osPath(name)
	if !absolute {
		if rel, err := filepath.Rel(w.cwd, p); err == nil {
			return rel
		}
	}
	return p
}
