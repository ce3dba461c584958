package names

import (
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
)

func TestIdent(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"ForgotPasswordRequest", "ForgotPasswordRequest", ""},
		{"ClientId", "ClientId", ""},
		{"clientId", "ClientId", ""},
		{"Foo_Bar", "FooBar", ""},
		{"foo.bar-baz", "FooBarBaz", ""},
		{"3DES", "X3DES", ""},
		{"type", "Type", ""},
		{"func", "Func", ""},
		{"__", "", "no letter or digit"},
		{"", "", "no letter or digit"},
		{"Bad\u00e9Name", "", "unexpected character"},
	} {
		got, err := Ident(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Ident(%q) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Ident(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"USER_SRP_AUTH", "UserSrpAuth"},
		{"us-east-1", "UsEast1"},
		{"ADMIN_NO_SRP_AUTH", "AdminNoSrpAuth"},
		{"camelCase", "CamelCase"},
		{"SMS_MFA", "SmsMfa"},
	} {
		if got, err := EnumIdent(tc.in); err != nil || got != tc.want {
			t.Errorf("EnumIdent(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func shape(id, name string, k ir.Kind, members ...string) *ir.Shape {
	s := &ir.Shape{ID: id, Name: name, Kind: k}
	str := &ir.Shape{ID: "smithy.api#String", Name: "String", Kind: ir.String}
	for _, m := range members {
		s.Members = append(s.Members, &ir.Member{Name: m, Target: str})
	}
	return s
}

func TestAssignCollisions(t *testing.T) {
	m := &ir.Model{Source: "test.json"}
	a := shape("ns#Foo_Bar", "Foo_Bar", ir.Structure, "String", "Clone", "Equal", "Validate", "Default", "type", "Name", "name")
	b := shape("ns#FooBar", "FooBar", ir.Structure)
	c := shape("ns#Client", "Client", ir.Structure)
	u := shape("ns#U", "U", ir.Union, "Unknown", "A")
	e := &ir.Shape{ID: "ns#Color", Name: "Color", Kind: ir.Enum, EnumValues: []*ir.EnumValue{{Name: "RED", Value: "red"}, {Name: "red", Value: "Red"}, {Name: "\u00e9", Value: "\u00e9"}}}
	// A type named like an enum constant keeps its name; the constant yields.
	clash := shape("ns#ColorRed", "ColorRed", ir.Structure)
	for _, s := range []*ir.Shape{a, b, c, u, e, clash} {
		m.AddShape(s)
	}
	m.Operations = []*ir.Operation{{ID: "ns#Options", Name: "Options"}, {ID: "ns#Get", Name: "get"}}
	m.Finish()
	if err := Assign(m); err != nil {
		t.Fatal(err)
	}
	checks := [][2]string{
		{b.GoName, "FooBar"}, {a.GoName, "FooBar_"}, {c.GoName, "Client_"}, {e.GoName, "Color"}, {clash.GoName, "ColorRed"},
		{a.Members[0].GoName, "String_"}, {a.Members[1].GoName, "Clone_"}, {a.Members[2].GoName, "Equal_"},
		{a.Members[3].GoName, "Validate_"}, {a.Members[4].GoName, "Default_"}, {a.Members[5].GoName, "Type"},
		{a.Members[6].GoName, "Name"}, {a.Members[7].GoName, "Name_"},
		{u.Members[0].GoName, "Unknown_"}, {u.Members[1].GoName, "A"},
		{e.EnumValues[0].GoName, "ColorRed_"}, {e.EnumValues[1].GoName, "ColorRed__"}, {e.EnumValues[2].GoName, "ColorValue2"},
		{m.Operations[0].GoName, "Options_"}, {m.Operations[1].GoName, "Get"},
	}
	for i, c := range checks {
		if c[0] != c[1] {
			t.Errorf("check %d: got %q, want %q", i, c[0], c[1])
		}
	}
}

func TestAssignRejects(t *testing.T) {
	m := &ir.Model{Source: "bad.json"}
	m.AddShape(shape("ns#Bad\u00e9", "Bad\u00e9", ir.Structure))
	m.Finish()
	err := Assign(m)
	if err == nil || !strings.Contains(err.Error(), "bad.json: shape ns#Bad\u00e9") {
		t.Fatalf("err = %v", err)
	}
}
