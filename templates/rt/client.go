package rt

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// HTTPDoer sends HTTP requests. *http.Client implements it.
type HTTPDoer interface {
	Do(*http.Request) (*http.Response, error)
}

// Signer signs a request before it is sent. It is called once per attempt,
// after all headers are set. payloadSHA256 is the lowercase hex SHA-256 of
// the request body; signingName and region identify the credential scope.
//
// The package has no signer of its own. To sign with AWS Signature Version 4
// adapt aws-sdk-go-v2's aws/signer/v4:
//
//	type sigV4 struct {
//		signer *v4.Signer             // v4.NewSigner()
//		creds  aws.CredentialsProvider // e.g. cfg.Credentials from config.LoadDefaultConfig
//	}
//
//	func (s sigV4) SignRequest(ctx context.Context, req *http.Request, payloadSHA256, signingName, region string, t time.Time) error {
//		c, err := s.creds.Retrieve(ctx)
//		if err != nil {
//			return err
//		}
//		return s.signer.SignHTTP(ctx, c, req, payloadSHA256, signingName, region, t)
//	}
//
// Operations that the service model marks as not requiring authentication
// (e.g. Cognito's ForgotPassword, InitiateAuth) are always sent unsigned.
// When Options.Signer is nil every request is sent unsigned, which is what
// local emulators expect; real AWS endpoints will reject signed operations.
type Signer interface {
	SignRequest(ctx context.Context, req *http.Request, payloadSHA256 string, signingName, region string, signingTime time.Time) error
}

// RetryOptions configures retries of failed attempts. Throttling errors,
// request timeouts, HTTP 5xx and 429 responses and broken or timed-out
// connections are retried; the request body is the same on every attempt.
type RetryOptions struct {
	// MaxAttempts is the maximum number of attempts, including the first.
	// 0 means 3; 1 (or a negative value) disables retries.
	MaxAttempts int
	// BaseDelay is the backoff unit; 0 means 100ms.
	BaseDelay time.Duration
	// MaxDelay caps the backoff before jitter; 0 means 20s.
	MaxDelay time.Duration
	// Sleep, if set, is called instead of sleeping between attempts. It
	// must return early with a non-nil error when ctx is done. It is meant
	// for tests.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Options configures a Client.
type Options struct {
	// Endpoint overrides the service URL, e.g. "http://localhost:9229".
	// Requests go to its path followed by the operation's path, "/", as in
	// every AWS SDK: "http://localhost:9229/proxy" sends to "/proxy/".
	// Without a scheme, https is assumed.
	Endpoint string
	// Region is the AWS region, e.g. "eu-west-1". It is required when
	// Endpoint is empty and when requests are signed.
	Region string
	// HTTPClient sends the requests. Default: a shared *http.Client with
	// connect, TLS handshake, response header and overall timeouts.
	HTTPClient HTTPDoer
	// Signer signs requests of operations that require authentication.
	// When nil, requests are sent unsigned (useful for local emulators).
	Signer Signer
	// Retry configures retries.
	Retry RetryOptions
	// UserAgentSuffix is appended to the User-Agent header.
	UserAgentSuffix string
	// MaxResponseBytes limits the size of a response body; 0 (or a
	// negative value) means 10 MiB.
	MaxResponseBytes int64
	// DisableRequestCompression sends request bodies uncompressed even for
	// operations whose model allows gzip (@requestCompression).
	DisableRequestCompression bool
	// DisableHostPrefix sends every request to the endpoint's host as it is. By
	// default an operation whose model gives a host prefix (@endpoint, e.g.
	// "data-" for Cloud Map's DiscoverInstances) goes to that prefix followed by
	// the endpoint's host; a local emulator usually wants this set.
	DisableHostPrefix bool
	// RequestMinCompressSizeBytes is the smallest body that is compressed
	// where the model allows it; 0 means 10240. Streams are never compressed.
	RequestMinCompressSizeBytes int64
	// ValidateInput enables the full client-side validation of inputs
	// against the model's constraints (lengths, ranges, patterns, enums)
	// before sending. Presence of required members is always checked.
	ValidateInput bool
}

// serviceInfo describes a service; generated code defines one per package.
type serviceInfo struct {
	endpointPrefix string // host prefix, e.g. "cognito-idp"
	signingName    string // SigV4 service name
	targetPrefix   string // X-Amz-Target prefix, e.g. "AWSCognitoIdentityProviderService"
	jsonVersion    string // "1.0" or "1.1"
	userAgent      string // e.g. "awsgen-cognitoidp"
	serviceID      string // optional display name used in errors; defaults to targetPrefix
	rest           bool   // restJson1: error codes from "code" before "__type"
	// readError, when set, reads an error response into a modeled error (restJson1:
	// readRESTError, which also reads headers); else the body is UnmarshalJSON'd.
	readError func(me modeledError, status int, header http.Header, body []byte) error
	// newError returns a new, empty modeled error for a code, or nil.
	newError func(code string) modeledError
}

// operationInfo describes an operation; generated code defines one per
// operation.
type operationInfo struct {
	name         string
	authRequired bool
	// restJson1: the method, the URI's path pattern and fixed query, the host prefix.
	method, path, query string
	hostPrefix          string
	// streamOutput: the output's payload is a stream, handed over unread.
	streamOutput bool
	// gzip: the model allows the request body to be gzip-compressed (@requestCompression).
	gzip bool
	// md5: the request carries a Content-MD5 of its body (@httpChecksumRequired).
	md5 bool
}

// requestBody is implemented by generated request types.
type requestBody interface {
	AppendJSON(dst []byte) ([]byte, error)
	Validate() error
	validatable
}

// responseBody is implemented by generated response types.
type responseBody interface {
	UnmarshalJSON([]byte) error
}

const (
	defaultMaxAttempts      = 3
	defaultBaseDelay        = 100 * time.Millisecond
	defaultMaxDelay         = 20 * time.Second
	defaultMaxResponseBytes = 10 << 20
)

// Client calls the operations of a service.
type Client struct {
	svc         *serviceInfo
	opts        Options
	httpClient  HTTPDoer
	url         string // endpoint URL to POST to
	endpointErr error
	userAgent   string
	contentType string
	maxBody     int64
	maxAttempts int
}

// defaultDialer makes the connections of the default HTTP client: a connect timeout and TCP
// keep-alive probes.
func defaultDialer() *net.Dialer {
	return &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
	}
}

// defaultHTTPClient is shared by all clients that do not set HTTPClient.
var defaultHTTPClient = sync.OnceValue(func() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           defaultDialer().DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
	}
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute}
})

// newClient makes a Client for svc. Configuration errors (bad endpoint,
// missing region) are reported by every call.
func newClient(o Options, svc *serviceInfo) *Client {
	c := &Client{svc: svc, opts: o}
	c.httpClient = o.HTTPClient
	if c.httpClient == nil {
		c.httpClient = defaultHTTPClient()
	}
	c.url, c.endpointErr = resolveEndpoint(o.Endpoint, o.Region, svc.endpointPrefix)
	c.userAgent = svc.userAgent + " (go; " + runtime.GOOS + ")"
	if s := strings.TrimSpace(oneLine(o.UserAgentSuffix)); s != "" {
		c.userAgent += " " + s
	}
	c.contentType = "application/x-amz-json-" + svc.jsonVersion
	c.maxBody = o.MaxResponseBytes
	if c.maxBody <= 0 {
		c.maxBody = defaultMaxResponseBytes
	}
	c.maxAttempts = o.Retry.MaxAttempts
	if c.maxAttempts == 0 {
		c.maxAttempts = defaultMaxAttempts
	} else if c.maxAttempts < 0 {
		c.maxAttempts = 1
	}
	if c.opts.Retry.BaseDelay <= 0 {
		c.opts.Retry.BaseDelay = defaultBaseDelay
	}
	if c.opts.Retry.MaxDelay <= 0 {
		c.opts.Retry.MaxDelay = defaultMaxDelay
	}
	return c
}

// resolveEndpoint returns the URL to POST to.
func resolveEndpoint(endpoint, region, prefix string) (string, error) {
	if endpoint != "" {
		if !strings.Contains(endpoint, "://") {
			endpoint = "https://" + endpoint
		}
		u, err := url.Parse(endpoint)
		if err != nil {
			return "", fmt.Errorf("invalid endpoint: %w", err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "", fmt.Errorf("invalid endpoint %q: need an http or https URL with a host", u.Redacted())
		}
		u.Fragment, u.RawFragment = "", ""
		// The operation's path "/" joins the endpoint's (Smithy's HostWithPath
		// protocol tests): "/custom" becomes "/custom/".
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
			if u.RawPath != "" {
				u.RawPath += "/"
			}
		}
		return u.String(), nil
	}
	if region == "" {
		return "", errors.New("Options.Region is required when Options.Endpoint is not set")
	}
	if !validRegion(region) {
		return "", fmt.Errorf("invalid region %q", region)
	}
	suffix := ".amazonaws.com"
	if strings.HasPrefix(region, "cn-") {
		suffix = ".amazonaws.com.cn"
	}
	return "https://" + prefix + "." + region + suffix + "/", nil
}

// validRegion reports whether region is a valid host label sequence.
func validRegion(region string) bool {
	if region == "" || len(region) > 63 || region[0] == '-' || region[len(region)-1] == '-' {
		return false
	}
	for i := 0; i < len(region); i++ {
		ch := region[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-') {
			return false
		}
	}
	return true
}

// serviceName is the name used in OperationError.Service.
func (c *Client) serviceName() string {
	if c.svc.serviceID != "" {
		return c.svc.serviceID
	}
	return c.svc.targetPrefix
}

// ErrEventStream is the cause, inside an *OperationError, of the error that the method of
// every event-stream operation returns: this client does not implement event streams
// (HTTP/2 and the vnd.amazon.eventstream framing), so those methods send nothing.
var ErrEventStream = errors.New("event streams are not supported by this client")

// notSupported is the error of a method whose operation the client cannot call.
func (c *Client) notSupported(op *operationInfo, cause error) error {
	return c.opError(op, cause)
}

// invoke calls the awsJson operation op with input in and decodes the response into out.
// Every error it returns is an *OperationError.
func (c *Client) invoke(ctx context.Context, op *operationInfo, in requestBody, out responseBody) error {
	if err := c.checkInput(ctx, op, in); err != nil {
		return err
	}
	var label func(string) string
	if h, ok := in.(hostLabeled); ok {
		label = h.hostLabel
	}
	url, err := c.endpoint(op, label)
	if err != nil {
		return c.opError(op, err)
	}
	// Written into a pooled buffer, which the request gives back when it is done.
	body, err := in.AppendJSON(jsonBuffer())
	if err != nil {
		recycleJSON(body)
		return c.opError(op, fmt.Errorf("serialize input: %w", err))
	}
	w := &wireRequest{method: http.MethodPost, url: url, body: body, pooled: true, header: http.Header{
		"Content-Type": {c.contentType},
		"X-Amz-Target": {c.svc.targetPrefix + "." + op.name},
	}}
	return c.roundTrip(ctx, op, w, func(_ *http.Response, data []byte) (bool, error) {
		if out == nil {
			return false, nil
		}
		if len(bytes.TrimSpace(data)) == 0 {
			data = []byte("{}")
		}
		return false, out.UnmarshalJSON(data) // copies what it keeps
	})
}

// hostLabeled is implemented by the generated awsJson inputs with @hostLabel members:
// hostLabel returns the value of the member name ("" when unset).
type hostLabeled interface {
	hostLabel(name string) string
}

// endpoint returns the URL an operation's requests go to: the client's, with the operation's
// host prefix (@endpoint hostPrefix) in front of its host unless Options.DisableHostPrefix is
// set. label gives the values of the prefix's {Name} labels, which must be DNS labels; it may
// be nil when the prefix has none.
func (c *Client) endpoint(op *operationInfo, label func(name string) string) (string, error) {
	if op.hostPrefix == "" || c.opts.DisableHostPrefix {
		return c.url, nil
	}
	prefix, err := appendExpanded(nil, op.hostPrefix, func(b []byte, name string) ([]byte, error) {
		v := ""
		if label != nil {
			v = label(name)
		}
		if !validHostLabel(v) {
			return nil, fmt.Errorf("the host label %s must be a non-empty DNS label of letters, digits and '-', got %q", name, v)
		}
		return append(b, v...), nil
	})
	if err != nil {
		return "", err
	}
	scheme, rest, _ := strings.Cut(c.url, "://")
	return scheme + "://" + string(prefix) + rest, nil
}

// appendExpanded appends pattern to b with each label "{name}" replaced by what value
// appends for it.
func appendExpanded(b []byte, pattern string, value func(b []byte, name string) ([]byte, error)) ([]byte, error) {
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			return append(b, pattern...), nil
		}
		end := strings.IndexByte(pattern[i:], '}')
		if end < 0 {
			return nil, fmt.Errorf("bad pattern %q: a label is not closed", pattern)
		}
		b = append(b, pattern[:i]...)
		var err error
		if b, err = value(b, pattern[i+1:i+end]); err != nil {
			return nil, err
		}
		pattern = pattern[i+end+1:]
	}
}

func validHostLabel(s string) bool {
	if s == "" || len(s) > 63 || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// checkInput checks what must hold before anything is serialized: the endpoint, a non-nil
// input, its required members and, with Options.ValidateInput, every constraint.
func (c *Client) checkInput(ctx context.Context, op *operationInfo, in interface {
	validatable
	Validate() error
}) error {
	if c.endpointErr != nil {
		return c.opError(op, c.endpointErr)
	}
	if isNil(in) {
		return c.opError(op, errors.New("input is nil"))
	}
	if err := validateRequired(in); err != nil {
		return c.opError(op, err)
	}
	if c.opts.ValidateInput {
		if err := in.Validate(); err != nil {
			return c.opError(op, err)
		}
	}
	return nil
}

func (c *Client) opError(op *operationInfo, err error) error {
	return &OperationError{Service: c.serviceName(), Operation: op.name, Err: err}
}

// wireRequest is a serialized request: every attempt sends the same.
type wireRequest struct {
	method string
	url    string
	header http.Header // the protocol's headers; the client adds its own
	body   []byte      // nil: no body
	// stream, when set, is the body instead: sent with Content-Length streamLen when that
	// is known (not -1), signed as UNSIGNED-PAYLOAD, and sent again on a retry only when
	// it is an io.Seeker (rewound to where it started).
	stream    io.Reader
	streamLen int64

	// pooled is set when body is a jsonBuffer: done gives it back once every reader of it
	// that net/http was given is closed.
	pooled  bool
	mu      sync.Mutex
	readers []*bodyReader
	over    bool // done was called: no more readers
}

// bodyReader reads a pooled request body. net/http may go on reading a request's body after
// RoundTrip returns, until it closes it, and may close it from another goroutine while
// reading: Read and Close exclude each other and Read fails once the reader is closed, so
// that after Close nothing reads the buffer again.
type bodyReader struct {
	mu     sync.Mutex
	rd     bytes.Reader
	closed bool
}

var errBodyClosed = errors.New("request body read after it was closed")

func (r *bodyReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return 0, errBodyClosed
	}
	return r.rd.Read(p)
}

func (r *bodyReader) Close() error {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	return nil
}

func (r *bodyReader) isClosed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

// reader returns a reader of w.body for one attempt, or for net/http's GetBody.
func (w *wireRequest) reader() io.ReadCloser {
	if !w.pooled {
		return io.NopCloser(bytes.NewReader(w.body))
	}
	r := new(bodyReader)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.over {
		r.closed = true // a late GetBody: the request is over
		return r
	}
	r.rd.Reset(w.body)
	w.readers = append(w.readers, r)
	return r
}

// done ends the request: a pooled body goes back for reuse when every reader of it is
// closed; when one is still open, the buffer is left to the collector.
func (w *wireRequest) done() {
	if !w.pooled {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.over = true
	for _, r := range w.readers {
		if !r.isClosed() {
			return
		}
	}
	recycleJSON(w.body)
}

// cloneHeader returns a copy of h to change, never nil.
func cloneHeader(h http.Header) http.Header {
	if h == nil {
		return http.Header{}
	}
	return h.Clone()
}

// defaultMinCompressSize is the default RequestMinCompressSizeBytes, as in the AWS SDKs.
const defaultMinCompressSize = 10240

// compress reports whether w's body is to be gzip-compressed.
func (c *Client) compress(op *operationInfo, w *wireRequest) bool {
	if !op.gzip || c.opts.DisableRequestCompression || w.body == nil {
		return false
	}
	min := c.opts.RequestMinCompressSizeBytes
	if min <= 0 {
		min = defaultMinCompressSize
	}
	return int64(len(w.body)) >= min
}

// streamAttempt returns the body of an attempt of a streaming request, or false when the
// stream cannot be sent again.
func (w *wireRequest) streamAttempt(attempt int, start int64) (io.Reader, bool) {
	if attempt == 1 {
		return w.stream, true
	}
	s, ok := w.stream.(io.Seeker)
	if !ok || start < 0 {
		return nil, false
	}
	if _, err := s.Seek(start, io.SeekStart); err != nil {
		return nil, false
	}
	return w.stream, true
}

// finishBody does to w's body what every attempt sends alike: gzip compression where the
// model asks for it, Content-MD5 for @httpChecksumRequired. It returns the payload hash the
// signer is given when sign is set ("" otherwise).
func (c *Client) finishBody(op *operationInfo, w *wireRequest, sign bool) string {
	if c.compress(op, w) {
		var zb bytes.Buffer
		zw := gzip.NewWriter(&zb)
		zw.Write(w.body) // writes to a bytes.Buffer do not fail
		zw.Close()
		if w.pooled {
			recycleJSON(w.body)
			w.pooled = false
		}
		w.body = zb.Bytes()
		w.header = cloneHeader(w.header)
		w.header["Content-Encoding"] = append(w.header["Content-Encoding"], "gzip")
	}
	if op.md5 && w.stream == nil && w.header.Get("Content-Md5") == "" {
		sum := md5.Sum(w.body)
		w.header = cloneHeader(w.header)
		w.header.Set("Content-Md5", base64.StdEncoding.EncodeToString(sum[:]))
	}
	switch {
	case sign && w.stream != nil:
		return "UNSIGNED-PAYLOAD"
	case sign:
		sum := sha256.Sum256(w.body)
		return hex.EncodeToString(sum[:])
	}
	return ""
}

// roundTrip sends w, retrying as Options.Retry says, and gives a 2xx response with its body
// to decode; any other response becomes a modeled error or an *APIError.
//
// decode reports whether what it decoded keeps data (a blob or document payload aliases the
// body); when it does not, data's buffer is used again for a later response (recycleBody).
func (c *Client) roundTrip(ctx context.Context, op *operationInfo, w *wireRequest, decode func(resp *http.Response, data []byte) (kept bool, err error)) error {
	if ctx == nil {
		ctx = context.Background()
	}
	sign := op.authRequired && c.opts.Signer != nil
	if sign && c.opts.Region == "" {
		return c.opError(op, errors.New("Options.Region is required to sign requests"))
	}
	payloadHash := c.finishBody(op, w, sign)
	defer w.done()
	invocationID := newUUID()
	streamStart := int64(-1)
	if s, ok := w.stream.(io.Seeker); ok {
		if pos, err := s.Seek(0, io.SeekCurrent); err == nil {
			streamStart = pos
		}
	}

	var (
		lastErr    error
		lastStatus int
		lastReqID  string
	)
	result := func(attempts int, err error) error {
		return &OperationError{
			Service:    c.serviceName(),
			Operation:  op.name,
			RequestID:  lastReqID,
			StatusCode: lastStatus,
			Attempts:   attempts,
			Err:        err,
		}
	}
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			if lastErr != nil {
				return result(attempt-1, &retryAbortedError{cause: err, last: lastErr})
			}
			return result(attempt-1, err)
		}
		var body io.Reader
		switch {
		case len(w.body) > 0:
			body = w.reader()
		case w.body != nil:
			body = http.NoBody
		}
		if w.stream != nil {
			var ok bool
			if body, ok = w.streamAttempt(attempt, streamStart); !ok {
				return result(attempt-1, lastErr)
			}
			// Hide the stream's type from net/http, which would otherwise read a
			// *bytes.Reader's length itself and ignore ContentLength -1.
			body = struct{ io.Reader }{body}
		}
		req, err := http.NewRequestWithContext(ctx, w.method, w.url, body)
		if err != nil {
			return result(attempt-1, err)
		}
		switch {
		case len(w.body) > 0:
			req.ContentLength = int64(len(w.body))
			req.GetBody = func() (io.ReadCloser, error) { return w.reader(), nil }
		case w.stream != nil && w.streamLen == 0:
			req.Body, req.ContentLength = http.NoBody, 0
		case w.stream != nil:
			req.ContentLength = w.streamLen
		}
		h := req.Header
		for k, v := range w.header {
			h[k] = v
		}
		h.Set("User-Agent", c.userAgent)
		h.Set("Amz-Sdk-Invocation-Id", invocationID)
		h.Set("Amz-Sdk-Request", "attempt="+strconv.Itoa(attempt)+"; max="+strconv.Itoa(c.maxAttempts))
		if sign {
			if err := c.opts.Signer.SignRequest(ctx, req, payloadHash, c.svc.signingName, c.opts.Region, time.Now().UTC()); err != nil {
				return result(attempt-1, fmt.Errorf("sign request: %w", err))
			}
		}

		retryable := false
		resp, err := c.httpClient.Do(req)
		if err != nil {
			lastStatus, lastReqID = 0, ""
			lastErr = err
			retryable = ctx.Err() == nil && retryableTransportError(err)
		} else {
			lastStatus = resp.StatusCode
			lastReqID = resp.Header.Get("X-Amzn-Requestid")
			if lastReqID == "" {
				lastReqID = resp.Header.Get("X-Amz-Request-Id")
			}
			if op.streamOutput && resp.StatusCode >= 200 && resp.StatusCode < 300 {
				// The output owns the body, unread: the caller closes it.
				if _, err := decode(resp, nil); err != nil {
					resp.Body.Close()
					return result(attempt, fmt.Errorf("deserialize response: %w", err))
				}
				return nil
			}
			data, rerr := readBody(resp.Body, resp.ContentLength, c.maxBody)
			resp.Body.Close()
			switch {
			case rerr != nil:
				lastErr = fmt.Errorf("read response: %w", rerr)
				retryable = ctx.Err() == nil && !errors.Is(rerr, errResponseTooLarge) && retryableTransportError(rerr)
			case resp.StatusCode >= 200 && resp.StatusCode < 300:
				kept, err := decode(resp, data)
				if !kept {
					recycleBody(data)
				}
				if err != nil {
					return result(attempt, fmt.Errorf("deserialize response: %w", err))
				}
				return nil
			default:
				d := decodeErrorResponse(resp.StatusCode, resp.Header, data, lastReqID, c.svc)
				lastErr = d.err
				retryable = retryableStatus(resp.StatusCode) || retryableCode(d.code)
			}
		}
		if !retryable || attempt >= c.maxAttempts {
			return result(attempt, lastErr)
		}
		if err := c.sleep(ctx, c.backoff(attempt)); err != nil {
			return result(attempt, &retryAbortedError{cause: err, last: lastErr})
		}
	}
}

// isNil reports whether in is nil or a nil pointer.
func isNil(in validatable) bool {
	if in == nil {
		return true
	}
	v := reflect.ValueOf(in)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// readBody reads at most limit bytes of r; longer bodies are an error. size is the body's
// announced length (-1 when unknown): the buffer (from bodyBuffer) starts at that size, up to
// bodyPooledMax, so that a body of known length is read without growing it.
func readBody(r io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 || size > bodyPooledMax {
		size = 512
	}
	buf := bodyBuffer(int(size) + 1) // +1: the read that sees EOF needs no growth
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, fmt.Errorf("%w of %d bytes", errResponseTooLarge, limit)
	}
	return buf, nil
}

// Response bodies are read into buffers that serve again once the response is decoded,
// unless what was decoded holds on to the body: a response then costs the allocations of the
// values decoded from it and not those of its bytes. The pool lets go of what it holds when
// the collector runs; a buffer larger than bodyPooledMax is not kept.
var bodyBufs sync.Pool // of *[]byte

const bodyPooledMax = 1 << 20

// bodyBuffer returns an empty buffer with room for at least n bytes.
func bodyBuffer(n int) []byte {
	if p, ok := bodyBufs.Get().(*[]byte); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]byte, 0, n)
}

// recycleBody gives the buffer of a body read by readBody back for reuse. Nothing may refer
// to it afterwards.
func recycleBody(b []byte) {
	if cap(b) > 0 && cap(b) <= bodyPooledMax {
		bodyBufs.Put(&b)
	}
}

// backoff returns the delay before retry number attempt (1 = first retry):
// a uniformly random duration in [0, min(MaxDelay, BaseDelay*2^(attempt-1))].
func (c *Client) backoff(attempt int) time.Duration {
	maxDelay := c.opts.Retry.MaxDelay
	ceil := c.opts.Retry.BaseDelay
	for i := 1; i < attempt && ceil < maxDelay; i++ {
		if ceil > maxDelay/2 {
			ceil = maxDelay
			break
		}
		ceil *= 2
	}
	if ceil > maxDelay {
		ceil = maxDelay
	}
	return time.Duration(mrand.Uint64N(uint64(ceil) + 1))
}

// sleep waits for d or until ctx is done, using Retry.Sleep when set.
func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.opts.Retry.Sleep != nil {
		if err := c.opts.Retry.Sleep(ctx, d); err != nil {
			return err
		}
		return ctx.Err()
	}
	return sleepContext(ctx, d)
}

// sleepContext waits for d or until ctx is done, returning ctx.Err() then.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// throttleCodes are error codes that mean "slow down and try again".
var throttleCodes = map[string]bool{
	"Throttling":                             true,
	"ThrottlingException":                    true,
	"ThrottledException":                     true,
	"RequestThrottledException":              true,
	"TooManyRequestsException":               true,
	"ProvisionedThroughputExceededException": true,
	"TransactionInProgressException":         true,
	"RequestLimitExceeded":                   true,
	"BandwidthLimitExceeded":                 true,
	"RequestThrottled":                       true,
	"SlowDown":                               true,
	"PriorRequestNotComplete":                true,
	"EC2ThrottledException":                  true,
}

// transientCodes are error codes of transient failures.
var transientCodes = map[string]bool{
	"RequestTimeout":          true,
	"RequestTimeoutException": true,
}

func retryableCode(code string) bool { return throttleCodes[code] || transientCodes[code] }

func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || (status >= 500 && status < 600)
}

// retryableTransportError reports whether a transport error is worth
// retrying: broken connections, refused connections, EOFs and timeouts, but
// never context cancellation or deadline.
func retryableTransportError(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	if errors.Is(err, net.ErrClosed) {
		return true
	}
	// Returned by net/http when a reused keep-alive connection was closed by
	// the server just as the request was sent (not wrapped, so match text).
	if strings.Contains(err.Error(), "server closed idle connection") {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return true
	}
	return false
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}

// newIdempotencyToken returns a fresh token for idempotency-token members
// left empty by the caller.
func newIdempotencyToken() string { return newUUID() }

// decodedError is the result of decoding an error response.
type decodedError struct {
	err  error  // modeled error or *APIError
	code string // sanitized error code, used for retry decisions
}

// decodeErrorResponse turns a non-2xx response into an error. The code
// comes from the X-Amzn-ErrorType header, else the body's "__type", else
// its "code"/"Code" (restJson1: "code", then "__type"). When the service
// knows the code, the body is decoded into the modeled error (restJson1:
// with its header and status bindings); otherwise (or if that fails) an
// *APIError is returned.
func decodeErrorResponse(status int, header http.Header, body []byte, requestID string, svc *serviceInfo) decodedError {
	fields := parseErrorBody(body, svc.rest)
	code := sanitizeErrorCode(header.Get("X-Amzn-Errortype"))
	if code == "" {
		code = sanitizeErrorCode(fields.code)
	}
	message := fields.message
	if !fields.isJSON {
		message = textMessage(body)
	}
	if code != "" && svc.newError != nil {
		if me := svc.newError(code); me != nil {
			payload := body
			if !fields.isJSON {
				payload = []byte("{}")
			}
			var err error
			if svc.readError != nil {
				err = svc.readError(me, status, header, payload)
			} else {
				err = me.UnmarshalJSON(payload)
			}
			if err == nil {
				return decodedError{err: me, code: code}
			}
		}
	}
	apiCode := code
	if apiCode == "" {
		apiCode = http.StatusText(status)
		if apiCode == "" {
			apiCode = "UnknownError"
		}
	}
	return decodedError{
		err: &APIError{
			Code:       apiCode,
			Message:    message,
			StatusCode: status,
			RequestID:  requestID,
			Fault:      faultFromStatus(status),
		},
		code: code,
	}
}
