package load

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/load/c2j"
	"github.com/awsgen/awsgen/internal/load/smithy"
)

// FuzzLoad feeds arbitrary bytes to both loaders and the front door: each must return a
// model that holds together or an *ir.Error, and never panic.
func FuzzLoad(f *testing.F) {
	seeds := 0
	for _, pattern := range []string{"*.json", "*/*.json"} {
		files, _ := filepath.Glob(filepath.Join(models, pattern))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
			seeds++
		}
	}
	// The kitchen sinks (Smithy, c2j api and docs) and the negative models.
	if seeds < 13 {
		f.Fatalf("only %d seed models under %s", seeds, models)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(loader string, m *ir.Model, err error) {
			if err != nil {
				var e *ir.Error
				if !errors.As(err, &e) {
					t.Fatalf("%s: error %T %v is not an *ir.Error", loader, err, err)
				}
				return
			}
			checkModel(t, loader, m)
		}
		m, err := smithy.Load("fuzz.json", data)
		check("smithy", m, err)
		m, err = c2j.Load("fuzz.json", data, data)
		check("c2j", m, err)
		m, err = Bytes("fuzz.json", data, nil)
		check("load", m, err)
	})
}

// checkModel asserts the IR invariants emitters rely on.
func checkModel(t *testing.T, loader string, m *ir.Model) {
	t.Helper()
	if m.Service == nil {
		t.Fatalf("%s: no service", loader)
	}
	registered := func(s *ir.Shape) bool { return s != nil && m.Shape(s.ID) == s }
	for _, s := range m.Shapes {
		if !registered(s) {
			t.Fatalf("%s: shape %s is not registered", loader, s.ID)
		}
		members := append([]*ir.Member(nil), s.Members...)
		switch s.Kind {
		case ir.List:
			members = append(members, s.Member)
		case ir.Map:
			members = append(members, s.Key, s.Value)
		case ir.Enum, ir.IntEnum:
			if len(s.EnumValues) == 0 {
				t.Fatalf("%s: enum %s has no values", loader, s.ID)
			}
		}
		for _, mem := range members {
			if mem == nil || !registered(mem.Target) {
				t.Fatalf("%s: shape %s has a member without a registered target", loader, s.ID)
			}
		}
		for _, mem := range s.Members {
			if msg := ir.CheckBinding(mem); msg != "" {
				t.Fatalf("%s: shape %s member %s: %s", loader, s.ID, mem.Name, msg)
			}
		}
	}
	for _, op := range m.Operations {
		for _, s := range append([]*ir.Shape{op.Input, op.Output}, op.Errors...) {
			if s != nil && (!registered(s) || s.Kind != ir.Structure) {
				t.Fatalf("%s: operation %s refers to a bad shape", loader, op.Name)
			}
		}
		for _, e := range op.Errors {
			if e == nil || !e.IsError() {
				t.Fatalf("%s: operation %s has a bad error", loader, op.Name)
			}
		}
		// The HTTP facts hold together: a status code, a host prefix that fits the input,
		// and, where the protocol binds HTTP, a URI that fits the input and output.
		if op.HTTPCode < 100 || op.HTTPCode > 599 {
			t.Fatalf("%s: operation %s has status code %d", loader, op.Name, op.HTTPCode)
		}
		if e := ir.CheckHostPrefix(op); e != nil {
			t.Fatalf("%s: operation %s: %v", loader, op.Name, e)
		}
		if e := ir.CheckHTTP(op); m.Service.BindsHTTP() && e != nil {
			t.Fatalf("%s: operation %s: %v", loader, op.Name, e)
		}
	}
}
