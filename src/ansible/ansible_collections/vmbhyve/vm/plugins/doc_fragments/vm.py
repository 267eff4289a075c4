# -*- coding: utf-8 -*-
# BSD-2-Clause (see LICENSE in the repository)
"""The options every module of the collection takes: how to run vm (module_utils.vm_runner)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    DOCUMENTATION = r'''
options:
  vm_path:
    description: The C(vm) program; by default C(vm) found on E(PATH).
    type: str
    default: vm
  environment:
    description: Variables added to C(vm)'s environment (such as E(VM_RC_CONF)).
    type: dict
    default: {}
'''
