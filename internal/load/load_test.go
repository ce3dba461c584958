package load

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/ir"
	"github.com/awsgen/awsgen/internal/testenv"
)

const models = "../../testdata/models"

func TestFileFormats(t *testing.T) {
	tests := []struct {
		path, format, service string
		ops                   int
		doc                   string // ThingId's documentation, from docs-2.json for c2j
	}{
		{"kitchensink.smithy.json", "smithy", "example.kitchen#KitchenService", 8, ""},
		{"kitchensink/api-2.json", "c2j", "kitchen-2024-01-01", 6, "<p>A thing ID.</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			m, err := File(filepath.Join(models, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			if m.Format != tt.format || m.Service.ID != tt.service || len(m.Operations) != tt.ops {
				t.Errorf("format %s service %s with %d operations, want %s %s %d", m.Format, m.Service.ID, len(m.Operations), tt.format, tt.service, tt.ops)
			}
			prefix := ""
			if tt.format == "smithy" {
				prefix = "example.kitchen#"
			}
			if got := m.Shape(prefix + "ThingId").Traits.Doc; got != tt.doc {
				t.Errorf("ThingId doc %q, want %q", got, tt.doc)
			}
			// names.Assign ran: every shape with a type, member and operation has a Go name,
			// and the names that would clash were told apart.
			goNames := map[string]string{}
			for _, s := range m.Shapes {
				if s.HasType() && s.GoName == "" {
					t.Errorf("%s has no Go name", s.ID)
				}
				goNames[s.Name] = s.GoName
			}
			if goNames["lowercase"] != "Lowercase" || goNames["Range"] != "Range" ||
				goNames["FooBar"] == goNames["Foo_Bar"] {
				t.Errorf("Go names: lowercase=%s Range=%s FooBar=%s Foo_Bar=%s", goNames["lowercase"],
					goNames["Range"], goNames["FooBar"], goNames["Foo_Bar"])
			}
			fields := map[string]string{}
			for _, mem := range m.Shape(prefix + "GetThingInput").Members {
				fields[mem.Name] = mem.GoName
			}
			for name, want := range map[string]string{"type": "Type", "func": "Func", "String": "String_", "Clone": "Clone_", "Default": "Default_"} {
				if fields[name] != want {
					t.Errorf("member %s has Go name %q, want %q", name, fields[name], want)
				}
			}
			for _, op := range m.Operations {
				if op.GoName == "" {
					t.Errorf("operation %s has no Go name", op.Name)
				}
			}
		})
	}
}

func TestDocsPath(t *testing.T) {
	for in, want := range map[string]string{
		"a/b/api-2.json":       "a/b/docs-2.json",
		"api-2.json":           "docs-2.json",
		"a/cognito.api-2.json": "a/cognito.docs-2.json",
		"a/model.json":         "",
		"a/.api-2.json":        "",
		"a/xapi-2.json":        "",
	} {
		if got := DocsPath(in); got != filepath.FromSlash(want) {
			t.Errorf("DocsPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileErrors(t *testing.T) {
	if _, err := File(filepath.Join(models, "no-such-file.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	tests := []struct {
		file, shape, member, msg string
	}{
		{"invalid-json.smithy.json", "", "", "invalid JSON: syntax error"},
		{"truncated.smithy.json", "", "", "invalid JSON: unexpected end of input"},
		{"c2j-truncated.api-2.json", "", "", "invalid JSON: unexpected end of input"},
		{"unknown-format.json", "", "", "unknown model format"},
		{"unknown-target.smithy.json", "example.bad#Thing", "owner", `unknown target "example.bad#Missing"`},
		{"wrong-trait-type.smithy.json", "example.bad#Name", "", "trait smithy.api#length: min must be a number"},
		{"required-not-object.smithy.json", "example.bad#Thing", "name", "trait smithy.api#required: must be an object"},
		{"bad-timestamp-format.smithy.json", "example.bad#Thing", "when", `trait smithy.api#timestampFormat: must be one of "epoch-seconds", "date-time", "http-date", got "iso8601"`},
		{"unknown-shape-type.smithy.json", "example.bad#Gadget", "", `unknown shape type "widget"`},
		{"enum-value-type.smithy.json", "example.bad#Level", "HIGH", `trait smithy.api#enumValue of an intEnum member must be a 32-bit integer, got "10"`},
		{"enum-value-int.smithy.json", "example.bad#Color", "RED", "trait smithy.api#enumValue of an enum member must be a non-empty string, got 1"},
		{"default-type.smithy.json", "example.bad#Thing", "count", `trait smithy.api#default: default "seven" for integer smithy.api#Integer must be an integer`},
		{"http-error-type.smithy.json", "example.bad#Oops", "", `trait smithy.api#httpError must be an integer HTTP status code, got "404"`},
		{"duplicate-member.smithy.json", "example.bad#Thing", "name", "duplicate member"},
		{"input-not-structure.smithy.json", "example.bad#Op", "", `input "example.bad#Name" is a string, not a structure`},
		{"c2j-required-missing.api-2.json", "Input", "Nope", `"required" names a member that does not exist`},
		{"c2j-unknown-type.api-2.json", "Gadget", "", `unknown shape type "widget"`},
		{"c2j-bad-timestamp-format.api-2.json", "Input", "When", `"timestampFormat" must be one of "iso8601", "rfc822", "unixTimestamp", got "date-time"`},
		{"c2j-enum-not-string.api-2.json", "Color", "", "enum values must be strings, got 2"},
		{"c2j-unknown-target.api-2.json", "Input", "Owner", `unknown target shape "Missing"`},
		{"c2j-min-type.api-2.json", "Name", "", `"min" must be a number, got "1"`},
		{"c2j-input-not-structure.api-2.json", "Op", "", `input "Name" is a string, not a structure`},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(models, "bad", tt.file)
			m, err := File(path)
			var e *ir.Error
			if !errors.As(err, &e) {
				t.Fatalf("got model %v, error %v; want an *ir.Error", m, err)
			}
			if e.File != path || e.Shape != tt.shape || e.Member != tt.member || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %#v\nwant shape %q member %q message containing %q", e, tt.shape, tt.member, tt.msg)
			}
			s := e.Error()
			for _, part := range []string{path, tt.shape, tt.member, tt.msg} {
				if !strings.Contains(s, part) {
					t.Errorf("%q does not mention %q", s, part)
				}
			}
		})
	}
	// Every negative fixture is in the table.
	files, _ := filepath.Glob(filepath.Join(models, "bad", "*"))
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("fixture %s has no test", f)
		}
	}
}

func TestBytesDocsFile(t *testing.T) {
	docs, err := os.ReadFile(filepath.Join(models, "kitchensink/docs-2.json"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Bytes("docs-2.json", docs, nil)
	var e *ir.Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "docs-2.json; load the api-2.json") {
		t.Errorf("loading a docs-2.json: %v", err)
	}
}

// sharedDir is the project's shared material beside the root; it is absent in a user's clone.
const sharedDir = "../../../shared"

func needShared(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		testenv.Missing(t, "%s is unavailable: %v", path, err)
	}
}

// sdkDir returns the folder of github.com/aws/aws-sdk-go@v1.55.8, which holds the real c2j
// models, downloading it if needed. It skips when the module cannot be had, unless CI=true.
func sdkDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/aws/aws-sdk-go@v1.55.8").Output()
	var mod struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &mod)
	}
	if err == nil && mod.Dir == "" {
		err = errors.New(mod.Error)
	}
	if err != nil {
		testenv.Missing(t, "github.com/aws/aws-sdk-go@v1.55.8 is unavailable: go mod download: %v", err)
	}
	return mod.Dir
}

// TestCognito loads the real Cognito Identity Provider models in both formats and checks
// what the generator relies on.
func TestCognito(t *testing.T) {
	smithyPath := filepath.Join(sharedDir, "models/smithy/cognito-identity-provider-2016-04-18.json")
	tests := []struct {
		format string
		path   func(t *testing.T) string
		prefix string
	}{
		{"smithy", func(t *testing.T) string { needShared(t, smithyPath); return smithyPath }, "com.amazonaws.cognitoidentityprovider#"},
		{"c2j", func(t *testing.T) string {
			return filepath.Join(sdkDir(t), "models/apis/cognito-idp/2016-04-18/api-2.json")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			m, err := File(tt.path(t))
			if err != nil {
				t.Fatal(err)
			}
			svc := m.Service
			if m.Format != tt.format || svc.Protocol != "awsJson1_1" || svc.TargetPrefix != "AWSCognitoIdentityProviderService" ||
				svc.SigningName != "cognito-idp" || svc.EndpointPrefix != "cognito-idp" || svc.SDKID != "Cognito Identity Provider" {
				t.Errorf("format %s service %+v", m.Format, svc)
			}
			if len(m.Operations) < 103 {
				t.Errorf("%d operations, want 103 or more", len(m.Operations))
			}
			req := m.Shape(tt.prefix + "ForgotPasswordRequest")
			if req == nil {
				t.Fatal("no ForgotPasswordRequest")
			}
			var members, required []string
			for _, mem := range req.Members {
				members = append(members, mem.Name)
				if mem.Required() {
					required = append(required, mem.Name)
				}
			}
			if got := strings.Join(members, ","); got != "ClientId,SecretHash,UserContextData,Username,AnalyticsMetadata,ClientMetadata" {
				t.Errorf("ForgotPasswordRequest members %s", got)
			}
			if got := strings.Join(required, ","); got != "ClientId,Username" {
				t.Errorf("ForgotPasswordRequest required %s", got)
			}
			if !req.Members[0].Sensitive() || req.Members[0].Doc() == "" {
				t.Errorf("ClientId: sensitive %v doc %q", req.Members[0].Sensitive(), req.Members[0].Doc())
			}
			sensitive := 0
			for _, s := range m.Shapes {
				if s.Traits.Sensitive {
					sensitive++
				}
			}
			if sensitive != 13 {
				t.Errorf("%d sensitive shapes, want 13", sensitive)
			}
			byName := map[string]*ir.Operation{}
			for _, op := range m.Operations {
				byName[op.Name] = op
			}
			fp, signUp, admin := byName["ForgotPassword"], byName["SignUp"], byName["AdminCreateUser"]
			if fp == nil || signUp == nil || admin == nil {
				t.Fatal("missing ForgotPassword, SignUp or AdminCreateUser")
			}
			if fp.AuthRequired || signUp.AuthRequired || !admin.AuthRequired {
				t.Errorf("AuthRequired: ForgotPassword %v SignUp %v AdminCreateUser %v, want false false true",
					fp.AuthRequired, signUp.AuthRequired, admin.AuthRequired)
			}
			if fp.Input != req || fp.Output == nil || len(fp.Errors) < 10 || fp.GoName != "ForgotPassword" || req.GoName != "ForgotPasswordRequest" {
				t.Errorf("ForgotPassword: %+v", fp)
			}
			for _, e := range fp.Errors {
				if e.Error == "" || e.ErrorCode != e.Name || e.HTTPStatus == 0 {
					t.Errorf("error %s: %q %q %d", e.ID, e.Error, e.ErrorCode, e.HTTPStatus)
				}
			}
			if list := byName["ListUsers"]; list == nil || (tt.format == "smithy") != (list.Paginated != nil) {
				t.Errorf("ListUsers pagination (Smithy only): %+v", list)
			}
		})
	}
}

// FileMapped gives the model File gives, for files it maps (read-only ones) and for those
// it reads; mapReadOnly maps exactly the regular, non-empty files nobody may write to.
func TestFileMapped(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, src := range []string{models + "/kitchensink.smithy.json", models + "/kitchensink/api-2.json", models + "/kitchensink/docs-2.json"} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, filepath.Base(filepath.Dir(src)))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(sub, filepath.Base(src))
		if err := os.WriteFile(p, b, 0o444); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if runtime.GOOS == "linux" {
		got, ok := mapReadOnly(paths[0])
		want, _ := os.ReadFile(paths[0])
		if !ok || string(got) != string(want) {
			t.Errorf("mapReadOnly(read-only file): ok %v, %d bytes, want the file's %d", ok, len(got), len(want))
		}
		writable := filepath.Join(dir, "w.json")
		empty := filepath.Join(dir, "empty.json")
		os.WriteFile(writable, want, 0o644)
		os.WriteFile(empty, nil, 0o444)
		for _, p := range []string{writable, empty, dir, filepath.Join(dir, "missing.json")} {
			if _, ok := mapReadOnly(p); ok {
				t.Errorf("mapReadOnly(%s) mapped it", p)
			}
		}
	}
	for _, p := range []string{paths[0], paths[1]} {
		want, err := File(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := FileMapped(p)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: FileMapped's model differs from File's", p)
		}
		docs := 0
		for _, s := range got.Shapes {
			if s.Traits.Doc != "" {
				docs++
			}
		}
		if docs == 0 {
			t.Errorf("%s: no shape has documentation: the docs file was not loaded", p)
		}
	}
	if _, err := FileMapped(filepath.Join(dir, "missing.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("FileMapped(missing file): %v, want not exist", err)
	}
}
