package codectest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	idp "github.com/awsgen/awsgen/generated/cognitoidp"
	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

type recordingSigner struct{ calls atomic.Int32 }

func (s *recordingSigner) SignRequest(_ context.Context, req *http.Request, payloadHash, name, region string, _ time.Time) error {
	s.calls.Add(1)
	req.Header.Set("Authorization", "test "+name+" "+region+" "+payloadHash[:8])
	return nil
}

func fastRetry(n int) idp.RetryOptions {
	return idp.RetryOptions{MaxAttempts: n, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}
}

// TestClientWire checks what the generated client puts on the wire, and that operations
// without authentication are sent unsigned while the others are signed.
func TestClientWire(t *testing.T) {
	var lastBody []byte
	var lastHeader http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lastBody, _ = io.ReadAll(r.Body)
		lastHeader = r.Header.Clone()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		io.WriteString(w, `{"CodeDeliveryDetails":{"Destination":"a***@example.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}`)
	}))
	defer srv.Close()
	signer := &recordingSigner{}
	c := idp.NewClient(idp.Options{Endpoint: srv.URL, Region: "eu-west-1", Signer: signer})
	out, err := c.ForgotPassword(context.Background(), &idp.ForgotPasswordRequest{ClientId: ptr("c1"), Username: ptr("u1")})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(lastBody); got != `{"ClientId":"c1","Username":"u1"}` {
		t.Errorf("body = %s", got)
	}
	if lastHeader.Get("X-Amz-Target") != "AWSCognitoIdentityProviderService.ForgotPassword" ||
		lastHeader.Get("Content-Type") != "application/x-amz-json-1.1" || lastHeader.Get("User-Agent") == "" {
		t.Errorf("headers = %v", lastHeader)
	}
	if signer.calls.Load() != 0 || lastHeader.Get("Authorization") != "" {
		t.Error("ForgotPassword needs no authentication but was signed")
	}
	if *out.CodeDeliveryDetails.DeliveryMedium != idp.DeliveryMediumTypeEmail {
		t.Errorf("out = %v", out)
	}
	if _, err := c.AdminGetUser(context.Background(), &idp.AdminGetUserRequest{UserPoolId: ptr("p"), Username: ptr("u")}); err != nil {
		t.Fatal(err)
	}
	if signer.calls.Load() != 1 || lastHeader.Get("Authorization") == "" {
		t.Error("AdminGetUser was not signed")
	}
}

// TestClientRetries: throttling and 5xx are retried with the same body, then succeed.
func TestClientRetries(t *testing.T) {
	var attempts atomic.Int32
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		switch attempts.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.Header().Set("X-Amzn-ErrorType", "TooManyRequestsException:http://internal")
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"message":"slow down"}`)
		default:
			io.WriteString(w, `{}`)
		}
	}))
	defer srv.Close()
	c := idp.NewClient(idp.Options{Endpoint: srv.URL, Region: "us-east-1", Retry: fastRetry(3)})
	if _, err := c.ForgotPassword(context.Background(), &idp.ForgotPasswordRequest{ClientId: ptr("c"), Username: ptr("u")}); err != nil {
		t.Fatal(err)
	}
	if attempts.Load() != 3 || bodies[0] != bodies[2] {
		t.Errorf("attempts = %d, bodies = %q", attempts.Load(), bodies)
	}
}

// TestClientErrors: modeled errors come back typed, others as *APIError with status and ID.
func TestClientErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-amzn-RequestId", "req-1")
		switch r.Header.Get("X-Amz-Target") {
		case "AWSCognitoIdentityProviderService.ForgotPassword":
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"__type":"com.amazonaws.cognito#UserNotFoundException","message":"User does not exist."}`)
		default:
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `<html>denied</html>`)
		}
	}))
	defer srv.Close()
	c := idp.NewClient(idp.Options{Endpoint: srv.URL, Region: "us-east-1", Retry: fastRetry(1)})
	_, err := c.ForgotPassword(context.Background(), &idp.ForgotPasswordRequest{ClientId: ptr("c"), Username: ptr("u")})
	var nf *idp.UserNotFoundException
	if !errors.As(err, &nf) || nf.ErrorMessage() != "User does not exist." {
		t.Fatalf("err = %v", err)
	}
	var op *idp.OperationError
	if !errors.As(err, &op) || op.RequestID != "req-1" || op.StatusCode != 400 {
		t.Fatalf("OperationError = %#v", op)
	}
	_, err = c.AdminGetUser(context.Background(), &idp.AdminGetUserRequest{UserPoolId: ptr("p"), Username: ptr("u")})
	var api *idp.APIError
	if !errors.As(err, &api) || api.StatusCode != 403 || api.RequestID != "req-1" || api.Fault != idp.FaultClient {
		t.Fatalf("err = %v (%#v)", err, api)
	}
}

// TestClientCancel: a cancelled context stops a call waiting for a slow server.
func TestClientCancel(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := idp.NewClient(idp.Options{Endpoint: srv.URL, Region: "us-east-1"})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.ForgotPassword(ctx, &idp.ForgotPasswordRequest{ClientId: ptr("c"), Username: ptr("u")})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
}

// An event-stream operation's method sends nothing and says why.
func TestClientEventStreamNotSupported(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	defer srv.Close()
	c := ks.NewClient(ks.Options{Endpoint: srv.URL, Region: "us-east-1"})
	out, err := c.WatchThings(context.Background(), &ks.WatchThingsInput{ThingId: ptr("t-1")})
	if out != nil || !errors.Is(err, ks.ErrEventStream) {
		t.Fatalf("WatchThings = %v, %v; want nil and ErrEventStream", out, err)
	}
	var oe *ks.OperationError
	if !errors.As(err, &oe) || oe.Operation != "WatchThings" || oe.Attempts != 0 {
		t.Errorf("error %#v, want an *OperationError for WatchThings with no attempts", err)
	}
	if calls.Load() != 0 {
		t.Errorf("%d requests sent", calls.Load())
	}
	// The other operations of the service are not affected.
	if _, err := c.ListThings(context.Background(), &ks.ListThingsInput{}); errors.Is(err, ks.ErrEventStream) || calls.Load() == 0 {
		t.Errorf("ListThings: %v after %d requests", err, calls.Load())
	}
}
