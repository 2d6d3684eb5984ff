package compare

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"strings"
	"testing"
)

// TestDiscKindsListsEveryConstant reads analysis.go and checks that every Disc* constant is in
// DiscKinds, so a new kind cannot be added without the app and the exporters seeing it.
func TestDiscKindsListsEveryConstant(t *testing.T) {
	f, err := parser.ParseFile(gotoken.NewFileSet(), "analysis.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, k := range DiscKinds {
		if listed[k] {
			t.Errorf("DiscKinds lists %q twice", k)
		}
		listed[k] = true
	}
	n := 0
	for _, obj := range f.Scope.Objects {
		if obj.Kind != ast.Con || !strings.HasPrefix(obj.Name, "Disc") {
			continue
		}
		vs := obj.Decl.(*ast.ValueSpec)
		for i, name := range vs.Names {
			if name.Name != obj.Name {
				continue
			}
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok {
				t.Fatalf("constant %s is not a string literal", obj.Name)
			}
			n++
			if v := strings.Trim(lit.Value, `"`); !listed[v] {
				t.Errorf("constant %s = %q is missing from DiscKinds in analysis.go: add it there", obj.Name, v)
			}
		}
	}
	if n != len(DiscKinds) {
		t.Errorf("analysis.go declares %d Disc* constants, DiscKinds lists %d", n, len(DiscKinds))
	}
}
