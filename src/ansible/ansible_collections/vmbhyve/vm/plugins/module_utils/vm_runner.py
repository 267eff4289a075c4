# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)
"""Runs the vm command of vm-bhyve-java for the modules of this collection.

Every module talks to the host through this one class: vm's argv as a list (never a
shell), vm's JSON output parsed here, and vm's own stderr carried into the task's msg
when a call fails.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json


def runner_argument_spec():
    """The options every module shares: where vm is and what it runs with."""
    return dict(
        vm_path=dict(type='str', default='vm'),
        environment=dict(type='dict', default={}),
    )


class VmError(Exception):
    """A vm call that failed: its argv, exit status and stderr."""

    def __init__(self, argv, rc, stdout, stderr):
        self.argv = argv
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        super(VmError, self).__init__(self.message())

    def message(self):
        said = (self.stderr or self.stdout or '').strip()
        return '%s failed (exit status %d)%s' % (' '.join(self.argv), self.rc, ': ' + said if said else '')


class VmRunner(object):
    """vm for one module run; the module's environment option is added to vm's environment."""

    def __init__(self, module):
        self.module = module
        self.vm_path = module.params.get('vm_path') or 'vm'
        self.environment = dict((str(k), str(v)) for k, v in (module.params.get('environment') or {}).items())

    def run(self, *args, **kwargs):
        """vm ARGS; raises VmError unless vm exits 0. Returns (stdout, stderr)."""
        argv = [self.vm_path] + [str(a) for a in args]
        data = kwargs.get('data')
        rc, out, err = self.module.run_command(argv, check_rc=False, environ_update=self.environment,
                                               data=data, binary_data=data is not None)
        if rc != 0:
            raise VmError(argv, rc, out, err)
        return out, err

    def json(self, *args):
        """vm ARGS (which include --json where vm wants it), parsed."""
        out, dummy = self.run(*args)
        try:
            return json.loads(out)
        except ValueError as e:
            raise VmError([self.vm_path] + [str(a) for a in args], 0, out, 'vm printed no JSON: %s' % e)

    def guests(self):
        """vm list --json: one row a guest (state, tags, running guests' addresses)."""
        return self.json('list', '--json')

    def row(self, name):
        """The guest's row of vm list --json, or None when vm has no such guest."""
        for row in self.guests():
            if row.get('name') == name:
                return row
        return None

    def info(self, name):
        """The guest's vm info --json block."""
        return self.json('info', '--json', name)[0]

    def fail(self, error, **result):
        """Fails the task with vm's own message."""
        result.update(rc=error.rc, stdout=error.stdout, stderr=error.stderr, cmd=error.argv)
        self.module.fail_json(msg=error.message(), **result)
