package rt

import (
	"compress/gzip"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// ---- stub generated types ----

// stubRequest stands in for a generated request type.
type stubRequest struct {
	Username *string
	Password string // secret: must never appear in errors
	Token    string

	validateCalled bool
}

type stubValidationError struct{ field string }

func (e *stubValidationError) Error() string { return "missing required field " + e.field }

func (r *stubRequest) AppendJSON(dst []byte) ([]byte, error) {
	m := map[string]any{}
	if r.Username != nil {
		m["Username"] = *r.Username
	}
	if r.Password != "" {
		m["Password"] = r.Password
	}
	if r.Token != "" {
		m["Token"] = r.Token
	}
	b, err := json.Marshal(m)
	if err != nil {
		return dst, err
	}
	return append(dst, b...), nil
}

func (r *stubRequest) Validate() error {
	r.validateCalled = true
	if err := validateRequired(r); err != nil {
		return err
	}
	if len(*r.Username) > 8 {
		return &stubValidationError{field: "Username (too long)"}
	}
	return nil
}

func (r *stubRequest) validate(p *vpath, vs *validator) {
	if r.Username == nil {
		vs.required(p, "Username")
	}
}

// stubResponse stands in for a generated response type.
type stubResponse struct {
	Value string
	raw   string
}

func (r *stubResponse) UnmarshalJSON(b []byte) error {
	r.raw = string(b)
	var aux struct{ Value string }
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	r.Value = aux.Value
	return nil
}

// stubModeledError stands in for a generated error shape.
type stubModeledError struct {
	code    string
	Message string
	Extra   string
}

func (e *stubModeledError) Error() string          { return e.code + ": " + e.Message }
func (e *stubModeledError) ErrorCode() string      { return e.code }
func (e *stubModeledError) ErrorMessage() string   { return e.Message }
func (e *stubModeledError) ErrorFault() ErrorFault { return FaultClient }
func (e *stubModeledError) UnmarshalJSON(b []byte) error {
	var aux struct {
		Message  *string `json:"message"`
		Message2 *string `json:"Message"`
		Extra    string
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if aux.Message != nil {
		e.Message = *aux.Message
	} else if aux.Message2 != nil {
		e.Message = *aux.Message2
	}
	e.Extra = aux.Extra
	return nil
}

func stubNewError(code string) modeledError {
	switch code {
	case "UserNotFoundException", "FooError", "ThrottlingException":
		return &stubModeledError{code: code}
	}
	return nil
}

func strp(s string) *string { return &s }

var (
	opPublic  = operationInfo{name: "ForgotPassword", authRequired: false}
	opPrivate = operationInfo{name: "AdminGetUser", authRequired: true}
)

func testService(version string) *serviceInfo {
	return &serviceInfo{
		endpointPrefix: "cognito-idp",
		signingName:    "cognito-idp",
		targetPrefix:   "AWSCognitoIdentityProviderService",
		jsonVersion:    version,
		userAgent:      "awsgen-cognitoidp",
		newError:       stubNewError,
	}
}

// recorded is what a test server saw of one request.
type recorded struct {
	method, path string
	header       http.Header
	body         string
	contentLen   int64
}

// recorder is an httptest server that records requests and answers with
// the responses produced by respond (called with the 1-based attempt).
type recorder struct {
	mu   sync.Mutex
	reqs []recorded
	srv  *httptest.Server
}

func newRecorder(t *testing.T, respond func(n int, w http.ResponseWriter, r *http.Request)) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, recorded{r.Method, r.URL.Path, r.Header.Clone(), string(b), r.ContentLength})
		n := len(rec.reqs)
		rec.mu.Unlock()
		respond(n, w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) requests() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]recorded(nil), rec.reqs...)
}

func noSleep(ctx context.Context, d time.Duration) error { return nil }

func testClient(rec *recorder, version string, mod func(*Options)) *Client {
	o := Options{Endpoint: rec.srv.URL, HTTPClient: rec.srv.Client(), Retry: RetryOptions{Sleep: noSleep}}
	if mod != nil {
		mod(&o)
	}
	return newClient(o, testService(version))
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-Requestid", "req-123")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func asOpErr(t *testing.T, err error) *OperationError {
	t.Helper()
	var oe *OperationError
	if !errors.As(err, &oe) {
		t.Fatalf("error %T %v is not an *OperationError", err, err)
	}
	return oe
}

// ---- tests ----

func TestInvokeHeadersAndBody(t *testing.T) {
	for _, version := range []string{"1.0", "1.1"} {
		t.Run(version, func(t *testing.T) {
			rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 200, `{"Value":"ok"}`)
			})
			c := testClient(rec, version, func(o *Options) { o.UserAgentSuffix = "myapp/1.2" })
			in := &stubRequest{Username: strp("alice"), Token: "tok"}
			out := new(stubResponse)
			if err := c.invoke(context.Background(), &opPublic, in, out); err != nil {
				t.Fatal(err)
			}
			if out.Value != "ok" {
				t.Errorf("out.Value = %q", out.Value)
			}
			reqs := rec.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests", len(reqs))
			}
			r := reqs[0]
			want, _ := in.AppendJSON(nil)
			if r.method != "POST" || r.path != "/" {
				t.Errorf("request line %s %s", r.method, r.path)
			}
			if r.body != string(want) {
				t.Errorf("body = %s, want %s", r.body, want)
			}
			if r.contentLen != int64(len(want)) || r.header.Get("Content-Length") != fmt.Sprint(len(want)) {
				t.Errorf("content length %d / %q, want %d", r.contentLen, r.header.Get("Content-Length"), len(want))
			}
			checks := map[string]string{
				"Content-Type":    "application/x-amz-json-" + version,
				"X-Amz-Target":    "AWSCognitoIdentityProviderService.ForgotPassword",
				"User-Agent":      "awsgen-cognitoidp (go; " + runtime.GOOS + ") myapp/1.2",
				"Amz-Sdk-Request": "attempt=1; max=3",
				"Authorization":   "",
			}
			for k, v := range checks {
				if got := r.header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if id := r.header.Get("Amz-Sdk-Invocation-Id"); !uuidRE.MatchString(id) {
				t.Errorf("invocation id %q is not a v4 UUID", id)
			}
		})
	}
}

func TestInvocationIDPerCall(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := testClient(rec, "1.1", nil)
	for i := 0; i < 2; i++ {
		if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse)); err != nil {
			t.Fatal(err)
		}
	}
	reqs := rec.requests()
	if a, b := reqs[0].header.Get("Amz-Sdk-Invocation-Id"), reqs[1].header.Get("Amz-Sdk-Invocation-Id"); a == b {
		t.Errorf("invocation id reused across calls: %s", a)
	}
}

func TestCustomEndpointPathKept(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := newClient(Options{Endpoint: rec.srv.URL + "/proxy/cognito", HTTPClient: rec.srv.Client()}, testService("1.1"))
	if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse)); err != nil {
		t.Fatal(err)
	}
	// The operation's path "/" follows the endpoint's, as Smithy's HostWithPath tests expect.
	if p := rec.requests()[0].path; p != "/proxy/cognito/" {
		t.Errorf("path = %q", p)
	}
}

func TestResolveEndpoint(t *testing.T) {
	tests := []struct {
		endpoint, region, want string
		wantErr                bool
	}{
		{"", "us-east-1", "https://cognito-idp.us-east-1.amazonaws.com/", false},
		{"", "eu-west-3", "https://cognito-idp.eu-west-3.amazonaws.com/", false},
		{"", "cn-north-1", "https://cognito-idp.cn-north-1.amazonaws.com.cn/", false},
		{"", "", "", true},
		{"", "us-east-1.evil.com/x", "", true},
		{"", "US-EAST-1", "", true},
		{"http://localhost:9229", "", "http://localhost:9229/", false},
		{"http://localhost:9229/", "us-east-1", "http://localhost:9229/", false},
		{"https://example.com/base/path", "", "https://example.com/base/path/", false},
		{"https://example.com/base/path/", "", "https://example.com/base/path/", false},
		{"http://example.com/a%2Fb", "", "http://example.com/a%2Fb/", false},
		{"localhost:9229", "", "https://localhost:9229/", false},
		{"ftp://example.com", "", "", true},
		{"http://", "", "", true},
	}
	for _, tt := range tests {
		got, err := resolveEndpoint(tt.endpoint, tt.region, "cognito-idp")
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("resolveEndpoint(%q, %q) = %q, %v; want %q, err=%v", tt.endpoint, tt.region, got, err, tt.want, tt.wantErr)
		}
	}
}

// doerFunc adapts a function to HTTPDoer.
type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func okResponse(body string) *http.Response {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body))}
}

func TestDefaultEndpointUsedByInvoke(t *testing.T) {
	var got string
	doer := doerFunc(func(r *http.Request) (*http.Response, error) {
		got = r.URL.String()
		return okResponse(`{}`), nil
	})
	c := newClient(Options{Region: "ap-southeast-2", HTTPClient: doer}, testService("1.1"))
	if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse)); err != nil {
		t.Fatal(err)
	}
	if got != "https://cognito-idp.ap-southeast-2.amazonaws.com/" {
		t.Errorf("URL = %q", got)
	}
}

func TestMissingRegionFailsWithoutSending(t *testing.T) {
	doer := doerFunc(func(r *http.Request) (*http.Response, error) {
		t.Error("request sent")
		return okResponse(`{}`), nil
	})
	c := newClient(Options{HTTPClient: doer}, testService("1.1"))
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	oe := asOpErr(t, err)
	if oe.Attempts != 0 || !strings.Contains(err.Error(), "Region") {
		t.Errorf("err = %v (attempts %d)", err, oe.Attempts)
	}
}

func TestDefaultHTTPClient(t *testing.T) {
	c := newClient(Options{Region: "us-east-1"}, testService("1.1"))
	hc, ok := c.httpClient.(*http.Client)
	if !ok {
		t.Fatalf("default client is %T", c.httpClient)
	}
	tr, ok := hc.Transport.(*http.Transport)
	if !ok || hc.Timeout == 0 || tr.TLSHandshakeTimeout == 0 || tr.ResponseHeaderTimeout == 0 || tr.Proxy == nil {
		t.Errorf("default client lacks timeouts/proxy: %+v", hc)
	}
	if c2 := newClient(Options{Region: "us-east-1"}, testService("1.1")); c2.httpClient != c.httpClient {
		t.Error("default client not shared")
	}
}

// fakeSigner records its calls and sets an Authorization header.
type fakeSigner struct {
	mu    sync.Mutex
	calls []signCall
	err   error
}

type signCall struct {
	hash, name, region string
	at                 time.Time
	target             string
}

func (s *fakeSigner) SignRequest(ctx context.Context, req *http.Request, payloadSHA256, signingName, region string, t time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, signCall{payloadSHA256, signingName, region, t, req.Header.Get("X-Amz-Target")})
	if s.err != nil {
		return s.err
	}
	req.Header.Set("Authorization", "FAKE "+payloadSHA256)
	return nil
}

func TestSigning(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	signer := &fakeSigner{}
	c := testClient(rec, "1.1", func(o *Options) { o.Signer = signer; o.Region = "eu-central-1" })
	in := &stubRequest{Username: strp("bob"), Password: "pw"}
	body, _ := in.AppendJSON(nil)
	sum := sha256.Sum256(body)
	wantHash := hex.EncodeToString(sum[:])

	before := time.Now()
	if err := c.invoke(context.Background(), &opPrivate, in, new(stubResponse)); err != nil {
		t.Fatal(err)
	}
	if len(signer.calls) != 1 {
		t.Fatalf("signer called %d times", len(signer.calls))
	}
	call := signer.calls[0]
	if call.hash != wantHash || call.name != "cognito-idp" || call.region != "eu-central-1" ||
		call.target != "AWSCognitoIdentityProviderService.AdminGetUser" {
		t.Errorf("sign call = %+v, want hash %s", call, wantHash)
	}
	if call.at.Before(before.Add(-time.Second)) || call.at.After(time.Now().Add(time.Second)) || call.at.Location() != time.UTC {
		t.Errorf("signing time %v", call.at)
	}
	if got := rec.requests()[0].header.Get("Authorization"); got != "FAKE "+wantHash {
		t.Errorf("Authorization = %q", got)
	}

	// Operations without auth are never signed.
	if err := c.invoke(context.Background(), &opPublic, in, new(stubResponse)); err != nil {
		t.Fatal(err)
	}
	if len(signer.calls) != 1 {
		t.Errorf("unauthenticated operation was signed")
	}
	if got := rec.requests()[1].header.Get("Authorization"); got != "" {
		t.Errorf("unsigned request has Authorization %q", got)
	}

	// No signer: authenticated operations are sent unsigned.
	c2 := testClient(rec, "1.1", nil)
	if err := c2.invoke(context.Background(), &opPrivate, in, new(stubResponse)); err != nil {
		t.Fatal(err)
	}
	if got := rec.requests()[2].header.Get("Authorization"); got != "" {
		t.Errorf("request without signer has Authorization %q", got)
	}
}

func TestSigningErrors(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	boom := errors.New("no credentials")
	c := testClient(rec, "1.1", func(o *Options) { o.Signer = &fakeSigner{err: boom}; o.Region = "us-east-1" })
	err := c.invoke(context.Background(), &opPrivate, &stubRequest{Username: strp("a")}, new(stubResponse))
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want signer error", err)
	}
	// Signing needs a region even with a custom endpoint.
	c = testClient(rec, "1.1", func(o *Options) { o.Signer = &fakeSigner{} })
	err = c.invoke(context.Background(), &opPrivate, &stubRequest{Username: strp("a")}, new(stubResponse))
	if err == nil || !strings.Contains(err.Error(), "Region") {
		t.Errorf("err = %v, want region error", err)
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestRetryOn503ThenSuccess(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n < 3 {
			writeJSON(w, 503, `{"__type":"ServiceUnavailable","message":"busy"}`)
			return
		}
		writeJSON(w, 200, `{"Value":"done"}`)
	})
	var delays []time.Duration
	signer := &fakeSigner{}
	c := testClient(rec, "1.1", func(o *Options) {
		o.Signer, o.Region = signer, "us-east-1"
		o.Retry.Sleep = func(ctx context.Context, d time.Duration) error { delays = append(delays, d); return nil }
	})
	out := new(stubResponse)
	in := &stubRequest{Username: strp("alice"), Token: newIdempotencyToken()}
	if err := c.invoke(context.Background(), &opPrivate, in, out); err != nil {
		t.Fatal(err)
	}
	if out.Value != "done" {
		t.Errorf("out = %+v", out)
	}
	reqs := rec.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d attempts, want 3", len(reqs))
	}
	for i, r := range reqs {
		if r.body != reqs[0].body {
			t.Errorf("attempt %d body %s differs from %s", i+1, r.body, reqs[0].body)
		}
		if got, want := r.header.Get("Amz-Sdk-Request"), fmt.Sprintf("attempt=%d; max=3", i+1); got != want {
			t.Errorf("Amz-Sdk-Request = %q, want %q", got, want)
		}
		if r.header.Get("Amz-Sdk-Invocation-Id") != reqs[0].header.Get("Amz-Sdk-Invocation-Id") {
			t.Errorf("invocation id changed between attempts")
		}
		if r.header.Get("Authorization") == "" {
			t.Errorf("attempt %d not signed", i+1)
		}
	}
	if len(signer.calls) != 3 {
		t.Errorf("signed %d times, want once per attempt", len(signer.calls))
	}
	if len(delays) != 2 || delays[0] > 100*time.Millisecond || delays[1] > 200*time.Millisecond || delays[0] < 0 || delays[1] < 0 {
		t.Errorf("delays = %v", delays)
	}
}

func TestRetryOnThrottlingCodes(t *testing.T) {
	cases := []struct {
		name   string
		status int
		header string
		body   string
	}{
		{"type", 400, "", `{"__type":"ThrottlingException","message":"Rate exceeded"}`},
		{"namespaced", 400, "", `{"__type":"com.amazonaws.cognito#TooManyRequestsException","message":"x"}`},
		{"header", 400, "RequestLimitExceeded:http://internal.amazon.com/", `{}`},
		{"code", 400, "", `{"code":"SlowDown"}`},
		{"timeout", 408, "", `{"__type":"RequestTimeoutException"}`},
		{"429", 429, "", ``},
		{"500", 500, "", `{}`},
		{"502-html", 502, "", `<html><body>bad gateway</body></html>`},
		{"504-empty", 504, "", ``},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
				if n == 1 {
					if tc.header != "" {
						w.Header().Set("X-Amzn-ErrorType", tc.header)
					}
					writeJSON(w, tc.status, tc.body)
					return
				}
				writeJSON(w, 200, `{"Value":"v"}`)
			})
			c := testClient(rec, "1.1", nil)
			if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse)); err != nil {
				t.Fatal(err)
			}
			if n := len(rec.requests()); n != 2 {
				t.Errorf("%d attempts, want 2", n)
			}
		})
	}
}

func TestNoRetryOnClientError(t *testing.T) {
	cases := []string{
		`{"__type":"UserNotFoundException","message":"User does not exist."}`,
		`{"__type":"LimitExceededException","message":"Attempt limit exceeded"}`,
		`{"__type":"InvalidParameterException","message":"bad"}`,
	}
	for _, body := range cases {
		rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 400, body) })
		c := testClient(rec, "1.1", nil)
		err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
		if err == nil {
			t.Fatal("no error")
		}
		if n := len(rec.requests()); n != 1 {
			t.Errorf("%s: %d attempts, want 1", body, n)
		}
		oe := asOpErr(t, err)
		if oe.Attempts != 1 || oe.StatusCode != 400 || oe.RequestID != "req-123" || oe.Operation != "ForgotPassword" ||
			oe.Service != "AWSCognitoIdentityProviderService" {
			t.Errorf("operation error = %+v", oe)
		}
	}
}

func TestModeledErrorMatch(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, `{"__type":"UserNotFoundException","message":"User does not exist.","Extra":"x1"}`)
	})
	c := testClient(rec, "1.1", nil)
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	var me *stubModeledError
	if !errors.As(err, &me) {
		t.Fatalf("errors.As modeled failed: %T %v", errors.Unwrap(err), err)
	}
	if me.code != "UserNotFoundException" || me.Message != "User does not exist." || me.Extra != "x1" {
		t.Errorf("modeled = %+v", me)
	}
	var ae *APIError
	if errors.As(err, &ae) {
		t.Errorf("modeled error also matched *APIError")
	}
	want := "operation error AWSCognitoIdentityProviderService: ForgotPassword, HTTP 400, request id req-123: UserNotFoundException: User does not exist."
	if err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err.Error(), want)
	}
}

func TestMaxAttempts(t *testing.T) {
	for _, tc := range []struct{ max, want int }{{0, 3}, {1, 1}, {-5, 1}, {5, 5}} {
		rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 500, `{"__type":"InternalErrorException","message":"oops"}`)
		})
		c := testClient(rec, "1.1", func(o *Options) { o.Retry.MaxAttempts = tc.max })
		err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
		if n := len(rec.requests()); n != tc.want {
			t.Errorf("MaxAttempts %d: %d attempts, want %d", tc.max, n, tc.want)
		}
		oe := asOpErr(t, err)
		if oe.Attempts != tc.want || oe.StatusCode != 500 {
			t.Errorf("MaxAttempts %d: %+v", tc.max, oe)
		}
		var ae *APIError
		if !errors.As(err, &ae) || ae.Code != "InternalErrorException" || ae.Fault != FaultServer || ae.StatusCode != 500 {
			t.Errorf("APIError = %+v", ae)
		}
		last := rec.requests()[tc.want-1].header.Get("Amz-Sdk-Request")
		if want := fmt.Sprintf("attempt=%d; max=%d", tc.want, tc.want); last != want {
			t.Errorf("last Amz-Sdk-Request = %q, want %q", last, want)
		}
	}
}

// hijackServer closes the connection of the first request without an
// answer (with an RST when reset is true) and answers later ones.
func hijackServer(t *testing.T, reset bool) (*httptest.Server, func() int) {
	var mu sync.Mutex
	count := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		count++
		n := count
		mu.Unlock()
		if n == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			if tcp, ok := conn.(*net.TCPConn); ok && reset {
				tcp.SetLinger(0)
			}
			conn.Close()
			return
		}
		writeJSON(w, 200, `{"Value":"after-reset"}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() int { mu.Lock(); defer mu.Unlock(); return count }
}

func TestConnectionErrorsRetried(t *testing.T) {
	for _, reset := range []bool{false, true} {
		t.Run(fmt.Sprintf("reset=%v", reset), func(t *testing.T) {
			srv, count := hijackServer(t, reset)
			c := newClient(Options{Endpoint: srv.URL, HTTPClient: srv.Client(), Retry: RetryOptions{Sleep: noSleep}}, testService("1.1"))
			out := new(stubResponse)
			if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, out); err != nil {
				t.Fatal(err)
			}
			if count() != 2 || out.Value != "after-reset" {
				t.Errorf("count = %d, out = %+v", count(), out)
			}
		})
	}
	t.Run("no-retry", func(t *testing.T) {
		srv, count := hijackServer(t, true)
		c := newClient(Options{Endpoint: srv.URL, HTTPClient: srv.Client(), Retry: RetryOptions{MaxAttempts: 1}}, testService("1.1"))
		err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
		if err == nil || count() != 1 {
			t.Fatalf("err = %v, count = %d", err, count())
		}
		if oe := asOpErr(t, err); oe.StatusCode != 0 || oe.Attempts != 1 {
			t.Errorf("%+v", oe)
		}
	})
}

// cutBodyServer answers the first cuts requests with a 200 whose headers promise more body
// (a Content-Length, or chunked encoding) than it sends before closing the connection, and
// answers later requests in full.
func cutBodyServer(t *testing.T, cuts int, chunked bool) (*httptest.Server, func() int) {
	var mu sync.Mutex
	count := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		count++
		n := count
		mu.Unlock()
		if n > cuts {
			writeJSON(w, 200, `{"Value":"whole"}`)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		head := "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amzn-Requestid: cut-" + fmt.Sprint(n) + "\r\n"
		if chunked {
			// A chunk of 0x40 bytes of which 10 arrive.
			head += "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"Value\":"
		} else {
			head += "Content-Length: 64\r\n\r\n{\"Value\":"
		}
		buf.WriteString(head)
		buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv, func() int { mu.Lock(); defer mu.Unlock(); return count }
}

// TestCutResponseBodyRetried: a response whose body breaks off (the server sends the status
// line, the headers and part of the body, then closes the connection) is a broken
// connection, retried like one (client.go, where invoke reads the body with readBody).
func TestCutResponseBodyRetried(t *testing.T) {
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%t", chunked), func(t *testing.T) {
			srv, count := cutBodyServer(t, 2, chunked)
			c := newClient(Options{Endpoint: srv.URL, HTTPClient: srv.Client(), Retry: RetryOptions{Sleep: noSleep}}, testService("1.1"))
			out := new(stubResponse)
			if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, out); err != nil {
				t.Fatalf("two cut bodies, then a whole one: %v (after %d attempts)", err, count())
			}
			if count() != 3 || out.Value != "whole" {
				t.Errorf("attempts = %d, out = %+v; want 3 attempts and the third body", count(), out)
			}
		})
	}
	t.Run("attempts exhausted", func(t *testing.T) {
		srv, count := cutBodyServer(t, 3, false)
		c := newClient(Options{Endpoint: srv.URL, HTTPClient: srv.Client(), Retry: RetryOptions{Sleep: noSleep}}, testService("1.1"))
		err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
		if count() != 3 {
			t.Errorf("%d attempts, want 3", count())
		}
		oe := asOpErr(t, err)
		if oe.Attempts != 3 || oe.StatusCode != 200 || oe.RequestID != "cut-3" ||
			!errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "read response") {
			t.Errorf("err = %v (%+v), want the third attempt's unexpected EOF reading the response", err, oe)
		}
	})
}

func TestRetryableTransportError(t *testing.T) {
	timeoutErr := &net.OpError{Op: "read", Net: "tcp", Err: &timeoutError{}}
	tests := []struct {
		err  error
		want bool
	}{
		{io.EOF, true},
		{fmt.Errorf("post: %w", io.ErrUnexpectedEOF), true},
		{&net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, true},
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("no route")}, true},
		{timeoutErr, true},
		{errors.New("http: server closed idle connection"), true},
		{context.Canceled, false},
		{fmt.Errorf("x: %w", context.DeadlineExceeded), false},
		{errors.New("x509: certificate signed by unknown authority"), false},
		{errors.New("unsupported protocol scheme"), false},
	}
	for _, tt := range tests {
		if got := retryableTransportError(tt.err); got != tt.want {
			t.Errorf("retryableTransportError(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

type timeoutError struct{}

func (*timeoutError) Error() string   { return "i/o timeout" }
func (*timeoutError) Timeout() bool   { return true }
func (*timeoutError) Temporary() bool { return true }

func TestNonRetryableTransportError(t *testing.T) {
	calls := 0
	boom := errors.New("x509: certificate signed by unknown authority")
	doer := doerFunc(func(r *http.Request) (*http.Response, error) { calls++; return nil, boom })
	c := newClient(Options{Endpoint: "https://example.test", HTTPClient: doer, Retry: RetryOptions{Sleep: noSleep}}, testService("1.1"))
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	if !errors.Is(err, boom) || calls != 1 {
		t.Errorf("err = %v, calls = %d", err, calls)
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 503, `{}`) })
	// Real sleeping with huge delays; cancel must cut it short.
	c := testClient(rec, "1.1", func(o *Options) {
		o.Retry = RetryOptions{MaxAttempts: 100, BaseDelay: time.Hour, MaxDelay: time.Hour}
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	err := c.invoke(ctx, &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v after cancel", el)
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled in chain", err)
	}
	asOpErr(t, err)
}

func TestCancelDuringBackoffKeepsLastError(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, `{"__type":"ThrottlingException","message":"slow down"}`)
	})
	ctx, cancel := context.WithCancel(context.Background())
	c := testClient(rec, "1.1", func(o *Options) {
		o.Retry.Sleep = func(ctx context.Context, d time.Duration) error {
			time.AfterFunc(20*time.Millisecond, cancel)
			return sleepContext(ctx, time.Hour)
		}
	})
	start := time.Now()
	err := c.invoke(ctx, &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v", el)
	}
	var me *stubModeledError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &me) || me.code != "ThrottlingException" {
		t.Errorf("err = %v", err)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d attempts", n)
	}
	if oe := asOpErr(t, err); oe.Attempts != 1 || oe.StatusCode != 400 {
		t.Errorf("%+v", oe)
	}
}

// expiringCtx is a context whose deadline passes when the test calls expire, not at a time
// on the clock, so that a test can let it pass while a request is in flight, however long
// the request took to get there. Err is context.DeadlineExceeded once it has passed.
type expiringCtx struct {
	context.Context // Background, for Value
	done            chan struct{}
	once            sync.Once
}

func newExpiringCtx() *expiringCtx {
	return &expiringCtx{Context: context.Background(), done: make(chan struct{})}
}

func (c *expiringCtx) Done() <-chan struct{} { return c.done }
func (c *expiringCtx) expire()               { c.once.Do(func() { close(c.done) }) }

func (c *expiringCtx) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

// TestDeadlineHonored: a deadline that passes while the request is in flight ends the call
// with context.DeadlineExceeded after that one attempt; no retry is started (no backoff, no
// second request). The deadline passes once the server holds the request, so nothing
// depends on how fast the request arrives.
func TestDeadlineHonored(t *testing.T) {
	ctx := newExpiringCtx()
	arrived := make(chan struct{}, 1)
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		select {
		case arrived <- struct{}{}:
		default:
		}
		select {
		case <-r.Context().Done(): // the client gave the request up
		case <-time.After(10 * time.Second):
		}
	})
	var sleeps atomic.Int32
	c := testClient(rec, "1.1", func(o *Options) {
		o.Retry.Sleep = func(context.Context, time.Duration) error { sleeps.Add(1); return nil }
	})
	go func() {
		select {
		case <-arrived:
		case <-time.After(time.Minute): // no request at all: fail below rather than hang
		}
		ctx.expire()
	}()
	err := c.invoke(ctx, &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if oe := asOpErr(t, err); oe.Attempts != 1 {
		t.Errorf("Attempts = %d, want 1", oe.Attempts)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	if n := sleeps.Load(); n != 0 {
		t.Errorf("a retry was started after the deadline passed (%d backoff sleeps)", n)
	}
}

func TestCanceledBeforeStart(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := testClient(rec, "1.1", nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.invoke(ctx, &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	if !errors.Is(err, context.Canceled) || len(rec.requests()) != 0 {
		t.Errorf("err = %v, %d requests", err, len(rec.requests()))
	}
}

func TestResponseSizeLimit(t *testing.T) {
	big := `{"Value":"` + strings.Repeat("x", 200) + `"}`
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, big) })
	c := testClient(rec, "1.1", func(o *Options) { o.MaxResponseBytes = int64(len(big)) - 1 })
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	if !errors.Is(err, errResponseTooLarge) {
		t.Fatalf("err = %v", err)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("too-large response retried: %d attempts", n)
	}
	c = testClient(rec, "1.1", func(o *Options) { o.MaxResponseBytes = int64(len(big)) })
	out := new(stubResponse)
	if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, out); err != nil || len(out.Value) != 200 {
		t.Errorf("at limit: err = %v, len = %d", err, len(out.Value))
	}
	if c := newClient(Options{Region: "us-east-1"}, testService("1.1")); c.maxBody != 10<<20 {
		t.Errorf("default limit %d", c.maxBody)
	}
}

func TestEmptySuccessBody(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	c := testClient(rec, "1.1", nil)
	out := &stubResponse{}
	if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, out); err != nil {
		t.Fatal(err)
	}
	if out.raw != "{}" {
		t.Errorf("UnmarshalJSON got %q, want {}", out.raw)
	}
}

func TestBadSuccessBody(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"Value":`) })
	c := testClient(rec, "1.1", nil)
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		t.Errorf("err = %v, want wrapped decode error", err)
	}
	if oe := asOpErr(t, err); oe.StatusCode != 200 || oe.RequestID != "req-123" || oe.Attempts != 1 {
		t.Errorf("%+v", oe)
	}
}

func TestInputValidation(t *testing.T) {
	doer := doerFunc(func(r *http.Request) (*http.Response, error) { return okResponse(`{}`), nil })
	c := newClient(Options{Endpoint: "http://x", HTTPClient: doer}, testService("1.1"))

	// nil input, both untyped and typed.
	for _, in := range []requestBody{nil, (*stubRequest)(nil)} {
		err := c.invoke(context.Background(), &opPublic, in, new(stubResponse))
		if err == nil || !strings.Contains(err.Error(), "nil") {
			t.Errorf("nil input: %v", err)
		}
		asOpErr(t, err)
	}

	// Required members are always checked.
	err := c.invoke(context.Background(), &opPublic, &stubRequest{}, new(stubResponse))
	var req *ValidationError
	if !errors.As(err, &req) || req.Path != "Username" || req.Constraint != "required" {
		t.Errorf("missing required: %v", err)
	}
	if oe := asOpErr(t, err); oe.Attempts != 0 {
		t.Errorf("attempts = %d", oe.Attempts)
	}

	// Full validation only when enabled.
	in := &stubRequest{Username: strp("waytoolongname")}
	if err := c.invoke(context.Background(), &opPublic, in, new(stubResponse)); err != nil || in.validateCalled {
		t.Errorf("ValidateInput off: err = %v, Validate called = %v", err, in.validateCalled)
	}
	cv := newClient(Options{Endpoint: "http://x", HTTPClient: doer, ValidateInput: true}, testService("1.1"))
	err = cv.invoke(context.Background(), &opPublic, in, new(stubResponse))
	var ve *stubValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.field, "too long") {
		t.Errorf("ValidateInput on: %v", err)
	}
}

func TestErrorsNeverContainRequestBody(t *testing.T) {
	const secret = "hunter2-secret"
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect\\nusername or password.\"}")
	})
	c := testClient(rec, "1.1", nil)
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a"), Password: secret}, new(stubResponse))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Contains(msg, secret) || strings.Contains(fmt.Sprintf("%+v", err), secret) {
		t.Errorf("error leaks request body: %s", msg)
	}
	if strings.ContainsAny(msg, "\r\n") {
		t.Errorf("error is not one line: %q", msg)
	}
	if !strings.Contains(msg, "NotAuthorizedException") {
		t.Errorf("error lacks code: %q", msg)
	}
}

func TestDecodeErrorResponse(t *testing.T) {
	const coral = "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"
	html502 := "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body></html>\n"
	tests := []struct {
		name      string
		status    int
		header    string
		body      string
		modeled   bool // want *stubModeledError
		code, msg string
		fault     ErrorFault
	}{
		{"header wins", 400, "FooError", `{"__type":"BarError","message":"m"}`, true, "FooError", "m", FaultClient},
		{"header coral", 400, coral, `{"message":"m"}`, true, "FooError", "m", FaultClient},
		{"type coral", 400, "", `{"__type":"` + coral + `","message":"m"}`, true, "FooError", "m", FaultClient},
		{"type namespaced", 400, "", `{"__type":"com.amazon.coral.service#SerializationException","Message":"bad"}`, false, "SerializationException", "bad", FaultClient},
		{"code", 400, "", `{"code":"FooError","message":"m"}`, true, "FooError", "m", FaultClient},
		{"Code", 400, "", `{"Code":"BazError","Message":"M"}`, false, "BazError", "M", FaultClient},
		{"type beats code", 400, "", `{"code":"BazError","__type":"QuxError"}`, false, "QuxError", "", FaultClient},
		{"errorMessage", 400, "", `{"__type":"BazError","errorMessage":"em"}`, false, "BazError", "em", FaultClient},
		{"unknown 500", 500, "", `{"__type":"InternalErrorException","message":"boom"}`, false, "InternalErrorException", "boom", FaultServer},
		{"empty body", 500, "", ``, false, "Internal Server Error", "", FaultServer},
		{"empty object", 403, "", `{}`, false, "Forbidden", "", FaultClient},
		{"html 502", 502, "", html502, false, "Bad Gateway", "502 Bad Gateway 502 Bad Gateway nginx", FaultServer},
		{"text with header", 400, "BazError", "plain text\nproblem", false, "BazError", "plain text problem", FaultClient},
		{"modeled non-json", 400, "FooError", "oops", true, "FooError", "", FaultClient},
		{"modeled undecodable", 400, "", `{"__type":"FooError","message":123}`, false, "FooError", "", FaultClient},
		{"redirect", 301, "", ``, false, "Moved Permanently", "", FaultUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("X-Amzn-ErrorType", tt.header)
			}
			d := decodeErrorResponse(tt.status, h, []byte(tt.body), "rid-9", &serviceInfo{newError: stubNewError})
			if tt.modeled {
				me, ok := d.err.(*stubModeledError)
				if !ok {
					t.Fatalf("got %T %v, want modeled", d.err, d.err)
				}
				if me.code != tt.code || me.Message != tt.msg {
					t.Errorf("modeled = %+v", me)
				}
			} else {
				ae, ok := d.err.(*APIError)
				if !ok {
					t.Fatalf("got %T %v, want *APIError", d.err, d.err)
				}
				if ae.Code != tt.code || ae.Message != tt.msg || ae.StatusCode != tt.status || ae.RequestID != "rid-9" || ae.Fault != tt.fault {
					t.Errorf("APIError = %+v", ae)
				}
			}
		})
	}
}

func TestTextMessageTruncated(t *testing.T) {
	body := strings.Repeat("é", 1000)
	d := decodeErrorResponse(502, http.Header{}, []byte(body), "", &serviceInfo{})
	ae := d.err.(*APIError)
	if n := len([]rune(ae.Message)); n != maxTextMessage+3 || !strings.HasSuffix(ae.Message, "...") {
		t.Errorf("message has %d runes: %q", n, ae.Message)
	}
}

func TestAPIErrorViaInvoke(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amz-Request-Id", "alt-id")
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
	})
	c := testClient(rec, "1.1", func(o *Options) { o.Retry.MaxAttempts = 2 })
	err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: strp("a")}, new(stubResponse))
	var ae *APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v", err)
	}
	if ae.Code != "Bad Gateway" || ae.Message != "502 Bad Gateway" || ae.StatusCode != 502 || ae.RequestID != "alt-id" || ae.Fault != FaultServer {
		t.Errorf("APIError = %+v", ae)
	}
	oe := asOpErr(t, err)
	if oe.RequestID != "alt-id" || oe.Attempts != 2 {
		t.Errorf("%+v", oe)
	}
	if strings.Contains(err.Error(), "<") {
		t.Errorf("markup in error: %s", err)
	}
}

func TestSanitizeErrorCode(t *testing.T) {
	for in, want := range map[string]string{
		"FooError": "FooError",
		"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/":  "FooError",
		"aws.protocoltests.restjson#FooError":                                   "FooError",
		"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/": "FooError",
		" FooError ": "FooError",
		"":           "",
	} {
		if got := sanitizeErrorCode(in); got != want {
			t.Errorf("sanitizeErrorCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBackoffBounds(t *testing.T) {
	c := newClient(Options{Region: "us-east-1", Retry: RetryOptions{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}}, testService("1.1"))
	caps := map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 4: 800 * time.Millisecond, 5: time.Second, 80: time.Second}
	for attempt, ceil := range caps {
		var maxSeen time.Duration
		for i := 0; i < 2000; i++ {
			d := c.backoff(attempt)
			if d < 0 || d > ceil {
				t.Fatalf("backoff(%d) = %v outside [0, %v]", attempt, d, ceil)
			}
			maxSeen = max(maxSeen, d)
		}
		if maxSeen < ceil/2 {
			t.Errorf("backoff(%d) never above %v (cap %v): no jitter range?", attempt, maxSeen, ceil)
		}
	}
	huge := newClient(Options{Region: "us-east-1", Retry: RetryOptions{BaseDelay: time.Hour, MaxDelay: 1<<63 - 1}}, testService("1.1"))
	for attempt := 1; attempt < 100; attempt++ {
		if d := huge.backoff(attempt); d < 0 {
			t.Fatalf("overflow at attempt %d: %v", attempt, d)
		}
	}
	d := newClient(Options{Region: "us-east-1"}, testService("1.1"))
	if d.opts.Retry.BaseDelay != 100*time.Millisecond || d.opts.Retry.MaxDelay != 20*time.Second || d.maxAttempts != 3 {
		t.Errorf("defaults: %+v, attempts %d", d.opts.Retry, d.maxAttempts)
	}
}

func TestSleepContext(t *testing.T) {
	if err := sleepContext(context.Background(), time.Millisecond); err != nil {
		t.Error(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("err = %v after %v", err, time.Since(start))
	}
}

func TestNewIdempotencyToken(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		tok := newIdempotencyToken()
		if !uuidRE.MatchString(tok) {
			t.Fatalf("token %q is not a v4 UUID", tok)
		}
		if seen[tok] {
			t.Fatalf("duplicate token %q", tok)
		}
		seen[tok] = true
	}
}

func TestErrorFaultString(t *testing.T) {
	for f, want := range map[ErrorFault]string{FaultUnknown: "unknown", FaultClient: "client", FaultServer: "server", ErrorFault(42): "unknown"} {
		if got := f.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(f), got, want)
		}
	}
}

func TestOperationErrorFormat(t *testing.T) {
	e := &OperationError{Service: "Svc", Operation: "Op", RequestID: "r1", StatusCode: 503, Attempts: 3, Err: errors.New("line1\nline2")}
	if got, want := e.Error(), "operation error Svc: Op, attempts 3, HTTP 503, request id r1: line1 line2"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if e.Unwrap().Error() != "line1\nline2" {
		t.Error("Unwrap")
	}
	ae := &APIError{Code: "C"}
	if ae.Error() != "C" || ae.ErrorCode() != "C" || ae.ErrorMessage() != "" || ae.ErrorFault() != FaultUnknown {
		t.Errorf("APIError methods: %q", ae.Error())
	}
}

func TestUserAgentSuffixSanitized(t *testing.T) {
	c := newClient(Options{Region: "us-east-1", UserAgentSuffix: "app\r\nX-Evil: 1"}, testService("1.1"))
	if strings.ContainsAny(c.userAgent, "\r\n") {
		t.Errorf("user agent %q", c.userAgent)
	}
}

// TestRequestCompression: an operation whose model allows gzip sends a body of at least
// RequestMinCompressSizeBytes compressed, with Content-Encoding gzip; smaller bodies, other
// operations and DisableRequestCompression send it as it is.
func TestRequestCompression(t *testing.T) {
	long := strings.Repeat("a", 64)
	opGzip := operationInfo{name: "ForgotPassword", gzip: true}
	cases := []struct {
		name    string
		op      *operationInfo
		opts    func(*Options)
		gzipped bool
	}{
		{"allowed and large enough", &opGzip, func(o *Options) { o.RequestMinCompressSizeBytes = 50 }, true},
		{"below the minimum", &opGzip, func(o *Options) { o.RequestMinCompressSizeBytes = 500 }, false},
		{"default minimum 10240", &opGzip, func(o *Options) {}, false},
		{"disabled", &opGzip, func(o *Options) { o.RequestMinCompressSizeBytes = 50; o.DisableRequestCompression = true }, false},
		{"not allowed by the model", &opPublic, func(o *Options) { o.RequestMinCompressSizeBytes = 50 }, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
			c := testClient(rec, "1.1", tc.opts)
			in := &stubRequest{Username: strp(long), Token: "tok"}
			if err := c.invoke(context.Background(), tc.op, in, new(stubResponse)); err != nil {
				t.Fatal(err)
			}
			r := rec.requests()[0]
			want, _ := in.AppendJSON(nil)
			body := r.body
			if got := r.header.Get("Content-Encoding") == "gzip"; got != tc.gzipped {
				t.Fatalf("Content-Encoding %q, want gzip %v", r.header.Get("Content-Encoding"), tc.gzipped)
			}
			if tc.gzipped {
				zr, err := gzip.NewReader(strings.NewReader(r.body))
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(zr)
				if err != nil {
					t.Fatal(err)
				}
				body = string(b)
				if len(r.body) >= len(want) {
					t.Errorf("compressed body of %d bytes, not smaller than %d", len(r.body), len(want))
				}
			}
			if body != string(want) {
				t.Errorf("body %q, want %q", body, want)
			}
		})
	}
}

// TestContentMD5: an operation with @httpChecksumRequired sends the base64 MD5 of the body
// as sent (after compression); others send none.
func TestContentMD5(t *testing.T) {
	for _, op := range []*operationInfo{{name: "ForgotPassword", md5: true}, {name: "ForgotPassword", md5: true, gzip: true}, &opPublic} {
		rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
		c := testClient(rec, "1.1", func(o *Options) { o.RequestMinCompressSizeBytes = 1 })
		if err := c.invoke(context.Background(), op, &stubRequest{Username: strp("alice"), Token: "tok"}, new(stubResponse)); err != nil {
			t.Fatal(err)
		}
		r := rec.requests()[0]
		sum := md5.Sum([]byte(r.body))
		want := base64.StdEncoding.EncodeToString(sum[:])
		if !op.md5 {
			want = ""
		}
		if got := r.header.Get("Content-Md5"); got != want {
			t.Errorf("md5 %v gzip %v: Content-MD5 %q, want %q", op.md5, op.gzip, got, want)
		}
	}
}

// TestRoundTripWithoutHeaders: a request with no protocol headers (a restJson1 request with
// no body and no header members) still gets its Content-MD5.
func TestRoundTripWithoutHeaders(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := testClient(rec, "1.1", func(o *Options) {})
	op := &operationInfo{name: "ForgotPassword", md5: true, gzip: true}
	w := &wireRequest{method: http.MethodGet, url: c.url}
	if err := c.roundTrip(context.Background(), op, w, func(*http.Response, []byte) (bool, error) { return false, nil }); err != nil {
		t.Fatal(err)
	}
	if got := rec.requests()[0].header.Get("Content-Md5"); got != "1B2M2Y8AsgTpgAmY7PhCfg==" {
		t.Errorf("Content-MD5 %q, want the MD5 of no bytes", got)
	}
}
