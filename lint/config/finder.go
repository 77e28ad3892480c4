package config

import (
	"io/fs"
	"path"
	"sync"

	"github.com/glasgow-open-data/contentlint/lint"
)

// Finder gives each path the configuration that governs it: the nearest
// configuration file (FileNames) from the path's folder up to the
// repository root (the first folder holding .git), else Default. So a
// content/.contentlint.yaml governs content/ when contentlint runs from the
// repository root, as pre-commit does, and files under different
// configurations in one run each get their own. Each folder is looked up
// and each file loaded once; a Finder is safe for concurrent use.
type Finder struct {
	FS        fs.FS
	Catalogue *lint.Catalogue
	// Default governs paths no configuration file does.
	Default *lint.Config
	// Name turns a path of FS into how messages name a configuration file
	// (as the user would write it); nil uses the path.
	Name func(path string) string
	// Adjust, when set, is applied to every configuration loaded from a
	// file (for example to replace the schema, as --schema does).
	Adjust func(*lint.Config) error

	mu     sync.Mutex
	files  map[string]string // folder -> its governing file, "" for Default
	loaded map[string]loadResult
}

type loadResult struct {
	cfg *lint.Config
	err error
}

// For returns the configuration of the file at p, a path of FS.
func (f *Finder) For(p string) (*lint.Config, error) {
	return f.ForDir(path.Dir(p))
}

// ForDir returns the configuration of the files in folder dir.
func (f *Finder) ForDir(dir string) (*lint.Config, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	file := f.fileFor(path.Clean(dir))
	if file == "" {
		return f.Default, nil
	}
	if r, ok := f.loaded[file]; ok {
		return r.cfg, r.err
	}
	name := file
	if f.Name != nil {
		name = f.Name(file)
	}
	cfg, err := Load(f.FS, file, name, f.Catalogue)
	if err == nil && f.Adjust != nil {
		err = f.Adjust(cfg)
	}
	if f.loaded == nil {
		f.loaded = map[string]loadResult{}
	}
	f.loaded[file] = loadResult{cfg, err}
	return cfg, err
}

// File returns the configuration file that governs folder dir, or "" when
// Default does.
func (f *Finder) File(dir string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.fileFor(path.Clean(dir))
}

// fileFor is Find with a cache of every folder on the way.
func (f *Finder) fileFor(dir string) string {
	if file, ok := f.files[dir]; ok {
		return file
	}
	if f.files == nil {
		f.files = map[string]string{}
	}
	file := ""
	found := false
	for _, name := range FileNames {
		p := path.Join(dir, name)
		if info, err := fs.Stat(f.FS, p); err == nil && !info.IsDir() {
			file, found = p, true
			break
		}
	}
	if !found {
		_, err := fs.Stat(f.FS, path.Join(dir, ".git"))
		atRoot := err == nil || dir == "." || isVolume(dir)
		if parent := path.Dir(dir); !atRoot && parent != dir {
			file = f.fileFor(parent)
		}
	}
	f.files[dir] = file
	return file
}
