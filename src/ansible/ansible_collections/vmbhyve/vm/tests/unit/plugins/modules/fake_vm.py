# -*- coding: utf-8 -*-
# BSD-2-Clause (see LICENSE in the repository)
"""Drives a module's main() with scripted vm answers: AnsibleModule.run_command is replaced by
a fake that looks the argv up, records it, and answers (rc, stdout, stderr)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes

try:
    from unittest import mock
except ImportError:  # pragma: no cover
    import mock


class Exit(Exception):
    pass


class Fail(Exception):
    pass


def exit_json(self, **kwargs):
    kwargs.setdefault('changed', False)
    raise Exit(kwargs)


def fail_json(self, **kwargs):
    raise Fail(kwargs)


class FakeVm(object):
    """ANSWERS maps a vm command line (its words after 'vm', space-joined) to stdout, a
    (rc, stdout, stderr) tuple, or a callable returning one; anything else fails the test."""

    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def __call__(self, module, argv, check_rc=False, environ_update=None, data=None, binary_data=False, **kw):
        line = ' '.join(argv[1:])
        self.calls.append(line)
        if line not in self.answers:
            raise AssertionError('unexpected vm call: %s' % line)
        answer = self.answers[line]
        if callable(answer):
            answer = answer(environ_update or {})
        if not isinstance(answer, tuple):
            answer = (0, answer if isinstance(answer, str) else json.dumps(answer), '')
        return answer


def run(module_main, args, answers, check_mode=False, diff=False):
    """Runs MODULE_MAIN with ARGS; returns (outcome, result, fake) with outcome 'exit' or 'fail'."""
    args = dict(args)
    args['_ansible_check_mode'] = check_mode
    args['_ansible_diff'] = diff
    fake = FakeVm(answers)
    basic._ANSIBLE_ARGS = to_bytes(json.dumps({'ANSIBLE_MODULE_ARGS': args}))
    with mock.patch.object(basic.AnsibleModule, 'exit_json', exit_json), \
            mock.patch.object(basic.AnsibleModule, 'fail_json', fail_json), \
            mock.patch.object(basic.AnsibleModule, 'run_command', lambda self, argv, **kw: fake(self, argv, **kw)):
        try:
            module_main()
        except Exit as e:
            return 'exit', e.args[0], fake
        except Fail as e:
            return 'fail', e.args[0], fake
    raise AssertionError('the module neither exited nor failed')
