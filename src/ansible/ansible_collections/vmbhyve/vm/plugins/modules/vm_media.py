#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vm-bhyve-java contributors
# BSD-2-Clause (see LICENSE in the repository)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: vm_media
short_description: Download installation ISOs and cloud images with vm, checked against a checksum
description:
  - Downloads an ISO (C(vm iso URL)) or a cloud image (C(vm img URL)) into a media store and
    verifies the file against O(checksum); a file that does not match is removed and the task fails.
  - Finds stored files with C(vm iso --json) / C(vm img --json) and the stores with
    C(vm datastore list --json). A stored file that matches the checksum is left alone; one that
    does not is downloaded again.
version_added: 0.1.0
author: vm-bhyve-java contributors
options:
  url:
    description: HTTP or HTTPS URL to download. vm names the file after the URL's last part (unpacked for C(.xz), C(.gz)).
    type: str
  name:
    description: The stored file's name, when it differs from the URL's last part (after vm unpacks it).
    type: str
  type:
    description: V(iso) for installation media, V(img) for cloud images.
    type: str
    choices: [iso, img]
    default: iso
  checksum:
    description:
      - V(ALGORITHM:HEX) of the stored file, such as V(sha256:9f86...); a bare hex string is SHA-256.
      - Required to download; vm does not check downloads itself.
    type: str
  datastore:
    description: Media store to download into (C(-d)); the default store (C($vm_dir/.iso), C(.img)) when not given.
    type: str
    default: default
  state:
    description: V(present) downloads the file if needed; V(absent) removes it (vm has no command for that).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - vmbhyve.vm.vm
notes:
  - Supports check mode and diff mode.
'''

EXAMPLES = r'''
- name: A Debian cloud image
  vmbhyve.vm.vm_media:
    type: img
    url: https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.raw
    checksum: "sha512:{{ debian_raw_sha512 }}"

- name: FreeBSD's installer
  vmbhyve.vm.vm_media:
    url: https://download.freebsd.org/releases/ISO-IMAGES/14.3/FreeBSD-14.3-RELEASE-amd64-disc1.iso
    checksum: "sha256:{{ freebsd_iso_sha256 }}"
'''

RETURN = r'''
path:
  description: Where the file is stored.
  returned: when O(state=present)
  type: str
  sample: /vm/.img/debian-12-genericcloud-amd64.raw
checksum:
  description: The file's checksum, as V(ALGORITHM:HEX).
  returned: when the file exists
  type: str
commands:
  description: The vm commands run (or, in check mode, that would run).
  returned: always
  type: list
  elements: list
'''

import hashlib
import os

from ansible.module_utils.basic import AnsibleModule
from urllib.parse import urlparse
from ansible_collections.vmbhyve.vm.plugins.module_utils.vm_runner import VmError, VmRunner, runner_argument_spec

UNPACKED = ('.tar.gz', '.tgz', '.xz', '.gz')


def stored_name(url):
    """The name vm gives a download: the URL's last part, without the compression it undoes."""
    name = os.path.basename(urlparse(url).path)
    for suffix in UNPACKED:
        if name.endswith(suffix) and name != suffix:
            return name[:-len(suffix)]
    return name


def split_checksum(text):
    algorithm, sep, digest = text.partition(':')
    if not sep:
        algorithm, digest = 'sha256', text
    algorithm = algorithm.lower()
    if algorithm not in hashlib.algorithms_available:
        raise ValueError('unknown checksum algorithm %s' % algorithm)
    return algorithm, digest.strip().lower()


def file_digest(path, algorithm):
    h = hashlib.new(algorithm)
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def store_path(runner, kind, datastore):
    """The directory of a media store: $vm_dir/.iso (or .img) for default, else the store's own path."""
    for row in runner.json('datastore', 'list', '--json'):
        if row['name'] == datastore:
            return os.path.join(row['path'], '.' + kind) if datastore == 'default' else row['path']
    raise ValueError('vm has no datastore %s' % datastore)


def main():
    argument_spec = runner_argument_spec()
    argument_spec.update(
        url=dict(type='str'),
        name=dict(type='str'),
        type=dict(type='str', default='iso', choices=['iso', 'img']),
        checksum=dict(type='str'),
        datastore=dict(type='str', default='default'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True,
                           required_one_of=[('url', 'name')],
                           required_if=[('state', 'present', ('url', 'checksum'))])
    p = module.params
    runner = VmRunner(module)
    commands = []
    try:
        algorithm, digest = split_checksum(p['checksum']) if p['checksum'] else (None, None)
        name = p['name'] or stored_name(p['url'])
        stored = [r for r in runner.json(p['type'], '--json')
                  if r['filename'] == name and r['datastore'] == p['datastore']]
        path = os.path.join(store_path(runner, p['type'], p['datastore']), name)
        have = file_digest(path, algorithm) if stored and algorithm else None
        result = dict(changed=False, commands=commands, path=path)
        if p['state'] == 'absent':
            if stored:
                result['changed'] = True
                if not module.check_mode:
                    os.remove(path)
            module.exit_json(**result)
        if stored and have == digest:
            result['checksum'] = '%s:%s' % (algorithm, have)
            module.exit_json(**result)
        args = [p['type']] + (['-d', p['datastore']] if p['datastore'] != 'default' else []) + [p['url']]
        commands.append([runner.vm_path] + args)
        result['changed'] = True
        if module._diff:
            result['diff'] = dict(before='%s: %s\n' % (name, 'absent' if not stored else '%s:%s' % (algorithm, have)),
                                  after='%s: %s:%s\n' % (name, algorithm, digest))
        if module.check_mode:
            module.exit_json(**result)
        runner.run(*args)
        if not os.path.exists(path):
            module.fail_json(msg='vm %s stored no file %s in %s; give its name with the name option'
                             % (p['type'], name, os.path.dirname(path)), **result)
        got = file_digest(path, algorithm)
        if got != digest:
            os.remove(path)
            module.fail_json(msg='checksum mismatch for %s: expected %s:%s, got %s:%s; the file was removed'
                             % (p['url'], algorithm, digest, algorithm, got), **result)
        result['checksum'] = '%s:%s' % (algorithm, got)
        module.exit_json(**result)
    except VmError as e:
        runner.fail(e, changed=bool(commands), commands=commands)
    except (ValueError, IOError, OSError) as e:
        module.fail_json(msg=str(e), commands=commands)


if __name__ == '__main__':
    main()
