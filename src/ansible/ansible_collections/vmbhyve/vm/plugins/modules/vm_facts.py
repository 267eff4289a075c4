#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: vm_facts
short_description: Gather a host's guests, switches, datastores and images as facts
description:
  - Reads C(vm list --json), C(vm switch list --json), C(vm datastore list --json) and
    C(vm image list --json) (and, with O(details), C(vm info --json)) and returns them as facts.
  - Changes nothing.
version_added: 0.1.0
author: vm-bhyve-java contributors
options:
  details:
    description: Also gather every guest's C(vm info --json) block as RV(ansible_facts.vm_guest_details).
    type: bool
    default: false
extends_documentation_fragment:
  - vmbhyve.vm.vm
notes:
  - Supports check mode (it changes nothing anyway).
  - C(vm image list) needs a ZFS C($vm_dir); on other hosts RV(ansible_facts.vm_images) is empty.
'''

EXAMPLES = r'''
- name: Gather what vm manages
  vmbhyve.vm.vm_facts:

- name: Name the running guests
  ansible.builtin.debug:
    msg: "{{ ansible_facts.vm_guests | selectattr('state', 'equalto', 'running') | map(attribute='name') | list }}"
'''

RETURN = r'''
ansible_facts:
  description: What vm manages on the host.
  returned: always
  type: complex
  contains:
    vm_guests:
      description: C(vm list --json), one row a guest, with running guests' C(addresses).
      type: list
      elements: dict
      sample: [{"name": "web1", "state": "running", "addresses": ["10.0.0.5"], "tags": ["prod"]}]
    vm_switches:
      description: C(vm switch list --json).
      type: list
      elements: dict
    vm_datastores:
      description: C(vm datastore list --json).
      type: list
      elements: dict
    vm_images:
      description: C(vm image list --json); empty where vm cannot list images.
      type: list
      elements: dict
    vm_guest_details:
      description: C(vm info --json) of every guest, with O(details) only.
      type: list
      elements: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_runner import VmError, VmRunner, runner_argument_spec


def main():
    argument_spec = runner_argument_spec()
    argument_spec.update(details=dict(type='bool', default=False))
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    runner = VmRunner(module)
    facts = {}
    try:
        facts['vm_guests'] = runner.json('list', '--json')
        facts['vm_switches'] = runner.json('switch', 'list', '--json')
        facts['vm_datastores'] = runner.json('datastore', 'list', '--json')
        try:
            facts['vm_images'] = runner.json('image', 'list', '--json')
        except VmError as e:
            # images live on ZFS only: elsewhere vm says so, and there are none
            module.warn('no images: %s' % e.message())
            facts['vm_images'] = []
        if module.params['details']:
            facts['vm_guest_details'] = runner.json('info', '--json') if facts['vm_guests'] else []
    except VmError as e:
        runner.fail(e, changed=False)
    module.exit_json(changed=False, ansible_facts=facts)


if __name__ == '__main__':
    main()
