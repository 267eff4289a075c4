#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: vm_switch
short_description: Create, change and remove vm virtual switches
description:
  - Manages one virtual switch of a FreeBSD host through C(vm switch), reading it with
    C(vm switch list --json) and C(vm switch info --json).
  - Creates it with C(vm switch create); on an existing switch, adds the uplink (C(vm switch add)),
    sets the VLAN (C(vm switch vlan)), the address (C(vm switch address)), private mode
    (C(vm switch private)) and NAT (C(vm switch nat)).
version_added: 0.1.0
author: vm-bhyve-java contributors
options:
  name:
    description: The switch's name.
    type: str
    required: true
  state:
    description: V(present) makes the switch exist as described; V(absent) destroys it (C(vm switch destroy)).
    type: str
    choices: [present, absent]
    default: present
  type:
    description: The switch type, set at creation.
    type: str
    choices: [standard, manual, vale, netgraph, vxlan]
    default: standard
  interface:
    description: Host interface that is (or becomes) an uplink of the switch (C(-i), C(vm switch add)).
    type: str
  bridge:
    description: Existing bridge a V(manual) switch stands for (C(-b)).
    type: str
  address:
    description: Address of the bridge in CIDR notation, such as V(10.0.0.1/24) (C(-a), C(vm switch address)); V(none) removes it.
    type: str
  vlan:
    description: VLAN of the uplink (C(-n), C(vm switch vlan)); V(0) removes it.
    type: int
  mtu:
    description: MTU of the switch and its members, set at creation (C(-m)); vm cannot change it later.
    type: int
  private:
    description: Guests on the switch cannot reach each other (C(-p), C(vm switch private)).
    type: bool
  nat:
    description: NAT (and DHCP, with dnsmasq) for the switch's guests (C(vm switch nat)); needs an IPv4 O(address).
    type: bool
extends_documentation_fragment:
  - vmbhyve.vm.vm
notes:
  - Supports check mode and diff mode.
'''

EXAMPLES = r'''
- name: A switch with an uplink on VLAN 10
  vmbhyve.vm.vm_switch:
    name: public
    interface: em0
    vlan: 10

- name: A private NAT network for guests
  vmbhyve.vm.vm_switch:
    name: lab
    address: 10.0.0.1/24
    nat: true

- name: Remove a switch
  vmbhyve.vm.vm_switch:
    name: lab
    state: absent
'''

RETURN = r'''
switch:
  description: The switch's row of C(vm switch list --json) (null when absent), with C(nat) from C(vm switch info --json).
  returned: always
  type: dict
  sample: {"name": "public", "type": "standard", "iface": "vm-public", "address": null, "vlan": "10", "ports": ["em0"], "nat": false}
commands:
  description: The vm commands run (or, in check mode, that would run).
  returned: always
  type: list
  elements: list
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_runner import VmError, VmRunner, runner_argument_spec


def onoff(value):
    return 'on' if value else 'off'


def describe(row):
    """The switch as the diff shows it."""
    if row is None:
        return 'absent\n'
    keys = ('type', 'iface', 'address', 'address6', 'vlan', 'mtu', 'privateMode', 'ports', 'nat')
    return ''.join('%s: %s\n' % (k, row.get(k)) for k in keys)


class Switch(object):

    def __init__(self, module, runner):
        self.module = module
        self.runner = runner
        self.p = module.params
        self.commands = []

    def do(self, *args):
        self.commands.append([self.runner.vm_path] + [str(a) for a in args])
        if not self.module.check_mode:
            self.runner.run(*args)

    def read(self):
        for row in self.runner.json('switch', 'list', '--json'):
            if row['name'] == self.p['name']:
                info = self.runner.json('switch', 'info', '--json', self.p['name'])
                row['nat'] = bool(info and info[0].get('nat'))
                return row
        return None

    def create(self):
        p = self.p
        args = ['switch', 'create', '-t', p['type']]
        for flag, key in (('-i', 'interface'), ('-n', 'vlan'), ('-m', 'mtu'), ('-a', 'address'), ('-b', 'bridge')):
            if p[key] is not None and not (key == 'address' and p[key] == 'none') and not (key == 'vlan' and p[key] == 0):
                args += [flag, p[key]]
        if p['private']:
            args.append('-p')
        self.do(*(args + [p['name']]))
        if p['nat']:
            self.do('switch', 'nat', p['name'], 'on')

    def update(self, row):
        p = self.p
        name = p['name']
        if row['type'] != p['type']:
            self.module.fail_json(msg='switch %s is of type %s, not %s: destroy it first to change its type'
                                  % (name, row['type'], p['type']))
        if p['mtu'] is not None and str(p['mtu']) != (row.get('mtu') or ''):
            self.module.fail_json(msg='switch %s has mtu %s; vm sets the mtu only when it creates a switch'
                                  % (name, row.get('mtu') or 'unset'))
        if p['interface'] and p['interface'] not in (row.get('ports') or []):
            self.do('switch', 'add', name, p['interface'])
        if p['vlan'] is not None and str(p['vlan']) != (row.get('vlan') or '0'):
            self.do('switch', 'vlan', name, p['vlan'])
        if p['address'] is not None:
            have = [a for a in (row.get('address'), row.get('address6')) if a]
            if p['address'] == 'none' and have:
                self.do('switch', 'address', name, 'none')
            elif p['address'] != 'none' and p['address'] not in have:
                self.do('switch', 'address', name, p['address'])
        if p['private'] is not None and p['private'] != (row.get('privateMode') == 'yes'):
            self.do('switch', 'private', name, onoff(p['private']))
        if p['nat'] is not None and p['nat'] != row.get('nat'):
            self.do('switch', 'nat', name, onoff(p['nat']))


def main():
    argument_spec = runner_argument_spec()
    argument_spec.update(
        name=dict(type='str', required=True),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        type=dict(type='str', default='standard', choices=['standard', 'manual', 'vale', 'netgraph', 'vxlan']),
        interface=dict(type='str'),
        bridge=dict(type='str'),
        address=dict(type='str'),
        vlan=dict(type='int'),
        mtu=dict(type='int'),
        private=dict(type='bool'),
        nat=dict(type='bool'),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    runner = VmRunner(module)
    switch = Switch(module, runner)
    try:
        before = switch.read()
        if module.params['state'] == 'absent':
            if before is not None:
                switch.do('switch', 'destroy', module.params['name'])
        elif before is None:
            switch.create()
        else:
            switch.update(before)
        changed = bool(switch.commands)
        after = switch.read() if changed and not module.check_mode else before
    except VmError as e:
        runner.fail(e, changed=bool(switch.commands), commands=switch.commands)
    result = dict(changed=changed, switch=after, commands=switch.commands)
    if module._diff and changed:
        result['diff'] = dict(before=describe(before),
                              after='absent\n' if module.params['state'] == 'absent' else
                              ('(as planned: %s)\n' % '; '.join(' '.join(c[1:]) for c in switch.commands)
                               if module.check_mode else describe(after)))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
