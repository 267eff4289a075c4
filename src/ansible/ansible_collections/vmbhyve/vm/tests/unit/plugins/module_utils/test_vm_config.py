# -*- coding: utf-8 -*-
# BSD-2-Clause (see LICENSE in the repository)
from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import subprocess
import sys
import tempfile
import unittest

from ansible_collections.vmbhyve.vm.plugins.module_utils import vm_config


class ParseTest(unittest.TestCase):

    def test_quoted_bare_and_comments(self):
        text = '# a comment\nloader="bhyveload"\ncpu=2\n\nmemory="1G"\ngraphics=\'no\'\n'
        self.assertEqual({'loader': 'bhyveload', 'cpu': '2', 'memory': '1G', 'graphics': 'no'}, vm_config.parse(text))

    def test_changes_set_and_remove(self):
        current = {'cpu': '1', 'memory': '1G', 'graphics': 'yes'}
        wanted = {'cpu': '2', 'memory': '1G', 'graphics': None, 'absent': None}
        self.assertEqual({'cpu': '2', 'graphics': None}, vm_config.changes(current, wanted))
        self.assertEqual({}, vm_config.changes(current, {'cpu': '1'}))

    def test_values_vm_or_a_shell_would_misread_are_refused(self):
        for value in ('a"b', 'a\nb', '$(reboot)', '`id`', 'a\\b'):
            self.assertIsNotNone(vm_config.bad_value(value), value)
        self.assertIsNone(vm_config.bad_value('virtio-net'))

    def test_render_for_a_diff(self):
        self.assertEqual('cpu="2"\nmemory="1G"\n', vm_config.render({'memory': '1G', 'cpu': '2', 'x': 'y'}, ['memory', 'cpu']))


class EditorTest(unittest.TestCase):
    """The editor vm configure runs: prints the file, or rewrites the named lines in place."""

    def edit(self, text, mode, edits=None):
        directory = tempfile.mkdtemp()
        try:
            script = os.path.join(directory, 'editor.py')
            conf = os.path.join(directory, 'web.conf')
            with open(script, 'w') as f:
                f.write(vm_config.EDITOR)
            with open(conf, 'w') as f:
                f.write(text)
            os.chmod(conf, 0o644)
            env = dict(os.environ, VMBHYVE_EDITS=__import__('json').dumps(edits or {}))
            out = subprocess.check_output([sys.executable, script, mode, conf], env=env).decode()
            with open(conf) as f:
                return out, f.read(), os.stat(conf).st_mode & 0o777, sorted(os.listdir(directory))
        finally:
            subprocess.call(['rm', '-rf', directory])

    def test_read_prints_the_file(self):
        out, text, mode, files = self.edit('cpu=1\n', 'read')
        self.assertEqual('cpu=1\n', out)

    def test_write_replaces_appends_and_removes_keeping_the_mode(self):
        out, text, mode, files = self.edit('loader="bhyveload"\ncpu=1\ngraphics="yes"\n# cpu=9\n', 'write',
                                           {'cpu': '2', 'memory': '1G', 'graphics': None})
        self.assertEqual('loader="bhyveload"\ncpu="2"\n# cpu=9\nmemory="1G"\n', text)
        self.assertEqual(0o644, mode)
        self.assertEqual(['editor.py', 'web.conf'], files)


if __name__ == '__main__':
    unittest.main()
