package gen_test

import (
	"errors"
	"testing"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/names"
)

// TestNotSupported checks that a shape the emitters cannot express makes Generate return a
// *NotSupportedError instead of panicking (the emitters run on other goroutines, where a
// panic would end the process).
func TestNotSupported(t *testing.T) {
	m := &ir.Model{Source: "odd.json", Format: "smithy"}
	odd := &ir.Shape{ID: "x#Odd", Name: "Odd", Kind: ir.Kind(99)}
	m.AddShape(odd)
	m.AddShape(&ir.Shape{ID: "x#Holder", Name: "Holder", Kind: ir.Structure,
		Members: []*ir.Member{{Name: "odd", Target: odd}}})
	m.Finish()
	if err := names.Assign(m); err != nil {
		t.Fatal(err)
	}
	_, err := gen.Generate(m, gen.Options{Package: "odd"})
	var ns *gen.NotSupportedError
	if !errors.As(err, &ns) {
		t.Fatalf("Generate: %v, want a *gen.NotSupportedError", err)
	}
	if ns.Feature == "" || ns.Where != "odd.json" {
		t.Errorf("NotSupportedError %+v: want a feature and Where odd.json", ns)
	}
	t.Log(err)
}
