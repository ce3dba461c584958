package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

// snapshot copies the checkout at repo into dst (emptied first): the files git tracks plus
// the untracked ones it does not ignore, so work in progress is measured as it stands while
// node_modules and build output stay behind; or, with rev, the files of that commit. The copy is where every mutant is applied: the
// checkout, which other people edit, is only read. With withShared, and when the project's
// shared material sits beside repo (../shared), dst/../shared links to it, so tests that
// read it run in the copy as they do in the checkout.
func snapshot(ctx context.Context, repo, dst, rev string, withShared bool) (int, error) {
	if err := os.RemoveAll(dst); err != nil {
		return 0, err
	}
	if rev != "" {
		return archive(ctx, repo, dst, rev, withShared)
	}
	cmd := exec.CommandContext(ctx, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = repo
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("git ls-files in %s: %w", repo, err)
	}
	n := 0
	for _, rel := range bytes.Split(out, []byte{0}) {
		if len(rel) == 0 {
			continue
		}
		src := filepath.Join(repo, string(rel))
		st, err := os.Lstat(src)
		if err != nil {
			continue // tracked but deleted in the working tree
		}
		to := filepath.Join(dst, string(rel))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return n, err
		}
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(src)
			if err != nil {
				return n, err
			}
			if err := os.Symlink(target, to); err != nil {
				return n, err
			}
		case st.Mode().IsRegular():
			b, err := os.ReadFile(src)
			if err != nil {
				return n, err
			}
			if err := os.WriteFile(to, b, st.Mode().Perm()); err != nil {
				return n, err
			}
		default:
			continue
		}
		n++
	}
	return n, linkShared(repo, dst, withShared)
}

// archive is snapshot of a committed revision: git archive, unpacked into dst.
func archive(ctx context.Context, repo, dst, rev string, withShared bool) (int, error) {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return 0, err
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", `git archive --format=tar "$1" | tar -x -C "$2"`, "sh", rev, dst)
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("git archive %s: %v\n%s", rev, err, out)
	}
	n := 0
	err := filepath.WalkDir(dst, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		return n, err
	}
	return n, linkShared(repo, dst, withShared)
}

// linkShared makes dst/../shared a link to repo/../shared, when asked and when it exists.
func linkShared(repo, dst string, withShared bool) error {
	link := filepath.Join(filepath.Dir(dst), "shared")
	_ = os.Remove(link)
	if !withShared {
		return nil
	}
	shared, err := filepath.Abs(filepath.Join(repo, "..", "shared"))
	if err != nil {
		return err
	}
	if st, err := os.Stat(shared); err == nil && st.IsDir() {
		return os.Symlink(shared, link)
	}
	return nil
}

// treeState is the content of every file under a folder, to put the folder back exactly.
type treeState map[string][]byte

func readTree(dir string) (treeState, error) {
	st := treeState{}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		st[p] = b
		return err
	})
	return st, err
}

// restoreTree makes dir hold exactly the files of want again: files added since are removed
// and changed files rewritten (unchanged ones are left alone, so their times stay put).
func restoreTree(dir string, want treeState) error {
	now, err := readTree(dir)
	if err != nil {
		return err
	}
	for p := range now {
		if _, ok := want[p]; !ok {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	for p, b := range want {
		if cur, ok := now[p]; ok && bytes.Equal(cur, b) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
