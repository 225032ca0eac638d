# The os module over posix.
import os
import stat

print(os.name, os.sep, os.curdir, os.pardir, os.devnull, os.linesep == '\n')
print(os.path.join('a', 'b'), os.path.splitext('a.tar.gz'), os.path.basename('/a/b.py'))
print(os.path.exists('.'), os.path.isdir('.'), os.path.isfile('.'))
os.environ['TAIPAN_TEST_VAR'] = 'bar'
print(os.getenv('TAIPAN_TEST_VAR'), os.environ.get('TAIPAN_NO_SUCH_VAR', 'dflt'))
del os.environ['TAIPAN_TEST_VAR']
print('TAIPAN_TEST_VAR' in os.environ)
d = 'os_module_tmpdir'
os.makedirs(d + '/x/y', exist_ok=True)
with open(d + '/x/f.txt', 'w') as f:
    f.write('data')
print(os.path.getsize(d + '/x/f.txt'), stat.S_ISREG(os.stat(d + '/x/f.txt').st_mode))
for root, dirs, files in os.walk(d):
    print(root, sorted(dirs), sorted(files))
os.remove(d + '/x/f.txt')
os.removedirs(d + '/x/y')
print(os.path.exists(d))
try:
    os.stat('no_such_file_here')
except FileNotFoundError as e:
    print(e)
print(os.path.normpath('a//b/../c'), os.fspath('p'), len(os.urandom(4)))
