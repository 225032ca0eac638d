# The posix module used directly: files, directories, stat, errors.
import posix

d = 'posix_native_tmpdir'
posix.mkdir(d)
try:
    fd = posix.open(d + '/a.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(posix.write(fd, b'hello world'))
    posix.close(fd)
    fd = posix.open(d + '/a.txt', posix.O_RDONLY)
    print(posix.read(fd, 5), posix.lseek(fd, 0, 2))
    st = posix.fstat(fd)
    posix.close(fd)
    print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
    s = posix.stat(d + '/a.txt')
    print(s.st_size, s.st_mode & 0o170000 == 0o100000, s.st_nlink)
    posix.mkdir(d + '/sub')
    print(sorted(posix.listdir(d)))
    print(sorted(posix.listdir(d.encode())))
    entries = sorted(posix.scandir(d), key=lambda e: e.name)
    print([(e.name, e.path, e.is_dir(), e.is_file()) for e in entries])
    posix.rename(d + '/a.txt', d + '/b.txt')
    print(posix.access(d + '/b.txt', posix.R_OK), posix.access(d + '/a.txt', posix.F_OK))
    posix.unlink(d + '/b.txt')
    posix.rmdir(d + '/sub')
finally:
    posix.rmdir(d)

for call in (lambda: posix.stat('no_such_file_here'),
             lambda: posix.listdir('no_such_dir_here'),
             lambda: posix.rmdir('no_such_dir_here'),
             lambda: posix.mkdir('.'),
             lambda: posix.rename('no_such_a', 'no_such_b'),
             lambda: posix.close(-1)):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2)
        print(e)

print(posix.strerror(13), posix.error is OSError)
print(repr(posix.stat_result(tuple(range(10)))))
r = posix.stat_result(tuple(range(13)))
print(r.st_atime, r.st_mtime, r.st_ctime, r[7], r.st_rdev)
try:
    posix.stat_result((1, 2))
except TypeError as e:
    print(e)
print(type(posix.environ).__name__, all(type(k) is bytes for k in posix.environ))
print(posix.fspath('abc'), posix.fspath(b'abc'))
try:
    posix.fspath(1)
except TypeError as e:
    print(e)
print(len(posix.urandom(16)), type(posix.getpid()).__name__, posix.cpu_count() > 0)
print(posix.uname().sysname, len(posix.uname()), len(posix.times()))
r, w = posix.pipe()
posix.write(w, b'xyz')
print(posix.read(r, 10))
posix.close(r)
posix.close(w)
print(posix.WNOHANG, posix.O_CREAT, posix.F_OK, posix.X_OK)
