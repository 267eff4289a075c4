#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: vm_guest
short_description: Create, configure, start, stop and remove bhyve guests with vm
description:
  - Manages one guest of a FreeBSD host through vm-bhyve-java's C(vm) command.
  - Reads the guest with C(vm list --json) and C(vm info --json); never parses tables.
  - Creates it with C(vm create) (template, size, datastore, cloud image, cloud-init), changes its
    settings with C(vm configure) and its tags with C(vm tags), and starts and stops it.
  - Settings that C(vm create) takes (O(template), O(size), O(datastore), O(image), cloud-init) apply
    only when the guest is created; later changes go through O(config).
version_added: 0.1.0
author: vm-bhyve-java contributors
options:
  name:
    description: The guest's name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the guest exist; V(running) and V(stopped) also start or stop it;
        V(restarted) restarts a running guest (starts a stopped one); V(absent) powers it off
        and destroys it with its disks.
    type: str
    choices: [present, absent, running, stopped, restarted]
    default: present
  template:
    description: Template in C($vm_dir/.templates) to create the guest from (C(vm create -t)).
    type: str
  size:
    description: Size of the first disk, such as V(20G) (C(vm create -s)).
    type: str
  cpus:
    description: Number of virtual CPUs at creation (C(vm create -c)); change it later with O(config) C(cpu).
    type: int
  memory:
    description: Memory at creation, such as V(2G) (C(vm create -m)); change it later with O(config) C(memory).
    type: str
  datastore:
    description: Datastore to create the guest in (C(vm create -d)).
    type: str
  image:
    description: Cloud image (a file in the C(img) store, see M(vmbhyve.vm.vm_media)) written to the first disk (C(vm create -i)).
    type: str
  cloud_init:
    description: Give the guest a cloud-init seed (C(vm create -C)). Implied by O(ssh_key), O(user_data) and O(network_config).
    type: bool
    default: false
  ssh_key:
    description: File on the host with SSH public keys for the cloud-init user (C(vm create -k)).
    type: path
  user_data:
    description: File on the host with cloud-init user-data (C(vm create -u)).
    type: path
  network_config:
    description: cloud-init network settings, such as V(ip=192.0.2.10/24;gateway4=192.0.2.1) (C(vm create -n)).
    type: str
  config:
    description:
      - Settings of the guest's configuration file, such as C(cpu), C(memory), C(loader),
        C(network0_switch). A value of V(null) removes the setting. Other settings are left alone.
    type: dict
    default: {}
  tags:
    description: The guest's tags, exactly (C(vm tags add/remove)). Left alone when not given.
    type: list
    elements: str
  stop_timeout:
    description: Seconds to wait after the ACPI shutdown before forcing the guest off (C(vm stop -t)).
    type: int
  wait_for_address:
    description: Wait until the host has seen an address for the running guest (C(vm info --json), C(addresses)).
    type: bool
    default: false
  timeout:
    description: Seconds to wait for a stop, a start or an address.
    type: int
    default: 300
extends_documentation_fragment:
  - vmbhyve.vm.vm
notes:
  - Supports check mode and diff mode (the settings changed by O(config), the tags and the state).
requirements:
  - vm-bhyve-java's C(vm) on the managed host
'''

EXAMPLES = r'''
- name: A guest from a cloud image, with cloud-init, running, with its address
  vmbhyve.vm.vm_guest:
    name: web1
    template: linux
    size: 20G
    image: debian-12-genericcloud-amd64.raw
    ssh_key: /root/.ssh/id_ed25519.pub
    config:
      cpu: "2"
      memory: 2G
    tags: [web, prod]
    state: running
    wait_for_address: true
    timeout: 300
  register: web1

- name: Print it
  ansible.builtin.debug:
    msg: "web1 answers at {{ web1.address }}"

- name: Stop it, forcing it off after a minute
  vmbhyve.vm.vm_guest:
    name: web1
    state: stopped
    stop_timeout: 60

- name: Remove it and its disks
  vmbhyve.vm.vm_guest:
    name: web1
    state: absent
'''

RETURN = r'''
guest:
  description: The guest's C(vm info --json) block (null when it is absent, or only planned in check mode).
  returned: always
  type: dict
  sample: {"name": "web1", "state": "running", "networkInterfaces": [{"number": 0, "active": {"addresses": ["10.0.0.5"]}}]}
addresses:
  description: The addresses the host has seen for the guest's interfaces, IPv4 first.
  returned: always
  type: list
  elements: str
  sample: ["10.0.0.5", "2001:db8::5"]
address:
  description: The first of O(addresses), or null.
  returned: always
  type: str
  sample: 10.0.0.5
commands:
  description: The vm commands run (or, in check mode, that would run).
  returned: always
  type: list
  elements: list
  sample: [["vm", "create", "-t", "linux", "web1"], ["vm", "start", "web1"]]
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_runner import VmError, VmRunner, runner_argument_spec
from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_guest_state import Guest, addresses_of


def main():
    argument_spec = runner_argument_spec()
    argument_spec.update(
        name=dict(type='str', required=True),
        state=dict(type='str', default='present', choices=['present', 'absent', 'running', 'stopped', 'restarted']),
        template=dict(type='str'),
        size=dict(type='str'),
        cpus=dict(type='int'),
        memory=dict(type='str'),
        datastore=dict(type='str'),
        image=dict(type='str'),
        cloud_init=dict(type='bool', default=False),
        ssh_key=dict(type='path'),
        user_data=dict(type='path'),
        network_config=dict(type='str'),
        config=dict(type='dict', default={}),
        tags=dict(type='list', elements='str'),
        stop_timeout=dict(type='int'),
        wait_for_address=dict(type='bool', default=False),
        timeout=dict(type='int', default=300),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    runner = VmRunner(module)
    guest = Guest(module, runner)
    try:
        info = guest.apply()
    except VmError as e:
        runner.fail(e, changed=guest.changed, commands=guest.commands)
    addresses = addresses_of(info)
    result = dict(changed=guest.changed, guest=info, addresses=addresses, address=addresses[0] if addresses else None,
                  commands=guest.commands)
    if module._diff and guest.changed:
        result['diff'] = dict(before=''.join('%s: %s\n' % kv for kv in sorted(guest.before.items())),
                              after=''.join('%s: %s\n' % kv for kv in sorted(guest.after.items())))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
