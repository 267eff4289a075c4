# -*- coding: utf-8 -*-
# BSD-2-Clause (see LICENSE in the repository)
from __future__ import absolute_import, division, print_function
__metaclass__ = type

import unittest

from ansible_collections.vmbhyve.vm.plugins.modules import vm_facts, vm_media, vm_snapshot, vm_switch
from ansible_collections.vmbhyve.vm.tests.unit.plugins.modules.fake_vm import run

SWITCH = {'name': 'public', 'type': 'standard', 'iface': 'vm-public', 'address': '10.0.0.1/24', 'address6': None,
          'privateMode': 'no', 'mtu': None, 'vlan': None, 'ports': ['em0']}
SNAPS = [{'name': 'tank/vm/web@a', 'used': '1.2M', 'creation': 'x'}, {'name': 'tank/vm/web@b', 'used': '0B', 'creation': 'y'}]


class VmSwitchTest(unittest.TestCase):

    def test_creates_with_every_option_then_nat(self):
        answers = {'switch list --json': [], 'switch create -t standard -i em0 -n 10 -m 9000 -a 10.0.0.1/24 -p lab': '',
                   'switch nat lab on': ''}
        outcome, result, fake = run(vm_switch.main, dict(name='lab', interface='em0', vlan=10, mtu=9000,
                                                         address='10.0.0.1/24', private=True, nat=True), answers,
                                    check_mode=True)
        self.assertEqual(('exit', True), (outcome, result['changed']))
        self.assertEqual(['switch list --json'], fake.calls)
        self.assertEqual([['vm', 'switch', 'create', '-t', 'standard', '-i', 'em0', '-n', '10', '-m', '9000', '-a',
                           '10.0.0.1/24', '-p', 'lab'], ['vm', 'switch', 'nat', 'lab', 'on']], result['commands'])

    def test_unchanged_switch(self):
        answers = {'switch list --json': [SWITCH], 'switch info --json public': [{'nat': False}]}
        outcome, result, fake = run(vm_switch.main, dict(name='public', interface='em0', address='10.0.0.1/24',
                                                         private=False, nat=False, vlan=0), answers)
        self.assertEqual(('exit', False, []), (outcome, result['changed'], result['commands']))

    def test_updates_vlan_private_and_nat(self):
        answers = {'switch list --json': [SWITCH], 'switch info --json public': [{'nat': False}],
                   'switch vlan public 20': '', 'switch private public on': '', 'switch nat public on': ''}
        outcome, result, fake = run(vm_switch.main, dict(name='public', vlan=20, private=True, nat=True), answers)
        self.assertEqual(('exit', True), (outcome, result['changed']))
        self.assertEqual(['switch vlan public 20', 'switch private public on', 'switch nat public on'],
                         [' '.join(c[1:]) for c in result['commands']])

    def test_another_type_is_refused(self):
        answers = {'switch list --json': [SWITCH], 'switch info --json public': [{'nat': False}]}
        outcome, result, fake = run(vm_switch.main, dict(name='public', type='vale'), answers)
        self.assertEqual('fail', outcome)
        self.assertIn('is of type standard, not vale', result['msg'])

    def test_absent(self):
        answers = {'switch list --json': [SWITCH], 'switch info --json public': [{'nat': True}],
                   'switch destroy public': ''}
        outcome, result, fake = run(vm_switch.main, dict(name='public', state='absent'), answers)
        self.assertEqual(('exit', True), (outcome, result['changed']))


class VmSnapshotTest(unittest.TestCase):

    def answers(self, **more):
        answers = {'list --json': [{'name': 'web', 'state': 'stopped'}], 'info --json web': [{'snapshots': SNAPS}]}
        answers.update(more)
        return answers

    def test_takes_a_missing_snapshot(self):
        outcome, result, fake = run(vm_snapshot.main, dict(name='web', snapshot='c', force=True),
                                    self.answers(**{'snapshot -f web@c': ''}))
        self.assertEqual(('exit', True), (outcome, result['changed']))
        self.assertIn('snapshot -f web@c', fake.calls)

    def test_an_existing_snapshot_is_left_alone(self):
        outcome, result, fake = run(vm_snapshot.main, dict(name='web', snapshot='a'), self.answers())
        self.assertEqual(('exit', False), (outcome, result['changed']))

    def test_destroys(self):
        outcome, result, fake = run(vm_snapshot.main, dict(name='web', snapshot='a', state='absent'),
                                    self.answers(**{'destroy -f web@a': ''}))
        self.assertEqual(('exit', True), (outcome, result['changed']))

    def test_rolls_back_unless_at_the_newest_unchanged_snapshot(self):
        outcome, result, fake = run(vm_snapshot.main, dict(name='web', snapshot='b', state='rolled_back'), self.answers())
        self.assertEqual(('exit', False), (outcome, result['changed']))
        outcome, result, fake = run(vm_snapshot.main, dict(name='web', snapshot='a', state='rolled_back', destroy_newer=True),
                                    self.answers(**{'rollback -r web@a': ''}))
        self.assertEqual(('exit', True), (outcome, result['changed']))

    def test_vms_refusal_is_the_message(self):
        outcome, result, fake = run(vm_snapshot.main, dict(name='web', snapshot='a', state='rolled_back'),
                                    self.answers(**{'rollback web@a': (1, '', 'vm: ERROR: newer snapshots exist\n')}))
        self.assertEqual('fail', outcome)
        self.assertIn('vm: ERROR: newer snapshots exist', result['msg'])


class VmFactsTest(unittest.TestCase):

    def test_facts_and_no_images_off_zfs(self):
        answers = {'list --json': [{'name': 'web'}], 'switch list --json': [SWITCH],
                   'datastore list --json': [{'name': 'default'}],
                   'image list --json': (1, '', 'vm: ERROR: $vm_dir must be a ZFS datastore to use these functions\n'),
                   'info --json': [{'name': 'web'}]}
        outcome, result, fake = run(vm_facts.main, dict(details=True), answers)
        self.assertEqual(('exit', False), (outcome, result['changed']))
        facts = result['ansible_facts']
        self.assertEqual(([{'name': 'web'}], [], [{'name': 'web'}]),
                         (facts['vm_guests'], facts['vm_images'], facts['vm_guest_details']))


class VmMediaTest(unittest.TestCase):

    def test_stored_names(self):
        self.assertEqual('debian.raw', vm_media.stored_name('https://example.org/x/debian.raw.xz?x=1'))
        self.assertEqual('FreeBSD.iso', vm_media.stored_name('https://example.org/FreeBSD.iso'))

    def test_checksums(self):
        self.assertEqual(('sha256', 'ab'), vm_media.split_checksum('AB'))
        self.assertEqual(('sha512', 'ab'), vm_media.split_checksum('SHA512:ab'))
        self.assertRaises(ValueError, vm_media.split_checksum, 'rot13:ab')

    def test_check_mode_download(self):
        answers = {'iso --json': [], 'datastore list --json': [{'name': 'default', 'path': '/vm'}]}
        outcome, result, fake = run(vm_media.main, dict(url='http://127.0.0.1:1/a.iso', checksum='ab'), answers,
                                    check_mode=True)
        self.assertEqual(('exit', True, '/vm/.iso/a.iso'), (outcome, result['changed'], result['path']))
        self.assertEqual([['vm', 'iso', 'http://127.0.0.1:1/a.iso']], result['commands'])


if __name__ == '__main__':
    unittest.main()
