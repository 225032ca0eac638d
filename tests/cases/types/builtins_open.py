import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    print(type(f).__name__, f.mode, f.name == p, f.closed, f.encoding)
    f.write('line1\nline2\n')
print(f.closed)
with open(p) as f:
    print(f.read())
with open(p, 'rb') as f:
    print(type(f).__name__, f.read())
with open(p, 'a') as f:
    f.write('x')
with open(p) as f:
    print(f.readlines())
try:
    open(os.path.join(d, 'missing'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    open(p, 'rw')
except ValueError as e:
    print(e)
try:
    open(p, 'rb', encoding='utf8')
except ValueError as e:
    print(e)
try:
    open(1.5)
except TypeError as e:
    print(e)
print(open is __import__('io').open)
os.remove(p)
os.rmdir(d)
