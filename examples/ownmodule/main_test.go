package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/ownmodule/cognitoidp"
)

// fakeCognito answers ForgotPassword as Cognito does: a code for alice, UserNotFoundException
// for anyone else.
func fakeCognito(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("X-Amz-Target"); got != "AWSCognitoIdentityProviderService.ForgotPassword" {
			t.Errorf("X-Amz-Target = %q", got)
		}
		body, _ := io.ReadAll(r.Body)
		var in cognitoidp.ForgotPasswordRequest
		if err := in.UnmarshalJSON(body); err != nil {
			t.Errorf("request body %s: %v", body, err)
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if in.Username == nil || *in.Username != "alice" {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"__type":"UserNotFoundException","message":"User does not exist."}`)
			return
		}
		io.WriteString(w, `{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"a***@e***"}}`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestForgotPassword(t *testing.T) {
	c := cognitoidp.NewClient(cognitoidp.Options{Endpoint: fakeCognito(t).URL})
	got, err := forgotPassword(context.Background(), c, "1example23456789", "alice")
	want := `code sent: CodeDeliveryDetailsType{Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email"}`
	if err != nil || got != want {
		t.Errorf("forgotPassword(alice) = %q, %v; want %q", got, err, want)
	}
	_, err = forgotPassword(context.Background(), c, "1example23456789", "bob")
	if want := "no such user (User does not exist.)"; err == nil || err.Error() != want {
		t.Errorf("forgotPassword(bob) error = %v; want %q", err, want)
	}
}

// Sensitive members are redacted by every way of printing; Validate names every violation.
func Example() {
	id, user := "1example23456789", "alice"
	in := &cognitoidp.ForgotPasswordRequest{ClientId: &id, Username: &user}
	fmt.Println(in)
	fmt.Printf("%#v\n", in)
	fmt.Println(in.Validate())
	fmt.Println(new(cognitoidp.ForgotPasswordRequest).Validate())
	// Output:
	// ForgotPasswordRequest{ClientId: [redacted], Username: [redacted]}
	// cognitoidp.ForgotPasswordRequest{ClientId: [redacted], Username: [redacted]}
	// <nil>
	// validation failed: ClientId: is required; Username: is required
}
