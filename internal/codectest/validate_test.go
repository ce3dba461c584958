package codectest

import (
	"errors"
	"strings"
	"testing"

	idp "github.com/awsgen/awsgen/generated/cognitoidp"
	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

func ptr[T any](v T) *T { return &v }

// violations returns "path constraint" for each violation of err.
func violations(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list idp.ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %T is not ValidationErrors: %v", err, err)
	}
	var out []string
	for _, v := range list {
		out = append(out, v.Path+" "+v.Constraint)
	}
	return out
}

func TestValidateForgotPassword(t *testing.T) {
	const secret = "s3cr3t-user-name-\u00e9"
	ok := &idp.ForgotPasswordRequest{ClientId: ptr("abc123"), Username: ptr(secret)}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid request: %v", err)
	}
	// Every violation is reported, each with its path.
	bad := &idp.ForgotPasswordRequest{
		ClientId:   ptr("not valid!"),             // pattern [\w+]+
		SecretHash: ptr(strings.Repeat("h", 129)), // length <= 128
		Username:   ptr(strings.Repeat("\u00e9", 129)),
		UserContextData: &idp.UserContextDataType{
			EncodedData: ptr(strings.Repeat("x", 131073)),
		},
	}
	got := violations(t, bad.Validate())
	want := []string{"ClientId pattern", "SecretHash length", "Username length"}
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("missing violation %q in %v", w, got)
		}
	}
	// Lengths count code points, not bytes: 128 two-byte characters are fine.
	if err := (&idp.ForgotPasswordRequest{ClientId: ptr("a"), Username: ptr(strings.Repeat("\u00e9", 128))}).Validate(); err != nil {
		t.Errorf("128 code points rejected: %v", err)
	}
	// Missing required members.
	got = violations(t, (&idp.ForgotPasswordRequest{}).Validate())
	if !contains(got, "ClientId required") || !contains(got, "Username required") || len(got) != 2 {
		t.Errorf("empty request: %v", got)
	}
	// No message carries a sensitive value.
	if err := bad.Validate(); strings.Contains(err.Error(), "not valid!") || strings.Contains(err.Error(), "hhhh") || strings.Contains(err.Error(), "\u00e9\u00e9") {
		t.Errorf("validation message leaks a value: %v", err)
	}
}

func TestValidateNestedPaths(t *testing.T) {
	req := &idp.AdminCreateUserRequest{
		UserPoolId: ptr("us-east-1_abc"),
		Username:   ptr("alice"),
		UserAttributes: []idp.AttributeType{
			{Name: ptr("email"), Value: ptr("a@example.com")},
			{Name: ptr("phone_number")},
			{Name: ptr(strings.Repeat("n", 33)), Value: ptr("x")}, // name length <= 32
			{Value: ptr("no name")},
		},
		ClientMetadata: map[string]string{"": "empty key"},
	}
	got := violations(t, req.Validate())
	for _, w := range []string{"UserAttributes[2].Name length", "UserAttributes[3].Name required"} {
		if !contains(got, w) {
			t.Errorf("missing %q in %v", w, got)
		}
	}
	// The client's pre-flight check only looks at required members, at any depth.
	var list idp.ValidationErrors
	err := validateRequired(req)
	if !errors.As(err, &list) || len(list) != 1 || list[0].Path != "UserAttributes[3].Name" {
		t.Errorf("required-only check: %v", err)
	}
}

// validateRequired reaches the unexported required-only check the way the client does: by
// sending with full validation off to a server that must not be called.
func validateRequired(req *idp.AdminCreateUserRequest) error {
	c := idp.NewClient(idp.Options{Endpoint: "http://127.0.0.1:1", Region: "us-east-1", Retry: idp.RetryOptions{MaxAttempts: 1}})
	_, err := c.AdminCreateUser(nilCtx(), req)
	return err
}

func TestValidateUnion(t *testing.T) {
	var e ks.ValidationErrors
	if err := (&ks.AnyValue{}).Validate(); !errors.As(err, &e) || e[0].Constraint != "union" {
		t.Errorf("empty union: %v", err)
	}
	if err := (&ks.AnyValue{S: ptr("x"), N: ptr(int32(1))}).Validate(); !errors.As(err, &e) || e[0].Constraint != "union" {
		t.Errorf("union with two members: %v", err)
	}
	if err := (&ks.AnyValue{S: ptr("x")}).Validate(); err != nil {
		t.Errorf("union with one member: %v", err)
	}
	if err := (&ks.AnyValue{Unknown: &ks.UnknownMember{Name: "Future", Value: ks.Document(`1`)}}).Validate(); err != nil {
		t.Errorf("union with an unknown member: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
