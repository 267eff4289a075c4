# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)
"""What vm_guest does to one guest: vm create, vm configure, vm tags, start and stop, and the
waits for a state or an address, each vm command recorded (and, in check mode, only recorded)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_config import GuestConfig, bad_value, changes, render

ACTIVE = ('running', 'bootloader')


def run_state(info):
    """vm info's state without the pid it adds: running (4242) is running."""
    return ((info or {}).get('state') or '').split(' ')[0]


def addresses_of(info):
    found = []
    for nic in (info or {}).get('networkInterfaces') or []:
        for address in ((nic.get('active') or {}).get('addresses')) or []:
            if address not in found:
                found.append(address)
    # IPv4 first, whatever the NIC order
    return [a for a in found if ':' not in a] + [a for a in found if ':' in a]


class Guest(object):

    def __init__(self, module, runner):
        self.module = module
        self.runner = runner
        self.p = module.params
        self.name = self.p['name']
        self.commands = []
        self.changed = False
        self.before = {}
        self.after = {}
        self.creating_in_check_mode = False

    def do(self, *args):
        """A vm command that changes the host: recorded, and only run outside check mode."""
        self.commands.append([self.runner.vm_path] + [str(a) for a in args])
        self.changed = True
        if not self.module.check_mode:
            self.runner.run(*args)

    def wait(self, what, test):
        deadline = time.time() + self.p['timeout']
        while True:
            value = test()
            if value:
                return value
            if time.time() >= deadline:
                self.module.fail_json(msg='timed out after %d s waiting for %s' % (self.p['timeout'], what),
                                      commands=self.commands)
            time.sleep(1)

    def state_of(self):
        row = self.runner.row(self.name)
        return row['state'] if row else None

    def create(self):
        p = self.p
        args = ['create']
        for flag, key in (('-d', 'datastore'), ('-t', 'template'), ('-s', 'size'), ('-c', 'cpus'),
                          ('-m', 'memory'), ('-i', 'image')):
            if p[key] is not None:
                args += [flag, p[key]]
        if p['cloud_init'] or p['ssh_key'] or p['user_data'] or p['network_config']:
            args.append('-C')
            for flag, key in (('-k', 'ssh_key'), ('-u', 'user_data'), ('-n', 'network_config')):
                if p[key] is not None:
                    args += [flag, p[key]]
        self.do(*(args + [self.name]))

    def configure(self, exists):
        wanted = dict((str(k), None if v is None else str(v)) for k, v in self.p['config'].items())
        for key, value in wanted.items():
            if value is not None and bad_value(value):
                self.module.fail_json(msg='%s: %s' % (key, bad_value(value)))
        if not wanted:
            return
        current = GuestConfig(self.runner).read(self.name) if exists and not self.creating_in_check_mode else {}
        edits = changes(current, wanted)
        if not edits:
            return
        after = dict(current)
        for key, value in edits.items():
            if value is None:
                after.pop(key, None)
            else:
                after[key] = value
        self.before['config'] = render(current, edits.keys())
        self.after['config'] = render(after, edits.keys())
        self.commands.append([self.runner.vm_path, 'configure', self.name])
        self.changed = True
        if not self.module.check_mode:
            GuestConfig(self.runner).write(self.name, edits)

    def retag(self, row):
        if self.p['tags'] is None:
            return
        have = (row or {}).get('tags') or []
        want = self.p['tags']
        add = [t for t in want if t not in have]
        remove = [t for t in have if t not in want]
        if add:
            self.do('tags', 'add', self.name, *add)
        if remove:
            self.do('tags', 'remove', self.name, *remove)
        if add or remove:
            self.before['tags'] = ','.join(have)
            self.after['tags'] = ','.join(want)

    def run_state(self, state):
        want = self.p['state']
        if want == 'running' and state not in ACTIVE:
            self.start()
        elif want == 'restarted':
            if state in ACTIVE:
                self.do('restart', self.name)
            else:
                self.start()
        elif want == 'stopped' and state in ACTIVE + ('locked',):
            self.do(*(['stop'] + (['-t', self.p['stop_timeout']] if self.p['stop_timeout'] else []) + [self.name]))
            if not self.module.check_mode:
                self.wait('%s to stop' % self.name, lambda: self.state_of() not in ACTIVE + ('locked',))
        if self.changed and want in ('running', 'stopped', 'restarted'):
            self.before.setdefault('state', state)
            self.after['state'] = 'stopped' if want == 'stopped' else 'running'

    def start(self):
        self.do('start', self.name)
        if not self.module.check_mode:
            self.wait('%s to start' % self.name, lambda: self.state_of() in ACTIVE)

    def absent(self, state):
        if state is None:
            return
        if state in ACTIVE + ('locked',):
            self.do('poweroff', '-f', self.name)
            if not self.module.check_mode:
                self.wait('%s to power off' % self.name, lambda: self.state_of() not in ACTIVE + ('locked',))
        self.do('destroy', '-f', self.name)
        self.before['state'] = state
        self.after['state'] = 'absent'

    def apply(self):
        row = self.runner.row(self.name)
        state = row['state'] if row else None
        if self.p['state'] == 'absent':
            self.absent(state)
            return None
        if row is None:
            self.create()
            self.before['state'] = 'absent'
            self.after['state'] = 'stopped'
            self.creating_in_check_mode = self.module.check_mode
            state = 'stopped'
        self.configure(row is not None or not self.module.check_mode)
        if not self.creating_in_check_mode:
            self.retag(row if row is not None else self.runner.row(self.name))
        elif self.p['tags']:
            self.do('tags', 'add', self.name, *self.p['tags'])
        self.run_state(state)
        if self.creating_in_check_mode:
            return None
        info = self.runner.info(self.name)
        if self.p['wait_for_address'] and not self.module.check_mode and run_state(info) in ACTIVE:
            info = self.wait('an address of %s' % self.name,
                             lambda: (lambda i: i if addresses_of(i) else None)(self.runner.info(self.name)))
        return info
