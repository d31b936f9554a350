#!/usr/bin/env python3
"""Materialise the tree of a commit into .scratch/tree, then optionally build+test."""
import json, os, shutil, subprocess, sys
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
hist = json.load(open(os.path.join(root, 'history.json')))
target = sys.argv[1]
branches = {}; tags = {}
state = None
for c in hist['commits']:
    b = c['branch']
    if 'from' in c:
        src = c['from']
        base = tags.get(src) or branches.get(src)
        tree = dict(base)
    elif b in branches:
        tree = dict(branches[b])
    else:
        tree = {}
    for d in c.get('delete', []):
        del tree[d]
    folder = os.path.join(root, c['id'])
    for dp, dn, fn in os.walk(folder):
        for f in fn:
            full = os.path.join(dp, f)
            tree[os.path.relpath(full, folder)] = full
    branches[b] = tree
    for t in c.get('tags', []):
        tags[t] = tree
    if c['id'] == target:
        state = tree
        break
out = os.path.join(root, '.scratch', 'tree')
shutil.rmtree(out, ignore_errors=True)
for rel, full in state.items():
    dst = os.path.join(out, rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy(full, dst)
print(f"{target}: {len(state)} files")
if len(sys.argv) > 2:
    srcs = [os.path.join(dp, f) for dp, dn, fn in os.walk(os.path.join(out, 'src')) for f in fn if f.endswith('.cpp') and f != 'c_api.cpp']
    srcs += [os.path.join(dp, f) for dp, dn, fn in os.walk(os.path.join(out, 'tests', 'engine')) for f in fn if f.endswith('.cpp')]
    cmd = ['g++', '-std=c++17', '-O1', '-Wall', '-Wextra', '-Wpedantic', '-Wshadow', '-Wconversion', '-Wno-sign-conversion',
           '-I', os.path.join(out, 'include'), '-I', os.path.join(out, 'src'), *srcs, '-ldl', '-o', os.path.join(root, '.scratch', 't')]
    r = subprocess.run(cmd, capture_output=True, text=True)
    print(r.stderr[-4000:])
    if r.returncode: sys.exit(1)
    r2 = subprocess.run(['g++', '-std=c++17', '-fsyntax-only', '-Wall', '-Wextra', '-I', os.path.join(out, 'include'), os.path.join(out, 'src/engine/c_api.cpp')], capture_output=True, text=True)
    print(r2.stderr[-2000:])
    r = subprocess.run([os.path.join(root, '.scratch', 't')], capture_output=True, text=True, cwd=root, env={**os.environ, 'OXL_SAMPLES_DIR': os.path.join(out, 'samples')})
    print('\n'.join(l for l in r.stdout.splitlines() if 'FAIL' in l or 'run,' in l)); print(r.stderr[-3000:])
