#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: vm_snapshot
short_description: Take, roll back to and destroy ZFS snapshots of a guest
description:
  - Reads the guest's snapshots from C(vm info --json) (C(snapshots)), then takes one
    (C(vm snapshot)), rolls the guest back to one (C(vm rollback)) or destroys one
    (C(vm destroy NAME@SNAPSHOT)). Needs a guest on a ZFS datastore.
version_added: 0.1.0
author: vm-bhyve-java contributors
options:
  name:
    description: The guest.
    type: str
    required: true
  snapshot:
    description: The snapshot's name (the part after C(@)).
    type: str
    required: true
  state:
    description:
      - V(present) takes the snapshot unless it exists; V(absent) destroys it if it exists;
        V(rolled_back) rolls the guest back to it.
      - A roll back reports no change when the snapshot is the guest's newest and holds no space of
        its own (its C(used) is zero), so nothing was rewritten since it was taken.
    type: str
    choices: [present, absent, rolled_back]
    default: present
  force:
    description: Snapshot a running guest (C(vm snapshot -f)).
    type: bool
    default: false
  destroy_newer:
    description: On roll back, destroy the snapshots taken after this one (C(vm rollback -r)); vm refuses without it when there are some.
    type: bool
    default: false
extends_documentation_fragment:
  - vmbhyve.vm.vm
notes:
  - Supports check mode and diff mode.
'''

EXAMPLES = r'''
- name: Before the upgrade
  vmbhyve.vm.vm_snapshot:
    name: db1
    snapshot: pre-upgrade
    force: true

- name: Back to it
  vmbhyve.vm.vm_snapshot:
    name: db1
    snapshot: pre-upgrade
    state: rolled_back
    destroy_newer: true

- name: Done with it
  vmbhyve.vm.vm_snapshot:
    name: db1
    snapshot: pre-upgrade
    state: absent
'''

RETURN = r'''
snapshots:
  description: The guest's snapshots afterwards (C(vm info --json), C(snapshots)), oldest first.
  returned: always
  type: list
  elements: dict
  sample: [{"name": "zroot/vm/db1@pre-upgrade", "used": "0B", "creation": "Tue Dec  8 10:00 2026"}]
commands:
  description: The vm commands run (or, in check mode, that would run).
  returned: always
  type: list
  elements: list
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_runner import VmError, VmRunner, runner_argument_spec

EMPTY = ('0', '0B', '0K')


def snapshot_names(snapshots, guest):
    """The snapshots of the guest's own dataset, by their short names, oldest first."""
    names = []
    for snap in snapshots:
        dataset, sep, short = snap['name'].partition('@')
        if sep and dataset.rsplit('/', 1)[-1] == guest:
            names.append((short, snap))
    return names


def main():
    argument_spec = runner_argument_spec()
    argument_spec.update(
        name=dict(type='str', required=True),
        snapshot=dict(type='str', required=True),
        state=dict(type='str', default='present', choices=['present', 'absent', 'rolled_back']),
        force=dict(type='bool', default=False),
        destroy_newer=dict(type='bool', default=False),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    p = module.params
    runner = VmRunner(module)
    commands = []
    target = '%s@%s' % (p['name'], p['snapshot'])
    try:
        if runner.row(p['name']) is None:
            module.fail_json(msg='vm has no guest %s' % p['name'], commands=commands)
        snapshots = runner.info(p['name']).get('snapshots') or []
        names = snapshot_names(snapshots, p['name'])
        shorts = [n for n, dummy in names]
        args = None
        if p['state'] == 'present' and p['snapshot'] not in shorts:
            args = ['snapshot'] + (['-f'] if p['force'] else []) + [target]
        elif p['state'] == 'absent' and p['snapshot'] in shorts:
            args = ['destroy', '-f', target]
        elif p['state'] == 'rolled_back':
            if p['snapshot'] not in shorts:
                module.fail_json(msg='guest %s has no snapshot %s' % (p['name'], p['snapshot']), commands=commands)
            newest, snap = names[-1]
            if not (newest == p['snapshot'] and snap.get('used') in EMPTY):
                args = ['rollback'] + (['-r'] if p['destroy_newer'] else []) + [target]
        result = dict(changed=args is not None, commands=commands)
        if args:
            commands.append([runner.vm_path] + args)
            if module._diff:
                result['diff'] = dict(before=''.join(n + '\n' for n in shorts),
                                      after='(%s)\n' % ' '.join(args))
            if not module.check_mode:
                runner.run(*args)
        changed_now = args is not None and not module.check_mode
        result['snapshots'] = (runner.info(p['name']).get('snapshots') or []) if changed_now else snapshots
    except VmError as e:
        runner.fail(e, changed=bool(commands), commands=commands)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
