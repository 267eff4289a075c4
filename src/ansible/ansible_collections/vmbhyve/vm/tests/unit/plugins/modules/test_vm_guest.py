# -*- coding: utf-8 -*-
# BSD-2-Clause (see LICENSE in the repository)
from __future__ import absolute_import, division, print_function
__metaclass__ = type

import unittest

from ansible_collections.vmbhyve.vm.plugins.modules import vm_guest
from ansible_collections.vmbhyve.vm.tests.unit.plugins.modules.fake_vm import run

ROW = {'name': 'web', 'state': 'stopped', 'tags': ['web'], 'addresses': None}
INFO = {'name': 'web', 'state': 'stopped', 'networkInterfaces': [{'number': 0, 'active': None}]}
RUNNING_INFO = {'name': 'web', 'state': 'running (4242)',
                'networkInterfaces': [{'number': 0, 'active': {'addresses': ['2001:db8::5', '10.0.0.5']}}]}
CONF = 'loader="bhyveload"\ncpu=1\nmemory=512M\n'


def editor(env):
    """vm configure: our editor prints the file when asked to read."""
    return (0, CONF, '') if env.get('EDITOR', '').endswith(' read') else (0, '', '')


class VmGuestTest(unittest.TestCase):

    def test_creates_a_missing_guest_with_vm_create(self):
        rows = [[]]
        answers = {
            'list --json': lambda env: (0, '[]' if not rows[-1] else '[{"name": "web", "state": "stopped", "tags": []}]', ''),
            'create -d fast -t linux -s 10G -i debian.raw -C -k /root/key.pub web': lambda env: rows.append([1]) or (0, '', ''),
            'info --json web': [INFO],
        }
        outcome, result, fake = run(vm_guest.main, dict(name='web', template='linux', size='10G', datastore='fast',
                                                        image='debian.raw', ssh_key='/root/key.pub'), answers)
        self.assertEqual('exit', outcome, result)
        self.assertTrue(result['changed'])
        self.assertEqual(['vm', 'create', '-d', 'fast', '-t', 'linux', '-s', '10G', '-i', 'debian.raw', '-C', '-k',
                          '/root/key.pub', 'web'], result['commands'][0])
        self.assertEqual(INFO, result['guest'])

    def test_a_guest_as_described_is_left_alone(self):
        answers = {'list --json': [ROW], 'configure web': editor, 'info --json web': [INFO]}
        outcome, result, fake = run(vm_guest.main, dict(name='web', config={'cpu': 1}, tags=['web']), answers)
        self.assertEqual(('exit', False, []), (outcome, result['changed'], result['commands']))

    def test_settings_and_tags_change_with_a_diff(self):
        answers = {'list --json': [ROW], 'configure web': editor, 'info --json web': [INFO],
                   'tags add web prod': '', 'tags remove web web': ''}
        outcome, result, fake = run(vm_guest.main, dict(name='web', config={'cpu': 2, 'graphics': None},
                                                        tags=['prod']), answers, diff=True)
        self.assertEqual('exit', outcome, result)
        self.assertTrue(result['changed'])
        self.assertEqual('config: cpu="1"\n\ntags: web\n', result['diff']['before'])
        self.assertEqual('config: cpu="2"\n\ntags: prod\n', result['diff']['after'])
        self.assertEqual(['list --json', 'configure web', 'configure web', 'tags add web prod', 'tags remove web web',
                          'info --json web'], fake.calls)

    def test_check_mode_runs_nothing_that_changes(self):
        answers = {'list --json': [ROW], 'configure web': editor, 'info --json web': [INFO]}
        outcome, result, fake = run(vm_guest.main, dict(name='web', config={'cpu': 2}, state='running', tags=['x1']),
                                    answers, check_mode=True)
        self.assertEqual('exit', outcome, result)
        self.assertTrue(result['changed'])
        self.assertEqual([['vm', 'configure', 'web'], ['vm', 'tags', 'add', 'web', 'x1'], ['vm', 'tags', 'remove', 'web', 'web'],
                          ['vm', 'start', 'web']], result['commands'])
        self.assertEqual(['list --json', 'configure web', 'info --json web'], fake.calls)

    def test_check_mode_for_a_missing_guest(self):
        outcome, result, fake = run(vm_guest.main, dict(name='web', state='running'), {'list --json': []}, check_mode=True)
        self.assertEqual(('exit', True, None), (outcome, result['changed'], result['guest']))
        self.assertEqual(['list --json'], fake.calls)

    def test_running_guests_addresses_ipv4_first(self):
        answers = {'list --json': [dict(ROW, state='running')], 'info --json web': [RUNNING_INFO]}
        outcome, result, fake = run(vm_guest.main, dict(name='web', state='running', wait_for_address=True), answers)
        self.assertEqual(('exit', False), (outcome, result['changed']))
        self.assertEqual(['10.0.0.5', '2001:db8::5'], result['addresses'])
        self.assertEqual('10.0.0.5', result['address'])

    def test_a_failing_vm_call_fails_with_vms_message(self):
        answers = {'list --json': [], 'create -t nope web': (1, '', 'vm: ERROR: unable to find template nope\n')}
        outcome, result, fake = run(vm_guest.main, dict(name='web', template='nope'), answers)
        self.assertEqual('fail', outcome)
        self.assertEqual('vm create -t nope web failed (exit status 1): vm: ERROR: unable to find template nope', result['msg'])
        self.assertEqual(1, result['rc'])

    def test_absent_powers_off_then_destroys(self):
        states = ['running', 'stopped']
        answers = {'list --json': lambda env: (0, '[{"name": "web", "state": "%s", "tags": []}]' % states[0], ''),
                   'poweroff -f web': lambda env: states.pop(0) and (0, '', ''), 'destroy -f web': ''}
        outcome, result, fake = run(vm_guest.main, dict(name='web', state='absent'), answers)
        self.assertEqual(('exit', True), (outcome, result['changed']))
        self.assertEqual(['list --json', 'poweroff -f web', 'list --json', 'destroy -f web'], fake.calls)

    def test_a_setting_with_a_quote_is_refused(self):
        outcome, result, fake = run(vm_guest.main, dict(name='web', config={'loader': 'a"b'}),
                                    {'list --json': [ROW]})
        self.assertEqual('fail', outcome)
        self.assertIn('loader', result['msg'])


if __name__ == '__main__':
    unittest.main()
