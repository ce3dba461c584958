// Package cognitolocal runs cognito-local (a local Amazon Cognito user pools
// emulator, pinned in ../package.json) for end-to-end tests.
//
// The server speaks the awsJson1.1 protocol on POST / with an
// X-Amz-Target: AWSCognitoIdentityProviderService.<Operation> header and
// needs no request signing. It keeps its state as JSON files under
// <Server.Dir>/.cognito/db.
package cognitolocal

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/awsgen/awsgen/internal/testenv"
)

const (
	startTimeout   = 90 * time.Second
	installTimeout = 10 * time.Minute
	// stopTimeout is how long Stop waits after SIGTERM before SIGKILL, and cmd.WaitDelay.
	stopTimeout = 5 * time.Second
	// maxStop bounds Stop: stopTimeout before SIGKILL, then at most cmd.WaitDelay for the
	// output pipes to close once the process has exited.
	maxStop = 2 * stopTimeout
)

// Server is a running cognito-local process.
type Server struct {
	// Endpoint is the base URL, e.g. "http://127.0.0.1:41234".
	Endpoint string
	// Port is the TCP port the server listens on (on 127.0.0.1).
	Port int
	// Dir is the working directory of the process; the server keeps its
	// state in Dir/.cognito.
	Dir string

	cmd      *exec.Cmd
	logs     *syncBuffer
	done     chan struct{} // closed when the process has exited
	waitErr  error         // set before done is closed
	stopOnce sync.Once
	killed   bool // Stop had to send SIGKILL: SIGTERM did not end the server in stopTimeout
}

// Start runs <e2e>/node_modules/.bin/cognito-local with PORT=<free port>
// and HOST=127.0.0.1 in a fresh temporary working directory, waits (at
// most 90s; loading its modules takes several seconds on a busy
// machine) until it answers HTTP, and stops it (killing its process group)
// when the test ends.
//
// When node is not on PATH the test is skipped, or failed if the
// environment variable CI is "true". When node_modules is missing or holds
// another cognito-local version than package.json pins, Start runs
// `npm ci --no-audit --no-fund` in the e2e directory first (once per
// process, serialized across processes by a lock directory).
//
// The server inherits the environment; setting CODE makes it use that
// value for every confirmation code and temporary password.
func Start(t testing.TB) *Server {
	t.Helper()
	requireTool(t, "node")
	dir, err := e2eDir()
	if err != nil {
		t.Fatalf("cognitolocal: %v", err)
	}
	if err := ensureDeps(dir); err != nil {
		t.Fatalf("cognitolocal: %v", err)
	}
	bin := filepath.Join(dir, "node_modules", ".bin", "cognito-local")
	work := t.TempDir()

	var lastErr error
	for try := 0; try < 3; try++ {
		begin := time.Now()
		s, err := start(bin, work)
		if err == nil {
			t.Logf("cognitolocal: server at %s ready after %v", s.Endpoint, time.Since(begin).Round(time.Millisecond))
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("cognito-local output:\n%s", s.Logs())
				}
				s.Stop()
			})
			return s
		}
		lastErr = err
		if !errors.Is(err, errExited) {
			break
		}
		// Most likely the port was taken between choosing and binding it.
	}
	t.Fatalf("cognitolocal: %v", lastErr)
	return nil
}

var errExited = errors.New("cognito-local exited before it was ready")

func start(bin, work string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &Server{
		Endpoint: "http://127.0.0.1:" + strconv.Itoa(port),
		Port:     port,
		Dir:      work,
		logs:     &syncBuffer{},
		done:     make(chan struct{}),
	}
	cmd := exec.Command(bin)
	cmd.Dir = work
	cmd.Env = append(filterEnv(os.Environ(), "PORT", "HOST"),
		"PORT="+strconv.Itoa(port),
		"HOST=127.0.0.1",
		"NODE_NO_WARNINGS=1", // hides the aws-sdk v2 end-of-support notice
	)
	cmd.Stdout = s.logs
	cmd.Stderr = s.logs
	cmd.WaitDelay = stopTimeout
	setProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s.cmd = cmd
	go func() {
		s.waitErr = cmd.Wait()
		close(s.done)
	}()
	if err := s.waitReady(startTimeout); err != nil {
		s.Stop()
		return nil, fmt.Errorf("%w\noutput:\n%s", err, s.Logs())
	}
	return s, nil
}

// waitReady polls GET /health until it answers 200.
func (s *Server) waitReady(timeout time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-s.done:
			return fmt.Errorf("%w (%v)", errExited, s.waitErr)
		default:
		}
		resp, err := client.Get(s.Endpoint + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("cognito-local not ready at %s after %v (last error: %v)", s.Endpoint, timeout, err)
		}
		select {
		case <-s.done:
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Stop terminates the server's process group (SIGTERM, then SIGKILL after
// stopTimeout) and waits for it to exit, at most maxStop. It is called automatically at the end of
// the test; calling it earlier or more than once is fine.
func (s *Server) Stop() {
	s.stopOnce.Do(func() {
		if s.cmd == nil || s.cmd.Process == nil {
			return
		}
		terminate(s.cmd)
		select {
		case <-s.done:
			return
		case <-time.After(stopTimeout):
		}
		s.killed = true
		kill(s.cmd)
		<-s.done
	})
}

var ansiRE = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)

// Logs returns what the server printed so far (stdout and stderr, without
// terminal color codes). Confirmation codes appear here too.
func (s *Server) Logs() string {
	return ansiRE.ReplaceAllString(s.logs.String(), "")
}

// userPoolFile is the part of <Dir>/.cognito/db/<userPoolId>.json that
// ConfirmationCode needs.
type userPoolFile struct {
	Users map[string]struct {
		Username         string
		ConfirmationCode string
		Attributes       []struct{ Name, Value string }
	}
	Options struct {
		UsernameAttributes []string
	}
}

// ConfirmationCode returns the confirmation code that cognito-local stored
// for a user (by ForgotPassword, SignUp, ResendConfirmationCode...). It
// reads <Dir>/.cognito/db/<userPoolID>.json. username is resolved the way
// cognito-local resolves it: the user's Username, else its "sub", else its
// "email" or "phone_number" attribute when the pool's UsernameAttributes
// allow it (cognito-local's default pool setting is UsernameAttributes
// ["email"], under which users get a UUID Username).
func (s *Server) ConfirmationCode(userPoolID, username string) (string, error) {
	if userPoolID == "" || userPoolID != filepath.Base(userPoolID) || strings.ContainsAny(userPoolID, `/\`) || strings.HasPrefix(userPoolID, ".") {
		return "", fmt.Errorf("invalid user pool id %q", userPoolID)
	}
	path := filepath.Join(s.Dir, ".cognito", "db", userPoolID+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read user pool %s: %w", userPoolID, err)
	}
	return confirmationCodeFrom(data, username)
}

func confirmationCodeFrom(data []byte, username string) (string, error) {
	var f userPoolFile
	if err := json.Unmarshal(data, &f); err != nil {
		return "", fmt.Errorf("parse user pool file: %w", err)
	}
	hasAttr := func(attrs []struct{ Name, Value string }, name string) bool {
		for _, a := range attrs {
			if a.Name == name && a.Value == username {
				return true
			}
		}
		return false
	}
	aliasEmail, aliasPhone := false, false
	for _, a := range f.Options.UsernameAttributes {
		aliasEmail = aliasEmail || a == "email"
		aliasPhone = aliasPhone || a == "phone_number"
	}
	if u, ok := f.Users[username]; ok {
		if u.ConfirmationCode == "" {
			return "", fmt.Errorf("user %q has no confirmation code stored", username)
		}
		return u.ConfirmationCode, nil
	}
	// Map order is random; prefer sub, then email, then phone, as cognito-local
	// does per user (its users are scanned in insertion order).
	for _, attr := range []struct {
		name string
		on   bool
	}{{"sub", true}, {"email", aliasEmail}, {"phone_number", aliasPhone}} {
		if !attr.on {
			continue
		}
		for key, u := range f.Users {
			if hasAttr(u.Attributes, attr.name) {
				if u.ConfirmationCode == "" {
					return "", fmt.Errorf("user %q (%s) has no confirmation code stored", username, key)
				}
				return u.ConfirmationCode, nil
			}
		}
	}
	return "", fmt.Errorf("user %q not found", username)
}

// e2eDir returns the directory holding package.json (the parent of this
// package's source directory).
func e2eDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("cannot locate package source")
	}
	dir := filepath.Dir(filepath.Dir(file))
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		return "", fmt.Errorf("e2e directory not found: %w", err)
	}
	return dir, nil
}

var (
	depsMu   sync.Mutex
	depsDone bool
)

// ensureDeps runs `npm ci` in dir unless node_modules already holds the
// cognito-local version pinned in package.json.
func ensureDeps(dir string) error {
	depsMu.Lock()
	defer depsMu.Unlock()
	if depsDone {
		return nil
	}
	want, err := pinnedVersion(dir)
	if err != nil {
		return err
	}
	if installedVersion(dir) != want {
		unlock, err := lockDir(filepath.Join(dir, ".npm-ci.lock"), installTimeout)
		if err != nil {
			return err
		}
		defer unlock()
		// Another process may have installed while we waited for the lock.
		if installedVersion(dir) != want {
			if err := npmCI(dir); err != nil {
				return err
			}
			if got := installedVersion(dir); got != want {
				return fmt.Errorf("after npm ci, node_modules has cognito-local %q, want %q", got, want)
			}
		}
	}
	// Keep the go tool out of node_modules ("./..." patterns): a directory
	// with its own go.mod is a separate module.
	gomod := filepath.Join(dir, "node_modules", "go.mod")
	if _, err := os.Stat(gomod); errors.Is(err, os.ErrNotExist) {
		_ = os.WriteFile(gomod, []byte("module ignore_node_modules\n"), 0o644)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".bin", "cognito-local")); err != nil {
		return fmt.Errorf("cognito-local binary missing: %w", err)
	}
	depsDone = true
	return nil
}

func npmCI(dir string) error {
	if _, err := exec.LookPath("npm"); err != nil {
		return fmt.Errorf("npm is not on PATH; install Node.js/npm, then run `npm ci` in %s", dir)
	}
	ctx, cancel := context.WithTimeout(context.Background(), installTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("npm ci in %s: %w\n%s", dir, err, out)
	}
	return nil
}

// pinnedVersion reads the cognito-local version from package.json.
func pinnedVersion(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", err
	}
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "", fmt.Errorf("parse package.json: %w", err)
	}
	v := pkg.Dependencies["cognito-local"]
	if v == "" {
		v = pkg.DevDependencies["cognito-local"]
	}
	if v == "" {
		return "", errors.New("package.json does not depend on cognito-local")
	}
	return v, nil
}

// installedVersion returns the version of node_modules/cognito-local, or "".
func installedVersion(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", "cognito-local", "package.json"))
	if err != nil {
		return ""
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(data, &pkg) != nil {
		return ""
	}
	return pkg.Version
}

// lockDir takes a cross-process lock by creating a directory. A lock older
// than timeout is considered stale and broken.
func lockDir(path string, timeout time.Duration) (unlock func(), err error) {
	deadline := time.Now().Add(timeout + time.Minute)
	for {
		err := os.Mkdir(path, 0o755)
		if err == nil {
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > timeout {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("timed out waiting for lock %s (remove it if no npm ci is running)", path)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// requireTool skips the test when tool is not on PATH, or fails it when
// running in CI (CI=true), where the tool must be installed.
func requireTool(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		testenv.Missing(t, "cognitolocal: %s is not on PATH", tool)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func filterEnv(env []string, drop ...string) []string {
	out := make([]string, 0, len(env))
outer:
	for _, kv := range env {
		for _, d := range drop {
			if strings.HasPrefix(kv, d+"=") {
				continue outer
			}
		}
		out = append(out, kv)
	}
	return out
}

// syncBuffer is a bytes.Buffer safe for concurrent writes and reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
