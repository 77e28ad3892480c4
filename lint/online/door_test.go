package online

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneDoor: the checker reaches the network only through its Network:
// the system's resolver and dialer are named in network.go alone, no
// request goes through net/http's default client or transport, and every
// http.Transport dials through the checking dialer without a proxy. With
// the tests that every connection passes refusal, this is what makes
// --online safe; and since the command line builds a Checker only with
// --online, what keeps every other run offline.
func TestOneDoor(t *testing.T) {
	forbidden := map[string]map[string]bool{
		"net": {"Dial": true, "DialTimeout": true, "DialTCP": true, "DialUDP": true, "DialIP": true, "DialUnix": true,
			"Dialer": true, "Resolver": true, "DefaultResolver": true, "LookupHost": true, "LookupIP": true, "LookupAddr": true,
			"LookupMX": true, "LookupTXT": true, "LookupCNAME": true, "LookupNS": true, "LookupSRV": true, "LookupPort": true,
			"Listen": true, "ListenPacket": true},
		"http": {"Get": true, "Head": true, "Post": true, "PostForm": true, "DefaultClient": true, "DefaultTransport": true,
			"ProxyFromEnvironment": true, "ProxyURL": true},
		"tls": {"Dial": true, "DialWithDialer": true, "Dialer": true},
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				pkg, ok := n.X.(*ast.Ident)
				if ok && forbidden[pkg.Name][n.Sel.Name] && name != "network.go" {
					t.Errorf("%s: %s.%s outside network.go", fset.Position(n.Pos()), pkg.Name, n.Sel.Name)
				}
			case *ast.CompositeLit:
				sel, ok := n.Type.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Transport" {
					return true
				}
				keys := map[string]string{}
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok {
							v := ""
							if id, ok := kv.Value.(*ast.Ident); ok {
								v = id.Name
							}
							keys[k.Name] = v
						}
					}
				}
				if _, ok := keys["DialContext"]; !ok || keys["Proxy"] != "nil" {
					t.Errorf("%s: an http.Transport without the checking dialer, or with a proxy", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
	if checked < 5 {
		t.Fatalf("checked %d files", checked)
	}
}
