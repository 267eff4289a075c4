# -*- coding: utf-8 -*-
# BSD-2-Clause (see LICENSE in the repository)
"""What ansible-test's validate-modules checks first, which needs a network to set up: each
module's DOCUMENTATION, EXAMPLES and RETURN are YAML, and the options documented are the
options the module takes, with the same types, defaults, choices and requirements."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import unittest

import yaml
from ansible.module_utils import basic

from ansible_collections.vmbhyve.vm.plugins.doc_fragments.vm import ModuleDocFragment
from ansible_collections.vmbhyve.vm.plugins.modules import vm_facts, vm_guest, vm_media, vm_snapshot, vm_switch

try:
    from unittest import mock
except ImportError:  # pragma: no cover
    import mock


class Spec(Exception):
    pass


def argument_spec(module):
    def capture(self, argument_spec, **kwargs):
        raise Spec(argument_spec)
    with mock.patch.object(basic.AnsibleModule, '__init__', capture):
        try:
            module.main()
        except Spec as e:
            return e.args[0]
    raise AssertionError('%s made no AnsibleModule' % module.__name__)


class DocumentationTest(unittest.TestCase):

    def test_documented_options_are_the_options(self):
        for module in (vm_facts, vm_guest, vm_media, vm_snapshot, vm_switch):
            name = module.__name__.rsplit('.', 1)[-1]
            doc = yaml.safe_load(module.DOCUMENTATION)
            self.assertEqual(name, doc['module'])
            self.assertTrue(doc['short_description'] and doc['description'] and doc['author'])
            self.assertIsInstance(yaml.safe_load(module.EXAMPLES), list, name)
            returned = yaml.safe_load(module.RETURN)
            self.assertIsInstance(returned, dict, name)
            for key, value in returned.items():
                self.assertIn('description', value, '%s returns %s' % (name, key))
                self.assertIn('returned', value, '%s returns %s' % (name, key))
            spec = argument_spec(module)
            self.assertEqual(['vmbhyve.vm.vm'], doc['extends_documentation_fragment'], name)
            options = dict(doc['options'], **yaml.safe_load(ModuleDocFragment.DOCUMENTATION)['options'])
            self.assertEqual(sorted(spec), sorted(options), name)
            for option, arg in spec.items():
                documented = options[option]
                where = '%s option %s' % (name, option)
                self.assertIn('description', documented, where)
                self.assertEqual(arg.get('type', 'str'), documented.get('type', 'str'), where)
                self.assertEqual(arg.get('default'), documented.get('default'), where)
                self.assertEqual(arg.get('choices'), documented.get('choices'), where)
                self.assertEqual(bool(arg.get('required')), bool(documented.get('required')), where)
                self.assertEqual(arg.get('elements'), documented.get('elements'), where)


if __name__ == '__main__':
    unittest.main()
