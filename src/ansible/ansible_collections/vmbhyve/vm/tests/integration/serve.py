"""A loopback HTTP server for the vm_media tests: serves DIRECTORY on 127.0.0.1 at a free
port, writes the port to PORTFILE, and stops by itself after SECONDS (the test script also stops it when it ends)."""
import functools
import http.server
import sys
import threading

directory, portfile, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
with open(portfile + '.tmp', 'w') as f:
    f.write(str(server.server_address[1]))
import os
os.rename(portfile + '.tmp', portfile)
threading.Timer(seconds, server.shutdown).start()
server.serve_forever()
