# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)
"""A guest's settings (NAME.conf), read and changed through vm configure.

vm has no command that sets one guest setting, so this does what an admin does: vm configure
NAME with EDITOR set to a small editor of ours, which prints the file (to read it) or
rewrites the named lines (to change it), the new file written beside the old and renamed
into place. Values are refused where vm itself would refuse them (a double quote, a
newline) and where a shell would read more into them ($, backquote, backslash).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import shutil
import sys
import tempfile

EDITOR = r'''
import json, os, sys, tempfile
mode, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    text = f.read()
if mode == 'read':
    sys.stdout.write(text)
    sys.exit(0)
lines = text.splitlines()
for key, value in json.loads(os.environ['VMBHYVE_EDITS']).items():
    out, done = [], False
    for line in lines:
        if '=' in line and line.split('=', 1)[0].strip() == key:
            if not done and value is not None:
                out.append('%s="%s"' % (key, value))
            done = True
            continue
        out.append(line)
    if not done and value is not None:
        out.append('%s="%s"' % (key, value))
    lines = out
mode_bits = os.stat(path).st_mode & 0o7777
fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix='.' + os.path.basename(path) + '.')
with os.fdopen(fd, 'w') as f:
    f.write('\n'.join(lines) + '\n')
os.chmod(tmp, mode_bits)
os.rename(tmp, path)
'''

FORBIDDEN = '"\n\r$`\\'


def bad_value(value):
    """Why VALUE cannot be a setting, or None."""
    for c in FORBIDDEN:
        if c in value:
            return 'a setting may not contain %r' % c
    return None


def parse(text):
    """The settings of a config file, in order: key=value and key="value" lines."""
    settings = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith('#') or '=' not in stripped:
            continue
        key, value = stripped.split('=', 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
            value = value[1:-1]
        settings[key.strip()] = value
    return settings


def changes(current, wanted):
    """The edits that make CURRENT hold WANTED (a value of None removes the setting)."""
    edits = {}
    for key, value in wanted.items():
        if value is None:
            if key in current:
                edits[key] = None
        elif current.get(key) != value:
            edits[key] = value
    return edits


def render(settings, keys):
    """The lines of KEYS as the file holds them, for a diff."""
    return ''.join('%s="%s"\n' % (k, settings[k]) for k in sorted(keys) if k in settings)


class GuestConfig(object):
    """vm configure NAME, with our editor."""

    def __init__(self, runner):
        self.runner = runner

    def _edit(self, name, mode, edits=None):
        directory = tempfile.mkdtemp(prefix='vmbhyve-')
        try:
            script = os.path.join(directory, 'editor.py')
            with open(script, 'w') as f:
                f.write(EDITOR)
            saved = dict(self.runner.environment)
            # vm splits EDITOR into words, as the shell's unquoted $EDITOR is
            self.runner.environment['EDITOR'] = '%s %s %s' % (sys.executable, script, mode)
            if edits is not None:
                self.runner.environment['VMBHYVE_EDITS'] = json.dumps(edits)
            try:
                out, dummy = self.runner.run('configure', name)
            finally:
                self.runner.environment = saved
            return out
        finally:
            shutil.rmtree(directory, ignore_errors=True)

    def read(self, name):
        return parse(self._edit(name, 'read'))

    def write(self, name, edits):
        self._edit(name, 'write', edits)
