import errno, os
print(errno.ENOENT, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN])
print(len(errno.errorcode), sorted(errno.errorcode.items())[:5])
names = [n for n in dir(errno) if n.startswith('E')]
print(len(names), names[:8])
try:
    open('/nonexistent/file')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], type(e).__name__)
